import { Money } from '../../events/lead-values';
import { IntentTier } from '../../events/lead-vocabulary';
import { LeadErrorCode } from '../../lead.errors';
import { QuoteState } from '../lead-state';
import { Rule, checkOptionalTime, compact, fail, isCalendarDate } from './values';

/** A delivered car with more on the clock than this is a typo. */
const MAX_ODOMETER_KM = 2_000_000;

export const analyseNeeds: Rule<'AnalyseNeeds'> = (command) => {
  if (!Array.isArray(command.data.intendedModels)) {
    fail(LeadErrorCode.InvalidIntendedModels, 'intendedModels must be a list', 'intendedModels');
  }
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

/** The tier comes from the dealer's table, never from the caller. */
export const assessPurchaseIntent: Rule<'AssessPurchaseIntent'> = (command, lead) => {
  const { timeframe, note } = command.data;
  const tier: IntentTier | undefined = command.context.policy.tierByTimeframe[timeframe];
  if (tier === undefined) fail(LeadErrorCode.InvalidTimeframe, `The policy has no tier for ${timeframe}`, 'timeframe');
  return [{ type: 'PurchaseIntentAssessed', data: compact({ timeframe, tier, previousTier: lead.tier, note }) }];
};

/** The deal names what was sold: the quote given, or the latest quote when none is named. */
export const winDeal: Rule<'WinDeal'> = (command, lead) => {
  const { quoteId, orderRef } = command.data;
  if (quoteId !== undefined && !lead.quotes[quoteId]) {
    fail(LeadErrorCode.QuoteNotFound, `No quote ${quoteId}`, 'quoteId');
  }
  const chosenId = quoteId ?? lead.latestQuoteId;
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
