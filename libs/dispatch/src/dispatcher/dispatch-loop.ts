import { Dispatcher } from './dispatcher';

/**
 * Calls dispatchDue() every `intervalMs` in production, one round at a time (a slow round delays the next rather
 * than overlapping it). Timers only pace the rounds; what is due is decided by the clock port.
 */
export class DispatchLoop {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<unknown> | undefined;
  private running = false;

  constructor(private readonly dispatcher: Dispatcher, private readonly intervalMs: number, private readonly onError: (error: unknown) => void) {}

  start(): void {
    if (this.running || this.intervalMs <= 0) return;
    this.running = true;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.round;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.round = this.dispatcher.dispatchDue().catch(this.onError).finally(() => {
        if (this.running) this.schedule();
      });
    }, this.intervalMs);
  }
}
