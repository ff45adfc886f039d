import { DispatchScene, dueStoresUnderTest, killAll, openScene, spawnWorker, Worker } from './support/dispatch-workers';

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
    scene = await openScene(dueStore, 30_000);
    workers = [spawnWorker(scene.workerEnv), spawnWorker(scene.workerEnv)];
    await Promise.all(workers.map((w) => w.ready));
    scene.receiver.responder = () => ({ status: 200, delayMs: 10 });
    for (const worker of workers) worker.go();
    // The touches fall due while both run, so both indexes and both dispatchers race for them.
    await scene.seed(50, 4);
    await scene.allRecorded(60_000);

    const keys = scene.receiver.keys();
    expect(keys).toHaveLength(scene.touchIds.length);
    expect(new Set(keys)).toEqual(new Set(scene.touchIds));
    expect([...(await scene.recorded()).values()].every((count) => count === 1)).toBe(true);
    const [first, second] = workers.map((w) => w.sent());
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    expect((first ?? 0) + (second ?? 0)).toBe(scene.touchIds.length);
  }, 120_000);
});
