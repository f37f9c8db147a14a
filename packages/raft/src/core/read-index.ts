import type { NodeId } from './config';

interface ConfirmationRound {
  /** Responses to requests older than this prove nothing about the time the reads arrived. */
  readonly firstRequestId: number;
  readonly startedAt: number;
  readonly acks: Set<NodeId>;
  readonly readIds: number[];
}

/**
 * Linearizable reads without writing to the log (Raft's ReadIndex, thesis §6.4). A read that
 * arrives at time t may be served at the high watermark once the leader has proved it was still
 * the leader after t: it sends a fresh BeginQuorumEpoch round and waits for a majority to
 * acknowledge requests sent after t (request ids are increasing, so an old acknowledgement, even
 * duplicated or late, cannot count). Reads that arrive while a round is out wait for the next.
 * The read point is also held back until the leader has committed a batch of its own epoch, or
 * it could predate writes a previous leader committed.
 */
export class ReadIndexTracker {
  private round: ConfirmationRound | null = null;
  private waiting: number[] = [];
  private confirmed: number[] = [];

  /**
   * `acksNeeded`: how many voters besides the leader make a majority — read at every use, since the
   * voter set can change during a tenure (KIP-853).
   */
  constructor(
    private readonly acksNeeded: () => number,
    private readonly roundTimeoutMs: number,
  ) {}

  /** Registers a read; returns true when a confirmation round must start now. */
  add(readId: number): boolean {
    if (this.acksNeeded() <= 0) {
      this.confirmed.push(readId);
      return false;
    }
    this.waiting.push(readId);
    return this.round === null;
  }

  /** Starts a round for every waiting read; the caller sends the requests from `firstRequestId` on. */
  startRound(now: number, firstRequestId: number): void {
    this.round = { firstRequestId, startedAt: now, acks: new Set(), readIds: this.waiting };
    this.waiting = [];
  }

  /** A voter acknowledged our leadership in a response to request `requestId`. */
  acknowledge(from: NodeId, requestId: number): boolean {
    const round = this.round;
    if (round === null || requestId < round.firstRequestId) return false;
    round.acks.add(from);
    if (round.acks.size < this.acksNeeded()) return false;
    this.confirmed.push(...round.readIds);
    this.round = null;
    return this.waiting.length > 0;
  }

  /** A round whose messages were lost is retried, keeping its reads. */
  roundExpired(now: number): boolean {
    if (this.round === null || now < this.round.startedAt + this.roundTimeoutMs) return false;
    this.waiting = [...this.round.readIds, ...this.waiting];
    this.round = null;
    return true;
  }

  get roundDeadline(): number {
    return this.round === null ? Number.POSITIVE_INFINITY : this.round.startedAt + this.roundTimeoutMs;
  }

  takeConfirmed(): number[] {
    const out = this.confirmed;
    this.confirmed = [];
    return out;
  }

  /** Every read not yet answered, when leadership ends. */
  takeAll(): number[] {
    const out = [...(this.round?.readIds ?? []), ...this.waiting, ...this.confirmed];
    this.round = null;
    this.waiting = [];
    this.confirmed = [];
    return out;
  }
}
