import { readBatchHeader } from '@kz/records';
import type { NodeId } from '../core/config';
import type { LogBatch } from '../core/log-batch';
import type { ProposeResult } from '../core/raft-core';
import { encodeProposal, fingerprint } from './proposal-batch';
import type { SeededRandom } from './seeded-random';

/** Client timing, as a real client would configure it. */
export const CLIENT_RETRY_BACKOFF_MS = 20;
/** After NOT_LEADER with no leader known an election is under way: wait a little longer. */
export const CLIENT_NO_LEADER_BACKOFF_MS = 100;
/** A request not acknowledged within this is abandoned and sent again (as new batches). */
export const CLIENT_REQUEST_TIMEOUT_MS = 3000;
/** A request still unacknowledged this long after it was first sent is given up (cf. Kafka's delivery.timeout.ms). */
export const CLIENT_GIVE_UP_AFTER_MS = 30_000;

export interface ClientRequest {
  readonly requestId: number;
  /** One proposal id per batch, fresh for each attempt that timed out. */
  readonly ids: readonly number[];
  readonly recordsPerBatch: number;
  readonly attempt: number;
  readonly firstSentAt: number;
}

export interface Acknowledgement {
  readonly id: number;
  readonly requestId: number;
  readonly node: NodeId;
  readonly baseOffset: number;
  readonly epoch: number;
  readonly sentAt: number;
  readonly ackedAt: number;
}

export interface ClientEnvironment {
  readonly nodeIds: readonly NodeId[];
  /** null when the node is down (connection refused). */
  propose(node: NodeId, now: number, batches: readonly Uint8Array[]): ProposeResult | null;
  /** Run `attempt(request)` again at `at`. */
  scheduleAttempt(at: number, request: ClientRequest): void;
  /** Call `timedOut(request)` at `at`. */
  scheduleTimeout(at: number, request: ClientRequest): void;
  trace(now: number, text: string): void;
}

interface Pending {
  readonly id: number;
  readonly request: ClientRequest;
  readonly fingerprint: number;
  readonly sentAt: number;
}

export interface ClientStats {
  requests: number;
  attempts: number;
  notLeader: number;
  refused: number;
  accepted: number;
  timedOut: number;
  gaveUp: number;
}

/**
 * The client of the replicated log, modelled on a real one: it knows the node ids but not the
 * leader; it sends to the node it believes leads (at first a random one), learns the leader from
 * NOT_LEADER_OR_FOLLOWER errors, retries refused and rejected requests after a backoff, and takes a
 * write as acknowledged only when the node that accepted it reports that batch committed at the
 * (offset, epoch) it was given. Acknowledged writes are what must never be lost.
 */
export class SimClient {
  private believedLeader: NodeId | null = null;
  private nextId = 1;
  private nextRequestId = 1;
  /** Keyed by `${node}:${baseOffset}:${epoch}`. */
  private readonly pending = new Map<string, Pending>();
  private readonly ackedRequests = new Set<number>();
  /** The attempt in progress per request: a timeout or failure of an older attempt is stale. */
  private readonly currentAttempt = new Map<number, number>();
  readonly acknowledged: Acknowledgement[] = [];
  readonly stats: ClientStats = { requests: 0, attempts: 0, notLeader: 0, refused: 0, accepted: 0, timedOut: 0, gaveUp: 0 };

  constructor(
    private readonly env: ClientEnvironment,
    private readonly random: SeededRandom,
  ) {}

  get leaderHint(): NodeId | null {
    return this.believedLeader;
  }

  /**
   * Starts a request of `batchCount` batches of `recordsPerBatch` records each, to the node the
   * client believes leads — or to `to`, when the caller knows better (the liveness check).
   */
  submit(now: number, batchCount: number, recordsPerBatch: number, to?: NodeId): ClientRequest {
    this.stats.requests++;
    if (to !== undefined) this.believedLeader = to;
    const request: ClientRequest = {
      requestId: this.nextRequestId++,
      ids: this.freshIds(batchCount),
      recordsPerBatch,
      attempt: 1,
      firstSentAt: now,
    };
    this.attempt(now, request);
    return request;
  }

  isAcknowledged(request: ClientRequest): boolean {
    return this.ackedRequests.has(request.requestId);
  }

