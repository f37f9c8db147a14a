import { readBatchHeader, stampBatch } from '@kz/records';
import type { LogBatch, ProposeResult } from '@kz/raft';
import { CLIENT_REQUEST_TIMEOUT_MS, SeededRandom, SimClient, type ClientEnvironment, type ClientRequest } from '@kz/raft/testing';

/** A fake cluster in which `leader` accepts proposals and every other node answers NOT_LEADER. */
function harness(leader: number, down: number[] = []) {
  const tried: number[] = [];
  const accepted: LogBatch[] = [];
  const attempts: { at: number; request: ClientRequest }[] = [];
  const timeouts: { at: number; request: ClientRequest }[] = [];
  let nextOffset = 0;
  const env: ClientEnvironment = {
    nodeIds: [1, 2, 3],
    propose(node, _now, batches): ProposeResult | null {
      tried.push(node);
      if (down.includes(node)) return null;
      if (node !== leader) return { ok: false, error: { code: 'NOT_LEADER_OR_FOLLOWER', leaderId: leader, epoch: 4 } };
      const baseOffset = nextOffset;
      for (const bytes of batches) {
        stampBatch(bytes, nextOffset, 4);
        const header = readBatchHeader(bytes);
        accepted.push({ baseOffset: header.baseOffset, lastOffset: header.lastOffset, epoch: 4, bytes });
        nextOffset = header.lastOffset + 1;
      }
      return { ok: true, baseOffset, lastOffset: nextOffset - 1, epoch: 4 };
    },
    scheduleAttempt: (at, request) => attempts.push({ at, request }),
    scheduleTimeout: (at, request) => timeouts.push({ at, request }),
    trace: () => undefined,
  };
  const client = new SimClient(env, new SeededRandom(1));
  return { client, tried, accepted, attempts, timeouts };
}

describe('SimClient', () => {
  it('learns the leader from NOT_LEADER_OR_FOLLOWER and sends there next', () => {
    const h = harness(3);
    const request = h.client.submit(0, 1, 1, 1);
    expect(h.tried).toEqual([1]);
    expect(h.client.leaderHint).toBe(3);
    h.client.attempt(20, h.attempts[0]!.request);
    expect(h.tried).toEqual([1, 3]);
    expect(h.accepted).toHaveLength(1);
    expect(h.client.isAcknowledged(request)).toBe(false);
  });

  it('acknowledges a write only when the accepting node commits that very batch', () => {
    const h = harness(2);
    const request = h.client.submit(0, 1, 2, 2);
    const mine = h.accepted[0]!;
    expect(h.client.onCommitted(1, mine, 5)).toBeNull();
    expect(h.client.onCommitted(2, { ...mine, epoch: 5 }, 5)).toBeNull();
    const ack = h.client.onCommitted(2, mine, 9);
    expect(ack).toMatchObject({ node: 2, baseOffset: 0, epoch: 4, ackedAt: 9 });
    expect(h.client.isAcknowledged(request)).toBe(true);
  });

  it('retries a refused connection elsewhere after a backoff', () => {
    const h = harness(2, [1]);
    h.client.submit(0, 1, 1, 1);
    expect(h.client.leaderHint).toBeNull();
    expect(h.attempts[0]!.at).toBeGreaterThan(0);
  });

  it('retries as new batches when the accepting node loses its leadership or times out', () => {
    const h = harness(2);
    const request = h.client.submit(0, 1, 1, 2);
    h.client.leadershipLost(10, 2);
    expect(h.attempts).toHaveLength(1);
    const retry = h.attempts[0]!.request;
    expect(retry.ids).not.toEqual(request.ids);
    // The first attempt's timeout is stale now and does nothing.
    h.client.timedOut(CLIENT_REQUEST_TIMEOUT_MS, h.timeouts[0]!.request);
    expect(h.attempts).toHaveLength(1);
    // Its batch, committed anyway, is not an acknowledgement: the client already gave up on it.
    expect(h.client.onCommitted(2, h.accepted[0]!, 20)).toBeNull();
  });
});
