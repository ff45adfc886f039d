import { randomUUID } from 'node:crypto';
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type BenchAppender, benchEvent } from './appends-workload';

export interface ClosedLoopResult {
  appends: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const STREAMS_PER_WRITER = 4;


/**
 * `writers` concurrent writers, each appending one event at a time (waiting for each acknowledgement, as an HTTP
 * request would) round-robin over streams of its own with the exact expected revision, until `seconds` have passed.
 * Then checks that the store holds every acknowledged event.
 */
export async function runClosedLoop(appender: BenchAppender, writers: number, seconds: number): Promise<ClosedLoopResult> {
  const now = new Date(Date.UTC(2026, 0, 5, 9)).toISOString();
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const writer = async (): Promise<void> => {
    const streams = Array.from({ length: STREAMS_PER_WRITER }, () => `lead-${randomUUID()}`);
    const revisions = streams.map(() => -1);
    for (let i = 0; performance.now() < deadline; i++) {
      const slot = i % STREAMS_PER_WRITER;
      const streamId = streams[slot]!;
      const event = benchEvent(streamId, i, now);
      const issued = performance.now();
      const pending = appender.append(streamId, event, revisions[slot]!);
      if (pending) await pending;
      latencies.push(performance.now() - issued);
      revisions[slot]! += 1;
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  const elapsed = (performance.now() - started) / 1000;
  const stored = await appender.count();
  if (stored !== latencies.length) throw new Error(`stored ${stored} events, ${latencies.length} were acknowledged`);
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { appends: latencies.length, perSecond: latencies.length / elapsed, p50Ms: pct(0.5), p99Ms: pct(0.99) };
}

/** fdatasync calls per second on an 8 KiB rewrite in the temp folder: the disk's ceiling for durable commits. */
export function measureFsyncsPerSecond(seconds = 1): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-fsync-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  const page = Buffer.alloc(8192, 1);
  try {
    const started = performance.now();
    let syncs = 0;
    while (performance.now() - started < seconds * 1000) {
      writeSync(fd, page, 0, page.length, 0);
      fdatasyncSync(fd);
      syncs += 1;
    }
    return syncs / ((performance.now() - started) / 1000);
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export const fmt = (n: number | undefined): string => (n === undefined || Number.isNaN(n) ? 'n/a' : Math.round(n).toLocaleString('en-US'));
