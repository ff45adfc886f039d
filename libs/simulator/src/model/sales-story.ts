import { derivedId } from '@crm/kernel';
import { PlannedAction } from '../engine/planned-action';
import { SeededRandom } from '../random/seeded-random';
import { SIMULATION_DISTRIBUTIONS } from './simulation-distributions';
import { consultant, DAY_MS, HOUR_MS, leadAction, MINUTE_MS, open, PlanContext } from './staff-behaviour';
import { localDatePlus } from './working-hours';

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * A consultant's follow-up from the hand-off (domain.md, sales funnel): needs analysis, presentation, test drive,
 * quote, then the customer signs, is lost (a request the manager decides), or stalls. Each step may be the last.
 */
export function salesStoryActions(ctx: PlanContext, consultantId: string, from: number, walkIn: boolean): PlannedAction[] {
  const s = SIMULATION_DISTRIBUTIONS.sales;
  const { lead } = ctx;
  const rng = lead.random('sales');
  const actor = consultant(consultantId);
  const model = lead.arrival.model;
  let t = walkIn ? from + 10 * MINUTE_MS : open(ctx, from + rng.between(s.firstFollowUpHours.min, s.firstFollowUpHours.max) * HOUR_MS);
  const actions: PlannedAction[] = [];
  const decideAt = (after: number): number => open(ctx, after + rng.between(s.decisionDays.min, s.decisionDays.max) * DAY_MS);
  const dropOut = (after: number): PlannedAction[] => [...actions, ...(rng.chance(s.lostBeforeQuote) ? lose(ctx, rng, decideAt(after), consultantId) : stall(ctx, rng, decideAt(after), consultantId))];

  if (!rng.chance(s.needsAnalysed)) {
    actions.push(leadAction(ctx, t, actor, { type: 'LogCall', data: { direction: 'outbound', outcome: 'connected' } }));
    return dropOut(t);
  }
  const { budget, payment } = lead.arrival.registration.profile;
  actions.push(leadAction(ctx, t, actor, { type: 'AnalyseNeeds', data: { intendedModels: [model], ...(budget ? { budget } : {}), ...(payment ? { payment } : {}) } }));
  t += 20 * MINUTE_MS;
  if (!rng.chance(s.vehiclePresented)) return dropOut(t);
  actions.push(leadAction(ctx, t, actor, { type: 'PresentVehicle', data: { model } }));
  t += 20 * MINUTE_MS;
  if (rng.chance(s.testDriveOffered)) {
    const testDriveId = derivedId(lead.leadId, 'test-drive', rng.seed);
    const scheduledFor = open(ctx, t + rng.between(s.testDriveDays.min, s.testDriveDays.max) * DAY_MS);
    actions.push(leadAction(ctx, t, actor, { type: 'ScheduleTestDrive', data: { testDriveId, model, scheduledFor: iso(scheduledFor) } }));
    t = scheduledFor + 45 * MINUTE_MS;
    actions.push(rng.chance(s.testDriveShowUp)
      ? leadAction(ctx, t, actor, { type: 'CompleteTestDrive', data: { testDriveId } })
      : leadAction(ctx, t, actor, { type: 'RecordTestDriveNoShow', data: { testDriveId } }));
  }
  if (!rng.chance(s.quoted)) return dropOut(t);
  const quoteId = derivedId(lead.leadId, 'quote', rng.seed);
  const listPrice = SIMULATION_DISTRIBUTIONS.arrivals.listPrices[model] ?? 400_000;
  const amount = Math.round((listPrice * (1 - rng.between(s.discount.min, s.discount.max))) / 100) * 100;
  t += 10 * MINUTE_MS;
  actions.push(leadAction(ctx, t, actor, {
    type: 'GiveQuote',
    data: { quoteId, model, quantity: rng.chance(s.secondCar) ? 2 : 1, unitPrice: { amount, currency: 'CNY' }, validUntil: iso(t + 14 * DAY_MS), expectedCloseDate: iso(t + 10 * DAY_MS) },
  }));
  const at = decideAt(t);
  switch (rng.pick(s.decision)) {
    case 'win':
      return [...actions, leadAction(ctx, at, actor, { type: 'WinDeal', data: { quoteId, orderRef: `SO-${lead.arrival.index + 1}` } })];
    case 'lose':
      return [...actions, ...lose(ctx, rng, at, consultantId)];
    default:
      return [...actions, ...stall(ctx, rng, at, consultantId)];
  }
}

