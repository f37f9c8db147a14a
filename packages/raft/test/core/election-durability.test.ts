import type { VoteRequest } from '../../src/core/messages';
import { loneCore, sentBy } from './lone-core';

/**
 * A vote, a new epoch or a leadership is a promise a crash must not take back, so no message may
 * leave while the election state it rests on is still being written — including messages of later
 * Readys, not only of the Ready that changed it.
 */
describe('messages wait for a pending election state', () => {
  const voteRequest = (requestId: number): VoteRequest => ({ type: 'VoteRequest', requestId, epoch: 4, candidateId: 2, lastEpoch: 3, lastOffset: 10, preVote: false });

  test('a duplicated vote request re-granted before the vote is durable waits for that persist (raft sim seed 1191270690)', () => {
    const core = loneCore([1, 2, 3], 3);
    sentBy(core);

    core.receive(1, 2, voteRequest(1));
    const granting = core.takeReady();
    expect(granting).toMatchObject({ electionState: { epoch: 4, votedFor: 2 }, electionPending: true, messages: [] });
    expect(granting.messagesAfterPersist).toMatchObject([{ to: 2, message: { requestId: 1, granted: true } }]);

    // The same request again (the network duplicated it) while the vote is still being written:
    // the grant is repeated from memory, and must not leave ahead of the write.
    core.receive(2, 2, voteRequest(1));
    const again = core.takeReady();
    expect(again).toMatchObject({ persistId: null, electionState: null, electionPending: true, messages: [] });
    expect(again.messagesAfterPersist).toMatchObject([{ to: 2, message: { requestId: 1, granted: true } }]);

    // Once the vote is durable, a third copy is answered at once.
    core.persisted(3, granting.persistId!);
    core.receive(4, 2, voteRequest(1));
    const durable = core.takeReady();
    expect(durable).toMatchObject({ electionPending: false, messagesAfterPersist: [] });
    expect(durable.messages).toMatchObject([{ to: 2, message: { requestId: 1, granted: true } }]);
  });

  test('only the persist that holds the newest election state releases messages', () => {
    const core = loneCore([1, 2, 3], 3);
    sentBy(core);
    core.receive(1, 2, voteRequest(1));
    const first = core.takeReady();
    // A higher epoch before the vote is durable: a second election-state write.
    core.receive(2, 3, { type: 'VoteRequest', requestId: 2, epoch: 5, candidateId: 3, lastEpoch: 3, lastOffset: 10, preVote: false });
    const second = core.takeReady();
    expect(second).toMatchObject({ electionState: { epoch: 5, votedFor: 3 }, electionPending: true });

    core.persisted(3, first.persistId!);
    core.receive(4, 3, { type: 'VoteRequest', requestId: 2, epoch: 5, candidateId: 3, lastEpoch: 3, lastOffset: 10, preVote: false });
    expect(core.takeReady()).toMatchObject({ electionPending: true, messages: [] });

    core.persisted(5, second.persistId!);
    core.receive(6, 3, { type: 'VoteRequest', requestId: 2, epoch: 5, candidateId: 3, lastEpoch: 3, lastOffset: 10, preVote: false });
    expect(core.takeReady()).toMatchObject({ electionPending: false, messages: [{ to: 3, message: { granted: true, epoch: 5 } }] });
  });
});
