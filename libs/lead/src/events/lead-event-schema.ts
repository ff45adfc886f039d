import { LeadEvent, LeadEventType } from './lead-events';

/**
 * The schema version each event type is written with today. When a type's data changes shape, bump its
 * version here and add an upcaster from the old version: stored events are never rewritten.
 */
export const LEAD_EVENT_SCHEMA_VERSIONS: Record<LeadEventType, number> = {
  LeadRegistered: 1, ShowroomVisited: 1, CallLogged: 1,
  TestDriveScheduled: 1, TestDriveCompleted: 1, TestDriveMissed: 1,
  InvitationSent: 1, InvitationAnswered: 1, InvitationAttended: 1,
  NeedsAnalysed: 1, VehiclePresented: 1, QuoteGiven: 1, PurchaseIntentAssessed: 1,
  ConsultantAssigned: 1, LeadReturnedToNurturing: 1,
  DealWon: 1, VehicleDelivered: 1, PurchaseCycleStarted: 1,
  LossRequested: 1, LossApproved: 1, LossRejected: 1, DealLost: 1, LeadReopened: 1,
  ContactDetailsChanged: 1, MarketingConsentChanged: 1,
  ComplaintFiled: 1, ComplaintResolved: 1,
  TouchScheduled: 1, TouchCancelled: 1, TouchSent: 1, TouchDeliveryFailed: 1, TouchFailed: 1, TouchCompleted: 1,
  TouchOverdue: 1, EarlyWarningRaised: 1,
};

/** Turns stored data of an older schema version into the current shape of its type. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/** Keyed by `${type}@${fromVersion}`; each step lifts one version. Empty while every type is at version 1. */
export const LEAD_EVENT_UPCASTERS: Partial<Record<string, Upcaster>> = {};

export function upcastLeadEvent(type: string, schemaVersion: number, data: unknown): LeadEvent {
  const target = LEAD_EVENT_SCHEMA_VERSIONS[type as LeadEventType];
  if (target === undefined) throw new Error(`Unknown lead event type: ${type}`);
  let current = data as Record<string, unknown>;
  for (let version = schemaVersion; version < target; version += 1) {
    const step = LEAD_EVENT_UPCASTERS[`${type}@${version}`];
    if (!step) throw new Error(`No upcaster for ${type} from schema version ${version}`);
    current = step(current);
  }
  return { type, data: current } as LeadEvent;
}

export const LEAD_STREAM_PREFIX = 'lead-';
export const leadStreamId = (leadId: string): string => `${LEAD_STREAM_PREFIX}${leadId}`;
export const leadIdFromStream = (streamId: string): string => streamId.slice(LEAD_STREAM_PREFIX.length);
