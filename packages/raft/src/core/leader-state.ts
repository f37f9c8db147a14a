import { majorityOf, type NodeId } from './config';
import type { FetchRequest } from './messages';
import { ReadIndexTracker } from './read-index';
import type { ReplicaDescription } from './status';

interface ReplicaProgress {
  endOffset: number;
  lastFetchTimestamp: number;
  lastCaughtUpTimestamp: number;
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
 * fetches waiting for new data.
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

  constructor(
    private readonly nodeId: NodeId,
    private readonly voters: readonly NodeId[],
    epochStartOffset: number,
    private readonly checkQuorumTimeoutMs: number,
    now: number,
  ) {
    this.epochStartOffset = epochStartOffset;
    this.checkQuorumDeadline = now + checkQuorumTimeoutMs;
    this.beginQuorumPending = new Set(voters.filter((v) => v !== nodeId));
    this.beginQuorumResendAt = now;
    this.reads = new ReadIndexTracker(majorityOf(voters.length), checkQuorumTimeoutMs / 3);
    for (const voter of voters) {
      if (voter !== nodeId) this.replicas.set(voter, { endOffset: -1, lastFetchTimestamp: -1, lastCaughtUpTimestamp: -1, lastSentHighWatermark: -1 });
    }
  }

  isVoter(id: NodeId): boolean {
    return this.voters.includes(id);
  }

  /** A valid Fetch acknowledges that the replica durably holds everything below its fetch offset. */
  recordFetch(now: number, replicaId: NodeId, fetchOffset: number, leaderEndOffset: number): void {
    let progress = this.replicas.get(replicaId);
    if (progress === undefined) {
      progress = { endOffset: -1, lastFetchTimestamp: -1, lastCaughtUpTimestamp: -1, lastSentHighWatermark: -1 };
      this.replicas.set(replicaId, progress);
    }
    progress.endOffset = fetchOffset;
    progress.lastFetchTimestamp = now;
    if (fetchOffset >= leaderEndOffset) progress.lastCaughtUpTimestamp = now;
  }

  /** Any fetch from a voter in this epoch proves it follows us: for check-quorum and BeginQuorumEpoch. */
  recordVoterContact(now: number, replicaId: NodeId): void {
    if (!this.isVoter(replicaId) || replicaId === this.nodeId) return;
    this.beginQuorumPending.delete(replicaId);
    this.fetchedVoters.add(replicaId);
    if (this.fetchedVoters.size >= majorityOf(this.voters.length) - 1) {
      this.fetchedVoters.clear();
      this.checkQuorumDeadline = now + this.checkQuorumTimeoutMs;
    }
  }

  /** A leader cut off from a majority must stop acting as one (KAFKA-15489). Single voters never expire. */
  checkQuorumExpired(now: number): boolean {
    return this.voters.length > 1 && now >= this.checkQuorumDeadline;
  }

  get checkQuorumDeadlineMs(): number {
    return this.voters.length > 1 ? this.checkQuorumDeadline : Number.POSITIVE_INFINITY;
  }

  /** End offsets of all voters, the leader counting its own durable end. */
  voterEndOffsets(leaderFlushedEnd: number): number[] {
    return this.voters.map((v) => (v === this.nodeId ? leaderFlushedEnd : (this.replicas.get(v)?.endOffset ?? -1)));
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
    return this.voters
      .filter((v) => v !== this.nodeId)
      .sort((a, b) => (this.replicas.get(b)?.endOffset ?? -1) - (this.replicas.get(a)?.endOffset ?? -1) || a - b);
  }

  describe(now: number, leaderEndOffset: number): { voters: ReplicaDescription[]; observers: ReplicaDescription[] } {
    const describeOne = (nodeId: NodeId): ReplicaDescription => {
      if (nodeId === this.nodeId) {
        return { nodeId, logEndOffset: leaderEndOffset, lastFetchTimestamp: now, lastCaughtUpTimestamp: now };
      }
      const p = this.replicas.get(nodeId);
      return {
        nodeId,
        logEndOffset: p?.endOffset ?? -1,
        lastFetchTimestamp: p?.lastFetchTimestamp ?? -1,
        lastCaughtUpTimestamp: p?.lastCaughtUpTimestamp ?? -1,
      };
    };
    const observers = [...this.replicas.keys()].filter((id) => !this.isVoter(id)).sort((a, b) => a - b);
    return { voters: this.voters.map(describeOne), observers: observers.map(describeOne) };
  }
}
