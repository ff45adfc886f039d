import { Client, ClientConfig } from 'pg';
import { AppendNotifier, WakeUpSource } from '../subscription/append-notifier';

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

/**
 * The live tail: one LISTEN connection per store instance, shared by its subscriptions. append_batch notifies at
 * each commit, from any process, so a caught-up subscription wakes at once; polling stays as the fallback (a lost
 * connection, or events that became readable without a commit notifying, see postgres-migrations.ts). The
 * connection is reopened with backoff when it drops, and every (re)connect wakes the listeners, since a
 * notification may have been missed while it was down.
 */
export class PostgresNotifications implements WakeUpSource {
  private readonly notifier = new AppendNotifier();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = FIRST_RETRY_MS;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  listen(listener: () => void): () => void {
    const remove = this.notifier.listen(listener);
    if (!this.client && !this.connecting && !this.retryTimer) this.connecting = this.connect();
    return remove;
  }

  /** In-process appends wake subscriptions directly, without the round trip through the server. */
  notify(): void {
    this.notifier.notify();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.config);
    client.on('notification', () => this.notifier.notify());
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client, new Error('LISTEN connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      this.connecting = undefined;
      this.dropped(client, error);
      return;
    }
    this.connecting = undefined;
    if (this.closed) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    this.notifier.notify();
  }

  private dropped(client: Client, error: unknown): void {
    if (this.closed) return;
    if (this.client === client) this.client = undefined;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.retryTimer || this.connecting) return;
    this.onError(error);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connecting = this.connect();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}
