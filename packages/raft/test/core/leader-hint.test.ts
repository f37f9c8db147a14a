import type { VoteRequest } from '../../src/core/messages';
import { loneCore, sentBy } from './lone-core';

/**
 * A vote answer that names the leader of the asker's epoch ends its election. The case that needs
 * it: a voter removed while it was down restarts with a stale voter set, is not sent
 * BeginQuorumEpoch, and its pre-votes are refused by a majority of the set it believes in.
 */
describe('a vote answer naming the leader of our epoch', () => {
  test('makes a prospective follow that leader even when the refusal loses it the pre-vote', () => {
    const core = loneCore([1, 2], 4);
    sentBy(core);
    core.tick(10_000);
    const [preVote] = sentBy(core).filter((m): m is VoteRequest => m.type === 'VoteRequest');
    expect(core.status()).toMatchObject({ role: 'prospective', epoch: 4 });
    expect(preVote).toMatchObject({ preVote: true, epoch: 4 });
    core.receive(10_001, 2, { type: 'VoteResponse', requestId: preVote!.requestId, error: 'NONE', epoch: 4, leaderId: 2, granted: false, preVote: true });
    expect(core.status()).toMatchObject({ role: 'follower', epoch: 4, leaderId: 2 });
    expect(sentBy(core)).toContainEqual(expect.objectContaining({ type: 'FetchRequest', epoch: 4 }));
  });

  test('makes a candidate of that epoch follow it (another candidate won)', () => {
    const core = loneCore([1, 2, 3], 4);
    sentBy(core);
    core.tick(10_000);
    const [preVote] = sentBy(core).filter((m): m is VoteRequest => m.type === 'VoteRequest');
    core.receive(10_001, 2, { type: 'VoteResponse', requestId: preVote!.requestId, error: 'NONE', epoch: 4, leaderId: -1, granted: true, preVote: true });
    expect(core.status()).toMatchObject({ role: 'candidate', epoch: 5 });
    const [vote] = sentBy(core).filter((m): m is VoteRequest => m.type === 'VoteRequest');
    core.receive(10_002, 3, { type: 'VoteResponse', requestId: vote!.requestId, error: 'NONE', epoch: 5, leaderId: 2, granted: false, preVote: false });
    expect(core.status()).toMatchObject({ role: 'follower', epoch: 5, leaderId: 2, votedFor: 1 });
  });

  test('does not send a prospective back to the leader it stopped hearing from (it may have resigned)', () => {
    const core = loneCore([1, 2, 3], 4);
    sentBy(core);
    core.receive(1, 3, { type: 'BeginQuorumEpochRequest', requestId: 1, epoch: 4, leaderId: 3 });
    expect(core.status()).toMatchObject({ role: 'follower', leaderId: 3 });
    sentBy(core);
    core.tick(10_000); // no fetch answer from 3 within the fetch timeout
    const [preVote] = sentBy(core).filter((m): m is VoteRequest => m.type === 'VoteRequest' && m.preVote);
    expect(core.status()).toMatchObject({ role: 'prospective', epoch: 4, leaderId: 3 });
    // Node 2 has not timed out on 3 yet: it refuses and names 3.
    core.receive(10_001, 2, { type: 'VoteResponse', requestId: preVote!.requestId, error: 'NONE', epoch: 4, leaderId: 3, granted: false, preVote: true });
    expect(core.status()).toMatchObject({ role: 'prospective', epoch: 4 });
  });

  test('a refusal that names no leader leaves a lost pre-vote unattached', () => {
    const core = loneCore([1, 2], 4);
    sentBy(core);
    core.tick(10_000);
    const [preVote] = sentBy(core).filter((m): m is VoteRequest => m.type === 'VoteRequest');
    core.receive(10_001, 2, { type: 'VoteResponse', requestId: preVote!.requestId, error: 'NONE', epoch: 4, leaderId: -1, granted: false, preVote: true });
    expect(core.status()).toMatchObject({ role: 'unattached', epoch: 4, leaderId: -1 });
  });
});
