import type { EventStore, EventToAppend, ExpectedRevision, RecordedEvent } from '../event-store.port';
import { EventLogDigest } from './event-log-digest';

export interface CopyProgress {
  /** Events written to the target so far. */
  copied: number;
  /** The source position reached, and the source's head when the copy started (where it stops). */
  position: number;
  head: number;
}

export interface CopyOptions {
  /** Events read from the source (and written to the target) per step. */
  batchSize?: number;
  onProgress?: (progress: CopyProgress) => void;
}

export interface CopyReport {
  copied: number;
  sourceDigest: string;
  targetCount: number;
  targetDigest: string;
  /** The target holds the same events as the source did, in the same order: same count and same digest. */
  verified: boolean;
}

export class CopyTargetNotEmptyError extends Error {
  constructor(head: number) {
    super(`the target event store is not empty (its log reaches position ${head}); copy into an empty store`);
    this.name = 'CopyTargetNotEmptyError';
  }
}

const DEFAULT_BATCH_SIZE = 1_000;

/**
 * Copies a source log into an empty target, up to the source's head when the copy starts, keeping the order, the
 * streams and revisions, the event ids and all metadata (positions are the target's own). Consecutive events of one
 * stream go in one append, with the expected revision the source implies, so a target that is not what it seems
 * fails loudly. Then the target is read back and its count and digest compared with the source's.
 */
export async function copyEventLog(source: EventStore, target: EventStore, options: CopyOptions = {}): Promise<CopyReport> {
  const targetHead = await target.headPosition();
  if (targetHead > 0) throw new CopyTargetNotEmptyError(targetHead);
  const head = await source.headPosition();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const sourceDigest = new EventLogDigest();
  let after = 0;
  while (after < head) {
    const batch = (await source.readAll({ afterPosition: after, maxCount: batchSize })).filter((e) => e.position <= head);
    const last = batch[batch.length - 1];
    if (!last) break;
    await writeInOrder(target, batch);
    sourceDigest.add(batch);
    after = last.position;
    options.onProgress?.({ copied: sourceDigest.count, position: after, head });
  }
  const targetDigest = await digestOf(target, batchSize);
  return {
    copied: sourceDigest.count,
    sourceDigest: sourceDigest.digest(),
    targetCount: targetDigest.count,
    targetDigest: targetDigest.digest(),
    verified: targetDigest.count === sourceDigest.count && targetDigest.digest() === sourceDigest.digest(),
  };
}

/** Reads a whole log and digests it. */
export async function digestOf(store: EventStore, batchSize = DEFAULT_BATCH_SIZE): Promise<EventLogDigest> {
  const digest = new EventLogDigest();
  let after = 0;
  for (;;) {
    const batch = await store.readAll({ afterPosition: after, maxCount: batchSize });
    const last = batch[batch.length - 1];
    if (!last) return digest;
    digest.add(batch);
    after = last.position;
  }
}

/** Issues the batch's appends together where the target commits them in issue order, else one after another. */
async function writeInOrder(target: EventStore, events: RecordedEvent[]): Promise<void> {
  const appends = runsOfOneStream(events).map((run) => () => target.append(run[0]!.streamId, run.map(toAppend), expectedBefore(run[0]!)));
  if (target.commitsInIssueOrder) {
    await Promise.all(appends.map((append) => append()));
    return;
  }
  for (const append of appends) await append();
}

function runsOfOneStream(events: RecordedEvent[]): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  for (const event of events) {
    const run = runs[runs.length - 1];
    if (run && run[0]!.streamId === event.streamId) run.push(event);
    else runs.push([event]);
  }
  return runs;
}

function expectedBefore(first: RecordedEvent): ExpectedRevision {
  return first.revision === 0 ? 'no_stream' : first.revision - 1;
}

function toAppend(event: RecordedEvent): EventToAppend {
  return { type: event.type, data: event.data, metadata: event.metadata };
}
