import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore, RecordedEvent } from '@crm/event-store';
import { Actor, SystemClock } from '@crm/kernel';
import { readRelayCheckpoint } from '@crm/messaging';
import { defaultProjections, RedisReadStore } from '@crm/projections';
import { issueToken } from '../../../apps/api/src/auth/token-issuer';
import { createTestDatabase, TestDatabase } from '../../../libs/event-store/src/testing/postgres-test-database';
import { TEST_BROKERS, testKafka } from '../../../libs/messaging/src/testing/kafka-test.support';
import { topicNames, TopicNames } from '../../../libs/messaging/src/topics';
import { deletePrefix, TEST_REDIS_URL } from '../../../libs/projections/src/testing/read-store.harness';
import { freePort, ServerProcess, spawnEntry, spawnServer, waitUntilHealthy } from './server-process';

const SECRET = 'production-profile-secret-01';
export const PROFILE_DEALER = 'dealer-sh-01';

/**
 * The production profile for one test: a PostgreSQL database, a Redis key prefix and Kafka topics (and a
 * transactional id) of its own, and API and worker processes started on them, each with a DATA_DIR of its own so
 * that nothing the processes share can hide in a local file.
 */
export class ProductionProfile {
  readonly topics: TopicNames;
  readonly kafka = testKafka();
  private readonly processes: ServerProcess[] = [];
  private readonly dirs: string[] = [];

  private constructor(
    readonly database: TestDatabase,
    readonly events: PostgresEventStore,
    readonly readStore: RedisReadStore,
    readonly redisPrefix: string,
    private readonly topicPrefix: string,
    private readonly kafkaClientId: string,
  ) {
    this.topics = topicNames(topicPrefix);
  }

  static async open(): Promise<ProductionProfile> {
    const database = await createTestDatabase();
    const events = await PostgresEventStore.open({ url: database.url, poolSize: 4 });
    const redisPrefix = `test:${randomUUID()}:`;
    const readStore = new RedisReadStore({ url: TEST_REDIS_URL, keyPrefix: redisPrefix });
    const tag = randomUUID().slice(0, 8);
    return new ProductionProfile(database, events, readStore, redisPrefix, `test.${tag}.`, `crm-test-${tag}`);
  }

  /** What every process of the profile shares. */
  private env(): Record<string, string> {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-profile-'));
    this.dirs.push(dataDir);
    return {
      NODE_ENV: 'test', JWT_SECRET: SECRET, DATA_DIR: dataDir, LOG_LEVEL: 'warn',
      EVENT_STORE: 'postgres', DATABASE_URL: this.database.url, DATABASE_POOL_SIZE: '4',
      READ_STORE: 'redis', REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: this.redisPrefix,
      KAFKA_BROKERS: TEST_BROKERS.join(','), KAFKA_TOPIC_PREFIX: this.topicPrefix, KAFKA_CLIENT_ID: this.kafkaClientId,
      KAFKA_TOPIC_PARTITIONS: '3',
    };
  }

  /** An API process with the worker parts left to the workers; resolves once /health answers. */
  async startApi(): Promise<ServerProcess> {
    const port = await freePort();
    const api = spawnServer({ ...this.env(), PORT: String(port), HOST: '127.0.0.1', PROJECTIONS_IN_PROCESS: 'false' });
    this.processes.push(api);
    await waitUntilHealthy(api, 90_000);
    return api;
  }

  /** A worker process with the relay on; resolves once it says it runs. */
  async startWorker(): Promise<ServerProcess> {
    const worker = spawnEntry('apps/worker/src/main.ts', { ...this.env(), KAFKA_ENABLED: 'true' });
    this.processes.push(worker);
    await waitFor(() => {
      if (worker.child.exitCode !== null) throw new Error(`worker exited: ${worker.output()}`);
      return /Kafka relay on/.test(worker.output());
    }, 90_000);
    return worker;
  }

  /** The relay's committed checkpoint in Kafka (the default relay name); 0 while its topics are still being made. */
  async relayCheckpoint(): Promise<number> {
    try {
      return await readRelayCheckpoint(this.kafka, this.topics.checkpoints, 'lead-relay');
    } catch (error) {
      if (/not the leader|does not host this topic-partition|UNKNOWN_TOPIC/i.test(String((error as Error).message ?? error))) return 0;
      throw error;
    }
  }

  /** Every projection's live checkpoint and the saga's, from Redis (0 when absent). */
  async readSideCheckpoints(): Promise<number[]> {
    const projections = await Promise.all(defaultProjections().map(async (p) => {
      const version = await this.readStore.liveVersion(p.name);
      return version === undefined ? 0 : (await this.readStore.checkpoint(p.name, version)) ?? 0;
    }));
    return [...projections, (await this.readStore.checkpoint('nurture-saga', 1)) ?? 0];
  }

  /** Waits until every projection, the saga and the relay have stored the head as their checkpoint, and the head holds. */
  async settledHead(timeoutMs = 60_000): Promise<number> {
    for (;;) {
      const head = await this.events.headPosition();
      await waitFor(async () => Math.min(...(await this.readSideCheckpoints())) >= head, timeoutMs, `read side at ${head}`);
      await waitFor(async () => (await this.relayCheckpoint()) >= head, timeoutMs, `relay at ${head}`);
      if ((await this.events.headPosition()) === head) return head;
    }
  }

  async wholeLog(): Promise<RecordedEvent[]> {
    const all: RecordedEvent[] = [];
    for (;;) {
      const page = await this.events.readAll({ afterPosition: all[all.length - 1]?.position ?? 0, maxCount: 1000 });
      if (page.length === 0) return all;
      all.push(...page);
    }
  }

  token(id = 'consultant-1'): string {
    const actor: Actor = { id, role: 'consultant', dealerId: PROFILE_DEALER };
    return issueToken(SECRET, actor, new SystemClock(), '1h');
  }

  async close(): Promise<void> {
    for (const p of this.processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(this.processes.map((p) => p.exited));
    await this.readStore.close();
    await this.events.close();
    await this.database.drop();
    await deletePrefix(TEST_REDIS_URL, this.redisPrefix);
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }
}

/** SIGTERM, then the exit code (null when a signal ended it). */
export async function terminate(process: ServerProcess): Promise<number | null> {
  process.child.kill('SIGTERM');
  return process.exited;
}

/** Polls until the condition holds; fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what = 'condition'): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
