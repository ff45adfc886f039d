import { SqliteEventStore } from '@crm/event-store';
import { interleavedWorkload } from '../../../projections/src/testing/lead-workload';
import { DerivedStateCache } from '../derivation/derived-state.cache';
import { CapturingRelaySinkFake } from '../testing/capturing-relay-sink.fake';
import { topicNames } from '../topics';
import { LeadRelayConsumer } from './lead-relay.consumer';

/** Runs the consumer over the whole log in batches of `batch`, as the subscriber would, retrying failed batches. */
async function relayAll(store: SqliteEventStore, consumer: LeadRelayConsumer, sink: CapturingRelaySinkFake, batch: number): Promise<void> {
  let after = await consumer.loadCheckpoint();
  for (;;) {
    const events = await store.readAll({ afterPosition: after, maxCount: batch });
    if (events.length === 0) return;
    try {
      await consumer.handle(events);
      after = sink.checkpoint;
    } catch {
      after = await consumer.loadCheckpoint();
    }
  }
}

describe('LeadRelayConsumer read-ahead', () => {
  const topics = topicNames();
  let store: SqliteEventStore;
  beforeEach(async () => {
    store = new SqliteEventStore({ path: ':memory:' });
    for (const a of interleavedWorkload({ leads: 30, window: 10, perAppend: 2, walkIns: true })) await store.append(a.streamId, a.events, 'any');
  });
  afterEach(() => store.close());

  const run = async (readAhead: number, batch: number, tweak: (sink: CapturingRelaySinkFake) => void = () => undefined): Promise<string[]> => {
    const sink = new CapturingRelaySinkFake();
    tweak(sink);
    const consumer = new LeadRelayConsumer('r', sink, store, new DerivedStateCache(store), { exposeContact: false, topics, readAhead });
    await relayAll(store, consumer, sink, batch);
    return sink.published.map((m) => `${m.topic} ${m.value}`);
  };

  it('sends exactly what it sends without read-ahead, whatever the batch and read-ahead sizes', async () => {
    const plain = await run(0, 37);
    expect(plain.length).toBeGreaterThan(300);
    expect(await run(37, 37)).toEqual(plain);
    expect(await run(10, 37)).toEqual(plain);
    expect(await run(100, 23)).toEqual(plain);
  });

  it('stays right when a batch fails after its read-ahead', async () => {
    const plain = await run(0, 40);
    let publishes = 0;
    const withFailure = await run(40, 40, (sink) => {
      sink.duringPublish = async () => {
        publishes += 1;
        if (publishes === 3) sink.failNext = true;
      };
    });
    expect(withFailure).toEqual(plain);
  });

  it('stays right when appends land while a batch is in flight (read-ahead and next batch then differ)', async () => {
    const more = interleavedWorkload({ leads: 20, firstLead: 1000, window: 8, perAppend: 3 });
    const live = await run(25, 40, (sink) => {
      sink.duringPublish = async () => {
        for (let i = 0; i < 7; i += 1) {
          const next = more.next();
          if (!next.done) await store.append(next.value.streamId, next.value.events, 'any');
        }
      };
    });
    // The same log, relayed afterwards without read-ahead.
    expect(live).toEqual(await run(0, 40));
  });
});
