/**
 * The follower's half of a KIP-227 session: what each fetch lists and forgets, how epochs advance,
 * and that any doubt sends it back to a full fetch that opens a new session.
 */
import { FETCH_SESSION } from '../../src/protocol/fetch';
import type { ReplicaFetchPartition } from '../../src/replication/fetch-request-builder';
import { FollowerFetchSession } from '../../src/replication/follower-fetch-session';

function at(topicId: string, partitionId: number, fetchOffset: number, currentLeaderEpoch = 0): ReplicaFetchPartition {
  return { topicId, partitionId, currentLeaderEpoch, fetchOffset, lastFetchedEpoch: -1, logStartOffset: 0, partitionMaxBytes: 1 << 20 };
}

const ok = (sessionId: number) => ({ errorCode: 0, topics: [], sessionId });

describe('FollowerFetchSession', () => {
  it('opens in full, then sends only new or moved positions and forgets the ones no longer wanted', () => {
    const session = new FollowerFetchSession();
    const opening = session.next([at('a', 0, 5), at('a', 1, 7), at('b', 0, 0)])!;
    expect(opening).toMatchObject({ sessionId: FETCH_SESSION.NO_SESSION_ID, sessionEpoch: FETCH_SESSION.INITIAL_EPOCH, forgotten: [] });
    expect(opening.send).toHaveLength(3);
    session.onResponse(ok(42));

    const second = session.next([at('a', 0, 5), at('a', 1, 9), at('c', 3, 0)])!;
    expect(second).toMatchObject({ sessionId: 42, sessionEpoch: 1 });
    expect(second.send).toMatchObject([at('a', 1, 9), at('c', 3, 0)]);
    expect(second.forgotten).toEqual([{ topicId: 'b', partitions: [0] }]);
    // The answer is read against every position the fetch covers, listed or not.
    expect(second.positions.get('a')?.get(0)).toMatchObject(at('a', 0, 5));
    session.onResponse(ok(42));

    // A new leader epoch is a moved position too.
    const third = session.next([at('a', 0, 5, 1), at('a', 1, 9), at('c', 3, 0)])!;
    expect(third).toMatchObject({ sessionEpoch: 2, send: [at('a', 0, 5, 1)], forgotten: [] });
  });

  it.each([
    ['a failed fetch', (s: FollowerFetchSession) => s.reset()],
    ['a session error', (s: FollowerFetchSession) => s.onResponse({ errorCode: 71, topics: [], sessionId: 0 })],
    ['a request-level error', (s: FollowerFetchSession) => s.onResponse({ errorCode: 77, topics: [], sessionId: 42 })],
    ['a leader that holds no session', (s: FollowerFetchSession) => s.onResponse(ok(0))],
  ])('starts over with a full fetch after %s', (_name, outcome) => {
    const session = new FollowerFetchSession();
    session.next([at('a', 0, 5)])!;
    session.onResponse(ok(42));
    session.next([at('a', 0, 6)])!;
    outcome(session);
    const next = session.next([at('a', 0, 6), at('a', 1, 0)])!;
    expect(next).toMatchObject({ sessionId: 0, sessionEpoch: 0, forgotten: [] });
    expect(next.send).toHaveLength(2);
  });

  it('sends nothing when nothing is wanted, and forgets nothing either', () => {
    const session = new FollowerFetchSession();
    session.next([at('a', 0, 5)]);
    session.onResponse(ok(42));
    expect(session.next([])).toBeUndefined();
    // Still held by the leader as it was: the next fetch lists nothing and forgets nothing.
    expect(session.next([at('a', 0, 5)])).toMatchObject({ sessionId: 42, sessionEpoch: 1, send: [], forgotten: [] });
  });

  it('reads an answer against the fetch it built, not against a request it did not build', () => {
    const session = new FollowerFetchSession();
    const fetch = session.next([at('a', 0, 5)])!;
    expect(session.positionsOf({ replicaId: 1, replicaEpoch: 1, maxWaitMs: 0, minBytes: 1, maxBytes: 1, topics: [], sessionId: 0, sessionEpoch: 0 })).toBe(fetch.positions);
    expect(session.positionsOf({ replicaId: 1, replicaEpoch: 1, maxWaitMs: 0, minBytes: 1, maxBytes: 1, topics: [] })).toBeUndefined();
  });
});

