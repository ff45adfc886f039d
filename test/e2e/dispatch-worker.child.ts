/**
 * A dispatch worker as a bare process, for the kill -9 and two-worker tests: the due index and the dispatcher
 * (webhook channel, wall clock) on the given event store and due store, without Nest so that it starts fast.
 * It says "ready" once loaded, starts work when it reads "go" on stdin (so that a test can load the next worker
 * while the current one runs), then says "started", and "sent <n>" after each round that sent something.
 */
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store.adapter';
import { EventEnvelopeFactory } from '../../libs/commands/src/envelope/event-envelope.factory';
import { ExecuteLeadCommandHandler } from '../../libs/commands/src/lead/execute-lead-command.handler';
import { LeadStreamLoader } from '../../libs/commands/src/lead/lead-stream.loader';
import { PhoneReservations } from '../../libs/commands/src/lead/phone/phone-reservations';
import { PhoneUniqueness } from '../../libs/commands/src/lead/phone/phone-uniqueness';
import { WebhookTouchChannel } from '../../libs/dispatch/src/channels/webhook-touch-channel.adapter';
import { EventStoreDealerSettingsReader } from '../../libs/dispatch/src/dealer/event-store-dealer-settings.reader';
import { DealerQuietHours } from '../../libs/dispatch/src/dealer/dealer-quiet-hours';
import { createDispatcher } from '../../libs/dispatch/src/dispatcher/dispatcher.factory';
import { DueIndexConsumer } from '../../libs/dispatch/src/index/due-index.consumer';
import { DueIndexRunner } from '../../libs/dispatch/src/index/due-index.runner';
import { RedisDueWorkStore } from '../../libs/dispatch/src/store/redis-due-work-store.adapter';
import { SqliteDueWorkStore } from '../../libs/dispatch/src/store/sqlite-due-work-store.adapter';
import { RandomIdGenerator } from '../../libs/kernel/src/id-generator.port';
import { SystemClock } from '../../libs/kernel/src/system-clock.adapter';
import { DEFAULT_LEAD_POLICY } from '../../libs/lead/src/policies/lead-policy';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const events = new SqliteEventStore({ path: env('DISPATCH_EVENTS_PATH'), pollIntervalMs: 20 });
const clock = new SystemClock();
const leads = new LeadStreamLoader(events);
const envelopes = new EventEnvelopeFactory(new RandomIdGenerator());
const phones = new PhoneUniqueness(new PhoneReservations(events, leads, envelopes, clock));
const handler = new ExecuteLeadCommandHandler(events, leads, envelopes, clock, phones, DEFAULT_LEAD_POLICY);
const store = env('DISPATCH_DUE_STORE') === 'redis'
  ? new RedisDueWorkStore({ url: env('DISPATCH_REDIS_URL'), keyPrefix: env('DISPATCH_REDIS_PREFIX') })
  : new SqliteDueWorkStore({ path: env('DISPATCH_DUE_PATH') });
const dealers = new EventStoreDealerSettingsReader(events);
const index = new DueIndexRunner(events, store, new DueIndexConsumer(store, new LeadStreamLoader(events), dealers), { batchSize: 100 });
const channel = new WebhookTouchChannel({
  url: env('DISPATCH_WEBHOOK_URL'), secret: env('DISPATCH_WEBHOOK_SECRET'), timeoutMs: Number(env('DISPATCH_WEBHOOK_TIMEOUT_MS')), retries: 0, retryDelayMs: 10,
});
const dispatcher = createDispatcher(
  { DISPATCH_BATCH_SIZE: 20, DISPATCH_LEASE_MS: Number(env('DISPATCH_LEASE_MS')), DISPATCH_CONCURRENCY: 4, TOUCH_MAX_ATTEMPTS: 5, TOUCH_RETRY_BASE_MS: 1_000 },
  { store, leads, bus: handler, channel, dealers, quietHours: new DealerQuietHours(), clock },
  `child-${process.pid}`,
  (error) => process.stderr.write(`dispatch: ${String(error)}\n`),
);

process.stdout.write('ready\n');
process.stdin.once('data', () => {
  index.start();
  process.stdout.write('started\n');
  void run();
});

async function run(): Promise<void> {
  for (;;) {
    const report = await dispatcher.dispatchDue();
    if (report.sent > 0) process.stdout.write(`sent ${report.sent}\n`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
