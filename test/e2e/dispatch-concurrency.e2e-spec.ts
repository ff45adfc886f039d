import { DispatchScene, dueStoresUnderTest, killAll, openScene, spawnWorker, waitUntil, Worker } from './support/dispatch-workers';

/** Requests one worker can have in flight at once (its DISPATCH_CONCURRENCY in the child). */
const LANES = 4;

/**
 * Two dispatch workers on one event store and one due store, both following the log into the index and both
 * claiming: each touch goes out once (leases keep them apart while sending; the recorded send keeps a touch from
 * going out again afterwards), and both workers did part of the work.
 */
describe.each(dueStoresUnderTest('redis'))('two dispatch workers at once, %s due store', (dueStore) => {
  let scene: DispatchScene;
  let workers: Worker[] = [];
  afterEach(async () => {
    await killAll(workers);
    await scene.cleanup();
  });

  it('sends every touch exactly once between them', async () => {
    scene = await openScene(dueStore, 60_000, { webhookTimeoutMs: 30_000 });
    workers = [spawnWorker(scene.workerEnv), spawnWorker(scene.workerEnv)];
    await Promise.all(workers.map((w) => w.ready));
    // The receiver answers nothing until more requests are in flight than one worker can send at once: from then
    // on both workers are provably sending at the same time, and each has sends under way.
    let bothSending: () => void = () => undefined;
    const gate = new Promise<void>((open) => (bothSending = open));
    scene.receiver.responder = () => {
      if (scene.receiver.inFlight > LANES) bothSending();
      return { status: 200, after: gate };
    };
    for (const worker of workers) worker.go();
    // The touches fall due while both run, so both indexes and both dispatchers race for them.
    await scene.seed(50, 4);
    await scene.allRecorded(60_000);

    const keys = scene.receiver.keys();
    expect(keys).toHaveLength(scene.touchIds.length);
    expect(new Set(keys)).toEqual(new Set(scene.touchIds));
    expect([...(await scene.recorded()).values()].every((count) => count === 1)).toBe(true);
    // A worker reports its sends when its round ends, which may come a little after the last one was recorded.
    await waitUntil(() => workers.reduce((sum, w) => sum + w.sent(), 0) >= scene.touchIds.length, 30_000);
    const [first, second] = workers.map((w) => w.sent());
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    expect((first ?? 0) + (second ?? 0)).toBe(scene.touchIds.length);
  }, 120_000);
});
