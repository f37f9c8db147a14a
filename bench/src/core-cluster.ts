import { INITIAL_ELECTION_STATE, NO_NODE, RaftCore, type LogBatch, type NodeId, type RaftMessage } from '@kz/raft';

interface Envelope {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly message: RaftMessage;
}

/** What each node's (imaginary) state machine has applied, to decide when to snapshot. */
interface Applied {
  end: number;
  epoch: number;
  bytesSinceSnapshot: number;
}

export interface CoreClusterOptions {
  readonly voters: readonly NodeId[];
  /** Snapshot (and so compact the in-memory log) after this many committed bytes, as RaftNode does. */
  readonly snapshotEveryBytes: number;
  /** Called for every batch the leader sees committed. */
  readonly onLeaderCommitted: (batch: LogBatch) => void;
}

/**
 * Pure RaftCores in one process joined by a FIFO message queue, with every persist acknowledged
 * the moment it is asked for: what is left to measure is the protocol's own cost (propose, Fetch
 * round trips, high-watermark advance, commit delivery), with no disk, no sockets and no codec.
 *
 * Time is the real clock, except that whenever nothing is queued the clock jumps to the next core
 * deadline: the first election then takes no wall time, while under load (where the queue never
 * empties) timers run at real speed.
 */
export class CoreCluster {
  private readonly cores = new Map<NodeId, RaftCore>();
  private readonly applied = new Map<NodeId, Applied>();
  private queue: Envelope[] = [];
  private head = 0;
  private skewMs = 0;
  private leader: NodeId = NO_NODE;

  constructor(private readonly options: CoreClusterOptions) {
    const now = this.now();
    for (const nodeId of options.voters) {
      const durable = { electionState: INITIAL_ELECTION_STATE, snapshot: null, batches: [] };
      this.cores.set(nodeId, RaftCore.start({ nodeId, voters: options.voters }, durable, now));
      this.applied.set(nodeId, { end: 0, epoch: 0, bytesSinceSnapshot: 0 });
    }
    for (const nodeId of options.voters) this.drive(nodeId);
  }

  now(): number {
    return performance.now() + this.skewMs;
  }

  get leaderId(): NodeId {
    return this.leader;
  }

  get queued(): number {
    return this.queue.length - this.head;
  }

  /** Proposes one batch on the leader; returns its last offset, or null if there is no leader. */
  propose(batch: Uint8Array): number | null {
    const core = this.cores.get(this.leader);
    if (core === undefined) return null;
    const result = core.propose(this.now(), [batch]);
    this.drive(this.leader);
    return result.ok ? result.lastOffset : null;
  }

  /** Delivers the oldest queued message; false when the queue is empty. */
  deliverOne(): boolean {
    if (this.head === this.queue.length) return false;
    const envelope = this.queue[this.head++]!;
    // Drop delivered slots now and then, so the array does not grow for the whole run.
    if (this.head > 4096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    const core = this.cores.get(envelope.to)!;
    core.receive(this.now(), envelope.from, envelope.message);
    this.drive(envelope.to);
    return true;
  }

  /** Ticks every core whose deadline has passed. */
  tickDue(): void {
    const now = this.now();
    for (const [nodeId, core] of this.cores) {
      if (core.nextDeadline() <= now) {
        core.tick(now);
        this.drive(nodeId);
      }
    }
  }

  /** With nothing queued, moves the clock to the earliest core deadline (see the class comment). */
  skipIdleTime(): void {
    if (this.queued > 0) return;
    let next = Number.POSITIVE_INFINITY;
    for (const core of this.cores.values()) next = Math.min(next, core.nextDeadline());
    const now = this.now();
    if (Number.isFinite(next) && next > now) this.skewMs += next - now;
  }

  /** Performs every Ready of one core, honouring the Ready contract with an instant disk. */
  private drive(nodeId: NodeId): void {
    const core = this.cores.get(nodeId)!;
    while (core.hasReady()) {
      const ready = core.takeReady();
      // The "disk" is done as soon as asked, so messages gated on persistence may leave at once.
      if (ready.persistId !== null) core.persisted(this.now(), ready.persistId);
      for (const out of ready.messages) this.queue.push({ from: nodeId, to: out.to, message: out.message });
      for (const out of ready.messagesAfterPersist) this.queue.push({ from: nodeId, to: out.to, message: out.message });
      if (ready.roleChange !== null) {
        if (ready.roleChange.role === 'leader') this.leader = nodeId;
        else if (this.leader === nodeId) this.leader = NO_NODE;
      }
      const applied = this.applied.get(nodeId)!;
      if (ready.loadSnapshot !== null) {
        applied.end = ready.loadSnapshot.id.offset;
        applied.epoch = ready.loadSnapshot.id.epoch;
        applied.bytesSinceSnapshot = 0;
      }
      for (const batch of ready.committed) {
        applied.end = batch.lastOffset + 1;
        applied.epoch = batch.epoch;
        applied.bytesSinceSnapshot += batch.bytes.length;
        if (nodeId === this.leader) this.options.onLeaderCommitted(batch);
      }
      this.maybeSnapshot(nodeId, core, applied);
    }
  }

  /**
   * Bounds memory the way a real node does: the state machine snapshots and the core drops the
   * log below it. The leader waits until every voter holds the snapshot's offsets, so no follower
   * is pushed onto FetchSnapshot by the benchmark itself.
   */
  private maybeSnapshot(nodeId: NodeId, core: RaftCore, applied: Applied): void {
    if (applied.bytesSinceSnapshot < this.options.snapshotEveryBytes) return;
    if (nodeId === this.leader) {
      const quorum = core.describeQuorum(this.now());
      if (quorum === null || quorum.voters.some((v) => v.logEndOffset < applied.end)) return;
    }
    core.snapshotCreated(this.now(), { id: { offset: applied.end, epoch: applied.epoch }, size: 0 });
    applied.bytesSinceSnapshot = 0;
  }
}
