import { InvalidProposalError, InvalidSnapshotError, NotLeaderError, RaftSafetyError } from '../../src/core/errors';

describe('core errors carry Kafka’s error codes', () => {
  test('each class names itself and its code', () => {
    const errors = [new RaftSafetyError('x'), new InvalidProposalError('x'), new InvalidSnapshotError('x'), new NotLeaderError(-1, 0, undefined)];
    expect(errors.map((e) => [e.name, e.code])).toEqual([
      ['RaftSafetyError', 'ILLEGAL_STATE'],
      ['InvalidProposalError', 'INVALID_REQUEST'],
      ['InvalidSnapshotError', 'INVALID_SNAPSHOT'],
      ['NotLeaderError', 'NOT_LEADER_OR_FOLLOWER'],
    ]);
    for (const error of errors) expect(error).toBeInstanceOf(Error);
  });

  test('NotLeaderError says whom to ask instead, and where when it is known', () => {
    const none = new NotLeaderError(-1, 4, undefined);
    expect(none.message).toBe('not the leader, and no leader is known');
    expect([none.leaderId, none.epoch, none.leaderAddress]).toEqual([-1, 4, undefined]);
    expect(new NotLeaderError(0, 4, undefined).message).toBe('not the leader; the leader is node 0 (epoch 4)');
    const known = new NotLeaderError(3, 7, 'h3:9093');
    expect(known.message).toBe('not the leader; the leader is node 3 at h3:9093 (epoch 7)');
    expect([known.leaderId, known.epoch, known.leaderAddress]).toEqual([3, 7, 'h3:9093']);
  });
});
