import { RecordedEvent } from '@crm/event-store';
import { RecoveryRequest } from './idempotency-recovery.port';

export interface KeyedEvents {
  events: Array<Pick<RecordedEvent, 'revision' | 'type' | 'data' | 'metadata'>>;
  last: RecordedEvent;
}

/** The events of a stream that one request appended: they carry its Idempotency-Key and actor. Undefined when none. */
export function eventsOfRequest(stream: readonly RecordedEvent[], request: RecoveryRequest): KeyedEvents | undefined {
  const mine = stream.filter((e) => e.metadata.idempotencyKey === request.key && e.metadata.actor.id === request.actor.id);
  const last = mine[mine.length - 1];
  if (!last) return undefined;
  return { events: mine.map(({ revision, type, data, metadata }) => ({ revision, type, data, metadata })), last };
}
