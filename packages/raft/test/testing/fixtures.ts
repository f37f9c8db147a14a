import { encodeRecordBatch } from '@kz/records';
import { ZERO_DIRECTORY_ID, type LogBatch, type RaftStatus } from '@kz/raft';
import type { ClusterView, NodeView } from '@kz/raft/testing';

const encoder = new TextEncoder();

/** A real RecordBatch v2 at `baseOffset` of `epoch` with `count` records; `tag` varies its bytes. */
export function batch(baseOffset: number, epoch: number, count = 1, tag = 'x'): LogBatch {
  const records = Array.from({ length: count }, (_, i) => ({ key: null, value: encoder.encode(`${tag}${i}`) }));
  const bytes = encodeRecordBatch({ records, baseOffset, partitionLeaderEpoch: epoch });
  return { baseOffset, lastOffset: baseOffset + count - 1, epoch, bytes };
}

/** A contiguous log of one-record batches from `start`, with the given epochs. */
export function log(start: number, epochs: readonly number[], tag = 'x'): LogBatch[] {
  return epochs.map((epoch, i) => batch(start + i, epoch, 1, tag));
}

export function status(overrides: Partial<RaftStatus> & Pick<RaftStatus, 'nodeId'>): RaftStatus {
  return {
    isVoter: true,
    role: 'follower',
    epoch: 1,
    leaderId: -1,
    votedFor: -1,
    highWatermark: 0,
    logStartOffset: 0,
    logEndOffset: 0,
    flushedEndOffset: 0,
    snapshotId: null,
    directoryId: ZERO_DIRECTORY_ID,
    voters: [],
    votersOffset: -1,
    committedVoters: [],
    epochStartOffset: -1,
    ...overrides,
  };
}

/** A live node whose disk holds exactly its in-memory log (override what a test needs). */
export function node(id: number, overrides: { status?: Partial<RaftStatus>; log?: LogBatch[]; durableLog?: LogBatch[]; up?: boolean } & Partial<NodeView> = {}): NodeView {
  const batches = overrides.log ?? [];
  const end = batches.length > 0 ? batches[batches.length - 1]!.lastOffset + 1 : 0;
  const st = status({ nodeId: id, logEndOffset: end, flushedEndOffset: end, ...overrides.status });
  return {
    id,
    incarnation: overrides.incarnation ?? 1,
    live: overrides.up === false ? null : { status: st, log: batches, snapshotId: null },
    durable: overrides.durable ?? {
      electionState: { epoch: st.epoch, votedFor: -1, leaderId: st.leaderId },
      log: { snapshot: null, batches: overrides.durableLog ?? batches },
    },
    newlyCommitted: overrides.newlyCommitted ?? [],
    machine: overrides.machine ?? { nextOffset: 0, digest: 0 },
    contractErrors: overrides.contractErrors ?? [],
    halts: overrides.halts ?? [],
    recoveries: overrides.recoveries ?? [],
    refusedWrites: overrides.refusedWrites ?? [],
  };
}

export function cluster(nodes: NodeView[], time = 0, observed: Partial<Pick<ClusterView, 'votes' | 'reads'>> = {}): ClusterView {
  return { time, voters: nodes.map((n) => n.id), nodes, votes: observed.votes ?? [], reads: observed.reads ?? [] };
}
