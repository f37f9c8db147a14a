import { majorityOf, type NodeId } from '../core/config';
import type { LogBatch } from '../core/log-batch';
import { CommittedOracle, conflictBetween } from './committed-oracle';
import type { ClusterView, NodeView } from './cluster-view';
import { batchHolding, logEndOffset, type LogImage } from './log-image';
import type { Violation } from './violation';
import { votersIn } from '../core/voter-history';
import { describeVoters, type Voter, type VoterSet } from '../core/voter-set';

/**
 * The safety invariants, checked after every simulated step. Each is a small named function over
 * the cluster as it is now (a ClusterView) and what earlier steps remembered (InvariantMemory),
 * returning the violations it sees; the ones that need history also update it. They follow Kafka's
 * RaftEventSimulationTest (SingleLeader, MonotonicEpoch, MonotonicHighWatermark,
 * MajorityReachedHighWatermark, SnapshotAtLogStart, LeaderNeverLoadSnapshot, ConsistentCommittedData)
 * and are stricter where the note on each says so.
 */
export interface InvariantMemory {
  /** The one node known to lead each epoch. */
  readonly leaderOfEpoch: Map<number, NodeId>;
  readonly liveEpochs: Map<NodeId, { readonly incarnation: number; readonly epoch: number }>;
  readonly durableEpochs: Map<NodeId, number>;
  /** Per `${node}:${epoch}` while that node leads that epoch: its last high watermark. */
  readonly tenureHighWatermarks: Map<string, number>;
  /** Per epoch: the highest high watermark its leader exposed once its epoch start was committed. */
  readonly exposedHighWatermarks: Map<number, number>;
  readonly oracle: CommittedOracle;
  /** State-machine digest at each applied offset, as first seen. */
  readonly digests: Map<number, { readonly digest: number; readonly node: NodeId }>;
  /** Per `${voter}:${epoch}`: the candidate it granted its vote to, on the wire or on its disk. */
  readonly votes: Map<string, NodeId>;
}

/** `onCommitted` hears of every batch the first time any node shows it committed (see CommittedOracle). */
export function newInvariantMemory(onCommitted?: (batch: LogBatch) => void): InvariantMemory {
  return {
    leaderOfEpoch: new Map(),
    liveEpochs: new Map(),
    durableEpochs: new Map(),
    tenureHighWatermarks: new Map(),
    exposedHighWatermarks: new Map(),
    oracle: new CommittedOracle(onCommitted),
    digests: new Map(),
    votes: new Map(),
  };
}

export type Invariant = (view: ClusterView, memory: InvariantMemory) => Violation[];

/**
 * At most one leader per epoch, ever. Stricter than Kafka's SingleLeader: a node that merely
 * believes some node leads an epoch must agree with every other belief about that epoch too.
 */
export const singleLeaderPerEpoch: Invariant = (view, memory) => {
  const violations: Violation[] = [];
  for (const node of view.nodes) {
    const status = node.live?.status;
    if (status === undefined) continue;
    const claimed = status.role === 'leader' ? node.id : status.leaderId;
    if (claimed < 0) continue;
    if (status.role === 'leader' && status.leaderId !== node.id) {
      violations.push(violation('singleLeaderPerEpoch', node.id, `leads epoch ${status.epoch} but reports leader ${status.leaderId}`));
    }
    const known = memory.leaderOfEpoch.get(status.epoch);
    if (known === undefined) memory.leaderOfEpoch.set(status.epoch, claimed);
    else if (known !== claimed) {
      const what = status.role === 'leader' ? 'leads' : `believes node ${claimed} leads`;
      violations.push(violation('singleLeaderPerEpoch', node.id, `${what} epoch ${status.epoch}, whose leader is node ${known}`));
    }
  }
  return violations;
};

/**
 * A node's epoch never decreases: its durable epoch across any number of crashes, its in-memory
 * epoch within one incarnation (a crash may lose an unsynced bump, which no one can have relied on),
 * and the core never runs below what it has on disk.
 */
