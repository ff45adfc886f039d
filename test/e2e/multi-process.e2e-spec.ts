import { RecordedEvent } from '@crm/event-store';
import { defaultProjections, ProjectionRunner } from '@crm/projections';
import { kcatRead, TEST_BROKERS } from '../../libs/messaging/src/testing/kafka-test.support';
import { ProductionProfile, terminate, waitFor } from './support/production-profile';
import { ServerProcess } from './support/server-process';
import { registration } from './support/test-app';

const LEADS = 20;
const CLIENTS = 8;
const COMMANDS_PER_CLIENT = 20;
const TIMEFRAMES = ['within_1_month', 'in_2_3_months', 'in_4_6_months', 'in_7_12_months'];

interface Acknowledged {
  leadId: string;
  events: Array<{ revision: number; metadata: { eventId: string } }>;
}

/**
 * The production profile at full width: 2 API and 2 worker processes on one PostgreSQL event store, one Redis read
 * store and one Kafka cluster. Clients hammer shared leads through both APIs; afterwards every acknowledged event
 * is in the log, the read models equal a rebuild from the log, the lead topic holds each event once in lead order,
 * and every process stops on SIGTERM with exit code 0.
 */
describe('two APIs and two workers on PostgreSQL, Redis and Kafka', () => {
  let profile: ProductionProfile;
  let apis: ServerProcess[];
  let workers: ServerProcess[];

  beforeAll(async () => {
    profile = await ProductionProfile.open();
    [apis, workers] = await Promise.all([
      Promise.all([profile.startApi(), profile.startApi()]),
      Promise.all([profile.startWorker(), profile.startWorker()]),
    ]);
  }, 180_000);
  afterAll(() => profile?.close(), 60_000);

  it('loses no update, serves read models equal to a rebuild, relays every event once in order, and stops cleanly', async () => {
    const auth = { Authorization: `Bearer ${profile.token()}`, 'Content-Type': 'application/json' };
    const api = (n: number): string => (apis[n % 2] as ServerProcess).baseUrl;
    const post = (n: number, path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${api(n)}${path}`, { method: 'POST', headers: { ...auth, ...headers }, body: JSON.stringify(body) });

    const acknowledged: Acknowledged[] = [];
    const leadIds: string[] = [];
    for (let i = 0; i < LEADS; i += 1) {
      const res = await post(i, '/leads', registration({ channel: 'website' }));
      expect(res.status).toBe(201);
      const body = (await res.json()) as Acknowledged;
      leadIds.push(body.leadId);
      acknowledged.push(body);
    }

    // Clients alternate between the APIs on shared leads: half send If-Match and retry on 412, half send none.
    const statuses: number[] = [];
    let retriesOn412 = 0;
    const client = async (c: number): Promise<void> => {
      for (let k = 0; k < COMMANDS_PER_CLIENT; k += 1) {
        const n = c + k;
        const leadId = leadIds[(c * 7 + k * 3) % LEADS] as string;
        const [path, body] = k % 3 === 0
          ? [`/leads/${leadId}/purchase-intent-assessments`, { timeframe: TIMEFRAMES[(c + k) % TIMEFRAMES.length] }]
          : k % 3 === 1
            ? [`/leads/${leadId}/calls`, { direction: 'outbound', outcome: 'connected' }]
            : [`/leads/${leadId}/quotes`, { model: 'Model S', quantity: 1, unitPrice: { amount: 300_000 + k, currency: 'CNY' } }];
        let ifMatch: number | undefined = c % 2 === 0 ? (await (await fetch(`${api(n)}/leads/${leadId}`, { headers: auth })).json() as { revision: number }).revision : undefined;
        for (let attempt = 0; ; attempt += 1) {
          const res = await post(n + attempt, path, body, ifMatch === undefined ? {} : { 'If-Match': `"${ifMatch}"` });
          statuses.push(res.status);
          const answer = (await res.json()) as Acknowledged & { details?: { currentRevision: number } };
          if (res.status === 412 && attempt < 50) {
            retriesOn412 += 1;
            ifMatch = answer.details?.currentRevision;
            continue;
          }
          if (res.status === 201) acknowledged.push(answer);
          break;
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s !== 201 && s !== 412)).toEqual([]);

    // A retry with the same Idempotency-Key that lands on the other API replays the first answer.
    const retried = leadIds[0] as string;
    const first = await post(0, `/leads/${retried}/calls`, { direction: 'inbound', outcome: 'connected' }, { 'Idempotency-Key': 'mp-retry-1' });
    const again = await post(1, `/leads/${retried}/calls`, { direction: 'inbound', outcome: 'connected' }, { 'Idempotency-Key': 'mp-retry-1' });
    expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 201, 'true']);
    const firstBody = (await first.json()) as Acknowledged;
    expect(await again.json()).toEqual(firstBody);
    acknowledged.push(firstBody);

    // No lost update: every acknowledged event is in its lead's stream, at its revision; nothing else came from the API.
    const streams = new Map<string, RecordedEvent[]>();
    for (const leadId of leadIds) streams.set(leadId, await profile.events.readStream(`lead-${leadId}`));
    for (const answer of acknowledged) {
      const stream = streams.get(answer.leadId) ?? [];
      for (const event of answer.events) expect(stream[event.revision]?.metadata.eventId).toBe(event.metadata.eventId);
    }
    const fromApi = [...streams.values()].flat().filter((e) => e.metadata.source === 'api');
    expect(fromApi).toHaveLength(acknowledged.reduce((sum, a) => sum + a.events.length, 0));

    // The workers catch up: every projection, the saga and the relay at the head, and the head stays put.
    const head = await profile.settledHead();
    const log = await profile.wholeLog();
    // Both workers ran the saga: the loser of each checkpoint race repeated commands, which changed nothing.
    const touchIds = log.filter((e) => e.type === 'TouchScheduled').map((e) => (e.data as { touchId: string }).touchId);
    expect(touchIds.length).toBeGreaterThan(0);
    expect(new Set(touchIds).size).toBe(touchIds.length);

    // Read models: the same answer from either API, and equal to a rebuild from position 0.
    const reports = await Promise.all(['/funnel', '/tiers'].flatMap((path) => [0, 1].map(async (n) => {
      const res = await fetch(`${api(n)}${path}?minPosition=${head}`, { headers: auth });
      expect(res.status).toBe(200);
      return res.json();
    })));
    expect(reports[1]).toEqual(reports[0]);
    expect(reports[3]).toEqual(reports[2]);
    for (const projection of defaultProjections()) {
      const version = (await profile.readStore.liveVersion(projection.name)) as number;
      await profile.readStore.createVersion(projection.name, version + 100);
      await new ProjectionRunner({ eventStore: profile.events, readStore: profile.readStore, projection, version: version + 100 }).catchUp(head);
      expect(await profile.readStore.dump(projection.name, version)).toEqual(await profile.readStore.dump(projection.name, version + 100));
    }

    // lead.events.v1 as a read_committed consumer sees: every lead event exactly once, in revision order per lead.
    const leadEvents = log.filter((e) => e.streamId.startsWith('lead-'));
    const messages = await kcatRead(TEST_BROKERS, profile.topics.events);
    const ids = messages.map((m) => m.value.id as string);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(leadEvents.map((e) => e.metadata.eventId).sort());
    const revisionsByLead = new Map<string, number[]>();
    for (const m of messages) revisionsByLead.set(m.key, [...(revisionsByLead.get(m.key) ?? []), m.value.leadrevision as number]);
    for (const [leadId, revisions] of revisionsByLead) {
      expect({ leadId, revisions }).toEqual({ leadId, revisions: Array.from({ length: revisions.length }, (_, i) => i) });
    }
    for (const topic of [profile.topics.funnel, profile.topics.tiers]) {
      const derived = (await kcatRead(TEST_BROKERS, topic)).map((m) => m.value.id as string);
      expect(new Set(derived).size).toBe(derived.length);
    }

    const exitCodes = await Promise.all([...apis, ...workers].map(terminate));
    expect(exitCodes).toEqual([0, 0, 0, 0]);
    process.stdout.write(`multi-process: ${acknowledged.length} acknowledged commands, ${retriesOn412} retries on 412, log head ${head}, ${touchIds.length} touches planned by the sagas\n`);
  }, 180_000);
});
