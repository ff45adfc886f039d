import { EventSource } from '@crm/kernel';

/** What the view needs of a stored event: where it sits and what caused it. */
export interface CausedEvent {
  revision: number;
  metadata: { eventId: string; causationId: string; source: EventSource };
}

/** Sources whose events are reactions to other events (the saga's commands, the dispatcher's records). */
const REACTIONS: ReadonlySet<EventSource> = new Set<EventSource>(['saga', 'system']);

/**
 * The lead's events as the saga would have seen them at `revision` had it kept up: everything up to that revision,
 * plus the reactions to earlier events that a lagging saga appended later. Without the second part, a saga that
 * falls behind (a restart, a burst) would plan a loss's cancellations without the touches it had yet to schedule
 * for the assessments before it. Deterministic, so a replay sees the same view: reactions to the event itself or
 * to later ones stay out.
 */
export function sagaViewAt<E extends CausedEvent>(stream: readonly E[], revision: number): E[] {
  const revisionOf = new Map(stream.map((event) => [event.metadata.eventId, event.revision]));
  return stream.filter((event) => {
    if (event.revision <= revision) return true;
    if (!REACTIONS.has(event.metadata.source)) return false;
    const cause = revisionOf.get(event.metadata.causationId);
    return cause !== undefined && cause < revision;
  });
}
