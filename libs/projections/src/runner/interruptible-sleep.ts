/** A timer the runner can cut short when it stops, so shutdown never waits for an idle poll. */
export class InterruptibleSleep {
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }

  interrupt(): void {
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
  }
}
