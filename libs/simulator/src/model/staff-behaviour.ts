import { LeadCommandInput } from '@crm/commands';
import { derivedId } from '@crm/kernel';
import { TouchPurpose } from '@crm/lead';
import { DEFAULT_CADENCE_POLICY } from '@crm/nurture';
import { MirroredLead } from '../engine/lead-mirror';
import { PlannedAction, SimActor } from '../engine/planned-action';
import { SeededRandom } from '../random/seeded-random';
import { SimulatedDealership } from './dealership';
import { SIMULATION_DISTRIBUTIONS } from './simulation-distributions';
import { nextOpenMoment } from './working-hours';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** What a planner needs: the dealer (staff, opening hours) and what staff know of the lead. */
export interface PlanContext {
  dealer: SimulatedDealership;
  lead: MirroredLead;
}

export const consultant = (id: string): SimActor => ({ id, role: 'consultant' });
export const crmAgentOf = ({ dealer, lead }: PlanContext): SimActor =>
  ({ id: (dealer.crmAgents[lead.arrival.index % dealer.crmAgents.length] ?? { id: 'sim-crm-agent-1' }).id, role: 'crm_agent' });
export const open = (ctx: PlanContext, ms: number): number => nextOpenMoment(ms, ctx.dealer.openingHours);

export const leadAction = (ctx: PlanContext, at: number, actor: SimActor, command: LeadCommandInput): PlannedAction =>
  ({ kind: 'lead', at, leadId: ctx.lead.leadId, actor, command });

/** The purposes of the nurture plan (as opposed to after-sale care): their answers move the lead. */
const PLAN_PURPOSES: ReadonlySet<TouchPurpose> = new Set(DEFAULT_CADENCE_POLICY.planPurposes);

/**
 * The lead comes in: registered by a consultant at the showroom (a walk-in: the saga hands it to them) or by a
 * CRM agent, who then makes the first call (a wrong number, or a record that is no prospect, is closed as invalid).
 * Some opt out of marketing later.
 */
export function arrivalActions(ctx: PlanContext): PlannedAction[] {
  const { arrival } = ctx.lead;
  const rng = ctx.lead.random('arrival');
  const walkIn = arrival.channel === 'walk_in';
  const registrar = walkIn ? consultant(rng.item(ctx.dealer.consultants).id) : crmAgentOf(ctx);
  const actions = [leadAction(ctx, arrival.at, registrar, { type: 'RegisterLead', data: arrival.registration })];
  const a = SIMULATION_DISTRIBUTIONS.arrivals;
  if (arrival.registration.marketingConsent && rng.chance(a.optOut)) {
    const at = open(ctx, arrival.at + rng.between(a.optOutDays.min, a.optOutDays.max) * DAY_MS);
    actions.push(leadAction(ctx, at, crmAgentOf(ctx), { type: 'ChangeMarketingConsent', data: { marketingConsent: false } }));
  }
  if (walkIn) return actions;
  const f = SIMULATION_DISTRIBUTIONS.firstContact;
  const delay = f.onlineChannels.includes(arrival.channel) ? f.delayHours.online : f.delayHours.other;
  const callAt = Math.max(arrival.at + MINUTE_MS, open(ctx, arrival.at + rng.between(delay.min, delay.max) * HOUR_MS));
  const agent = crmAgentOf(ctx);
  if (arrival.invalid) {
    return [...actions,
      leadAction(ctx, callAt, agent, { type: 'LogCall', data: { direction: 'outbound', outcome: rng.chance(0.5) ? 'wrong_number' : 'connected' } }),
      leadAction(ctx, callAt + 2 * MINUTE_MS, agent, { type: 'LoseDeal', data: { requestId: derivedId(ctx.lead.leadId, 'invalid'), reason: 'invalid_lead' } }),
    ];
  }
  const connected = rng.chance(f.connected);
  actions.push(leadAction(ctx, callAt, agent, { type: 'LogCall', data: { direction: 'outbound', outcome: connected ? 'connected' : 'no_answer' } }));
  if (connected && rng.chance(f.reassessed)) actions.push(reassess(ctx, rng, callAt + 2 * MINUTE_MS, agent));
  return actions;
}

/** A re-assessment of the intended purchase time, drawn from the migration table of the current one. */
export function reassess(ctx: PlanContext, rng: SeededRandom, at: number, actor: SimActor): PlannedAction {
  const timeframe = rng.pick(SIMULATION_DISTRIBUTIONS.reassessment[ctx.lead.timeframe]);
  return leadAction(ctx, at, actor, { type: 'AssessPurchaseIntent', data: { timeframe } });
}

/**
 * A touch went out to the staff's to-do list: someone does it (mostly on time, sometimes late, sometimes never) and
 * records what the lead said; a reached lead is re-assessed, may come to the showroom or be won back, a declining
 * one may withdraw marketing consent or be closed as lost.
 */
export function touchSentActions(ctx: PlanContext, touchId: string, sentAt: number): PlannedAction[] {
  const touch = ctx.lead.touches.get(touchId);
  if (!touch) return [];
  const t = SIMULATION_DISTRIBUTIONS.touches;
  const rng = ctx.lead.random(`touch:${touch.rule}`);
  let doneAt: number;
  if (rng.chance(t.doneOnTime)) doneAt = open(ctx, sentAt + rng.between(t.doneWithinHours.min, t.doneWithinHours.max) * HOUR_MS);
  else if (rng.chance(t.doneLate)) doneAt = open(ctx, sentAt + rng.between(t.lateDays.min, t.lateDays.max) * DAY_MS);
  else return [];
  const { lead } = ctx;
  const actor = lead.consultantId ? consultant(lead.consultantId) : crmAgentOf(ctx);
  const planTouch = PLAN_PURPOSES.has(touch.purpose);
  const outcome = rng.pick(planTouch ? t.outcomes : t.afterSaleOutcomes);
  const actions = [leadAction(ctx, doneAt, actor, { type: 'CompleteTouch', data: { touchId, outcome } })];
  if (!planTouch) return actions;
  const next = doneAt + MINUTE_MS;
  if (outcome === 'reached' && touch.purpose === 'win_back' && lead.status === 'lost') {
    if (rng.chance(t.winBackReopens)) actions.push(leadAction(ctx, next, actor, { type: 'ReopenLead', data: { note: 'won back' } }), reassess(ctx, rng, next + MINUTE_MS, actor));
  } else if (outcome === 'reached' && lead.status === 'active') {
    if (touch.purpose === 'showroom_invitation' && rng.chance(t.invitationVisit)) {
      const host = consultant(lead.consultantId ?? rng.item(ctx.dealer.consultants).id);
      actions.push(leadAction(ctx, open(ctx, next + rng.between(t.visitDays.min, t.visitDays.max) * DAY_MS), host, { type: 'RecordShowroomVisit', data: {} }));
    } else if (!lead.consultantId && rng.chance(t.reassessedWhenReached)) {
      actions.push(reassess(ctx, rng, next, actor));
    }
  } else if (outcome === 'declined') {
    if (rng.chance(t.consentWithdrawnWhenDeclined)) actions.push(leadAction(ctx, next, actor, { type: 'ChangeMarketingConsent', data: { marketingConsent: false } }));
    if (lead.status === 'active' && !lead.consultantId && rng.chance(t.lostWhenDeclined)) {
      actions.push(leadAction(ctx, next + MINUTE_MS, actor, {
        type: 'LoseDeal', data: { requestId: derivedId(lead.leadId, 'declined', touchId), reason: rng.pick(t.lostReasonsWhenDeclined) },
      }));
    }
  }
  return actions;
}
