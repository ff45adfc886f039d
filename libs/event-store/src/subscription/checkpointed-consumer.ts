import type { RecordedEvent } from '../event-store.port';

/**
 * Anything that follows the global log from a checkpoint it keeps itself: a projection, a saga, the Kafka relay.
 * The checkpoint lives with the consumer's own output (a read-model commit, a relay's acknowledged offset), so
 * that a crash between the two can neither skip an event nor apply one twice.
 */
export interface CheckpointedConsumer {
  /** A stable name, for logs and status. */
  readonly name: string;
  /** The last position this consumer has durably processed; read again on every (re)start. */
  loadCheckpoint(): Promise<number>;
  /**
   * Processes a batch (in position order, after the checkpoint) and stores the new checkpoint with its effects.
   * Throw `RestartFromCheckpoint` when the stored checkpoint moved under the consumer (another process, a
   * rebuild, a lost read store): the subscriber reloads it and goes on from there, without counting a failure.
   */
  handle(events: readonly RecordedEvent[]): Promise<void>;
}

/** Thrown by a consumer whose stored checkpoint is no longer the one it is working from. */
export class RestartFromCheckpoint extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RestartFromCheckpoint';
  }
}
