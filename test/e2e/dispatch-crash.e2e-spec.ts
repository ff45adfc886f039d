import { DispatchScene, dueStoresUnderTest, killAll, openScene, spawnWorker, Worker } from './support/dispatch-workers';

const LEASE_MS = 1_500;
const KILLS = 2;

/**
 * kill -9 of the dispatch worker in the middle of a send: the receiver has the touch, the worker dies before it
 * hears back and before it records the send. No due touch is lost (the lease runs out and another worker sends
 * it), and the touch sent twice carries the same Idempotency-Key both times.
 */
describe.each(dueStoresUnderTest('sqlite'))('kill -9 of the dispatch worker mid-send, %s due store', (dueStore) => {
  let scene: DispatchScene;
  let workers: Worker[] = [];
  afterEach(async () => {
    await killAll(workers);
    await scene.cleanup();
  });

  it('loses no touch, and a touch sent twice carries the same key both times', async () => {
    scene = await openScene(dueStore, LEASE_MS);
    await scene.seed(30, 4);
    // All workers load at once, while the first ones run: a start costs seconds on a busy machine.
    workers = Array.from({ length: KILLS + 1 }, () => spawnWorker(scene.workerEnv));
    await Promise.all(workers.map((w) => w.ready));

    const cutShort: string[] = [];
    let killNext: (() => void) | undefined;
    scene.receiver.responder = (received, attempt) => {
      if (killNext && attempt === 1) {
        // The request is in; the worker dies before the answer and before it records anything.
        cutShort.push(received.message.touchId);
        killNext();
        killNext = undefined;
        return 'hang';
      }
      return { status: 200, delayMs: 3 };
    };
    for (let kill = 0; kill < KILLS; kill += 1) {
      const worker = workers[kill] as Worker;
      const firstSeen = scene.receiver.received.length;
      const killed = new Promise<void>((done) => {
        // Let the worker send a few touches first, so the kill lands in the middle of its work.
        const arm = setInterval(() => {
          if (scene.receiver.received.length < firstSeen + 5) return;
          clearInterval(arm);
          killNext = () => { worker.child.kill('SIGKILL'); done(); };
        }, 5);
      });
      worker.go();
      await killed;
      await worker.exited;
    }
    (workers[KILLS] as Worker).go();
    await scene.allRecorded(60_000);

    const received = scene.receiver.received;
    const recorded = await scene.recorded();
    expect(new Set(received.map((r) => r.message.touchId))).toEqual(new Set(scene.touchIds));
    expect(received.every((r) => r.idempotencyKey === r.message.touchId && r.signed)).toBe(true);
    expect([...recorded.values()].every((count) => count === 1)).toBe(true);
    expect(cutShort).toHaveLength(KILLS);
    for (const touchId of cutShort) {
      expect(received.filter((r) => r.message.touchId === touchId).map((r) => r.idempotencyKey)).toEqual([touchId, touchId]);
    }
  }, 120_000);
});
