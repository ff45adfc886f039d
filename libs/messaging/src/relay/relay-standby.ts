import type { EventStore } from '@crm/event-store';
import { RelaySink } from './relay-sink.port';

export interface StandbyLog {
  log(message: string): void;
  debug(message: string): void;
}

/** Thrown out of a standby that was ended by stop(): the relay is shutting down, not taking over. */
export class StandbyStopped extends Error {
  constructor() {
    super('relay stopped while standing by');
    this.name = 'StandbyStopped';
  }
}

/**
 * What a fenced relay does instead of taking the sink straight back (which would fence the active relay in turn,
 * and the two would take turns forever): it watches the active relay's committed checkpoint, and takes over only
 * when that checkpoint stays put for a whole interval while the log holds events past it (the active relay died
 * or hangs). Meanwhile nothing is sent, so the single-active rule of the transactional id holds without a lease.
 */
export class RelayStandby {
  private wake: (() => void) | undefined;
  private stopped = false;
  private active: number | undefined | null = null;

  /** While standing by: the active relay's committed checkpoint as last read (undefined: unreadable); else null. */
  get activeCheckpoint(): number | undefined | null {
    return this.active;
  }

  constructor(
    private readonly name: string,
    private readonly sink: RelaySink,
    private readonly store: EventStore,
    private readonly intervalMs: number,
    private readonly logger: StandbyLog,
  ) {}

  /** Resolves once the active relay looks gone; rejects with StandbyStopped when stop() is called meanwhile. */
  async untilActiveStalls(): Promise<void> {
    this.logger.log(`${this.name}: another relay of this name is active; standing by (taking over if its checkpoint stalls for ${this.intervalMs} ms)`);
    this.active = undefined;
    const seen = await this.committed();
    this.active = seen;
    try {
      await this.watch(seen);
    } finally {
      this.active = null;
    }
  }

  private async watch(seen: number | undefined): Promise<void> {
    for (;;) {
      // Events that wait at the start of an interval and are still not relayed at its end, with no commit in
      // between: a live relay would have sent them. (Reading the head after the checkpoint would race a fresh append.)
      const waiting = await this.store.headPosition();
      await this.sleep();
      const checkpoint = await this.committed();
      this.active = checkpoint;
      if (checkpoint !== undefined && checkpoint === seen && checkpoint < waiting) {
        this.logger.log(`${this.name}: the active relay's checkpoint stayed at ${checkpoint} with events up to ${waiting} waiting: taking over`);
        return;
      }
      seen = checkpoint;
    }
  }

  /** Allows standing by again after a stop (the relay was started again). */
  resume(): void {
    this.stopped = false;
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** The active relay's checkpoint; undefined when it cannot be read now (an open transaction, a broker outage). */
  private async committed(): Promise<number | undefined> {
    if (this.stopped) throw new StandbyStopped();
    try {
      return await this.sink.committedCheckpoint();
    } catch (error) {
      this.logger.debug(`${this.name}: reading the active relay's checkpoint failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  private async sleep(): Promise<void> {
    if (this.stopped) throw new StandbyStopped();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.intervalMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
    if (this.stopped) throw new StandbyStopped();
  }
}
