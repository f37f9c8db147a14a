import { NotLeaderError, ProposalLostError, type Committed } from '@kz/raft';
import { CLIENT_MAX_BACKOFF_MS, CLIENT_NO_LEADER_BACKOFF_MS, CLIENT_RETRY_BACKOFF_MS, SeededRandom, SimClient, type ClientTarget } from '@kz/raft/testing';

interface Call {
  readonly node: number;
  readonly kind: 'propose' | 'proposeBatch' | 'readBarrier';
  readonly resolve: (value: Committed | number) => void;
  readonly reject: (error: Error) => void;
}

/** A fake cluster: every call to a node's RaftNode API is held until the test answers it. */
function harness(down: number[] = []) {
  let now = 0;
  let committedEnd = 0;
  const calls: Call[] = [];
  const scheduled: { at: number; run: () => void }[] = [];
  const target = (node: number): ClientTarget => {
    const call =
      <T>(kind: Call['kind']) =>
      (): Promise<T> =>
        new Promise<T>((resolve, reject) => calls.push({ node, kind, resolve: resolve as Call['resolve'], reject }));
    return { propose: call('propose'), proposeBatch: call('proposeBatch'), readBarrier: call('readBarrier') };
  };
  const client = new SimClient(
    {
      nodeIds: [1, 2, 3],
      target: (node) => (down.includes(node) ? null : target(node)),
      appliedOffset: () => 10,
      committedEnd: () => committedEnd,
      now: () => now,
      schedule: (at, run) => scheduled.push({ at, run }),
      trace: () => undefined,
    },
    new SeededRandom(1),
  );
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  /** Runs the next scheduled retry, at its time. */
  const next = (): number => {
    const job = scheduled.shift();
    if (job === undefined) throw new Error('nothing scheduled');
    now = job.at;
    job.run();
    return job.at;
  };
  return {
    client,
    calls,
    scheduled,
    settle,
    next,
    setNow: (t: number) => (now = t),
    setCommittedEnd: (end: number) => (committedEnd = end),
  };
}

describe('SimClient', () => {
  it('learns the leader from NotLeaderError and sends the retry there', async () => {
    const h = harness();
    h.client.submit(1, 1, 1);
    expect(h.calls.map((c) => c.node)).toEqual([1]);
    h.calls[0]!.reject(new NotLeaderError(3, 4, undefined));
    await h.settle();
    expect(h.client.leaderHint).toBe(3);
    expect(h.next()).toBe(CLIENT_RETRY_BACKOFF_MS);
    expect(h.calls.map((c) => c.node)).toEqual([1, 3]);
  });

  it('acknowledges a write exactly when RaftNode resolves its proposal, with the offsets it got', async () => {
    const h = harness();
    const request = h.client.submit(2, 1, 2);
    expect(h.calls).toHaveLength(2);
    h.calls[0]!.resolve({ baseOffset: 5, lastOffset: 5, epoch: 4 });
    await h.settle();
    expect(h.client.acknowledged).toEqual([expect.objectContaining({ id: request.ids[0], node: 2, baseOffset: 5, lastOffset: 5, epoch: 4 })]);
    expect(h.client.isAcknowledged(request)).toBe(false);
    h.calls[1]!.resolve({ baseOffset: 6, lastOffset: 6, epoch: 4 });
    await h.settle();
    expect(h.client.isAcknowledged(request)).toBe(true);
  });

  it('retries what failed as new proposals, backing off more every time, and ignores late answers to the failed attempt', async () => {
    const h = harness();
    const request = h.client.submit(1, 1, 1);
    const delays: number[] = [];
    let last = 0;
    for (let attempt = 0; attempt < 8; attempt++) {
      h.calls[h.calls.length - 1]!.reject(new ProposalLostError('replaced'));
      await h.settle();
      const at = h.next();
      delays.push(at - last);
      last = at;
    }
    expect(delays.slice(0, 3)).toEqual([CLIENT_NO_LEADER_BACKOFF_MS, 2 * CLIENT_NO_LEADER_BACKOFF_MS, 4 * CLIENT_NO_LEADER_BACKOFF_MS]);
    expect(Math.max(...delays)).toBe(CLIENT_MAX_BACKOFF_MS);
    // The first attempt's proposal commits after all: it is not the client's acknowledgement any more.
    h.calls[0]!.resolve({ baseOffset: 0, lastOffset: 0, epoch: 1 });
    await h.settle();
    expect(h.client.acknowledged).toEqual([]);
    expect(h.client.isAcknowledged(request)).toBe(false);
  });

  it('retries a refused connection elsewhere after a backoff', () => {
    const h = harness([1]);
    h.client.submit(1, 1, 1);
    expect(h.client.leaderHint).toBeNull();
    expect(h.calls).toEqual([]);
    expect(h.scheduled[0]!.at).toBe(CLIENT_RETRY_BACKOFF_MS);
  });

  it('sends what a crashed node never answered elsewhere, as new proposals', () => {
    const down: number[] = [];
    const h = harness(down);
    const request = h.client.submit(2, 1, 2);
    down.push(2);
    h.client.nodeLost(2);
    expect(h.client.leaderHint).toBeNull();
    expect(h.client.stats.lost).toBe(1);
    while (h.calls.length === 2) h.next();
    expect(h.calls).toHaveLength(4);
    expect(h.calls[2]!.node).not.toBe(2);
    expect(h.calls[3]!.node).toBe(h.calls[2]!.node);
    expect(request.ids).toHaveLength(2);
  });

  it('keeps each answered read with the committed offsets around it', async () => {
    const h = harness();
    h.setCommittedEnd(7);
    h.client.read(2);
    expect(h.calls.map((c) => c.kind)).toEqual(['readBarrier']);
    h.setNow(30);
    h.setCommittedEnd(9);
    h.calls[0]!.resolve(8);
    await h.settle();
    expect(h.client.reads).toEqual([{ node: 2, askedAt: 0, committedAtAsk: 7, readPoint: 8, answeredAt: 30, committedAtAnswer: 9, appliedAtAnswer: 10 }]);
  });
});