  attempt(now: number, request: ClientRequest): void {
    if (this.ackedRequests.has(request.requestId)) return;
    if ((this.currentAttempt.get(request.requestId) ?? 0) > request.attempt) return;
    this.currentAttempt.set(request.requestId, request.attempt);
    if (now - request.firstSentAt > CLIENT_GIVE_UP_AFTER_MS) {
      this.stats.gaveUp++;
      return;
    }
    this.stats.attempts++;
    const node = this.believedLeader ?? this.random.pick(this.env.nodeIds);
    const batches = request.ids.map((id) => encodeProposal(id, request.recordsPerBatch));
    const result = this.env.propose(node, now, batches);
    const retry = (delay: number): void => this.env.scheduleAttempt(now + delay, { ...request, attempt: request.attempt + 1 });
    if (result === null) {
      this.stats.refused++;
      this.believedLeader = null;
      retry(CLIENT_RETRY_BACKOFF_MS);
      return;
    }
    if (!result.ok) {
      this.stats.notLeader++;
      const hint = result.error.leaderId;
      this.believedLeader = hint >= 0 && hint !== node ? hint : null;
      retry(this.believedLeader === null ? CLIENT_NO_LEADER_BACKOFF_MS : CLIENT_RETRY_BACKOFF_MS);
      return;
    }
    this.stats.accepted++;
    this.believedLeader = node;
    // The leader stamped offset and epoch into our buffers; that is what it must commit.
    for (const [i, bytes] of batches.entries()) {
      const header = readBatchHeader(bytes);
      const id = request.ids[i] ?? -1;
      this.pending.set(`${node}:${header.baseOffset}:${header.partitionLeaderEpoch}`, {
        id,
        request,
        fingerprint: fingerprint(bytes),
        sentAt: now,
      });
    }
    this.env.trace(now, `client: node ${node} accepted proposal ${describeIds(request.ids)} at offset ${result.baseOffset} (epoch ${result.epoch})`);
    this.env.scheduleTimeout(now + CLIENT_REQUEST_TIMEOUT_MS, request);
  }

  /** The accepting node never confirmed: send the writes again as new batches, rediscovering the leader. */
  timedOut(now: number, request: ClientRequest): void {
    if (this.ackedRequests.has(request.requestId) || this.currentAttempt.get(request.requestId) !== request.attempt) return;
    this.stats.timedOut++;
    this.believedLeader = null;
    this.attempt(now, { ...request, ids: this.freshIds(request.ids.length), attempt: request.attempt + 1 });
  }

  /**
   * The node stopped leading (or crashed) with our writes pending: as a real runtime fails pending
   * proposals with NOT_LEADER when leadership is lost, they fail now. They may still commit — that
   * is an unacknowledged write, which is allowed — but the client retries them as new batches.
   */
  leadershipLost(now: number, node: NodeId): void {
    const failed = new Map<number, ClientRequest>();
    for (const [key, pending] of this.pending) {
      if (!key.startsWith(`${node}:`)) continue;
      this.pending.delete(key);
      const request = pending.request;
      if (!this.ackedRequests.has(request.requestId) && this.currentAttempt.get(request.requestId) === request.attempt) {
        failed.set(request.requestId, request);
      }
    }
    if (failed.size === 0) return;
    if (this.believedLeader === node) this.believedLeader = null;
    for (const request of failed.values()) {
      this.stats.notLeader++;
      const retry: ClientRequest = { ...request, ids: this.freshIds(request.ids.length), attempt: request.attempt + 1 };
      this.currentAttempt.set(request.requestId, retry.attempt);
      this.env.scheduleAttempt(now + CLIENT_RETRY_BACKOFF_MS, retry);
    }
  }

  /** A node's state machine received a committed batch; if it is one of ours from that node, it is acknowledged. */
  onCommitted(node: NodeId, batch: LogBatch, now: number): Acknowledgement | null {
    const key = `${node}:${batch.baseOffset}:${batch.epoch}`;
    const pending = this.pending.get(key);
    if (pending === undefined) return null;
    this.pending.delete(key);
    if (pending.fingerprint !== fingerprint(batch.bytes)) return null;
    const ack: Acknowledgement = {
      id: pending.id,
      requestId: pending.request.requestId,
      node,
      baseOffset: batch.baseOffset,
      epoch: batch.epoch,
      sentAt: pending.sentAt,
      ackedAt: now,
    };
    this.acknowledged.push(ack);
    this.ackedRequests.add(pending.request.requestId);
    return ack;
  }

  private freshIds(count: number): number[] {
    return Array.from({ length: Math.max(1, count) }, () => this.nextId++);
  }
}

function describeIds(ids: readonly number[]): string {
  return ids.length === 1 ? `#${ids[0]}` : `#${ids[0]}..#${ids[ids.length - 1]}`;
}
