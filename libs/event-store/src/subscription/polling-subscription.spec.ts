import type { RecordedEvent } from '../event-store.port';
import { metadata } from '../testing/contract/contract-fixtures';
import { AppendNotifier } from './append-notifier';
import { PollingSubscription, ReadBatch, SubscriptionWaitTimeoutError } from './polling-subscription';

/** A global log in an array, with a hook that runs inside each read, before it returns. */
function fakeLog(duringRead: (log: RecordedEvent[]) => void = () => undefined) {
  const log: RecordedEvent[] = [];
  const notifier = new AppendNotifier();
  const push = (): void => {
    log.push({ streamId: 's', revision: log.length, position: log.length + 1, type: 'T', data: {}, metadata: metadata() });
  };
  const readBatch: ReadBatch = async (after, max) => {
    const batch = log.slice(after, after + max);
    duringRead(log);
    return batch;
  };
  return { log, notifier, push, readBatch };
}

// A poll interval longer than every timeout below: only wake-ups can make these tests pass.
const NEVER_POLL = 60_000;

describe('PollingSubscription', () => {
  it('does not lose a wake-up that arrives while a read is in flight', async () => {
    let appended = false;
    const fake = fakeLog(() => {
      if (appended) return;
      appended = true;
      fake.push();
      fake.notifier.notify();
    });
    const seen: number[] = [];
    const subscription = new PollingSubscription({
      afterPosition: 0,
      readBatch: fake.readBatch,
      wakeUps: fake.notifier,
      pollIntervalMs: NEVER_POLL,
      onEvents: async (batch) => void seen.push(...batch.map((e) => e.position)),
    });
    await subscription.waitFor(1, 1_000);
    await subscription.stop();
    expect(seen).toEqual([1]);
  });

  it('wakes from idle at once on notify, and stop() ends an idle wait', async () => {
    const fake = fakeLog();
    const subscription = new PollingSubscription({
      afterPosition: 0,
      readBatch: fake.readBatch,
      wakeUps: fake.notifier,
      pollIntervalMs: NEVER_POLL,
      onEvents: async () => undefined,
    });
    await expect(subscription.waitFor(1, 50)).rejects.toBeInstanceOf(SubscriptionWaitTimeoutError);
    fake.push();
    fake.notifier.notify();
    await subscription.waitFor(1, 1_000);
    const started = Date.now();
    await subscription.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('reports a read failure through onError, stops, and rejects pending waits', async () => {
    const failure = new Error('disk gone');
    const onError = jest.fn();
    const subscription = new PollingSubscription({
      afterPosition: 0,
      readBatch: async () => Promise.reject(failure),
      onError,
      onEvents: async () => undefined,
    });
    await expect(subscription.waitFor(1, 1_000)).rejects.toMatchObject({ name: 'SubscriptionStoppedError', cause: failure });
    expect(onError).toHaveBeenCalledWith(failure);
  });
});
