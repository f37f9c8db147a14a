import type { FetchResponse, VoteResponse } from '../../src/core/messages';
import { loneCore, sentBy } from './lone-core';

/** Requests from an epoch that is over get a typed refusal and change nothing (KIP-320 fencing). */
describe('stale epochs', () => {
  test('a vote request from an older epoch is fenced and grants nothing', () => {
    const core = loneCore([1, 2, 3], 5);
    sentBy(core);
    core.receive(1, 2, { type: 'VoteRequest', requestId: 7, epoch: 3, candidateId: 2, lastEpoch: 2, lastOffset: 100, preVote: false });
    const [reply] = sentBy(core) as VoteResponse[];
    expect(reply).toMatchObject({ type: 'VoteResponse', requestId: 7, error: 'FENCED_LEADER_EPOCH', epoch: 5, granted: false });
    expect(core.status()).toMatchObject({ epoch: 5, votedFor: -1, role: 'unattached' });
  });

  test('a fetch from an older epoch is fenced, names the leader, and moves no high watermark', () => {
    const core = loneCore([1], 0);
    core.tick(2_000); // a single voter elects itself
    sentBy(core);
    expect(core.status()).toMatchObject({ role: 'leader', epoch: 1 });
    const before = core.status();
    core.receive(2_001, 9, { type: 'FetchRequest', requestId: 3, epoch: 0, replicaId: 9, fetchOffset: 50, lastFetchedEpoch: 0, maxWaitMs: 0, maxBytes: 1024 });
    const [reply] = sentBy(core) as FetchResponse[];
    expect(reply).toMatchObject({ type: 'FetchResponse', requestId: 3, error: 'FENCED_LEADER_EPOCH', epoch: 1, leaderId: 1, batches: [] });
    expect(core.status()).toEqual(before);
  });

  test('a malformed fetch (last fetched epoch above its own epoch) is refused as INVALID_REQUEST', () => {
    const core = loneCore([1], 0);
    core.tick(2_000);
    sentBy(core);
    core.receive(2_001, 9, { type: 'FetchRequest', requestId: 4, epoch: 1, replicaId: 9, fetchOffset: 0, lastFetchedEpoch: 3, maxWaitMs: 0, maxBytes: 1024 });
    expect(sentBy(core)).toMatchObject([{ type: 'FetchResponse', error: 'INVALID_REQUEST' }]);
    expect(core.describeQuorum(2_001)?.observers).toEqual([]);
  });
});
