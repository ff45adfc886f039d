import { EventStore, EventToAppend, ExpectedRevision, WrongExpectedRevisionError } from '@crm/event-store';
import { Clock, Decider, DomainEvent } from '@crm/kernel';
import { CommandOrigin } from '../command-origin';
import { EventEnvelopeFactory } from '../envelope/event-envelope.factory';
import { KeyedMutex } from './keyed-mutex';
import { backoffMs, pause } from './retry-backoff';
import { LoadedStream, StreamLoader } from './stream-loader';

export interface AppendedEvent extends EventToAppend {
  revision: number;
}

/** What a command did: the stream's revision and global position after it, and the events it appended. */
export interface Decision {
  revision: number;
  position: number;
  events: AppendedEvent[];
}

/** A reservation in another stream taken before the append, and kept or given back after it. */
export interface Claim {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

export const NO_CLAIM: Claim = { commit: async () => undefined, rollback: async () => undefined };

export interface DecisionHooks<Command, State> {
  /** Refuses a command before it is decided (the stream is invisible to the caller, say). */
  admit?(loaded: LoadedStream<State>, command: Command): void;
  /** Takes a reservation that the append depends on (a phone number). */
  claim?(loaded: LoadedStream<State>, command: Command): Promise<Claim>;
}

export interface DeciderCommandHandlerOptions {
  /**
   * 'checked' loads the state and appends at the revision read (optimistic concurrency); 'commutative' decides on
   * the initial state and appends with no check, for facts that no earlier event can change (a door count).
   */
  concurrency: 'checked' | 'commutative';
  /** The error for an If-Match that names another revision than the stream's: the capability's own code. */
  revisionMismatch(streamId: string, expected: number, actual: number): Error;
  /** The error when other writers won every attempt of a command sent without an expected revision. */
  contended(streamId: string): Error;
  /** Attempts for a command sent without an expected revision, when other writers keep winning the race. */
  maxAttempts?: number;
}

/**
 * The one command path: load (fold the stream), decide (pure), append with the revision read. Commands on one
 * stream queue in this process; a race lost to another process is retried on the new state with backoff, unless
 * the caller named the revision it expects.
 */
export class DeciderCommandHandler<Command, Event extends DomainEvent, State> {
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<Command, Event, State>,
    private readonly loader: StreamLoader<State>,
    private readonly envelopes: EventEnvelopeFactory,
    private readonly clock: Clock,
    private readonly options: DeciderCommandHandlerOptions,
  ) {}

  /** `command` receives the time of the attempt (from the clock port), which is also the events' recordedAt. */
  handle(streamId: string, command: (now: string) => Command, origin: CommandOrigin, hooks: DecisionHooks<Command, State> = {}): Promise<Decision> {
    return this.mutex.run(streamId, async () => {
      const maxAttempts = this.options.maxAttempts ?? 8;
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await this.attempt(streamId, command, origin, hooks);
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
          if (origin.expectedRevision !== undefined) throw this.mismatch(streamId, origin.expectedRevision, error);
          if (attempt >= maxAttempts) throw this.options.contended(streamId);
          await pause(backoffMs(attempt));
        }
      }
    });
  }

  private async attempt(
    streamId: string, build: (now: string) => Command, origin: CommandOrigin, hooks: DecisionHooks<Command, State>,
  ): Promise<Decision> {
    const now = this.clock.now().toISOString();
    const command = build(now);
    const checked = this.options.concurrency === 'checked';
    const loaded = checked ? await this.loader.load(streamId) : this.loader.empty();
    hooks.admit?.(loaded, command);
    if (checked && origin.expectedRevision !== undefined && origin.expectedRevision !== loaded.revision) {
      throw this.options.revisionMismatch(streamId, origin.expectedRevision, loaded.revision);
    }
    const events = this.decider.decide(command, loaded.state);
    if (events.length === 0) return { revision: loaded.revision, position: loaded.position, events: [] };
    const times = { occurredAt: origin.occurredAt ?? now, recordedAt: now };
    const envelopes = this.envelopes.wrap(events, origin, times, (type) => this.decider.schemaVersion(type));
    const claim = (await hooks.claim?.(loaded, command)) ?? NO_CLAIM;
    const expected: ExpectedRevision = !checked ? 'any' : loaded.revision < 0 ? 'no_stream' : loaded.revision;
    let appended;
    try {
      appended = await this.store.append(streamId, envelopes, expected);
    } catch (error) {
      await claim.rollback();
      throw error;
    }
    await claim.commit();
    const first = appended.nextRevision - envelopes.length + 1;
    return {
      revision: appended.nextRevision,
      position: appended.position,
      events: envelopes.map((event, index) => ({ revision: first + index, ...event })),
    };
  }

  private mismatch(streamId: string, expected: number, error: WrongExpectedRevisionError): Error {
    return this.options.revisionMismatch(streamId, expected, error.actual === 'no_stream' ? -1 : error.actual);
  }
}
