/**
 * Child process for the crash tests: appends to one stream as fast as it can and prints each acknowledged
 * revision on its own line. The parent kills it with SIGKILL mid-burst and checks that every printed revision
 * survived. Usage: crash-appender.script.ts <db-file | store-url> <stream-id>
 */
import { randomUUID } from 'node:crypto';
import { SystemClock } from '@crm/kernel';
import { openEventStoreAt } from '../event-store-url';
import type { EventStore } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.adapter';

/** A bare path is a SQLite file (the store's durable default); anything with a scheme is a store URL. */
function open(target: string): Promise<EventStore> | EventStore {
  return /^[a-z+]+:/.test(target) ? openEventStoreAt(target) : new SqliteEventStore({ path: target });
}

async function main(): Promise<void> {
  const [target, streamId] = process.argv.slice(2);
  if (!target || !streamId) throw new Error('usage: crash-appender.script.ts <db-file | store-url> <stream-id>');
  const store = await open(target);
  const clock = new SystemClock();
  let expected: number | 'no_stream' = 'no_stream';
  for (let i = 0; ; i++) {
    const now = clock.now().toISOString();
    // Alternate single and multi-event appends so that the kill can land inside a larger transaction.
    const count = i % 3 === 0 ? 5 : 1;
    const batch = Array.from({ length: count }, () => ({
      type: 'CrashTick',
      data: { i, padding: 'x'.repeat(200) },
      metadata: {
        eventId: randomUUID(),
        actor: { id: 'crash', role: 'system' as const, dealerId: 'dealer-1' },
        correlationId: 'crash',
        causationId: 'crash',
        source: 'system' as const,
        schemaVersion: 1,
        occurredAt: now,
        recordedAt: now,
      },
    }));
    const { nextRevision } = await store.append(streamId, batch, expected);
    expected = nextRevision;
    process.stdout.write(`${nextRevision}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
