import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@crm/event-store';
import { leadIdFromStream } from '@crm/lead';
import { decodeLeadEvent } from '@crm/projections';
import { childEntry } from '../../libs/kernel/src/testing/child-entry';
import { MessageSchemas } from '../../libs/messaging/src/schemas/message-schemas';
import { kcatRead, TEST_BROKERS } from '../../libs/messaging/src/testing/kafka-test.support';
import { topicNames } from '../../libs/messaging/src/topics';
import { interleavedWorkload } from '../../libs/projections/src/testing/lead-workload';

const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const EVENTS = Number(process.env.CRASH_EVENTS ?? 100_000);
const ROOT = join(__dirname, '..', '..');

interface Child {
  process: ChildProcess;
  output: string;
  /** Resolves when the output contains `text` (or rejects when the child exits first). */
  said(text: string | RegExp): Promise<void>;
}

function spawnChild(env: Record<string, string>): Child {
  const proc = spawn(process.execPath, childEntry('test/e2e/kafka-relay-crash.child.ts'), {
    cwd: ROOT, env: { ...process.env, ...env, TS_NODE_TRANSPILE_ONLY: 'true' }, stdio: ['pipe', 'pipe', 'inherit'],
  });
  const child: Child = {
    process: proc,
    output: '',
    said: (text) => new Promise<void>((resolve, reject) => {
      const check = (): boolean => (typeof text === 'string' ? child.output.includes(text) : text.test(child.output));
      if (check()) return resolve();
      const onData = (): void => {
        if (!check()) return;
        proc.stdout?.off('data', onData);
        resolve();
      };
      proc.stdout?.on('data', onData);
      proc.once('exit', (code, signal) => reject(new Error(`relay child exited (${code ?? signal}) before saying ${String(text)}`)));
    }),
  };
  proc.stdout?.on('data', (chunk: Buffer) => (child.output += chunk.toString()));
  return child;
}

const exited = (proc: ChildProcess): Promise<void> =>
  new Promise((resolve) => (proc.exitCode !== null || proc.signalCode !== null ? resolve() : proc.once('exit', () => resolve())));

describe('kill -9 of the Kafka relay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kafka-relay-crash-'));
  const prefix = `test.${randomUUID().slice(0, 8)}.`;
  const env = {
    CRASH_EVENTS_PATH: join(dir, 'events.sqlite'), CRASH_RELAY_NAME: `crash-${randomUUID().slice(0, 8)}`,
    CRASH_TOPIC_PREFIX: prefix, CRASH_KAFKA_BROKERS: TEST_BROKERS.join(','),
  };
  const children: Child[] = [];
  let store: SqliteEventStore;

  beforeAll(() => {
    store = new SqliteEventStore({ path: env.CRASH_EVENTS_PATH });
  });
  afterAll(async () => {
    for (const child of children) {
      if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
      await exited(child.process);
    }
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`delivers each of ${EVENTS} events once to read_committed consumers, in order per lead, across ${KILLS} kills`, async () => {
    const spawnNext = (): Child => {
      const child = spawnChild(env);
      children.push(child);
      return child;
    };
    // The writer: appends EVENTS lead events (and showroom counts) in small steps, up to a target that each
    // kill raises, so that appends go on during every relay's life.
    const workload = interleavedWorkload({ leads: 1_000_000, window: 500, perAppend: 2, walkIns: true });
    let appended = 0;
    let target = 0;
    const writer = (async () => {
      while (appended < EVENTS) {
        for (let step = 0; step < 100 && appended < target; step += 1) {
          const next = workload.next().value as { streamId: string; events: never[] };
          await store.append(next.streamId, next.events, 'any');
          if (next.streamId.startsWith('lead-')) appended += next.events.length;
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();

    // Children load (the slow part) ahead of their turn, AHEAD at a time, and wait for "go".
    const AHEAD = 2;
    const ready: Child[] = [];
    const topUp = (): void => {
      while (ready.length < AHEAD) ready.push(spawnNext());
    };
    topUp();
    for (let kill = 0; kill < KILLS; kill += 1) {
      target = Math.round((EVENTS * (kill + 1)) / KILLS);
      const current = ready.shift() as Child;
      topUp();
      await current.said('loaded');
      current.process.stdin?.write('go\n');
      // After its first acknowledged batch, a random moment while it relays: most land inside a transaction.
      await current.said(/committed \d+/);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 500));
      current.process.kill('SIGKILL');
      await exited(current.process);
    }
    target = EVENTS;
    await writer;
    const current = ready.shift() as Child;
    for (const idle of ready) idle.process.kill('SIGKILL');

    // The last relay catches up and stops gracefully.
    const head = await store.headPosition();
    await current.said('loaded');
    current.process.stdin?.write('go\n');
    await current.said(new RegExp(`committed ${head}\\b`));
    current.process.kill('SIGTERM');
    await exited(current.process);
    expect(current.process.exitCode).toBe(0);

    const log = await store.readAll({ maxCount: 10_000_000 });
    const expected = log.filter((e) => decodeLeadEvent(e));
    expect(expected.length).toBeGreaterThanOrEqual(EVENTS);
    const published = await kcatRead(TEST_BROKERS, topicNames(prefix).events);
    const schemas = new MessageSchemas();
    expect(published.flatMap((m) => schemas.problems(m.value))).toEqual([]);
    const ids = published.map((m) => m.value.id as string);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(expected.length);
    // Per lead, the order of the log.
    const positionsByLead = new Map<string, number[]>();
    for (const m of published) positionsByLead.set(m.key, [...(positionsByLead.get(m.key) ?? []), m.value.logposition as number]);
    for (const [leadId, positions] of positionsByLead) {
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(leadId).toBe(leadIdFromStream(expected.find((e) => e.position === positions[0])?.streamId ?? ''));
    }
  }, 480_000); // ~1-2 minutes on a quiet machine; ~4 with a load average of 12, where 240 s was too close
});
