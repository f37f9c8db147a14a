import { RaftCore, type FetchResponse, type RaftMessage, type VoteResponse } from '@kz/raft';
import { SeededRandom } from '@kz/raft/testing';

/** Requests from an epoch that is over get a typed refusal and change nothing (KIP-320 fencing). */
describe('stale epochs', () => {
  const start = (voters: number[], epoch: number): RaftCore =>
    RaftCore.start(
      { nodeId: 1, voters, random: new SeededRandom(1).asFunction() },
      { electionState: { epoch, votedFor: -1, leaderId: -1 }, snapshot: null, batches: [] },
      0,
    );
  const replies = (core: RaftCore): RaftMessage[] => {
    const out: RaftMessage[] = [];
    while (core.hasReady()) {
      const ready = core.takeReady();
      if (ready.persistId !== null) core.persisted(0, ready.persistId);
      out.push(...[...ready.messages, ...ready.messagesAfterPersist].map((o) => o.message));
    }
    return out;
  };

  test('a vote request from an older epoch is fenced and grants nothing', () => {
    const core = start([1, 2, 3], 5);
    replies(core);
    core.receive(1, 2, { type: 'VoteRequest', requestId: 7, epoch: 3, candidateId: 2, lastEpoch: 2, lastOffset: 100, preVote: false });
    const [reply] = replies(core) as VoteResponse[];
    expect(reply).toMatchObject({ type: 'VoteResponse', requestId: 7, error: 'FENCED_LEADER_EPOCH', epoch: 5, granted: false });
    expect(core.status()).toMatchObject({ epoch: 5, votedFor: -1, role: 'unattached' });
  });

  test('a fetch from an older epoch is fenced, names the leader, and moves no high watermark', () => {
    const core = start([1], 0);
    core.tick(2_000); // a single voter elects itself
    replies(core);
    expect(core.status()).toMatchObject({ role: 'leader', epoch: 1 });
    const before = core.status();
    core.receive(2_001, 9, { type: 'FetchRequest', requestId: 3, epoch: 0, replicaId: 9, fetchOffset: 50, lastFetchedEpoch: 0, maxWaitMs: 0, maxBytes: 1024 });
    const [reply] = replies(core) as FetchResponse[];
    expect(reply).toMatchObject({ type: 'FetchResponse', requestId: 3, error: 'FENCED_LEADER_EPOCH', epoch: 1, leaderId: 1, batches: [] });
    expect(core.status()).toEqual(before);
  });

  test('a malformed fetch (last fetched epoch above its own epoch) is refused as INVALID_REQUEST', () => {
    const core = start([1], 0);
    core.tick(2_000);
    replies(core);
    core.receive(2_001, 9, { type: 'FetchRequest', requestId: 4, epoch: 1, replicaId: 9, fetchOffset: 0, lastFetchedEpoch: 3, maxWaitMs: 0, maxBytes: 1024 });
    expect(replies(core)).toMatchObject([{ type: 'FetchResponse', error: 'INVALID_REQUEST' }]);
    expect(core.describeQuorum(2_001)?.observers).toEqual([]);
  });
});
