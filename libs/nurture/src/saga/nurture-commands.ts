import { HandoffReason, LeadCommand, TouchCancelReason, TouchScheduled } from '@crm/lead';

type LeadCommandType = LeadCommand['type'];

/** A lead command as the saga issues it: type and data; the bus handler adds the context. */
export type LeadCommandData = { [T in LeadCommandType]: { type: T; data: Extract<LeadCommand, { type: T }>['data'] } }[LeadCommandType];

/** A command on the lead's stream. */
export interface LeadInstruction {
  kind: 'lead';
  leadId: string;
  command: LeadCommandData;
}

/**
 * A hand-off to a consultant: route on the dealer's stream (which records whom), then assign that consultant on the
 * lead (`assignmentAfterRouting`). Both steps are idempotent by `routingId`, so a crash between them is repaired by
 * handling the cause again.
 */
export interface HandOff {
  kind: 'hand_off';
  leadId: string;
  dealerId: string;
  routingId: string;
  reason: HandoffReason;
  /** In order of preference; the dealer's decider takes the first still with the dealer, else round robin. */
  preferredConsultantIds: string[];
}

export type NurtureCommand = LeadInstruction | HandOff;

export const scheduleTouch = (leadId: string, data: TouchScheduled['data']): LeadInstruction =>
  ({ kind: 'lead', leadId, command: { type: 'ScheduleTouch', data } });

export const cancelTouch = (leadId: string, touchId: string, reason: TouchCancelReason): LeadInstruction =>
  ({ kind: 'lead', leadId, command: { type: 'CancelTouch', data: { touchId, reason } } });

/** The second step of a hand-off, once the dealer's stream has named the consultant. */
export function assignmentAfterRouting(handOff: HandOff, consultantId: string): LeadInstruction {
  const { leadId, reason, routingId } = handOff;
  return { kind: 'lead', leadId, command: { type: 'AssignConsultant', data: { consultantId, reason, handoffId: routingId } } };
}