export const epochNeverDecreases: Invariant = (view, memory) => {
  const violations: Violation[] = [];
  for (const node of view.nodes) {
    const durable = node.durable.electionState.epoch;
    const lastDurable = memory.durableEpochs.get(node.id) ?? 0;
    if (durable < lastDurable) {
      violations.push(violation('epochNeverDecreases', node.id, `durable epoch went from ${lastDurable} to ${durable}`));
    }
    memory.durableEpochs.set(node.id, Math.max(durable, lastDurable));
    const live = node.live?.status.epoch;
    if (live === undefined) continue;
    const last = memory.liveEpochs.get(node.id);
    if (last !== undefined && last.incarnation === node.incarnation && live < last.epoch) {
      violations.push(violation('epochNeverDecreases', node.id, `epoch went from ${last.epoch} to ${live}`));
    }
    if (live < durable) {
      violations.push(violation('epochNeverDecreases', node.id, `runs in epoch ${live} below its durable epoch ${durable}`));
    }
    memory.liveEpochs.set(node.id, { incarnation: node.incarnation, epoch: live });
  }
  return violations;
};

/**
 * The leader's high watermark never decreases during its tenure (one process's leadership of an
 * epoch: a leader whose vote for itself never reached its disk can lead that epoch again after a
 * restart, from the high watermark it recovers); and across tenures, once a leader
 * has committed its epoch start, its high watermark is at least any earlier epoch's leader ever
 * exposed (and at most any later one's) — Kafka's MonotonicHighWatermark, without counting the
 * window before a new leader has committed anything, when KRaft exposes no high watermark at all.
 */
export const leaderHighWatermarkNeverDecreases: Invariant = (view, memory) => {
  const violations: Violation[] = [];
  for (const node of view.nodes) {
    const status = node.live?.status;
    if (status === undefined || status.role !== 'leader') continue;
    const hw = status.highWatermark;
    const tenure = `${node.id}:${node.incarnation}:${status.epoch}`;
    const last = memory.tenureHighWatermarks.get(tenure);
    if (last !== undefined && hw < last) {
      violations.push(violation('leaderHighWatermarkNeverDecreases', node.id, `leader of epoch ${status.epoch}: high watermark went from ${last} to ${hw}`));
    }
    memory.tenureHighWatermarks.set(tenure, Math.max(hw, last ?? hw));
    if (hw <= status.epochStartOffset) continue;
    for (const [epoch, exposed] of memory.exposedHighWatermarks) {
      if ((epoch < status.epoch && exposed > hw) || (epoch > status.epoch && exposed < hw)) {
        violations.push(
          violation('leaderHighWatermarkNeverDecreases', node.id, `leader of epoch ${status.epoch} exposes high watermark ${hw}, but the leader of epoch ${epoch} exposed ${exposed}`),
        );
      }
    }
    memory.exposedHighWatermarks.set(status.epoch, Math.max(hw, memory.exposedHighWatermarks.get(status.epoch) ?? 0));
  }
  return violations;
};

/**
 * The committed prefix is identical on every node that has it: every batch a node hands its state
 * machine, and every batch in its log below its high watermark, is the batch everyone else committed
 * at that offset (same bounds, epoch and CRC-32C of the bytes). This also feeds the oracle.
 */
export const committedPrefixIdentical: Invariant = (view, memory) => {
  const violations: Violation[] = [];
  for (const node of view.nodes) {
    const epoch = node.live?.status.epoch ?? node.durable.electionState.epoch;
    const hw = node.live?.status.highWatermark ?? Infinity;
    for (const batch of node.newlyCommitted) {
      if (batch.lastOffset >= hw) {
        violations.push(violation('committedPrefixIdentical', node.id, `committed [${batch.baseOffset}..${batch.lastOffset}] above its high watermark ${hw}`));
      }
      const conflict = memory.oracle.observe(batch, node.id, epoch);
      if (conflict !== null) violations.push(violation('committedPrefixIdentical', node.id, `committed ${conflict}`));
    }
    if (node.live === null) continue;
    for (const batch of node.live.log) {
      if (batch.lastOffset >= hw) break;
      const conflict = memory.oracle.observe(batch, node.id, epoch);
      if (conflict !== null) violations.push(violation('committedPrefixIdentical', node.id, `log below the high watermark ${conflict}`));
    }
  }
  return violations;
};

