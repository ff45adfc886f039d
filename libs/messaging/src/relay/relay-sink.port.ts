import { OutgoingMessage } from '../envelope/cloud-event';

/**
 * Where the relay writes: the messages of a batch and the checkpoint that acknowledges them, atomically. The
 * Kafka adapter does both in one transaction; a crash before the commit aborts both, so a read_committed
 * consumer sees each message once. A publish that finds another relay of the same name has taken over rejects with
 * RelayFencedError.
 */
export abstract class RelaySink {
  /** Takes over as the one writer for this relay (fencing any previous one) and reads its last checkpoint. */
  abstract open(): Promise<number>;
  /** Writes the messages and the new checkpoint; resolves once the broker acknowledged the commit. */
  abstract publish(messages: readonly OutgoingMessage[], checkpoint: number): Promise<void>;
  /** The last committed checkpoint, read without taking over (what a relay standing by watches). */
  abstract committedCheckpoint(): Promise<number>;
  abstract close(): Promise<void>;
}
