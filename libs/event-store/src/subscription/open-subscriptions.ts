import type { Subscription } from '../event-store.port';
import { PollingSubscription, PollingSubscriptionOptions } from './polling-subscription';

/** The subscriptions a store instance opened: close() stops them (each after its batch in flight) before it disconnects. */
export class OpenSubscriptions {
  private readonly open = new Set<PollingSubscription>();

  start(options: PollingSubscriptionOptions): Subscription {
    const subscription = new PollingSubscription(options);
    this.open.add(subscription);
    return {
      get checkpoint() {
        return subscription.checkpoint;
      },
      waitFor: (position, timeoutMs) => subscription.waitFor(position, timeoutMs),
      stop: async () => {
        this.open.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.open].map((subscription) => subscription.stop()));
    this.open.clear();
  }
}