/**
 * No committed batch is ever lost, however many failovers: a leader holds every batch committed
 * before its epoch began (Raft's leader completeness). Checked against the oracle, so a batch lost
 * in an election is caught the moment the new leader takes over, not only when it overwrites it.
 */
export const leaderHoldsEveryEarlierCommit: Invariant = (view, memory) => {
  const violations: Violation[] = [];
  for (const node of view.nodes) {
    const live = node.live;
    if (live === null || live.status.role !== 'leader') continue;
    const { epoch, logStartOffset, logEndOffset: end } = live.status;
    const committedEnd = memory.oracle.committedEndBefore(epoch);
    if (committedEnd <= logStartOffset) continue;
    if (end < committedEnd) {
      violations.push(violation('leaderHoldsEveryEarlierCommit', node.id, `leader of epoch ${epoch} ends at ${end}, but offsets up to ${committedEnd} were committed before its epoch`));
    }
    for (const batch of live.log) {
      if (batch.baseOffset >= committedEnd) break;
      const known = memory.oracle.get(batch.baseOffset);
      const conflict = known === undefined ? null : conflictBetween(known, batch);
      if (conflict !== null) violations.push(violation('leaderHoldsEveryEarlierCommit', node.id, `leader of epoch ${epoch} ${conflict}`));
    }
  }
  return violations;
};

/**
 * Every offset below any node's high watermark is held by a majority of voters — durably: counted
 * from what is synced on each voter's disk (snapshot or log), not its in-memory log end as Kafka's
 * MajorityReachedHighWatermark does, since only what is synced survives the crashes we inject. The
 * voter's batch holding the last offset must also be the committed one.
 */
export const majorityHoldsBelowHighWatermark: Invariant = (view, memory) => {
  const violations: Violation[] = [];
  // With dynamic voters the majority is a leader's, in its own voter set: see removedVoterNeverCounts.
  if (view.dynamic === true) return violations;
  const seen = new Set<number>();
  for (const node of view.nodes) {
    const hw = node.live?.status.highWatermark ?? 0;
    if (hw <= 0 || seen.has(hw)) continue;
    seen.add(hw);
    const holders = view.voters.filter((voter) => {
      const voterView = view.nodes.find((n) => n.id === voter);
      return voterView !== undefined && durablyHolds(voterView.durable.log, hw, memory);
    });
    if (holders.length < majorityOf(view.voters.length)) {
      const ends = view.nodes.map((n) => `${n.id}:${logEndOffset(n.durable.log)}`).join(' ');
      violations.push(
        violation('majorityHoldsBelowHighWatermark', node.id, `high watermark ${hw} is durable on only [${holders.join(',')}] (durable log ends ${ends})`),
      );
    }
  }
  return violations;
};

function durablyHolds(image: LogImage, offset: number, memory: InvariantMemory): boolean {
  if (logEndOffset(image) < offset) return false;
  if (image.snapshot !== null && image.snapshot.id.offset >= offset) return true;
  const batch = batchHolding(image.batches, offset - 1);
  if (batch === undefined) return false;
  const known = memory.oracle.get(batch.baseOffset);
  return known === undefined || conflictBetween(known, batch) === null;
}

/**
 * KIP-853: a leader's high watermark is durable on a majority of the voter set it has in force,
 * counted by voter key — a replica counts only under the (node id, directory id) the set names,
 * so a removed voter, or a node whose disk was wiped (a new directory id), never makes up a quorum.
 * Checked once the high watermark has passed the VotersRecord that put the set in force (below it,
 * the previous set counted it, and one change at a time keeps the two majorities overlapping).
 */
