import { randomUUID } from 'node:crypto';
import { EventToAppend, SqliteEventStore } from '@crm/event-store';
import { LeadEvent, leadStreamId } from '@crm/lead';
import { LeadStreamLoader } from './lead-stream.loader';

const LEAD = '11111111-1111-4111-8111-111111111111';
const at = (hour: number): string => `2026-01-04T${String(hour).padStart(2, '0')}:00:00.000Z`;

function recorded(event: LeadEvent, occurredAt: string): EventToAppend {
  const actor = { id: 'c-1', role: 'consultant' as const, dealerId: 'dealer-1' };
  return {
    type: event.type, data: event.data,
    metadata: { eventId: randomUUID(), actor, correlationId: 'c', causationId: 'c', source: 'api', schemaVersion: 1, occurredAt, recordedAt: at(20) },
  };
}

const registered: LeadEvent = {
  type: 'LeadRegistered',
  data: { leadId: LEAD, dealerId: 'dealer-1', channel: 'walk_in', contact: { name: 'W', phone: '+8613812345678' }, profile: { intendedModels: [] }, marketingConsent: true },
};
const assessed = (tier: 'T3' | 'T4' | 'T5'): LeadEvent => ({ type: 'PurchaseIntentAssessed', data: { timeframe: 'in_4_6_months', tier } });

describe('LeadStreamLoader on a real SQLite store', () => {
  let store: SqliteEventStore;
  beforeEach(() => { store = new SqliteEventStore({ path: ':memory:' }); });
  afterEach(() => store.close());

  it('folds the current state in the order facts happened, and folds again from the start after a late entry', async () => {
    const loader = new LeadStreamLoader(store);
    await store.append(leadStreamId(LEAD), [recorded(registered, at(8)), recorded(assessed('T4'), at(11))], 'no_stream');
    expect((await loader.load(leadStreamId(LEAD))).state.tier).toBe('T4');
    // Recorded now, happened at 10:00: before the T4 the cached state already holds.
    await store.append(leadStreamId(LEAD), [recorded(assessed('T5'), at(10))], 1);
    const late = await loader.load(leadStreamId(LEAD));
    expect(late).toMatchObject({ revision: 2, state: { tier: 'T4' } });
    expect(late.state).toEqual((await new LeadStreamLoader(store).load(leadStreamId(LEAD))).state);
    // A fact after everything folded so far extends the cached fold.
    await store.append(leadStreamId(LEAD), [recorded(assessed('T3'), at(12))], 2);
    expect((await loader.load(leadStreamId(LEAD))).state).toMatchObject({ tier: 'T3' });
  });

  it('answers a state at a time from the facts that had happened by then', async () => {
    const loader = new LeadStreamLoader(store);
    await store.append(leadStreamId(LEAD), [recorded(registered, at(8)), recorded(assessed('T4'), at(11)), recorded(assessed('T5'), at(10))], 'no_stream');
    expect((await loader.loadWith(leadStreamId(LEAD), { occurredUntil: at(10) })).state.tier).toBe('T5');
    expect((await loader.loadWith(leadStreamId(LEAD), {})).state.tier).toBe('T4');
  });
});
