import { LogContinuityError } from '../../src/core/raft-log';
import { RaftLog } from '../../src/core/raft-log';
import { batchAt, logOfEpochs } from './batch-fixtures';

describe('RaftLog', () => {
  test('tracks start, end and last epoch', () => {
    const log = new RaftLog(null, logOfEpochs([1, 1, 2, 2, 2, 4]));
    expect(log.startOffset).toBe(0);
    expect(log.endOffset).toBe(6);
    expect(log.lastEpoch).toBe(4);
    expect(new RaftLog(null, []).lastEpoch).toBe(0);
  });

  test('refuses gaps and epochs that go backwards', () => {
    const log = new RaftLog(null, logOfEpochs([1, 2]));
    expect(() => log.append(batchAt(3, 2))).toThrow(LogContinuityError);
    expect(() => log.append(batchAt(2, 1))).toThrow(LogContinuityError);
  });

  test('endOffsetForEpoch answers like Kafka\'s leader-epoch cache', () => {
    const log = new RaftLog(null, logOfEpochs([1, 1, 2, 2, 2, 4]));
    expect(log.endOffsetForEpoch(1)).toEqual({ epoch: 1, offset: 2 });
    expect(log.endOffsetForEpoch(2)).toEqual({ epoch: 2, offset: 5 });
    expect(log.endOffsetForEpoch(3)).toEqual({ epoch: 2, offset: 5 });
    expect(log.endOffsetForEpoch(4)).toEqual({ epoch: 4, offset: 6 });
    expect(log.endOffsetForEpoch(9)).toEqual({ epoch: 4, offset: 6 });
    expect(log.endOffsetForEpoch(0)).toEqual({ epoch: 0, offset: 0 });
  });

  test('validates a follower position: valid, diverging, or behind the snapshot', () => {
    const log = new RaftLog(null, logOfEpochs([1, 1, 2, 2, 2, 4]));
    expect(log.validateFetchPosition(0, 0)).toEqual({ kind: 'valid' });
    expect(log.validateFetchPosition(2, 1)).toEqual({ kind: 'valid' });
    expect(log.validateFetchPosition(6, 4)).toEqual({ kind: 'valid' });
    // The follower has epoch 1 up to offset 3, the leader's epoch 1 ends at 2.
    expect(log.validateFetchPosition(3, 1)).toEqual({ kind: 'diverging', endOffset: { epoch: 1, offset: 2 } });
    // The follower has an epoch 3 the leader never saw.
    expect(log.validateFetchPosition(7, 3)).toEqual({ kind: 'diverging', endOffset: { epoch: 2, offset: 5 } });
    // A longer log in the leader's latest epoch than the leader holds.
    expect(log.validateFetchPosition(8, 4)).toEqual({ kind: 'diverging', endOffset: { epoch: 4, offset: 6 } });

    const snapshot = { id: { offset: 3, epoch: 2 }, size: 1 };
    log.compactTo(snapshot);
    expect(log.startOffset).toBe(3);
    expect(log.validateFetchPosition(0, 0)).toEqual({ kind: 'snapshot', snapshotId: snapshot.id });
    expect(log.validateFetchPosition(3, 1)).toEqual({ kind: 'snapshot', snapshotId: snapshot.id });
    expect(log.validateFetchPosition(3, 2)).toEqual({ kind: 'valid' });
    expect(log.validateFetchPosition(5, 2)).toEqual({ kind: 'valid' });
  });

  test('a follower truncates to the common end of the epoch, or to the last epoch below it', () => {
    const follower = new RaftLog(null, logOfEpochs([1, 1, 2, 2, 3, 3]));
    expect(follower.divergenceTruncationPoint({ epoch: 2, offset: 3 })).toBe(3);
    expect(follower.divergenceTruncationPoint({ epoch: 2, offset: 9 })).toBe(4);
    // The leader's epoch 2 is unknown here: keep what our epoch 1 holds.
    const other = new RaftLog(null, logOfEpochs([1, 1, 3]));
    expect(other.divergenceTruncationPoint({ epoch: 2, offset: 5 })).toBe(2);
    expect(other.truncateTo(2)).toBe(2);
    expect(other.lastEpoch).toBe(1);
    expect(other.endOffsetForEpoch(3)).toEqual({ epoch: 1, offset: 2 });
  });

  test('read returns whole batches from a boundary, at least one, up to maxBytes', () => {
    const log = new RaftLog(null, [batchAt(0, 1, 3), batchAt(3, 1, 2), batchAt(5, 2, 1)]);
    expect(log.read(3, 1).map((b) => b.baseOffset)).toEqual([3]);
    expect(log.read(0, 1 << 20).map((b) => b.baseOffset)).toEqual([0, 3, 5]);
    expect(log.read(6, 1 << 20)).toEqual([]);
    expect(log.epochOfOffsetBefore(5)).toBe(1);
    expect(log.epochOfOffsetBefore(6)).toBe(2);
  });

  test('compaction keeps the epoch cache answering above the snapshot', () => {
    const log = new RaftLog(null, logOfEpochs([1, 1, 2, 2, 3]));
    log.compactTo({ id: { offset: 3, epoch: 2 }, size: 1 });
    expect(log.batches.map((b) => b.baseOffset)).toEqual([3, 4]);
    expect(log.endOffsetForEpoch(2)).toEqual({ epoch: 2, offset: 4 });
    expect(log.endOffsetForEpoch(1)).toEqual({ epoch: 2, offset: 3 });
    log.compactTo({ id: { offset: 5, epoch: 3 }, size: 1 });
    expect(log.batches).toEqual([]);
    expect(log.endOffset).toBe(5);
    expect(log.lastEpoch).toBe(3);
    expect(log.validateFetchPosition(5, 3)).toEqual({ kind: 'valid' });
  });

  test('refuses an empty batch', () => {
    const log = new RaftLog(null, logOfEpochs([1]));
    expect(() => log.append({ ...batchAt(1, 1), lastOffset: 0 })).toThrow(LogContinuityError);
    expect(log.endOffset).toBe(1);
  });

  test('read stops before the batch that would pass maxBytes, not at it', () => {
    const batches = [batchAt(0, 1), batchAt(1, 1), batchAt(2, 1)];
    const log = new RaftLog(null, batches);
    const size = batches[0]!.bytes.length;
    expect(batches.every((b) => b.bytes.length === size)).toBe(true);
    expect(log.read(0, 2 * size).map((b) => b.baseOffset)).toEqual([0, 1]);
    expect(log.read(0, 2 * size - 1).map((b) => b.baseOffset)).toEqual([0]);
    expect(log.read(2, 0).map((b) => b.baseOffset)).toEqual([2]);
    // Only batch boundaries can be read from.
    expect(new RaftLog(null, [batchAt(0, 1, 3)]).read(1, 1 << 20)).toEqual([]);
  });

  test('a fetch naming an epoch older than the snapshot’s must load the snapshot, wherever it points', () => {
    const log = new RaftLog(null, logOfEpochs([1, 1, 2, 2, 3]));
    const snapshot = { id: { offset: 3, epoch: 2 }, size: 1 };
    log.compactTo(snapshot);
    expect(log.validateFetchPosition(4, 1)).toEqual({ kind: 'snapshot', snapshotId: snapshot.id });
    expect(log.validateFetchPosition(4, 2)).toEqual({ kind: 'valid' });
    expect(log.validateFetchPosition(5, 3)).toEqual({ kind: 'valid' });
  });

  test('the epoch before an offset: the snapshot’s at the log start, the batch’s above, none below', () => {
    expect(new RaftLog(null, []).epochOfOffsetBefore(0)).toBe(0);
    const log = new RaftLog(null, logOfEpochs([1, 1, 2, 2, 3]));
    expect(log.epochOfOffsetBefore(1)).toBe(1);
    expect(log.epochOfOffsetBefore(3)).toBe(2);
    expect(log.epochOfOffsetBefore(5)).toBe(3);
    log.compactTo({ id: { offset: 3, epoch: 2 }, size: 1 });
    expect(log.epochOfOffsetBefore(3)).toBe(2);
    expect(log.epochOfOffsetBefore(4)).toBe(2);
    expect(log.epochOfOffsetBefore(5)).toBe(3);
    expect(log.epochOfOffsetBefore(2)).toBeNull();
  });

  test('a snapshot from the leader replaces the whole log', () => {
    const log = new RaftLog(null, logOfEpochs([1, 1, 2]));
    const snapshot = { id: { offset: 10, epoch: 4 }, size: 1 };
    log.replaceWithSnapshot(snapshot);
    expect(log.snapshot).toBe(snapshot);
    expect(log.batches).toEqual([]);
    expect([log.startOffset, log.endOffset, log.lastEpoch]).toEqual([10, 10, 4]);
    expect(log.endOffsetForEpoch(2)).toEqual({ epoch: 4, offset: 10 });
    log.append(batchAt(10, 5));
    expect(log.endOffsetForEpoch(4)).toEqual({ epoch: 4, offset: 10 });
    expect(log.endOffsetForEpoch(5)).toEqual({ epoch: 5, offset: 11 });
  });

  test('truncation keeps the batches below the point and the epochs that start there', () => {
    const log = new RaftLog(null, [batchAt(0, 1, 2), batchAt(2, 2, 2), batchAt(4, 3, 1)]);
    // Batches are whole: truncating inside one drops all of it.
    expect(log.truncateTo(3)).toBe(2);
    expect(log.lastEpoch).toBe(1);
    expect(log.endOffsetForEpoch(2)).toEqual({ epoch: 1, offset: 2 });
    log.append(batchAt(2, 4));
    expect(log.endOffsetForEpoch(3)).toEqual({ epoch: 1, offset: 2 });
    expect(log.endOffsetForEpoch(4)).toEqual({ epoch: 4, offset: 3 });
  });

  test('a refused append names what is wrong, with Kafka’s INVALID_REQUEST code', () => {
    const log = new RaftLog(null, logOfEpochs([1, 2]));
    const refusal = (batch: Parameters<RaftLog['append']>[0]): LogContinuityError => {
      try {
        log.append(batch);
      } catch (error) {
        return error as LogContinuityError;
      }
      throw new Error('appended');
    };
    const gap = refusal(batchAt(3, 2));
    expect([gap.name, gap.code, gap.message]).toEqual(['LogContinuityError', 'INVALID_REQUEST', 'batch at 3 does not start at log end 2']);
    expect(refusal({ ...batchAt(2, 2), lastOffset: 1 }).message).toBe('batch at 2 is empty');
    expect(refusal(batchAt(2, 1)).message).toBe("batch epoch 1 is below the log's last epoch 2");
  });

  test('compacting everything keeps the epoch cache only for epochs above the snapshot’s', () => {
    // The snapshot names an older epoch than the log's last batch (a leader's snapshot of a prefix).
    const log = new RaftLog(null, logOfEpochs([1, 1, 2]));
    log.compactTo({ id: { offset: 3, epoch: 2 }, size: 1 });
    log.append(batchAt(3, 4));
    expect(log.endOffsetForEpoch(2)).toEqual({ epoch: 2, offset: 3 });
    expect(log.endOffsetForEpoch(3)).toEqual({ epoch: 2, offset: 3 });
    expect(log.endOffsetForEpoch(4)).toEqual({ epoch: 4, offset: 4 });
    // An empty log compacted: nothing in the cache, the snapshot answers.
    const empty = new RaftLog(null, []);
    empty.compactTo({ id: { offset: 0, epoch: 0 }, size: 1 });
    expect(empty.endOffsetForEpoch(5)).toEqual({ epoch: 0, offset: 0 });
  });
});
