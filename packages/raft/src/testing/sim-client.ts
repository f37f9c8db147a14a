import type { NodeId } from '../core/config';
import { NotLeaderError } from '../core/errors';
import type { RaftNode } from '../runtime/raft-node';
import { encodeProposal, proposalRecords } from './proposal-batch';
import type { SeededRandom } from './seeded-random';

/** Client timing, as a real client would configure it. */
export const CLIENT_RETRY_BACKOFF_MS = 20;
/** After NOT_LEADER with no leader known an election is under way: wait a little longer. */
export const CLIENT_NO_LEADER_BACKOFF_MS = 100;
/** Backoffs double with every failed attempt of a request, up to this (Kafka's retry.backoff.max.ms, KIP-580). */
export const CLIENT_MAX_BACKOFF_MS = 1000;
/** A request not acknowledged within this is abandoned (RequestTimedOutError) and sent again as new batches. */
export const CLIENT_REQUEST_TIMEOUT_MS = 3000;
/** A request still unacknowledged this long after it was first sent is given up (cf. Kafka's delivery.timeout.ms). */
export const CLIENT_GIVE_UP_AFTER_MS = 30_000;

/** What the client calls on a node: RaftNode's own API, nothing simulated. */
export type ClientTarget = Pick<RaftNode, 'propose' | 'proposeBatch' | 'readBarrier'>;

export interface ClientRequest {
  readonly requestId: number;
  /** One proposal id per batch, fresh for each attempt that failed. */
  readonly ids: readonly number[];
  readonly recordsPerBatch: number;
  readonly attempt: number;
  readonly firstSentAt: number;
}

/** A proposal RaftNode reported committed (its promise resolved): what must never be lost. */
export interface Acknowledgement {
  readonly id: number;
  readonly requestId: number;
  readonly node: NodeId;
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly epoch: number;
  readonly sentAt: number;
  readonly ackedAt: number;
}

/** A ReadIndex read RaftNode answered: the invariants check it was linearizable. */
export interface CompletedRead {
  readonly node: NodeId;
  readonly askedAt: number;
  /** The highest offset known committed anywhere when the read was asked: the read point may not be below it. */
  readonly committedAtAsk: number;
  readonly readPoint: number;
  readonly answeredAt: number;
  /** The highest offset known committed anywhere when the answer came: the read point may not be above it. */
  readonly committedAtAnswer: number;
  /** What the node had applied when it answered: at least the read point. */
  readonly appliedAtAnswer: number;
}

export interface ClientEnvironment {
  readonly nodeIds: readonly NodeId[];
  /** The node's running RaftNode; null while it is down (the connection is refused). */
  target(node: NodeId): ClientTarget | null;
  /** What `node` has applied (RaftNode.appliedOffset); 0 while it is down. */
  appliedOffset(node: NodeId): number;
  /** The highest offset known committed anywhere in the cluster right now. */
  committedEnd(): number;
  now(): number;
  /** Runs `run` at `at`. */
  schedule(at: number, run: () => void): void;
  trace(text: string): void;
}

export interface ClientStats {
  requests: number;
  attempts: number;
  notLeader: number;
  refused: number;
  lost: number;
  timedOut: number;
  gaveUp: number;
  readsAsked: number;
  readsAnswered: number;
  readsFailed: number;
}

/** One attempt of a request: the node it went to and the batches still unanswered. */
interface Attempt {
  readonly request: ClientRequest;
  readonly node: NodeId;
  readonly outstanding: Set<number>;
  readonly failed: number[];
  hint: NodeId | null;
}

/**
 * The client of the replicated log, modelled on a real one: it knows the node ids but not the
 * leader; it sends to the node it believes leads (at first a random one), learns the leader from
 * NotLeaderError, and retries refused and failed requests after a backoff, as new batches. It calls
 * RaftNode's own API — `propose` (records that RaftNode groups with the turn's other proposals into
 * one batch) or `proposeBatch` (a batch of its own), at random — and takes a write as acknowledged
 * exactly when RaftNode resolves its promise. Acknowledged writes are what must never be lost.
 *
 * It also asks for linearizable reads (`read`, RaftNode's readBarrier) and keeps what they answered.
 */
export class SimClient {
  private believedLeader: NodeId | null = null;
  private nextId = 1;
  private nextRequestId = 1;
  private readonly ackedRequests = new Set<number>();
  /** The attempt in progress per request: an answer to an older one is stale. */
  private readonly current = new Map<number, Attempt>();
  readonly acknowledged: Acknowledgement[] = [];
  /** Reads answered since the simulation last looked (it clears them after each step). */
  readonly reads: CompletedRead[] = [];
  readonly stats: ClientStats = {
    requests: 0,
    attempts: 0,
    notLeader: 0,
    refused: 0,
    lost: 0,
    timedOut: 0,
    gaveUp: 0,
    readsAsked: 0,
    readsAnswered: 0,
    readsFailed: 0,
  };

  constructor(
    private readonly env: ClientEnvironment,
    private readonly random: SeededRandom,
  ) {}

  get leaderHint(): NodeId | null {
    return this.believedLeader;
  }

  /**
   * Starts a request of `batchCount` proposals of `recordsPerBatch` records each, to the node the
   * client believes leads — or to `to`, when the caller knows better (the liveness check).
   */
  submit(batchCount: number, recordsPerBatch: number, to?: NodeId): ClientRequest {
    this.stats.requests++;
    if (to !== undefined) this.believedLeader = to;
    const request: ClientRequest = {
      requestId: this.nextRequestId++,
      ids: this.freshIds(batchCount),
      recordsPerBatch,
      attempt: 1,
      firstSentAt: this.env.now(),
    };
    this.attempt(request);
    return request;
  }

