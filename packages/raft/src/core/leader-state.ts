import { majorityOf, type NodeId } from './config';
import type { FetchRequest } from './messages';
import { ReadIndexTracker } from './read-index';
import type { ReplicaDescription } from './status';
import { hasVoterKey, type DirectoryId, type VoterSet } from './voter-set';

interface ReplicaProgress {
  /** The directory id the replica last fetched with: a wiped disk comes back as a new replica. */
  directoryId: DirectoryId;
  endOffset: number;
  lastFetchTimestamp: number;
  lastCaughtUpTimestamp: number;
  /** The leader's log end when this replica last fetched (KRaft ReplicaState.lastFetchLeaderLogEndOffset). */
  lastFetchLeaderEndOffset: number;
  /** The high watermark this replica was last told; a fetch is parked only if it has nothing new to learn. */
  lastSentHighWatermark: number;
}

export interface ParkedFetch {
  readonly from: NodeId;
  readonly request: FetchRequest;
  readonly deadline: number;
}

/**
 * What a leader tracks for its epoch (KRaft LeaderState): each replica's progress, the voters
 * that still owe a BeginQuorumEpoch acknowledgement, the check-quorum timer, and long-polling
 * fetches waiting for new data. Voters are (node id, directory id) keys (KIP-853): a fetch counts
 * toward the high watermark and check-quorum only under the key of a voter of the set in force,
 * which changes the moment the leader appends a VotersRecord.
 */
export class LeaderState {
  readonly epochStartOffset: number;
  private readonly replicas = new Map<NodeId, ReplicaProgress>();
  private readonly fetchedVoters = new Set<NodeId>();
  private checkQuorumDeadline: number;
  readonly beginQuorumPending: Set<NodeId>;
  beginQuorumResendAt: number;
  parked: ParkedFetch[] = [];
  readonly reads: ReadIndexTracker;
  private votersInForce: VoterSet;

  constructor(
    private readonly nodeId: NodeId,
    private readonly directoryId: DirectoryId,
    voters: VoterSet,
    epochStartOffset: number,
    private readonly checkQuorumTimeoutMs: number,
    now: number,
  ) {
    this.votersInForce = voters;
    this.epochStartOffset = epochStartOffset;
    this.checkQuorumDeadline = now + checkQuorumTimeoutMs;
    this.beginQuorumPending = new Set(voters.filter((v) => v.id !== nodeId).map((v) => v.id));
    this.beginQuorumResendAt = now;
    this.reads = new ReadIndexTracker(() => this.acksNeeded(), checkQuorumTimeoutMs / 3);
    for (const voter of voters) if (voter.id !== nodeId) this.replicas.set(voter.id, newProgress(voter.directoryId));
  }

  get voters(): VoterSet {
    return this.votersInForce;
  }

  /** The leader appended a VotersRecord: from now on quorums are counted in the new set. */
  setVoters(voters: VoterSet): void {
    this.votersInForce = voters;
    for (const id of this.beginQuorumPending) if (!voters.some((v) => v.id === id)) this.beginQuorumPending.delete(id);
    for (const id of this.fetchedVoters) if (!voters.some((v) => v.id === id)) this.fetchedVoters.delete(id);
  }

  isVoter(id: NodeId, directoryId: DirectoryId): boolean {
    return hasVoterKey(this.votersInForce, id, directoryId);
  }

  /** Whether the leader itself is a voter of the set in force (not when it is removing itself). */
  get leaderIsVoter(): boolean {
    return this.isVoter(this.nodeId, this.directoryId);
  }

  /** Voters other than the leader that must confirm something for a majority. */
  private acksNeeded(): number {
    return majorityOf(this.votersInForce.length) - (this.leaderIsVoter ? 1 : 0);
  }

  /** A valid Fetch acknowledges that the replica durably holds everything below its fetch offset. */
  recordFetch(now: number, replicaId: NodeId, directoryId: DirectoryId, fetchOffset: number, leaderEndOffset: number): void {
    let progress = this.replicas.get(replicaId);
    if (progress === undefined || progress.directoryId !== directoryId) {
      // A replica we have not heard of, or the same node id on a new disk: nothing it did before counts.
      progress = newProgress(directoryId);
      this.replicas.set(replicaId, progress);
    }
    if (fetchOffset >= leaderEndOffset) progress.lastCaughtUpTimestamp = now;
    else if (progress.lastFetchLeaderEndOffset > 0 && fetchOffset >= progress.lastFetchLeaderEndOffset) {
      // It reached where our log ended when it last fetched: it was caught up then.
      progress.lastCaughtUpTimestamp = Math.max(progress.lastCaughtUpTimestamp, progress.lastFetchTimestamp);
    }
    progress.endOffset = fetchOffset;
    progress.lastFetchTimestamp = now;
    progress.lastFetchLeaderEndOffset = leaderEndOffset;
  }