export const removedVoterNeverCounts: Invariant = (view, memory) => {
  const violations: Violation[] = [];
  if (view.dynamic !== true) return violations;
  for (const node of view.nodes) {
    const status = node.live?.status;
    if (status === undefined || status.role !== 'leader') continue;
    const hw = status.highWatermark;
    if (hw <= status.epochStartOffset || hw <= status.votersOffset || status.voters.length === 0) continue;
    const holders = status.voters.filter((voter) => {
      const host = view.nodes.find((n) => n.id === voter.id);
      return host !== undefined && host.durable.directoryId === voter.directoryId && durablyHolds(host.durable.log, hw, memory);
    });
    if (holders.length < majorityOf(status.voters.length)) {
      violations.push(
        violation(
          'removedVoterNeverCounts',
          node.id,
          `leader of epoch ${status.epoch}: high watermark ${hw} is durable on only [${holders.map((v) => v.id).join(',')}] of its voters ${describeVoters(status.voters)}`,
        ),
      );
    }
  }
  return violations;
};

/**
 * KIP-853's single-server changes: the voter set a leader has in force and the one committed before
 * it (the last VotersRecord below everything known committed, in the leader's own log) never admit
 * two disjoint majorities — which would let two leaders, or two commits, happen without hearing of
 * each other. It fails when two changes are in flight at once, or one change moves two voters.
 */
export const noDisjointMajorities: Invariant = (view, memory) => {
  const violations: Violation[] = [];
  if (view.dynamic !== true) return violations;
  let committedEnd = memory.oracle.end;
  for (const node of view.nodes) committedEnd = Math.max(committedEnd, node.live?.status.highWatermark ?? 0);
  for (const node of view.nodes) {
    const live = node.live;
    if (live === null || live.status.role !== 'leader' || live.status.voters.length === 0) continue;
    let committed: VoterSet = live.status.committedVoters;
    for (const batch of live.log) {
      if (batch.baseOffset >= committedEnd) break;
      const voters = votersOfBatch(batch);
      if (voters !== null) committed = voters;
    }
    if (committed.length === 0) continue;
    if (admitDisjointMajorities(committed, live.status.voters)) {
      violations.push(
        violation(
          'noDisjointMajorities',
          node.id,
          `leader of epoch ${live.status.epoch} has voters ${describeVoters(live.status.voters)} in force while ${describeVoters(committed)} are committed: two disjoint majorities are possible`,
        ),
      );
    }
  }
  return violations;
};

/** Whether some majority of `a` and some majority of `b` share no voter (voters named by key). */
export function admitDisjointMajorities(a: VoterSet, b: VoterSet): boolean {
  const key = (v: Voter): string => `${v.id}:${v.directoryId}`;
  const inB = new Set(b.map(key));
  const shared = a.filter((v) => inB.has(key(v))).length;
  // Each majority first takes the voters only it has; what it still needs must come from the shared ones.
  const needA = Math.max(0, majorityOf(a.length) - (a.length - shared));
  const needB = Math.max(0, majorityOf(b.length) - (b.length - shared));
  return needA + needB <= shared;
}

const votersCache = new WeakMap<Uint8Array, VoterSet | null>();

function votersOfBatch(batch: LogBatch): VoterSet | null {
  let voters = votersCache.get(batch.bytes);
  if (voters === undefined) {
    voters = votersIn(batch);
    votersCache.set(batch.bytes, voters);
  }
  return voters;
}