  isAcknowledged(request: ClientRequest): boolean {
    return this.ackedRequests.has(request.requestId);
  }

  /** A linearizable read: a read barrier on the node believed to lead (or `to`). */
  read(to?: NodeId): void {
    const node = to ?? this.believedLeader ?? this.random.pick(this.env.nodeIds);
    const target = this.env.target(node);
    this.stats.readsAsked++;
    if (target === null) {
      this.stats.readsFailed++;
      return;
    }
    const askedAt = this.env.now();
    const committedAtAsk = this.env.committedEnd();
    target.readBarrier({ timeoutMs: CLIENT_REQUEST_TIMEOUT_MS }).then(
      (readPoint) => {
        this.stats.readsAnswered++;
        const answer = { node, askedAt, committedAtAsk, readPoint, answeredAt: this.env.now() };
        this.reads.push({ ...answer, committedAtAnswer: this.env.committedEnd(), appliedAtAnswer: this.env.appliedOffset(node) });
        this.env.trace(`client: read on node ${node} answered at offset ${readPoint} (asked when ${committedAtAsk} was committed)`);
      },
      (error: unknown) => {
        this.stats.readsFailed++;
        if (error instanceof NotLeaderError) this.believedLeader = error.leaderId >= 0 ? error.leaderId : null;
      },
    );
  }

  /** The node went down: whatever it was asked will never be answered, so those requests go elsewhere. */
  nodeLost(node: NodeId): void {
    const lost = [...this.current.values()].filter((attempt) => attempt.node === node && attempt.outstanding.size > 0);
    if (lost.length === 0) return;
    if (this.believedLeader === node) this.believedLeader = null;
    for (const attempt of lost) {
      this.stats.lost++;
      this.retry(attempt.request, [...attempt.failed, ...attempt.outstanding], CLIENT_RETRY_BACKOFF_MS);
    }
  }

  private attempt(request: ClientRequest): void {
    if (this.ackedRequests.has(request.requestId)) return;
    const now = this.env.now();
    if (now - request.firstSentAt > CLIENT_GIVE_UP_AFTER_MS) {
      this.stats.gaveUp++;
      this.current.delete(request.requestId);
      return;
    }
    this.stats.attempts++;
    const node = this.believedLeader ?? this.random.pick(this.env.nodeIds);
    const target = this.env.target(node);
    if (target === null) {
      this.stats.refused++;
      this.believedLeader = null;
      this.retry(request, request.ids, CLIENT_RETRY_BACKOFF_MS);
      return;
    }
    const attempt: Attempt = { request, node, outstanding: new Set(request.ids), failed: [], hint: null };
    this.current.set(request.requestId, attempt);
    const options = { timeoutMs: CLIENT_REQUEST_TIMEOUT_MS };
    for (const id of request.ids) {
      const proposal = this.random.chance(0.5)
        ? target.propose(proposalRecords(id, request.recordsPerBatch), options)
        : target.proposeBatch(encodeProposal(id, request.recordsPerBatch), options);
      proposal.then(
        (committed) => {
          if (this.current.get(request.requestId) !== attempt) return;
          attempt.outstanding.delete(id);
          const ack: Acknowledgement = { id, requestId: request.requestId, node, ...committed, sentAt: now, ackedAt: this.env.now() };
          this.acknowledged.push(ack);
          this.env.trace(`client: proposal #${id} acknowledged by node ${node} (offset ${ack.baseOffset}, epoch ${ack.epoch}, ${ack.ackedAt - now}ms)`);
          this.settled(attempt);
        },
        (error: unknown) => {
          if (this.current.get(request.requestId) !== attempt) return;
          attempt.outstanding.delete(id);
          attempt.failed.push(id);
          if (error instanceof NotLeaderError) {
            this.stats.notLeader++;
            attempt.hint = error.leaderId >= 0 && error.leaderId !== node ? error.leaderId : null;
          } else if (error instanceof Error && error.name === 'RequestTimedOutError') {
            this.stats.timedOut++;
          }
          this.settled(attempt);
        },
      );
    }
    this.believedLeader = node;
  }

  /** One batch of `attempt` was answered; once all are, the request is done or retried for what failed. */
  private settled(attempt: Attempt): void {
    if (attempt.outstanding.size > 0) return;
    const { request } = attempt;
    if (attempt.failed.length === 0) {
      this.ackedRequests.add(request.requestId);
      this.current.delete(request.requestId);
      return;
    }
    if (this.believedLeader === attempt.node) this.believedLeader = attempt.hint;
    this.retry(request, attempt.failed, this.believedLeader === null ? CLIENT_NO_LEADER_BACKOFF_MS : CLIENT_RETRY_BACKOFF_MS);
  }

  /** Sends what failed again, as new proposals (an old one may still commit: that write is simply unacknowledged). */
  private retry(request: ClientRequest, failed: readonly number[], backoffMs: number): void {
    const next: ClientRequest = { ...request, ids: this.freshIds(failed.length), attempt: request.attempt + 1 };
    // From here on, answers to the attempt that failed are stale.
    this.current.delete(request.requestId);
    const backoff = Math.min(CLIENT_MAX_BACKOFF_MS, backoffMs * 2 ** Math.min(10, request.attempt - 1));
    this.env.schedule(this.env.now() + backoff, () => this.attempt(next));
  }

  private freshIds(count: number): number[] {
    return Array.from({ length: Math.max(1, count) }, () => this.nextId++);
  }
}
