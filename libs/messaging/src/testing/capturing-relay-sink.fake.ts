import { OutgoingMessage } from '../envelope/cloud-event';
import { RelaySink } from '../relay/relay-sink.port';

/** A sink that keeps what it is given in memory: for the relay's unit tests, where no broker is needed. */
export class CapturingRelaySinkFake extends RelaySink {
  readonly published: OutgoingMessage[] = [];
  checkpoint = 0;
  /** Makes the next publish fail once, before anything is kept (as an aborted transaction). */
  failNext = false;
  /** Runs inside each publish before it resolves: lets a test append while a batch is in flight. */
  duringPublish: () => Promise<void> = async () => undefined;

  override async open(): Promise<number> {
    return this.checkpoint;
  }

  override async publish(messages: readonly OutgoingMessage[], checkpoint: number): Promise<void> {
    await this.duringPublish();
    if (this.failNext) {
      this.failNext = false;
      throw new Error('broker said no');
    }
    this.published.push(...messages);
    this.checkpoint = checkpoint;
  }

  override async committedCheckpoint(): Promise<number> {
    return this.checkpoint;
  }

  override async close(): Promise<void> {}
}
