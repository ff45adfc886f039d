import { LeadCommand, LeadCommandType, RegisterLead } from '../../commands/lead-commands';
import { LeadEvent, PurchaseCycleStarted } from '../../events/lead-events';
import { PurchaseCycleReason } from '../../events/lead-vocabulary';
import { evolve } from '../lead.evolve';
import { RegisteredLeadState } from '../lead-state';

/**
 * The selling steps that, after a delivery, open the customer's next purchase on the same lead. The customer is
 * known (one phone, one lead per dealer), so a repeat purchase is a new sales cycle of that lead, not a new lead.
 */
export const CYCLE_OPENERS: Readonly<Partial<Record<LeadCommandType, PurchaseCycleReason>>> = {
  AssessPurchaseIntent: 'purchase_intent',
  AnalyseNeeds: 'needs_analysis',
  PresentVehicle: 'vehicle_presentation',
  ScheduleTestDrive: 'test_drive',
  GiveQuote: 'quote',
  WinDeal: 'order',
};

export const opensPurchaseCycle = (type: LeadCommandType, lead: RegisteredLeadState): boolean =>
  lead.status === 'delivered' && CYCLE_OPENERS[type] !== undefined;

/**
 * When the command opens a new cycle, the PurchaseCycleStarted that goes before its own events, and the lead as
 * the command then sees it (active, cycle n+1); otherwise nothing and the lead as it is.
 */
export function openPurchaseCycle(
  command: Exclude<LeadCommand, RegisterLead>, lead: RegisteredLeadState,
): { opened: LeadEvent[]; lead: RegisteredLeadState } {
  const reason = CYCLE_OPENERS[command.type];
  if (lead.status !== 'delivered' || reason === undefined) return { opened: [], lead };
  const started: PurchaseCycleStarted = { type: 'PurchaseCycleStarted', data: { cycle: lead.cycle + 1, reason } };
  const next = evolve(lead, started, { occurredAt: command.context.occurredAt });
  return { opened: [started], lead: next.status === 'unregistered' ? lead : next };
}
