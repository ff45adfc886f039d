import type { Clock } from '@crm/kernel';

export interface OutageLog {
  warn(message: string): void;
  log(message: string): void;
  debug(message: string): void;
}

/**
 * Says "Kafka is unreachable" once when an outage starts and "reachable again" once when it ends; the retries in
 * between (the subscriber's backoff) go to debug. An outage starts with the first failed batch or start.
 */
export class OutageReporter {
  private since: Date | undefined;
  private failures = 0;

  constructor(private readonly name: string, private readonly clock: Clock, private readonly logger: OutageLog) {}

  get outageSince(): string | null {
    return this.since?.toISOString() ?? null;
  }

  failed(error: unknown): void {
    this.failures += 1;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (this.since) {
      this.logger.debug(`${this.name}: still failing (attempt ${this.failures}): ${reason}`);
      return;
    }
    this.since = this.clock.now();
    this.logger.warn(`${this.name}: Kafka unavailable (${reason}); retrying with backoff, nothing is lost meanwhile`);
  }

  succeeded(position: number): void {
    if (!this.since) return;
    const seconds = (this.clock.now().getTime() - this.since.getTime()) / 1000;
    this.logger.log(`${this.name}: Kafka available again after ${seconds.toFixed(1)} s and ${this.failures} failed attempts; relayed up to position ${position}`);
    this.since = undefined;
    this.failures = 0;
  }
}
