import { Actor, EventSource } from '@crm/kernel';

/**
 * Who sends a command and why, as the caller knows it: the API (a request), a saga (the event that caused it),
 * an import or the system. It becomes the metadata of every event the command appends.
 */
export interface CommandOrigin {
  actor: Actor;
  source: EventSource;
  correlationId: string;
  /** The request id, or the id of the event that caused the command. */
  causationId: string;
  /** When it happened, if not now (back-dated within the dealer's window). */
  occurredAt?: string;
  /** Why, when the actor said so. */
  reason?: string;
  idempotencyKey?: string;
  /** The stream revision the caller based its command on (HTTP If-Match); absent: retry on the newest state. */
  expectedRevision?: number;
}
