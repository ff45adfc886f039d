import { CheckpointedConsumer, RecordedEvent, RestartFromCheckpoint } from '@crm/event-store';
import { ReadStore } from '@crm/projections';

export const NURTURE_SAGA_NAME = 'nurture-saga';

/** What the consumer does with each event of a batch (the saga step). */
export interface SagaEventHandler {
  handle(event: RecordedEvent): Promise<void>;
}
/** The saga has no read model to rebuild: one namespace holds its checkpoint for good. */
const CHECKPOINT_VERSION = 1;

/**
 * The saga as a checkpointed consumer. Its effects are commands (appended to other streams as it goes); its
 * checkpoint lives in the read store and moves by compare-and-set after each batch, so two workers cannot both
 * advance it: the one that loses restarts from the stored checkpoint, and the commands it repeats change nothing.
 */
export class NurtureSagaConsumer implements CheckpointedConsumer {
  private position = 0;

  constructor(private readonly readStore: ReadStore, private readonly step: SagaEventHandler, readonly name = NURTURE_SAGA_NAME) {}

  async loadCheckpoint(): Promise<number> {
    const stored = await this.readStore.checkpoint(this.name, CHECKPOINT_VERSION);
    if (stored === undefined) {
      // First start, or a read store that lost it: from the beginning (every command is idempotent).
      await this.readStore.createVersion(this.name, CHECKPOINT_VERSION);
      this.position = 0;
    } else {
      this.position = stored;
    }
    return this.position;
  }

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    const last = events[events.length - 1];
    if (!last) return;
    for (const event of events) await this.step.handle(event);
    const result = await this.readStore.commit(this.name, CHECKPOINT_VERSION, [], this.position, last.position);
    if (!result.ok) throw new RestartFromCheckpoint(`${this.name}: checkpoint moved (another worker, or a lost read store)`);
    this.position = last.position;
  }
}
