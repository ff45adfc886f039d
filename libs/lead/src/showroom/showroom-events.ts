/** The sales floor's facts that belong to no lead: no lead exists for these visitors. */
export type UnrecordedWalkInCounted = {
  type: 'UnrecordedWalkInCounted';
  data: { dealerId: string; visitors: number; consultantId?: string; intendedModel?: string; note?: string };
};

export type ShowroomEvent = UnrecordedWalkInCounted;
export type ShowroomEventType = ShowroomEvent['type'];

/**
 * Kept apart from the lead's table: membership there means "a lead event" to every reader of lead streams
 * (decoding, upcasting, the exhaustive LeadEvent switches), which a showroom count is not.
 */
export const SHOWROOM_EVENT_SCHEMA_VERSIONS: Record<ShowroomEventType, number> = {
  UnrecordedWalkInCounted: 1,
};

export const SHOWROOM_STREAM_PREFIX = 'showroom-';

/** One stream per dealer and UTC day of occurrence, so no stream grows without end. */
export const showroomStreamId = (dealerId: string, occurredAt: string): string =>
  `${SHOWROOM_STREAM_PREFIX}${dealerId}-${new Date(occurredAt).toISOString().slice(0, 10)}`;