  /** Any fetch from a voter in this epoch proves it follows us: for check-quorum and BeginQuorumEpoch. */
  recordVoterContact(now: number, replicaId: NodeId, directoryId: DirectoryId): void {
    if (!this.isVoter(replicaId, directoryId) || replicaId === this.nodeId) return;
    this.beginQuorumPending.delete(replicaId);
    this.fetchedVoters.add(replicaId);
    if (this.fetchedVoters.size >= this.acksNeeded()) {
      this.fetchedVoters.clear();
      this.checkQuorumDeadline = now + this.checkQuorumTimeoutMs;
    }
  }

  /** A leader cut off from a majority must stop acting as one (KAFKA-15489). A sole voter never expires. */
  checkQuorumExpired(now: number): boolean {
    return !this.soleVoter && now >= this.checkQuorumDeadline;
  }

  get checkQuorumDeadlineMs(): number {
    return this.soleVoter ? Number.POSITIVE_INFINITY : this.checkQuorumDeadline;
  }

  private get soleVoter(): boolean {
    return this.votersInForce.length === 1 && this.leaderIsVoter;
  }

  /** End offsets of all voters, the leader counting its own durable end (if it is one). */
  voterEndOffsets(leaderFlushedEnd: number): number[] {
    return this.votersInForce.map((v) => {
      if (v.id === this.nodeId) return v.directoryId === this.directoryId ? leaderFlushedEnd : -1;
      const progress = this.replicas.get(v.id);
      return progress !== undefined && progress.directoryId === v.directoryId ? progress.endOffset : -1;
    });
  }

  /** AddRaftVoter's condition: the replica fetched with this key and was caught up within `windowMs`. */
  isCaughtUp(now: number, replicaId: NodeId, directoryId: DirectoryId, windowMs: number): boolean {
    const progress = this.replicas.get(replicaId);
    return progress !== undefined && progress.directoryId === directoryId && progress.lastCaughtUpTimestamp >= 0 && now - progress.lastCaughtUpTimestamp <= windowMs;
  }

  /** The directory id `replicaId` last fetched with, if it fetched. */
  directoryIdOf(replicaId: NodeId): DirectoryId | undefined {
    const progress = this.replicas.get(replicaId);
    return progress === undefined || progress.lastFetchTimestamp < 0 ? undefined : progress.directoryId;
  }

  hasNewsFor(replicaId: NodeId, highWatermark: number): boolean {
    return (this.replicas.get(replicaId)?.lastSentHighWatermark ?? -1) !== highWatermark;
  }

  markSent(replicaId: NodeId, highWatermark: number): void {
    const progress = this.replicas.get(replicaId);
    if (progress !== undefined) progress.lastSentHighWatermark = highWatermark;
  }

  /** Voters ordered by how far their logs reach, for EndQuorumEpoch's preferred successors. */
  preferredSuccessors(): NodeId[] {
    const offsets = this.voterEndOffsets(-1);
    const ends = new Map(this.votersInForce.map((v, i) => [v.id, offsets[i]!]));
    return this.votersInForce
      .map((v) => v.id)
      .filter((id) => id !== this.nodeId)
      .sort((a, b) => ends.get(b)! - ends.get(a)! || a - b);
  }

  describe(now: number, leaderEndOffset: number): { voters: ReplicaDescription[]; observers: ReplicaDescription[] } {
    const describeOne = (nodeId: NodeId, directoryId: DirectoryId): ReplicaDescription => {
      if (nodeId === this.nodeId) {
        return { nodeId, directoryId: this.directoryId, logEndOffset: leaderEndOffset, lastFetchTimestamp: now, lastCaughtUpTimestamp: now };
      }
      const p = this.replicas.get(nodeId);
      const known = p !== undefined && p.directoryId === directoryId;
      return {
        nodeId,
        directoryId,
        logEndOffset: known ? p.endOffset : -1,
        lastFetchTimestamp: known ? p.lastFetchTimestamp : -1,
        lastCaughtUpTimestamp: known ? p.lastCaughtUpTimestamp : -1,
      };
    };
    const observers = [...this.replicas.entries()]
      .filter(([id, p]) => !this.isVoter(id, p.directoryId) && id !== this.nodeId && p.lastFetchTimestamp >= 0)
      .sort(([a], [b]) => a - b);
    return {
      voters: this.votersInForce.map((v) => describeOne(v.id, v.directoryId)),
      observers: observers.map(([id, p]) => describeOne(id, p.directoryId)),
    };
  }
}

function newProgress(directoryId: DirectoryId): ReplicaProgress {
  return { directoryId, endOffset: -1, lastFetchTimestamp: -1, lastCaughtUpTimestamp: -1, lastFetchLeaderEndOffset: -1, lastSentHighWatermark: -1 };
}
