import { request } from 'node:http';
import { interleavedWorkload } from '../../libs/projections/src/testing/lead-workload';
import { kcatRead, TEST_BROKERS } from '../../libs/messaging/src/testing/kafka-test.support';
import { ProductionProfile, terminate, waitFor } from './support/production-profile';
import { registration } from './support/test-app';

interface Outcome {
  key: string;
  startedAt: number;
  endedAt: number;
  status?: number;
  body?: { leadId: string; events: Array<{ revision: number; metadata: { eventId: string } }> };
  error?: string;
}

/** One POST on a connection of its own (no keep-alive): either the server took the connection, or it was refused. */
function post(baseUrl: string, path: string, token: string, body: unknown, key: string): Promise<Outcome> {
  const startedAt = performance.now();
  return new Promise((resolve) => {
    const req = request(`${baseUrl}${path}`, {
      method: 'POST', agent: false,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
    }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ key, startedAt, endedAt: performance.now(), status: res.statusCode, body: text ? JSON.parse(text) : undefined }));
      res.on('error', (error) => resolve({ key, startedAt, endedAt: performance.now(), error: error.message }));
    });
    req.on('error', (error) => resolve({ key, startedAt, endedAt: performance.now(), error: (error as NodeJS.ErrnoException).code ?? error.message }));
    req.end(JSON.stringify(body));
  });
}

describe('SIGTERM on the production profile', () => {
  let profile: ProductionProfile;
  beforeAll(async () => {
    profile = await ProductionProfile.open();
  });
  afterAll(() => profile?.close(), 60_000);

  it('an API stops accepting, answers every request it took, and exits 0', async () => {
    const api = await profile.startApi();
    const token = profile.token();
    const leadIds: string[] = [];
    for (let i = 0; i < 4; i += 1) leadIds.push((await post(api.baseUrl, '/leads', token, registration(), `reg-${i}`)).body?.leadId as string);

    const outcomes: Outcome[] = [];
    let signalledAt = Number.POSITIVE_INFINITY;
    const client = async (c: number): Promise<void> => {
      for (let k = 0; ; k += 1) {
        const outcome = await post(api.baseUrl, `/leads/${leadIds[k % leadIds.length]}/calls`, token, { direction: 'outbound', outcome: 'connected' }, `gs-${c}-${k}`);
        outcomes.push(outcome);
        if (outcome.error) return;
      }
    };
    const clients = Promise.all(Array.from({ length: 12 }, (_, c) => client(c)));
    await waitFor(() => outcomes.filter((o) => o.status === 201).length >= 100, 30_000, '100 acknowledged commands');
    signalledAt = performance.now();
    const exitCode = await terminate(api);
    const stoppedIn = performance.now() - signalledAt;
    await clients;

    expect(exitCode).toBe(0);
    expect(outcomes.filter((o) => o.status !== undefined && o.status !== 201)).toEqual([]);
    // Requests under way when the signal came were answered, not cut off.
    const inFlight = outcomes.filter((o) => o.startedAt < signalledAt && o.endedAt > signalledAt);
    expect(inFlight.filter((o) => o.status === 201).length).toBeGreaterThan(0);
    // Every acknowledged command is in the log; a refused one left nothing behind.
    const log = (await Promise.all(leadIds.map((id) => profile.events.readStream(`lead-${id}`)))).flat();
    const keysInLog = new Set(log.map((e) => e.metadata.idempotencyKey));
    const acknowledged = outcomes.filter((o) => o.status === 201);
    expect(acknowledged.filter((o) => !keysInLog.has(o.key))).toEqual([]);
    expect(outcomes.filter((o) => o.error && keysInLog.has(o.key))).toEqual([]);
    expect(log.filter((e) => e.type === 'CallLogged')).toHaveLength(acknowledged.length);
    process.stdout.write(`graceful API stop: ${acknowledged.length} acknowledged, ${inFlight.length} in flight at SIGTERM, `
      + `${outcomes.filter((o) => o.error).length} refused, exit after ${stoppedIn.toFixed(0)} ms\n`);
  }, 120_000);

  it('a worker commits its checkpoints and exits 0; the next one goes on from them and sends nothing twice', async () => {
    const first = await profile.startWorker();
    // Appends go on while the signal arrives: paced, so that they do without a backlog that only makes the test longer.
    const workload = interleavedWorkload({ leads: 100_000, window: 40, perAppend: 2, walkIns: false });
    let appending = true;
    const appender = (async () => {
      for (let n = 0; appending && n < 600; n += 1) {
        const next = workload.next();
        if (next.done) return;
        await profile.events.append(next.value.streamId, next.value.events, 'any');
        if (n % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      await waitFor(async () => (await profile.relayCheckpoint()) > 0 && Math.min(...(await profile.readSideCheckpoints())) > 0, 60_000, 'first batches');
    } catch (error) {
      appending = false;
      throw error;
    }
    const appendsAtSignal = await profile.events.headPosition();
    expect(await terminate(first)).toBe(0);
    // The relay's last acknowledged batch is the checkpoint in Kafka: nothing it had sent is left uncommitted.
    const stoppedAt = Number(/relay lead-relay stopped at position (\d+)/.exec(first.output())?.[1]);
    expect(stoppedAt).toBeGreaterThan(0);
    expect(await profile.relayCheckpoint()).toBe(stoppedAt);
    appending = false;
    await appender;
    expect(await profile.events.headPosition()).toBeGreaterThan(appendsAtSignal);

    const second = await profile.startWorker();
    const head = await profile.settledHead();
    expect(await terminate(second)).toBe(0);

    // Even a read_uncommitted consumer sees each event once: no batch was aborted and sent again.
    const leadEvents = (await profile.wholeLog()).filter((e) => e.streamId.startsWith('lead-'));
    const ids = (await kcatRead(TEST_BROKERS, profile.topics.events, 'read_uncommitted')).map((m) => m.value.id as string);
    expect(ids.length).toBe(leadEvents.length);
    expect(new Set(ids).size).toBe(ids.length);
    process.stdout.write(`graceful worker stop: relay stopped at ${stoppedAt}, log head ${head}, ${ids.length} lead events relayed once\n`);
  }, 120_000);
});
