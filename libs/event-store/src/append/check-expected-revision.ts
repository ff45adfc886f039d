import type { ExpectedRevision } from '../event-store.port';
import { WrongExpectedRevisionError } from '../event-store.errors';

/** Throws unless a stream at `current` (undefined: no stream) meets `expected`. */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, current: number | undefined): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    expected === current;
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, current ?? 'no_stream');
}
