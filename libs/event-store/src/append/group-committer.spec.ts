import { BatchOutcome, GroupCommitter } from './group-committer';

/** A commitBatch that records each batch and lets the test decide when a commit finishes. */
function recordingCommit() {
  const batches: number[][] = [];
  const releases: Array<() => void> = [];
  const commit = async (batch: number[]): Promise<BatchOutcome<string>[]> => {
    batches.push(batch);
    await new Promise<void>((resolve) => releases.push(resolve));
    return batch.map((n) => (n < 0 ? { ok: false, error: new Error(`negative ${n}`) } : { ok: true, value: `done ${n}` }));
  };
  const releaseNext = async (): Promise<void> => {
    while (releases.length === 0) await new Promise((resolve) => setImmediate(resolve));
    releases.shift()!();
  };
  return { batches, commit, releaseNext };
}

describe('GroupCommitter', () => {
  it('commits the requests of one event-loop turn as one batch, in submission order', async () => {
    const { batches, commit, releaseNext } = recordingCommit();
    const committer = new GroupCommitter(commit);
    const results = [1, 2, 3].map((n) => committer.submit(n));
    await releaseNext();
    await expect(Promise.all(results)).resolves.toEqual(['done 1', 'done 2', 'done 3']);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('queues what arrives during a commit for the next batch', async () => {
    const { batches, commit, releaseNext } = recordingCommit();
    const committer = new GroupCommitter(commit);
    const first = committer.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3].map((n) => committer.submit(n));
    await releaseNext();
    await first;
    expect(batches).toEqual([[1]]);
    await releaseNext();
    await Promise.all(later);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('gives each caller its own outcome: one failure leaves the others committed', async () => {
    const { commit, releaseNext } = recordingCommit();
    const committer = new GroupCommitter(commit);
    const results = Promise.allSettled([1, -2, 3].map((n) => committer.submit(n)));
    await releaseNext();
    const [a, b, c] = await results;
    expect(a).toEqual({ status: 'fulfilled', value: 'done 1' });
    expect(b).toMatchObject({ status: 'rejected', reason: { message: 'negative -2' } });
    expect(c).toEqual({ status: 'fulfilled', value: 'done 3' });
  });

  it('fails every request of a batch whose commit throws, and goes on with the next batch', async () => {
    let calls = 0;
    const committer = new GroupCommitter<number, number>((batch) => {
      calls += 1;
      if (calls === 1) throw new Error('disk full');
      return batch.map((n) => ({ ok: true, value: n }));
    });
    const failed = await Promise.allSettled([committer.submit(1), committer.submit(2)]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(committer.submit(3)).resolves.toBe(3);
  });

  it('caps a batch at maxBatchSize', async () => {
    const sizes: number[] = [];
    const committer = new GroupCommitter<number, number>((batch) => {
      sizes.push(batch.length);
      return batch.map((n) => ({ ok: true, value: n }));
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => committer.submit(n)));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('drain commits what is queued without waiting for the next turn', async () => {
    const committed: number[] = [];
    const committer = new GroupCommitter<number, number>((batch) => {
      committed.push(...batch);
      return batch.map((n) => ({ ok: true, value: n }));
    });
    const pending = [committer.submit(1), committer.submit(2)];
    await committer.drain();
    expect(committed).toEqual([1, 2]);
    await expect(Promise.all(pending)).resolves.toEqual([1, 2]);
  });
});
