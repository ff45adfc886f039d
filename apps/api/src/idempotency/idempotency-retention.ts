import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@crm/config';
import { Clock } from '@crm/kernel';
import { IdempotencyStore } from './idempotency-store.port';

const HOUR_MS = 3_600_000;

/**
 * Keeps the idempotency store from growing without end: completed keys older than the retention are forgotten at
 * start and every hour. Losing the timer on a restart costs nothing; the next start prunes again.
 */
@Injectable()
export class IdempotencyRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.prune();
    this.timer = setInterval(() => void this.prune(), HOUR_MS).unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async prune(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.IDEMPOTENCY_RETENTION_HOURS * HOUR_MS);
    try {
      const forgotten = await this.store.forgetCompletedBefore(cutoff.toISOString());
      if (forgotten > 0) this.logger.log(`forgot ${forgotten} idempotency keys completed before ${cutoff.toISOString()}`);
      return forgotten;
    } catch (error) {
      this.logger.warn(`pruning idempotency keys failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
