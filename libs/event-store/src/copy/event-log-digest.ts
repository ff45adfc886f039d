import { createHash, Hash } from 'node:crypto';
import type { RecordedEvent } from '../event-store.port';

/** JSON with object keys sorted at every level: equal values give equal text whichever store reordered keys. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * Count and SHA-256 of a log in order, over what a copy must keep: stream, revision, type, data and metadata (which
 * holds the event id and both times). Global positions are left out: each store numbers its own log.
 */
export class EventLogDigest {
  private readonly hash: Hash = createHash('sha256');
  count = 0;

  add(events: readonly RecordedEvent[]): void {
    for (const event of events) {
      this.hash.update(canonicalJson([event.streamId, event.revision, event.type, event.data, event.metadata]));
      this.hash.update('\n');
      this.count += 1;
    }
  }

  digest(): string {
    return this.hash.copy().digest('hex');
  }
}
