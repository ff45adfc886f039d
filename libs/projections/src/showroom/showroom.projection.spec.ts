import { RecordedEvent } from '@crm/event-store';
import { leadStreamId, showroomStreamId } from '@crm/lead';
import { ReadStoreHarness } from '../read-store/read-store.contract';
import { ProjectionRebuilder } from '../runner/projection-rebuilder';
import { ProjectionRunner } from '../runner/projection-runner';
import { InMemoryEventStoreFake } from '../testing/in-memory-event-store.fake';
import { metadataFor, registration, walkInCounted } from '../testing/lead-events.builder';
import { openRedisHarness, openSqliteHarness } from '../testing/read-store.harness';
import { SHOWROOM_COLLECTION, SHOWROOM_PROJECTION, ShowroomProjection } from './showroom.projection';
import { UnrecordedWalkInView } from './unrecorded-walk-in.view';

const showroom = new ShowroomProjection();
const AT = '2026-03-01T10:00:00.000Z';

function recorded(dealerId: string, visitors: number, consultantId?: string, position = 1): RecordedEvent {
  const event = walkInCounted(dealerId, visitors, consultantId);
  return { streamId: showroomStreamId(dealerId, AT), revision: 0, position, type: event.type, data: event.data, metadata: metadataFor(event, AT, dealerId) };
}

describe('ShowroomProjection', () => {
  it('keeps one document per count, keyed by event id and partitioned by dealer', () => {
    const event = recorded('dealer-1', 3, 'c1');
    const envelope = showroom.decode(event);
    expect(envelope && showroom.documentId(envelope)).toBe(event.metadata.eventId);
    const view = envelope && showroom.evolve(undefined, envelope);
    expect(view).toEqual({
      eventId: event.metadata.eventId, dealerId: 'dealer-1', visitors: 3, consultantId: 'c1', intendedModel: null, occurredAt: AT, period: '2026-03',
    });
    expect(view && showroom.partitionOf(view)).toBe('dealer-1');
  });

  it('writes nothing when a count is delivered again', () => {
    const envelope = showroom.decode(recorded('dealer-1', 3));
    const first = envelope && showroom.evolve(undefined, envelope);
    expect(envelope && showroom.evolve(first, envelope)).toBe(first);
  });

  it('ignores lead streams and other event types', () => {
    const lead = registration('l1');
    expect(showroom.decode({ ...recorded('dealer-1', 1), streamId: leadStreamId('l1') })).toBeUndefined();
    expect(showroom.decode({ ...recorded('dealer-1', 1), type: lead.type, data: lead.data })).toBeUndefined();
  });

  it('stops at a schema version it cannot read rather than lose counts', () => {
    const event = recorded('dealer-1', 1);
    expect(() => showroom.decode({ ...event, metadata: { ...event.metadata, schemaVersion: 2 } })).toThrow(/schema version 2/);
  });
});

describe.each<[string, () => Promise<ReadStoreHarness>]>([['SQLite', openSqliteHarness], ['Redis', openRedisHarness]])(
  'ShowroomProjection on %s',
  (_label, open) => {
    let harness: ReadStoreHarness;
    beforeEach(async () => { harness = await open(); });
    afterEach(async () => harness.cleanup());

    it('projects counts per dealer beside lead events, and a rebuild from 0 gives the same documents', async () => {
      const events = new InMemoryEventStoreFake();
      for (const [dealer, visitors] of [['dealer-1', 2], ['dealer-2', 5], ['dealer-1', 1]] as const) {
        const event = recorded(dealer, visitors);
        await events.append(event.streamId, [{ type: event.type, data: event.data, metadata: event.metadata }], 'any');
        const lead = registration(`l${visitors}`, { dealerId: dealer });
        await events.append(leadStreamId(`l${visitors}`), [{ type: lead.type, data: lead.data, metadata: metadataFor(lead, AT, dealer) }], 'any');
      }
      await new ProjectionRunner({ eventStore: events, readStore: harness.store, projection: showroom, batchSize: 2 }).catchUp();
      expect(await harness.store.checkpoint(SHOWROOM_PROJECTION, 1)).toBe(6);
      const docs = await harness.store.list(SHOWROOM_PROJECTION, 1, SHOWROOM_COLLECTION, 'dealer-1');
      expect(docs.map((d) => (d.body as UnrecordedWalkInView).visitors).sort()).toEqual([1, 2]);

      const incremental = await harness.store.dump(SHOWROOM_PROJECTION, 1);
      expect(incremental).toHaveLength(3);
      const result = await new ProjectionRebuilder(events, harness.store).rebuild(showroom, { batchSize: 5 });
      expect(result).toMatchObject({ version: 2, checkpoint: 6 });
      expect(await harness.store.dump(SHOWROOM_PROJECTION, 2)).toEqual(incremental);
    });
  },
);
