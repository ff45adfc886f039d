import { Actor } from '@crm/kernel';
import { LeadEvent, RegisteredLeadState } from '@crm/lead';
import { CadencePolicy } from '../cadence/cadence-policy';
import { DealerState } from '../dealer/dealer-state';

/** A lead event as the saga reads it: the fact and the metadata its commands derive from. */
export interface LeadFact {
  leadId: string;
  event: LeadEvent;
  /** Every id the saga invents derives from it, so handling the event again invents the same ids. */
  eventId: string;
  /** When it happened: plans count from here. */
  occurredAt: string;
  /** When it was recorded: nothing is planned before this (a back-dated cause plans nothing in the past). */
  recordedAt: string;
  actor: Actor;
}

/** What the saga knows besides the event: the lead as of that event, the dealer as it is, the dealer's cadence. */
export interface NurtureContext {
  /** The lead folded up to and including the event's revision (what the system knew when it was recorded). */
  lead: RegisteredLeadState;
  dealer: DealerState;
  policy: CadencePolicy;
}
