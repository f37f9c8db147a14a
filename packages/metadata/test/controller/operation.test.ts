import type { ControlContext } from '../../src/controller/control-context';
import { CONTROLLER_DEFAULTS } from '../../src/controller/controller-config';
import { writeChangesInChunks } from '../../src/controller/operation';
import type { PartitionRef } from '../../src/controller/partition-scan';
import { MetadataDelta } from '../../src/image/metadata-delta';
import { MetadataImage } from '../../src/image/metadata-image';
import type { MetadataRecord, PartitionChangeRecord } from '../../src/records/metadata-record';

/**
 * writeChangesInChunks, the loop under every large partition operation: a chunk of at most
 * recordsPerBatch changes, a pause after each, partitions read again from the view at their turn.
 */
function context(recordsPerBatch: number, partitions: number): { ctx: ControlContext; written: MetadataRecord[][]; refs: PartitionRef[] } {
  const view = new MetadataDelta(MetadataImage.EMPTY);
  let offset = 0;
  const replay = (records: readonly MetadataRecord[]): void => {
    for (const r of records) view.replay(r, offset++, 1);
  };
  replay([
    { type: 'topic', name: 't', topicId: 'tid' },
    ...Array.from({ length: partitions }, (_, partitionId) => ({
      type: 'partition' as const,
      topicId: 'tid',
      partitionId,
      replicas: [1, 2],
      isr: [1, 2],
      removingReplicas: [],
      addingReplicas: [],
      leader: 1,
      leaderEpoch: 0,
      partitionEpoch: 0,
    })),
  ]);
  const written: MetadataRecord[][] = [];
  const ctx = {
    view,
    config: { ...CONTROLLER_DEFAULTS, clusterId: 'test-cluster', recordsPerBatch },
    write(records: readonly MetadataRecord[]) {
      written.push([...records]);
      replay(records);
      return offset - 1;
    },
  } as Partial<ControlContext> as ControlContext;
  const refs = Array.from({ length: partitions }, (_, partitionId) => ({ topicId: 'tid', topicName: 't', partitionId, partition: view.partition('tid', partitionId)! }));
  return { ctx, written, refs };
}

/** Moves leadership to broker 2 where broker 1 leads (null where it does not). */
function toLeader2(ref: PartitionRef): PartitionChangeRecord | null {
  return ref.partition.leader === 1 ? { type: 'partitionChange', topicId: ref.topicId, partitionId: ref.partitionId, leader: 2 } : null;
}

/** Runs the operation to its end; returns its result and how many times it paused. */
function run(op: Generator<void, number, void>): { result: number; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = op.next();
    if (step.done === true) return { result: step.value, pauses };
    pauses++;
  }
}

describe('writeChangesInChunks', () => {
  it('writes recordsPerBatch changes a chunk and pauses once after each chunk, no more', () => {
    const { ctx, written, refs } = context(2, 5);
    expect(run(writeChangesInChunks(ctx, refs, () => toLeader2))).toEqual({ result: 5, pauses: 3 });
    expect(written.map((chunk) => chunk.map((r) => (r.type === 'partitionChange' ? r.partitionId : -1)))).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('an exact number of chunks ends without an empty one', () => {
    const { ctx, written, refs } = context(2, 4);
    expect(run(writeChangesInChunks(ctx, refs, () => toLeader2))).toEqual({ result: 4, pauses: 2 });
    expect(written.map((chunk) => chunk.length)).toEqual([2, 2]);
    expect(run(writeChangesInChunks(ctx, [], () => toLeader2))).toEqual({ result: 0, pauses: 0 });
  });

  it('reads each partition from the view at its chunk: a change made between chunks is respected', () => {
    const { ctx, written, refs } = context(2, 4);
    const op = writeChangesInChunks(ctx, refs, () => toLeader2);
    op.next();
    // Other work, between the chunks, moved partition 2 already: the second chunk leaves it alone.
    ctx.write([{ type: 'partitionChange', topicId: 'tid', partitionId: 2, leader: 2 }], false);
    expect(run(op)).toEqual({ result: 3, pauses: 1 });
    expect(written.at(-1)).toEqual([{ type: 'partitionChange', topicId: 'tid', partitionId: 3, leader: 2 }]);
  });

  it('skips the partitions of a topic deleted between chunks, without asking the builder about them', () => {
    const { ctx, refs } = context(2, 4);
    const asked: number[] = [];
    const op = writeChangesInChunks(ctx, refs, () => (ref) => {
      asked.push(ref.partitionId);
      return toLeader2(ref);
    });
    op.next();
    ctx.write([{ type: 'removeTopic', topicId: 'tid' }], false);
    expect(run(op)).toEqual({ result: 2, pauses: 1 });
    expect(asked).toEqual([0, 1]);
  });

  it('makes a fresh builder for every chunk', () => {
    const { ctx, refs } = context(2, 5);
    let builders = 0;
    run(writeChangesInChunks(ctx, refs, () => {
      builders++;
      return toLeader2;
    }));
    expect(builders).toBe(3);
  });
});
