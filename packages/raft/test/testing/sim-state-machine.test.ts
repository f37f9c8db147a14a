import { decodeRecordBatch, encodeLeaderChangeBatch, encodeRecordBatch } from '@kz/records';
import type { CommittedBatch } from '@kz/raft';
import { SimStateMachine, encodeProposal, proposalIdOf, proposalRecords } from '@kz/raft/testing';

/** Proposals as RaftNode hands them over: one batch at `baseOffset`, decoded. */
function committed(ids: readonly number[], baseOffset: number, epoch: number): CommittedBatch {
  const bytes = encodeRecordBatch({ records: ids.flatMap((id) => proposalRecords(id, 2)), baseOffset, partitionLeaderEpoch: epoch });
  const { records } = decodeRecordBatch(bytes);
  return { baseOffset, lastOffset: baseOffset + records.length - 1, epoch, records, bytes };
}

describe('SimStateMachine', () => {
  it('records the proposals whose records a batch carries — several, when RaftNode grouped them', () => {
    const sm = new SimStateMachine();
    sm.apply(committed([7], 1, 1));
    sm.apply(committed([8, 9], 3, 1));
    expect(sm.appliedIds).toEqual([7, 8, 9]);
  });

  it('restores exactly the state it snapshotted', () => {
    const sm = new SimStateMachine();
    sm.apply(committed([1], 1, 1));
    sm.apply(committed([2], 3, 2));
    const other = new SimStateMachine();
    other.restore(sm.snapshot(), { offset: 5, epoch: 2 });
    expect(other.digest).toBe(sm.digest);
    expect(other.appliedIds).toEqual([1, 2]);
  });

  it('digests differ when the applied data differs', () => {
    const a = new SimStateMachine();
    const b = new SimStateMachine();
    a.apply(committed([1], 0, 1));
    b.apply(committed([2], 0, 1));
    expect(a.digest).not.toBe(b.digest);
  });

  it('throws on a snapshot that does not decode (halting its node)', () => {
    expect(() => new SimStateMachine().restore(new Uint8Array([1, 2]), { offset: 1, epoch: 1 })).toThrow(/does not decode/);
  });

  it('reads the proposal id back from a batch', () => {
    expect(proposalIdOf(encodeProposal(42, 3))).toBe(42);
    const control = encodeLeaderChangeBatch({ leaderId: 1, voters: [1, 2, 3], grantingVoters: [1, 2] }, { baseOffset: 0, partitionLeaderEpoch: 1 });
    expect(proposalIdOf(control)).toBeNull();
  });
});
