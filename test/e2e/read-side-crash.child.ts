/**
 * The process the crash test kills with SIGKILL: runs every projection against the given event store file and
 * read store until it dies. It says "committed" on stdout after its first committed batch. Deep imports keep
 * NestJS out of it, so that it starts fast and the test fits 20 kills per store in its time budget.
 */
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store.adapter';
import { defaultProjections } from '../../libs/projections/src/projections.registry';
import { RedisReadStore } from '../../libs/projections/src/read-store/redis-read-store.adapter';
import { SqliteReadStore } from '../../libs/projections/src/read-store/sqlite-read-store.adapter';
import { ProjectionRunner } from '../../libs/projections/src/runner/projection-runner';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const eventStore = new SqliteEventStore({ path: env('CRASH_EVENTS_PATH') });
const readStore = env('CRASH_READ_STORE') === 'redis'
  ? new RedisReadStore({ url: env('CRASH_REDIS_URL'), keyPrefix: env('CRASH_REDIS_PREFIX') })
  : new SqliteReadStore({ path: env('CRASH_READ_PATH') });
let said = false;
for (const projection of defaultProjections()) {
  new ProjectionRunner({
    eventStore, readStore, projection, batchSize: Number(process.env.CRASH_BATCH_SIZE ?? 300), watchdogMs: 50,
    onError: (error) => process.stderr.write(`${projection.name}: ${String(error)}\n`),
    onCommitted: () => {
      if (!said) process.stdout.write('committed\n');
      said = true;
    },
  }).start();
}
process.stdout.write('started\n');
