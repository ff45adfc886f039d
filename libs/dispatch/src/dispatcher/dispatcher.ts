import { Clock } from '@crm/kernel';
import { DueEntry } from '../due/due-entry';
import { DueWorkStore } from '../store/due-work-store.port';
import { DeadlineDispatch } from './deadline.dispatch';
import { isFinalRefusal } from './dispatch-commands';
import { DispatchOutcome, DispatchReport, done, emptyReport, later } from './dispatch-outcome';
import { TouchDispatch } from './touch.dispatch';

export interface DispatcherOptions {
  /** This process's name on its leases. */
  owner: string;
  batchSize: number;
  leaseMs: number;
  /** Entries of one batch handled at once. */
  concurrency: number;
  /** When an entry hit an unexpected error (the store or the bus away): retry after this long. */
  errorRetryMs: number;
  onError?: (error: unknown, entry: DueEntry) => void;
}

/**
 * Claims what is due and hands each entry to the touch or the deadline dispatch, then removes it from the index
 * or gives it back for later. `dispatchDue()` drains everything due at the clock's present moment: an interval
 * calls it in production, a test or the simulator after moving a VirtualClock.
 */
export class Dispatcher {
  constructor(
    private readonly store: DueWorkStore,
    private readonly touches: TouchDispatch,
    private readonly deadlines: DeadlineDispatch,
    private readonly clock: Clock,
    private readonly options: DispatcherOptions,
  ) {}

  get owner(): string {
    return this.options.owner;
  }

  async dispatchDue(): Promise<DispatchReport> {
    const report = emptyReport();
    const { batchSize, leaseMs, owner } = this.options;
    for (;;) {
      // Released entries are always due later than now, so the loop ends once the due ones are handled.
      const entries = await this.store.claimDue(this.clock.now(), batchSize, leaseMs, owner);
      report.claimed += entries.length;
      await this.inParallel(entries, (entry) => this.settle(entry, report));
      if (entries.length < batchSize) return report;
    }
  }

  private async settle(entry: DueEntry, report: DispatchReport): Promise<void> {
    const outcome = await this.handle(entry, report);
    report[outcome.result] += 1;
    const held = outcome.done
      ? await this.store.complete(entry.id, this.options.owner)
      : await this.store.release(entry.id, this.options.owner, outcome.at);
    if (!held) report.lost += 1;
  }

  private async handle(entry: DueEntry, report: DispatchReport): Promise<DispatchOutcome> {
    try {
      return entry.kind === 'touch' ? await this.touches.handle(entry) : await this.deadlines.handle(entry);
    } catch (error) {
      if (isFinalRefusal(error)) return done('refused');
      report.errors += 1;
      this.options.onError?.(error, entry);
      return later('retrying', new Date(this.clock.now().getTime() + this.options.errorRetryMs));
    }
  }

  private async inParallel(entries: readonly DueEntry[], work: (entry: DueEntry) => Promise<void>): Promise<void> {
    let next = 0;
    const lanes = Array.from({ length: Math.min(this.options.concurrency, entries.length) }, async () => {
      while (next < entries.length) {
        const entry = entries[next++] as DueEntry;
        await work(entry);
      }
    });
    await Promise.all(lanes);
  }
}
