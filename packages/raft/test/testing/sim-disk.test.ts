import { SimDisk, applyLogOp, EMPTY_LOG_IMAGE, logEndOffset, logStartOffset } from '@kz/raft/testing';
import { batch, log } from './fixtures';

const voted = { epoch: 3, votedFor: 2, leaderId: -1 };
const led = { epoch: 4, votedFor: 2, leaderId: 2 };

describe('SimDisk', () => {
  it('keeps nothing that was written but not synced when it crashes — log or quorum state', () => {
    const disk = new SimDisk();
    disk.write(0, 1, voted, [{ op: 'append', batches: log(0, [1, 1]) }], 5);
    expect(disk.crash()).toBe(1);
    const state = disk.durableState();
    expect(state.electionState.epoch).toBe(0);
    expect(state.batches).toEqual([]);
  });

  it('keeps what was synced across a crash and loses only the rest', () => {
    const disk = new SimDisk();
    disk.write(0, 1, voted, [{ op: 'append', batches: log(0, [1, 1]) }], 5);
    disk.write(1, 2, led, [{ op: 'append', batches: log(2, [4]) }], 5);
    expect(disk.syncThrough(1)).toBe(1);
    disk.crash();
    const state = disk.durableState();
    expect(state.electionState).toEqual(voted);
    expect(state.batches.map((b) => b.baseOffset)).toEqual([0, 1]);
  });

  it('completes syncs in order, never a later write before an earlier one', () => {
    const disk = new SimDisk();
    const first = disk.write(0, 1, null, [{ op: 'append', batches: log(0, [1]) }], 50);
    const second = disk.write(1, 2, null, [{ op: 'append', batches: log(1, [1]) }], 1);
    expect(second).toBeGreaterThanOrEqual(first);
    expect(disk.syncThrough(2)).toBe(2);
    expect(disk.durableState().batches).toHaveLength(2);
  });

  it('holds its own copy of the bytes', () => {
    const disk = new SimDisk();
    const b = batch(0, 1);
    disk.write(0, 1, null, [{ op: 'append', batches: [b] }], 1);
    disk.syncThrough(1);
    const before = disk.durableState().batches[0]!.bytes.slice();
    b.bytes.fill(0);
    expect(disk.durableState().batches[0]!.bytes).toEqual(before);
  });

  it('applies truncation and snapshots to the durable log', () => {
    const disk = new SimDisk();
    disk.write(0, 1, null, [{ op: 'append', batches: log(0, [1, 1, 1, 1]) }], 1);
    disk.write(0, 2, null, [{ op: 'truncate', endOffset: 3 }], 1);
    disk.write(0, 3, null, [{ op: 'snapshot', snapshot: { id: { offset: 2, epoch: 1 }, bytes: new Uint8Array([1]) } }], 1);
    disk.syncThrough(3);
    const state = disk.durableState();
    expect(state.snapshot?.id).toEqual({ offset: 2, epoch: 1 });
    expect(state.batches.map((b) => b.baseOffset)).toEqual([2]);
    expect(disk.errors).toEqual([]);
  });

  it('reports ops that break the log shape', () => {
    const disk = new SimDisk();
    disk.write(0, 1, null, [{ op: 'append', batches: [batch(0, 1), batch(5, 1)] }], 1);
    disk.syncThrough(1);
    expect(disk.errors).toEqual(['durable log: append of a batch at 5 to a log ending at 1']);
  });
});

describe('applyLogOp', () => {
  const twoBatches = { snapshot: null, batches: [batch(0, 1, 2), batch(2, 1, 2)] };

  it('refuses to split a batch or to cut below the log start', () => {
    expect(applyLogOp(twoBatches, { op: 'truncate', endOffset: 3 }).error).toMatch(/splits a batch/);
    const snapshotted = applyLogOp(twoBatches, { op: 'snapshot', snapshot: { id: { offset: 2, epoch: 1 }, bytes: new Uint8Array() } }).image;
    expect(applyLogOp(snapshotted, { op: 'truncate', endOffset: 1 }).error).toMatch(/below the log start/);
    expect(applyLogOp(twoBatches, { op: 'snapshot', snapshot: { id: { offset: 9, epoch: 1 }, bytes: new Uint8Array() } }).error).toMatch(/beyond the log end/);
  });

  it('restarts the log at an installed snapshot', () => {
    const { image, error } = applyLogOp(twoBatches, { op: 'installSnapshot', snapshot: { id: { offset: 10, epoch: 2 }, bytes: new Uint8Array() } });
    expect(error).toBeNull();
    expect(logStartOffset(image)).toBe(10);
    expect(logEndOffset(image)).toBe(10);
    expect(logEndOffset(EMPTY_LOG_IMAGE)).toBe(0);
  });
});
