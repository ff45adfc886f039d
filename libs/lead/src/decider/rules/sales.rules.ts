import { Money } from '../../events/lead-values';
import { IntentTier } from '../../events/lead-vocabulary';
import { LeadErrorCode } from '../../lead.errors';
import { QuoteState, RegisteredLeadState } from '../lead-state';
import { assertBudget } from './budget.rules';
import { assertNotBefore } from './guards';
import { Rule, checkOptionalTime, compact, fail, isCalendarDate } from './values';

/** A delivered car with more on the clock than this is a typo. */
const MAX_ODOMETER_KM = 2_000_000;

export const analyseNeeds: Rule<'AnalyseNeeds'> = (command) => {
  if (!Array.isArray(command.data.intendedModels)) {
    fail(LeadErrorCode.InvalidIntendedModels, 'intendedModels must be a list', 'intendedModels');
  }
  assertBudget(command.data.budget, 'budget');
  return [{ type: 'NeedsAnalysed', data: compact({ ...command.data }) }];
};

export const presentVehicle: Rule<'PresentVehicle'> = (command) => [
  { type: 'VehiclePresented', data: compact({ ...command.data }) },
];

export const giveQuote: Rule<'GiveQuote'> = (command, lead) => {
  const { quoteId, quantity, unitPrice, validUntil, expectedCloseDate } = command.data;
  if (lead.quotes[quoteId]) fail(LeadErrorCode.QuoteAlreadyGiven, `Quote ${quoteId} was already given`, 'quoteId');
  if (!Number.isInteger(quantity) || quantity < 1) {
    fail(LeadErrorCode.InvalidQuantity, 'quantity must be a whole number, 1 or more', 'quantity');
  }
  if (!Number.isFinite(unitPrice?.amount) || unitPrice.amount <= 0) {
    fail(LeadErrorCode.InvalidPrice, 'unitPrice.amount must be more than 0', 'unitPrice.amount');
  }
  checkOptionalTime(validUntil, 'validUntil');
  checkOptionalTime(expectedCloseDate, 'expectedCloseDate');
  const totalPrice: Money = { amount: unitPrice.amount * quantity, currency: unitPrice.currency };
  return [{ type: 'QuoteGiven', data: compact({ ...command.data, unitPrice: { ...unitPrice }, totalPrice }) }];
};

/**
 * The tier comes from the dealer's table, never from the caller. A late assessment (dated before the last one)
 * is history, not the current tier: it is recorded without `previousTier`, which the state cannot tell for then;
 * the read side derives every tier move in the order assessments happened.
 */
export const assessPurchaseIntent: Rule<'AssessPurchaseIntent'> = (command, lead) => {
  const { timeframe, note } = command.data;
  const tier: IntentTier | undefined = command.context.policy.tierByTimeframe[timeframe];
  if (tier === undefined) fail(LeadErrorCode.InvalidTimeframe, `The policy has no tier for ${timeframe}`, 'timeframe');
  const last = lead.lastChanges.assessment;
  const late = last !== undefined && Date.parse(command.context.occurredAt) < Date.parse(last);
  return [{ type: 'PurchaseIntentAssessed', data: compact({ timeframe, tier, previousTier: late ? undefined : lead.tier, note }) }];
};

/** The deal names what was sold: the quote given, or, when none is named, the latest quote given by then. */
export const winDeal: Rule<'WinDeal'> = (command, lead) => {
  const { quoteId, orderRef } = command.data;
  const { occurredAt } = command.context;
  if (quoteId !== undefined) {
    const named = lead.quotes[quoteId];
    if (!named) fail(LeadErrorCode.QuoteNotFound, `No quote ${quoteId}`, 'quoteId');
    if (named.cycle !== undefined && named.cycle !== lead.cycle) {
      fail(LeadErrorCode.QuoteFromEarlierPurchase, `Quote ${quoteId} belongs to an earlier purchase`, 'quoteId');
    }
    assertNotBefore(occurredAt, named.givenAt, `quote ${quoteId} was given`);
  }
  const chosenId = quoteId ?? latestQuoteBy(lead, occurredAt);
  const quote: QuoteState | undefined = chosenId === undefined ? undefined : lead.quotes[chosenId];
  const data = compact({
    quoteId: quote ? chosenId : undefined,
    model: quote?.model,
    quantity: quote?.quantity,
    totalPrice: quote ? { ...quote.totalPrice } : undefined,
    orderRef,
  });
  return [{ type: 'DealWon', data }];
};

/**
 * The quote of the current purchase given last at or before the time; a history folded without times knows only
 * the latest one folded.
 */
function latestQuoteBy(lead: RegisteredLeadState, occurredAt: string): string | undefined {
  const time = Date.parse(occurredAt);
  let latest: { id: string; at: number } | undefined;
  for (const [id, quote] of Object.entries(lead.quotes)) {
    if (quote.cycle !== undefined && quote.cycle !== lead.cycle) continue;
    if (quote.givenAt === undefined) return lead.latestQuoteId;
    const at = Date.parse(quote.givenAt);
    if (at <= time && (!latest || at >= latest.at)) latest = { id, at };
  }
  return latest?.id;
}

/** The delivery also records what the after-sale plan needs: odometer, insurance expiry, inspection date. */
export const deliverVehicle: Rule<'DeliverVehicle'> = (command, lead) => {
  if (lead.status !== 'won') fail(LeadErrorCode.DealNotWon, 'Only a won deal can be delivered');
  const { vin, note, odometerKm, insuranceExpiresOn, inspectionDueOn } = command.data;
  if (odometerKm !== undefined && !(Number.isFinite(odometerKm) && odometerKm >= 0 && odometerKm <= MAX_ODOMETER_KM)) {
    fail(LeadErrorCode.InvalidOdometer, `odometerKm must be from 0 to ${MAX_ODOMETER_KM}`, 'odometerKm');
  }
  for (const [field, value] of [['insuranceExpiresOn', insuranceExpiresOn], ['inspectionDueOn', inspectionDueOn]] as const) {
    if (value !== undefined && !isCalendarDate(value)) fail(LeadErrorCode.InvalidDate, `${field} must be a date YYYY-MM-DD`, field);
  }
  const data = compact({ vin, model: lead.deal?.model, note, odometerKm, insuranceExpiresOn, inspectionDueOn });
  return [{ type: 'VehicleDelivered', data }];
};
