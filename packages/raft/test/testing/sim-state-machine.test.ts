import { encodeLeaderChangeBatch } from '@kz/records';
import { SimStateMachine, encodeProposal, proposalIdOf } from '@kz/raft/testing';
import type { LogBatch } from '@kz/raft';
import { stampBatch } from '@kz/records';

function proposal(id: number, baseOffset: number, epoch: number, records = 1): LogBatch {
  const bytes = encodeProposal(id, records);
  stampBatch(bytes, baseOffset, epoch);
  return { baseOffset, lastOffset: baseOffset + records - 1, epoch, bytes };
}

function leaderChange(baseOffset: number, epoch: number): LogBatch {
  const bytes = encodeLeaderChangeBatch({ leaderId: 1, voters: [1, 2, 3], grantingVoters: [1, 2] }, { baseOffset, partitionLeaderEpoch: epoch });
  return { baseOffset, lastOffset: baseOffset, epoch, bytes };
}

describe('SimStateMachine', () => {
  it('applies data batches, skips control batches, and tracks the next offset', () => {
    const sm = new SimStateMachine();
    expect(sm.apply(leaderChange(0, 1))).toBeNull();
    expect(sm.apply(proposal(7, 1, 1, 2))).toBeNull();
    expect(sm.nextOffset).toBe(3);
    expect(sm.appliedIds).toEqual([7]);
    expect(sm.appliedSinceSnapshot).toBe(1);
  });

  it('refuses a batch that does not follow the last one', () => {
    const sm = new SimStateMachine();
    expect(sm.apply(proposal(1, 5, 1))).toMatch(/expecting 0/);
  });

  it('restores exactly the state it snapshotted', () => {
    const sm = new SimStateMachine();
    sm.apply(leaderChange(0, 1));
    sm.apply(proposal(1, 1, 1));
    sm.apply(proposal(2, 2, 2));
    const snapshot = sm.snapshot();
    expect(snapshot.id).toEqual({ offset: 3, epoch: 2 });
    const other = new SimStateMachine();
    expect(other.restore(snapshot)).toBeNull();
    expect(other.digest).toBe(sm.digest);
    expect(other.appliedIds).toEqual([1, 2]);
    expect(other.apply(proposal(3, 3, 2))).toBeNull();
  });

  it('digests differ when the applied data differs', () => {
    const a = new SimStateMachine();
    const b = new SimStateMachine();
    a.apply(proposal(1, 0, 1));
    b.apply(proposal(2, 0, 1));
    expect(a.digest).not.toBe(b.digest);
  });

  it('rejects a snapshot whose bytes do not match its id', () => {
    const sm = new SimStateMachine();
    sm.apply(proposal(1, 0, 1));
    const snapshot = sm.snapshot();
    expect(new SimStateMachine().restore({ ...snapshot, id: { offset: 5, epoch: 1 } })).toMatch(/holds the state at 1/);
    expect(new SimStateMachine().restore({ id: { offset: 1, epoch: 1 }, bytes: new Uint8Array([1, 2]) })).toMatch(/does not decode/);
  });

  it('reads the proposal id back from a batch', () => {
    expect(proposalIdOf(encodeProposal(42, 3))).toBe(42);
    expect(proposalIdOf(leaderChange(0, 1).bytes)).toBeNull();
  });
});
