/** Who acts. Every event names its actor so that an auditor can trace each change. */
export const ACTOR_ROLES = ['consultant', 'crm_agent', 'manager', 'admin', 'system', 'integration'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export interface Actor {
  id: string;
  role: ActorRole;
  dealerId: string;
}

export const EVENT_SOURCES = ['api', 'import', 'saga', 'system'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/**
 * Metadata carried by every stored event.
 * occurredAt: when it happened in the world (may be back-dated within policy, never in the future);
 * recordedAt: when the system learned it (from the clock port).
 */
export interface EventMetadata {
  eventId: string;
  actor: Actor;
  correlationId: string;
  causationId: string;
  source: EventSource;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  /** Why the change was made, when the actor said so. */
  reason?: string;
  idempotencyKey?: string;
}