describe('FollowerFetchSession edges', () => {
  it('a change of the last fetched epoch, the log start or the byte budget alone is a moved position', () => {
    const session = new FollowerFetchSession();
    const base = at('a', 0, 5);
    session.next([base]);
    session.onResponse(ok(42));
    for (const moved of [{ ...base, lastFetchedEpoch: 3 }, { ...base, lastFetchedEpoch: 3, logStartOffset: 2 }, { ...base, lastFetchedEpoch: 3, logStartOffset: 2, partitionMaxBytes: 100 }]) {
      const fetch = session.next([moved])!;
      expect(fetch.send).toMatchObject([moved]);
      session.onResponse(ok(42));
    }
    expect(session.next([{ ...base, lastFetchedEpoch: 3, logStartOffset: 2, partitionMaxBytes: 100 }])!.send).toEqual([]);
  });

  it('without an open session every fetch is full: it lists unchanged positions and forgets nothing', () => {
    // Two fetches built before any answer (the first one's answer never came).
    const session = new FollowerFetchSession();
    session.next([at('a', 0, 5), at('b', 0, 1)]);
    const again = session.next([at('a', 0, 5)])!;
    expect(again).toMatchObject({ sessionId: FETCH_SESSION.NO_SESSION_ID, sessionEpoch: FETCH_SESSION.INITIAL_EPOCH, forgotten: [] });
    expect(again.send).toMatchObject([at('a', 0, 5)]);
  });

  it('a topic with no partition left is dropped from the positions', () => {
    const session = new FollowerFetchSession();
    session.next([at('a', 0, 5), at('b', 0, 1)]);
    session.onResponse(ok(42));
    const fetch = session.next([at('a', 0, 5)])!;
    expect(fetch.forgotten).toEqual([{ topicId: 'b', partitions: [0] }]);
    expect([...fetch.positions.keys()]).toEqual(['a']);
  });

  it('reads an answer only against the session id and epoch of the fetch in flight', () => {
    const session = new FollowerFetchSession();
    session.next([at('a', 0, 5)]);
    session.onResponse(ok(42));
    const fetch = session.next([at('a', 0, 6)])!;
    const request = (sessionId: number, sessionEpoch: number) => ({ replicaId: 1, replicaEpoch: 1, maxWaitMs: 0, minBytes: 1, maxBytes: 1, topics: [], sessionId, sessionEpoch });
    expect(session.positionsOf(request(42, 1))).toBe(fetch.positions);
    expect(session.positionsOf(request(42, 2))).toBeUndefined();
    expect(session.positionsOf(request(43, 1))).toBeUndefined();
    session.onResponse(ok(42));
    // Answered: nothing is in flight any more.
    expect(session.positionsOf(request(42, 1))).toBeUndefined();
  });

  it('an answer with nothing in flight starts over with a full fetch', () => {
    const session = new FollowerFetchSession();
    session.next([at('a', 0, 5)]);
    session.onResponse(ok(42));
    session.onResponse(ok(42)); // a second answer to the same fetch
    expect(session.next([at('a', 0, 5)])).toMatchObject({ sessionId: FETCH_SESSION.NO_SESSION_ID, sessionEpoch: FETCH_SESSION.INITIAL_EPOCH, send: [at('a', 0, 5)] });
  });

  it('an answer naming another session id continues that session from epoch 1', () => {
    const session = new FollowerFetchSession();
    session.next([at('a', 0, 5)]);
    session.onResponse(ok(42));
    session.next([at('a', 0, 6)]);
    session.onResponse(ok(42));
    expect(session.next([at('a', 0, 7)])).toMatchObject({ sessionId: 42, sessionEpoch: 2 });
    session.onResponse(ok(57));
    expect(session.next([at('a', 0, 8)])).toMatchObject({ sessionId: 57, sessionEpoch: 1 });
  });
});
