import { EventEmitter } from 'node:events';
import {
  ANY,
  AppendExpectedRevision,
  BACKWARDS,
  END,
  EventData,
  NO_STREAM,
  Position,
  ReadPosition,
  ReadRevision,
  START,
  StreamNotFoundError,
  STREAM_EXISTS,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { EventStoreDbClientPort } from '../eventstoredb/eventstoredb-event-store.adapter';

interface FakeRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
  isJson: true;
  created: Date;
  position: Position;
}

interface LiveFilter {
  emitter: EventEmitter;
  regex: RegExp;
}

const FIXED_CREATED = new Date(Date.UTC(2026, 0, 1));

/** An answer arrives a turn later than the call, as it would over the network, so calls can overlap. */
const roundTrip = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * In-memory stand-in for EventStoreDB's client: no EventStoreDB server can run on this machine, and the adapter's own
 * logic (paging $all, leaving system streams out, inclusive reads, bounds, errors) still deserves the contract suite.
 * It encodes what the adapter relies on, as eventstoredb-mapping.ts describes: commit == prepare positions that are
 * byte offsets with gaps; system events interleaved in $all; $all reads that include their start position;
 * StreamNotFoundError raised while iterating; WrongExpectedVersionError carrying the actual revision. Against a real
 * server the same suite runs when EVENTSTORE_URL is set.
 */
export class FakeEventStoreDbClient {
  private readonly log: FakeRecord[] = [];
  private readonly streams = new Map<string, FakeRecord[]>();
  private readonly live = new Set<LiveFilter>();
  private offset = 4096;
  private appends = 0;

  static asPort(): EventStoreDbClientPort {
    return new FakeEventStoreDbClient() as unknown as EventStoreDbClientPort;
  }

  async appendToStream(streamName: string, input: EventData | EventData[], options: { expectedRevision?: AppendExpectedRevision } = {}) {
    const events = Array.isArray(input) ? input : [input];
    await roundTrip();
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length === 0 ? NO_STREAM : BigInt(stream.length - 1);
    const expected = options.expectedRevision ?? ANY;
    const ok =
      expected === ANY ||
      (expected === NO_STREAM && current === NO_STREAM) ||
      (expected === STREAM_EXISTS && current !== NO_STREAM) ||
      expected === current;
    if (!ok) throw new WrongExpectedVersionError(undefined, { streamName, expected, current });
    // The server writes its own records between ours now and then.
    if (this.appends++ % 3 === 0) this.write('$stats-127.0.0.1:2113', { id: 'stats', type: '$statsCollected', data: {}, metadata: undefined });
    const written = events.map((event) => this.write(streamName, event));
    const last = written[written.length - 1]!;
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  readStream(streamName: string, options: { direction?: string; fromRevision?: ReadRevision; maxCount?: number | bigint } = {}) {
    const streams = this.streams;
    async function* read(): AsyncGenerator<{ event: FakeRecord }> {
      await roundTrip();
      const stream = streams.get(streamName);
      if (!stream) throw new StreamNotFoundError(undefined, streamName);
      const backward = options.direction === BACKWARDS;
      const from = options.fromRevision ?? (backward ? END : START);
      let records = backward ? [...stream].reverse() : [...stream];
      if (typeof from === 'bigint') records = records.filter((r) => (backward ? r.revision <= from : r.revision >= from));
      for (const record of records.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))) yield { event: record };
    }
    return Object.assign(read(), { cancel: async () => undefined });
  }

  readAll(options: { direction?: string; fromPosition?: ReadPosition; maxCount?: number | bigint } = {}) {
    const log = this.log;
    async function* read(): AsyncGenerator<{ event: FakeRecord }> {
      await roundTrip();
      const from = options.fromPosition ?? START;
      let records: FakeRecord[];
      if (options.direction === BACKWARDS) {
        if (from !== END) throw new Error('the fake reads $all backwards only from END');
        records = [...log].reverse();
      } else {
        records = from === START ? [...log] : from === END ? [] : log.filter((r) => r.position.commit >= from.commit);
      }
      for (const record of records.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER))) yield { event: record };
    }
    return Object.assign(read(), { cancel: async () => undefined });
  }

  subscribeToAll(options: { fromPosition?: ReadPosition; filter?: { regex?: string } } = {}) {
    if (options.fromPosition !== END) throw new Error('the fake subscribes to $all only from END');
    const emitter = new EventEmitter();
    const filter: LiveFilter = { emitter, regex: new RegExp(options.filter?.regex ?? '') };
    this.live.add(filter);
    setImmediate(() => emitter.emit('confirmation'));
    return Object.assign(emitter, {
      unsubscribe: async () => {
        this.live.delete(filter);
      },
    });
  }

  async dispose(): Promise<void> {
    this.live.clear();
  }

  private write(streamName: string, event: { id: string; type: string; data: unknown; metadata: unknown }): FakeRecord {
    const stream = this.streams.get(streamName) ?? [];
    this.streams.set(streamName, stream);
    const at = BigInt(this.offset);
    // Records have sizes: positions are byte offsets with gaps, not a count.
    this.offset += 128 + JSON.stringify(event.data).length;
    const record: FakeRecord = {
      streamId: streamName,
      id: event.id,
      revision: BigInt(stream.length),
      type: event.type,
      // What comes back from a server is parsed from the bytes sent, never the caller's objects.
      data: JSON.parse(JSON.stringify(event.data)) as unknown,
      metadata: event.metadata === undefined ? undefined : (JSON.parse(JSON.stringify(event.metadata)) as unknown),
      isJson: true,
      created: FIXED_CREATED,
      position: { commit: at, prepare: at },
    };
    stream.push(record);
    this.log.push(record);
    for (const { emitter, regex } of this.live) if (regex.test(streamName)) emitter.emit('data', { event: record });
    return record;
  }
}
