import { RegisteredLeadState, TouchState, WarningKind } from '@crm/lead';
import { DealerSettings } from '@crm/nurture';
import { DeadlineKind, DueEntry } from './due-entry';
import { warningIdOf } from './warning-id';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const HOT_TIERS = new Set(['T1', 'T2']);

/**
 * Every piece of work pending for a lead, as the rules of the nurture issue define it: each scheduled touch at
 * its due time, each open touch's overdue deadline, and the deadlines of the time-based rules. Pure, so that the
 * due index and the dispatcher (which checks an entry again before acting on it) agree by construction.
 */
export function dueEntriesOf(lead: RegisteredLeadState, settings: DealerSettings): DueEntry[] {
  const entries: DueEntry[] = [];
  for (const [touchId, touch] of Object.entries(lead.touches)) entries.push(...touchEntries(lead, touchId, touch, settings));
  for (const deadline of deadlinesOf(lead, settings)) entries.push(deadline);
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function touchEntries(lead: RegisteredLeadState, touchId: string, touch: TouchState, settings: DealerSettings): DueEntry[] {
  const open = touch.status === 'scheduled' || touch.status === 'sent';
  const base = { leadId: lead.leadId, dealerId: lead.dealerId, touchId };
  const entries: DueEntry[] = [];
  if (touch.status === 'scheduled') entries.push({ id: `touch:${touchId}`, kind: 'touch', dueAt: touch.dueAt, ...base });
  // Open until completed, cancelled or failed; the overdue mark (which follows the warning) ends the deadline.
  if (open && !touch.overdue) {
    const dueAt = plus(touch.dueAt, settings.warningDays.touchOverdue * DAY_MS);
    entries.push({ id: `touch_overdue:${touchId}`, kind: 'touch_overdue', dueAt, ...base });
  }
  return entries;
}

function deadlinesOf(lead: RegisteredLeadState, settings: DealerSettings): DueEntry[] {
  const { registeredAt, lastInteractionAt, status } = lead;
  if (registeredAt === undefined || lastInteractionAt === undefined) return [];
  const deadlines: DueEntry[] = [];
  const add = (kind: DeadlineKind, basis: string, afterMs: number): void => {
    deadlines.push({ id: `${kind}:${lead.leadId}`, kind, leadId: lead.leadId, dealerId: lead.dealerId, dueAt: plus(basis, afterMs), basis });
  };
  const open = status === 'active' || status === 'loss_pending';
  // The registration counts as an interaction in the lead's state: no later one means nobody answered yet.
  if (open && lastInteractionAt === registeredAt && !warned(lead, 'first_contact_late', registeredAt)) {
    add('first_contact_late', registeredAt, settings.responseMinutes[lead.channel] * MINUTE_MS);
  }
  if (status === 'active' && lead.tier !== undefined && HOT_TIERS.has(lead.tier) && !warned(lead, 'going_cold', lastInteractionAt)) {
    add('going_cold', lastInteractionAt, settings.warningDays.goingCold * DAY_MS);
  }
  if (status === 'active' && lead.consultantId !== undefined) {
    add('follow_up_stalled', later(lastInteractionAt, lead.consultantSince), settings.warningDays.followUpStalled * DAY_MS);
  }
  if (status === 'delivered' && !warned(lead, 'churn_risk', lastInteractionAt)) {
    add('churn_risk', lastInteractionAt, settings.warningDays.churn * DAY_MS);
  }
  return deadlines;
}

const warned = (lead: RegisteredLeadState, kind: WarningKind, basis: string): boolean => lead.warnings[warningIdOf(lead.leadId, kind, basis)] !== undefined;

const plus = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

const later = (a: string, b: string | undefined): string => (b !== undefined && Date.parse(b) > Date.parse(a) ? b : a);
