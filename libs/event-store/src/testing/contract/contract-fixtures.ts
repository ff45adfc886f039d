import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@crm/kernel';
import type { EventStore, EventToAppend } from '../../event-store.port';

export type EventStoreFactory = () => Promise<{ store: EventStore; cleanup(): Promise<void> }>;

/** Gives each test a fresh store from the adapter's factory and cleans it up afterwards. */
export function useFreshStore(factory: EventStoreFactory): () => EventStore {
  let current: { store: EventStore; cleanup(): Promise<void> } | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('the store is only available inside a test');
    return current.store;
  };
}

export function streamId(prefix = 'lead'): string {
  return `${prefix}-${randomUUID()}`;
}

/** Contract cases that care about time set it explicitly; the rest share one fixed instant. */
const FIXTURE_TIME = '2026-01-05T09:00:00.000Z';

export function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  const now = FIXTURE_TIME;
  return {
    eventId: randomUUID(),
    actor: { id: 'user-1', role: 'consultant', dealerId: 'dealer-1' },
    correlationId: 'corr-1',
    causationId: 'cause-1',
    source: 'api',
    schemaVersion: 1,
    occurredAt: now,
    recordedAt: now,
    ...overrides,
  };
}

export function event(type = 'LeadNoted', data: unknown = { note: 'hello' }, meta: Partial<EventMetadata> = {}): EventToAppend {
  return { type, data, metadata: metadata(meta) };
}

export function events(count: number, type = 'LeadNoted'): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => event(type, { index }));
}