/** A snapshot only at the log start: in memory and on disk, the log resumes exactly where the snapshot ends. */
export const snapshotAtLogStart: Invariant = (view) => {
  const violations: Violation[] = [];
  for (const node of view.nodes) {
    const durable = node.durable.log;
    const firstDurable = durable.batches[0];
    if (durable.snapshot !== null && firstDurable !== undefined && firstDurable.baseOffset !== durable.snapshot.id.offset) {
      violations.push(violation('snapshotAtLogStart', node.id, `durable snapshot ends at ${durable.snapshot.id.offset} but the durable log starts at ${firstDurable.baseOffset}`));
    }
    const live = node.live;
    if (live === null) continue;
    const { logStartOffset, snapshotId } = live.status;
    if (live.snapshotId !== null) {
      if (live.snapshotId.offset !== logStartOffset) {
        violations.push(violation('snapshotAtLogStart', node.id, `snapshot at ${live.snapshotId.offset} but log start ${logStartOffset}`));
      }
      if (snapshotId === null || snapshotId.offset !== live.snapshotId.offset || snapshotId.epoch !== live.snapshotId.epoch) {
        violations.push(violation('snapshotAtLogStart', node.id, `status reports snapshot ${formatId(snapshotId)} but holds ${formatId(live.snapshotId)}`));
      }
    } else if (logStartOffset !== 0) {
      violations.push(violation('snapshotAtLogStart', node.id, `log starts at ${logStartOffset} without a snapshot`));
    }
    const first = live.log[0];
    if (first !== undefined && first.baseOffset !== logStartOffset) {
      violations.push(violation('snapshotAtLogStart', node.id, `first batch at ${first.baseOffset} but log start ${logStartOffset}`));
    }
  }
  return violations;
};

/** Replicas that applied the same prefix hold the same state (what snapshots carry included). */
export const stateMachinesAgree: Invariant = (view, memory) => {
  const violations: Violation[] = [];
  for (const node of view.nodes) {
    const { nextOffset, digest } = node.machine;
    if (nextOffset === 0) continue;
    const known = memory.digests.get(nextOffset);
    if (known === undefined) memory.digests.set(nextOffset, { digest, node: node.id });
    else if (known.digest !== digest) {
      violations.push(violation('stateMachinesAgree', node.id, `state at ${nextOffset} is ${digest.toString(16)}, node ${known.node}'s was ${known.digest.toString(16)}`));
    }
  }
  return violations;
};

/**
 * The Ready contract was kept, as the storage and the state machine saw it: every persist the
 * storage was asked for fits the stored log (EngineRaftStorage refuses one that does not, with
 * InvalidPersistError), committed batches reach the state machine in order with nothing skipped or
 * repeated, and no snapshot is loaded into a leader's state machine (Kafka's LeaderNeverLoadSnapshot).
 */
export const readyContractHonoured: Invariant = (view) =>
  view.nodes.flatMap((node) => node.contractErrors.map((message) => violation('readyContractHonoured', node.id, message)));

/**
 * A voter grants at most one vote per epoch — the rule that makes one leader per epoch possible.
 * Checked three ways: the votes granted on the wire (pre-votes bind nothing and are not counted),
 * the vote each voter's disk holds for its epoch, and the writes a disk refused because they would
 * have changed a vote (SimDisk enforces the rule below every layer of software).
 */
export const votesOncePerEpoch: Invariant = (view, memory) => {
  const violations: Violation[] = [];
  const note = (voter: NodeId, epoch: number, candidate: NodeId, where: string): void => {
    const key = `${voter}:${epoch}`;
    const earlier = memory.votes.get(key);
    if (earlier === undefined) memory.votes.set(key, candidate);
    else if (earlier !== candidate) {
      violations.push(violation('votesOncePerEpoch', voter, `voted for node ${earlier} in epoch ${epoch}, then for node ${candidate} (${where})`));
    }
  };
  for (const vote of view.votes) note(vote.voter, vote.epoch, vote.candidate, 'granted on the wire');
  for (const node of view.nodes) {
    const { epoch, votedFor } = node.durable.electionState;
    if (votedFor >= 0) note(node.id, epoch, votedFor, 'on its disk');
    for (const refusal of node.refusedWrites) violations.push(violation('votesOncePerEpoch', node.id, `its disk refused a write: ${refusal}`));
  }
  return violations;
};

/**
 * ReadIndex reads are linearizable: the read point a node answers is at least every offset known
 * committed anywhere when the read was asked (so the read sees every write acknowledged before it),
 * at most what is committed when it answers (so it never exposes an uncommitted write), and the
 * node has applied up to it by then.
 */
