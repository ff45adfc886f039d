import { END, EventStoreDBClient, streamNameFilter } from '@eventstore/db-client';

type LiveSubscription = ReturnType<EventStoreDBClient['subscribeToAll']>;
import { AppendNotifier, WakeUpSource } from '../subscription/append-notifier';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

/**
 * The live tail: one server-side filtered subscription to the end of $all per store instance, shared by its
 * subscriptions, that only says "something of ours was appended" (from any process). The catch-up loop then reads
 * the events in order itself, so delivery stays identical to the other adapters. Started with the first listener;
 * restarted with backoff when it fails, and every (re)start wakes the listeners in case something was missed.
 */
export class EventStoreDbWakeUps implements WakeUpSource {
  private readonly notifier = new AppendNotifier();
  private live: LiveSubscription | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = FIRST_RETRY_MS;
  private closed = false;

  constructor(
    private readonly client: Pick<EventStoreDBClient, 'subscribeToAll'>,
    private readonly streamRegex: string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  listen(listener: () => void): () => void {
    const remove = this.notifier.listen(listener);
    if (!this.live && !this.retryTimer) this.start();
    return remove;
  }

  /** In-process appends wake subscriptions directly. */
  notify(): void {
    this.notifier.notify();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const live = this.live;
    this.live = undefined;
    await live?.unsubscribe().catch(() => undefined);
  }

  private start(): void {
    if (this.closed) return;
    const live = this.client.subscribeToAll({
      fromPosition: END,
      filter: streamNameFilter({ regex: this.streamRegex }),
    });
    this.live = live;
    live.on('data', () => this.notifier.notify());
    live.on('confirmation', () => {
      this.retryMs = FIRST_RETRY_MS;
      this.notifier.notify();
    });
    live.on('error', (error: Error) => this.failed(live, error));
    live.on('end', () => this.failed(live, new Error('EventStoreDB live subscription ended')));
  }

  private failed(live: LiveSubscription, error: unknown): void {
    if (this.closed || this.live !== live) return;
    this.live = undefined;
    this.onError(error);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.start();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}