/** A consultant's loss: with the dealer's approval rule (战败审核) it is a request the manager decides. */
function lose(ctx: PlanContext, rng: SeededRandom, at: number, consultantId: string): PlannedAction[] {
  const s = SIMULATION_DISTRIBUTIONS.sales;
  const reason = rng.pick(s.lostReasons);
  const competitor = reason === 'bought_competitor_brand' ? rng.item(s.competitors) : undefined;
  return [leadAction(ctx, at, consultant(consultantId), {
    type: 'LoseDeal', data: { requestId: derivedId(ctx.lead.leadId, 'loss', rng.seed, String(at)), reason, ...(competitor ? { competitor } : {}) },
  })];
}

/** A stalled follow-up: handed back by the consultant, or left silent until the dispatcher's rule returns it. */
function stall(ctx: PlanContext, rng: SeededRandom, at: number, consultantId: string): PlannedAction[] {
  if (!rng.chance(SIMULATION_DISTRIBUTIONS.sales.stalledReturnedByHand)) return [];
  return [leadAction(ctx, at, consultant(consultantId), { type: 'ReturnLeadToNurturing', data: { reason: 'purchase_postponed' } })];
}

/** The manager decides on a loss request; after a rejection the consultant tries once more. */
export function lossRequestActions(ctx: PlanContext, requestId: string, at: number): PlannedAction[] {
  const s = SIMULATION_DISTRIBUTIONS.sales;
  const rng = ctx.lead.random('loss-decision');
  const manager = { id: ctx.dealer.managerId, role: 'manager' as const };
  const decidedAt = open(ctx, at + rng.between(s.approvalHours.min, s.approvalHours.max) * HOUR_MS);
  if (rng.chance(s.lossApproved)) return [leadAction(ctx, decidedAt, manager, { type: 'ApproveLoss', data: { requestId } })];
  const actions = [leadAction(ctx, decidedAt, manager, { type: 'RejectLoss', data: { requestId, note: 'try once more' } })];
  const consultantId = ctx.lead.consultantId ?? (ctx.dealer.consultants[0] ?? { id: 'sim-consultant-1' }).id;
  const retryAt = open(ctx, decidedAt + rng.between(s.decisionDays.min, s.decisionDays.max) * DAY_MS);
  if (rng.chance(s.winAfterRejection)) return [...actions, leadAction(ctx, retryAt, consultant(consultantId), { type: 'WinDeal', data: { orderRef: `SO-${ctx.lead.arrival.index + 1}` } })];
  return [...actions, ...lose(ctx, rng, retryAt, consultantId)];
}

/** A signed order is delivered some days later, with what the after-sale plan needs (and the birthday, if known). */
export function dealWonActions(ctx: PlanContext, at: number): PlannedAction[] {
  const d = SIMULATION_DISTRIBUTIONS.delivery;
  const rng = ctx.lead.random('delivery');
  if (!rng.chance(d.delivered)) return [];
  const actor = consultant(ctx.lead.consultantId ?? (ctx.dealer.consultants[0] ?? { id: 'sim-consultant-1' }).id);
  const deliveredAt = open(ctx, at + rng.between(d.days.min, d.days.max) * DAY_MS);
  const actions: PlannedAction[] = [];
  if (rng.chance(d.birthdayKnown)) {
    const birthday = `${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    actions.push(leadAction(ctx, deliveredAt - 5 * MINUTE_MS, actor, { type: 'ChangeContactDetails', data: { birthday } }));
  }
  actions.push(leadAction(ctx, deliveredAt, actor, {
    type: 'DeliverVehicle',
    data: { odometerKm: Math.round(rng.between(d.odometerKm.min, d.odometerKm.max)), insuranceExpiresOn: localDatePlus(deliveredAt, ctx.dealer.timeZone, { years: 1, days: -1 }) },
  }));
  return actions;
}