export const readIndexLinearizable: Invariant = (view) => {
  const violations: Violation[] = [];
  for (const read of view.reads) {
    const what = `a read asked at ${read.askedAt}ms was answered at ${read.answeredAt}ms with read point ${read.readPoint}`;
    if (read.readPoint < read.committedAtAsk) {
      violations.push(violation('readIndexLinearizable', read.node, `${what}, below the ${read.committedAtAsk} committed when it was asked: a stale read`));
    }
    if (read.readPoint > read.committedAtAnswer) {
      violations.push(violation('readIndexLinearizable', read.node, `${what}, above the ${read.committedAtAnswer} committed anywhere`));
    }
    if (read.appliedAtAnswer < read.readPoint) {
      violations.push(violation('readIndexLinearizable', read.node, `${what}, but the node had applied only up to ${read.appliedAtAnswer}`));
    }
  }
  return violations;
};

/**
 * A node halts (or refuses to start) only because of a disk fault the simulation injected — a
 * failed fsync, which RaftNode must answer by halting. Any other halt is a bug: a safety error of
 * the core, a storage refusing what it was asked to write, a state machine that threw.
 */
export const nodeHaltsOnlyOnDiskFaults: Invariant = (view) =>
  view.nodes.flatMap((node) =>
    node.halts.filter((halt) => !halt.injected).map((halt) => violation('nodeHaltsOnlyOnDiskFaults', node.id, `halted: ${halt.reason}`)),
  );

/**
 * A damaged log tail is cut at recovery, never loaded: when a stored batch was torn or had a bit
 * flipped (above the snapshot), the node starts with nothing from the first damaged batch on, and
 * the storage reports a repair at or before it (a StorageRepair, which RaftNode logs).
 */
export const corruptTailRepaired: Invariant = (view) => {
  const violations: Violation[] = [];
  for (const node of view.nodes) {
    for (const recovery of node.recoveries) {
      const first = recovery.damaged.find((offset) => offset >= recovery.snapshotEnd);
      if (first === undefined) continue;
      if (recovery.loadedEnd > first) {
        violations.push(violation('corruptTailRepaired', node.id, `loaded the log up to ${recovery.loadedEnd}, past the damaged batch at ${first}`));
      }
      if (!recovery.repairs.some((repair) => repair.offset <= first)) {
        violations.push(violation('corruptTailRepaired', node.id, `the damaged batch at ${first} was not reported (repairs: ${JSON.stringify(recovery.repairs)})`));
      }
    }
  }
  return violations;
};

/** In checking order: committedPrefixIdentical teaches the oracle what the later ones read. */
export const INVARIANTS: readonly (readonly [string, Invariant])[] = [
  ['readyContractHonoured', readyContractHonoured],
  ['singleLeaderPerEpoch', singleLeaderPerEpoch],
  ['epochNeverDecreases', epochNeverDecreases],
  ['leaderHighWatermarkNeverDecreases', leaderHighWatermarkNeverDecreases],
  ['committedPrefixIdentical', committedPrefixIdentical],
  ['leaderHoldsEveryEarlierCommit', leaderHoldsEveryEarlierCommit],
  ['majorityHoldsBelowHighWatermark', majorityHoldsBelowHighWatermark],
  ['removedVoterNeverCounts', removedVoterNeverCounts],
  ['noDisjointMajorities', noDisjointMajorities],
  ['snapshotAtLogStart', snapshotAtLogStart],
  ['stateMachinesAgree', stateMachinesAgree],
  ['votesOncePerEpoch', votesOncePerEpoch],
  ['readIndexLinearizable', readIndexLinearizable],
  ['nodeHaltsOnlyOnDiskFaults', nodeHaltsOnlyOnDiskFaults],
  ['corruptTailRepaired', corruptTailRepaired],
];

export function checkInvariants(view: ClusterView, memory: InvariantMemory): Violation[] {
  return INVARIANTS.flatMap(([, check]) => check(view, memory));
}

function violation(invariant: string, node: NodeView['id'], message: string): Violation {
  return { invariant, node, message };
}

function formatId(id: { readonly offset: number; readonly epoch: number } | null): string {
  return id === null ? 'none' : `${id.offset}-${id.epoch}`;
}
