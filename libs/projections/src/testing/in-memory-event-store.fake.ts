import {
  AppendResult, EventStore, EventToAppend, ExpectedRevision, ReadAllOptions, ReadStreamOptions, RecordedEvent,
  SubscribeOptions, Subscription,
} from '@crm/event-store';

/** A test fake of the event store port: the global log in an array. No concurrency checks beyond the basics. */
export class InMemoryEventStoreFake extends EventStore {
  private readonly log: RecordedEvent[] = [];

  override async append(streamId: string, events: EventToAppend[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    let revision = this.log.filter((e) => e.streamId === streamId).length - 1;
    if (expectedRevision === 'no_stream' && revision >= 0) throw new Error(`stream ${streamId} exists`);
    if (typeof expectedRevision === 'number' && expectedRevision !== revision) throw new Error(`wrong revision for ${streamId}`);
    for (const event of events) {
      revision += 1;
      this.log.push({ streamId, revision, position: this.log.length + 1, type: event.type, data: event.data, metadata: event.metadata });
    }
    return { nextRevision: revision, position: this.log.length };
  }

  override async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events = this.log.filter((e) => e.streamId === streamId);
    return options.direction === 'backward' ? events.reverse() : events;
  }

  override async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.afterPosition ?? 0;
    return this.log.slice(after, after + (options.maxCount ?? this.log.length));
  }

  override async headPosition(): Promise<number> {
    return this.log.length;
  }

  override subscribe(options: SubscribeOptions): Subscription {
    let checkpoint = options.afterPosition;
    let running = true;
    const loop = async (): Promise<void> => {
      while (running) {
        const batch = await this.readAll({ afterPosition: checkpoint, maxCount: options.batchSize ?? 100 });
        const last = batch[batch.length - 1];
        if (!last) { await new Promise((r) => setTimeout(r, 5)); continue; }
        try { await options.onEvents(batch); } catch (error) { running = false; options.onError?.(error); return; }
        checkpoint = last.position;
      }
    };
    const done = loop();
    return {
      get checkpoint() { return checkpoint; },
      waitFor: async (position: number, timeoutMs = 5000) => {
        for (let waited = 0; checkpoint < position; waited += 5) {
          if (waited > timeoutMs) throw new Error(`not at ${position} after ${timeoutMs} ms`);
          await new Promise((r) => setTimeout(r, 5));
        }
      },
      stop: async () => { running = false; await done; },
    };
  }

  override async close(): Promise<void> {}
}
