import type { NodeId } from '@kz/raft';
import type { SeededRandom, SimNetwork } from '@kz/raft/testing';
import type { ControllerReply, ControllerRequest } from '../controller/controller-requests';

/** The admin client's address on the simulated network: not a Raft node, so no partition cuts it off. */
export const ADMIN_CLIENT: NodeId = 0;

/** A reply as the controller sent it, with the request it answers. */
export interface SentReply {
  readonly controller: NodeId;
  readonly from: NodeId;
  readonly request: ControllerRequest;
  readonly reply: ControllerReply;
  readonly sentAt: number;
  readonly repliedAt: number;
  /**
   * For a request that carries a broker epoch: the epoch of that broker's registration in the
   * committed log when the request was sent (null if it had none). An older epoch is a zombie's.
   */
  readonly registeredEpochAtSend: number | null;
}

export interface ChannelStats {
  sent: number;
  /** Requests lost: cut or lossy link, or the controller down when they arrived. */
  requestsLost: number;
  replies: number;
  /** Replies lost: cut or lossy link, or either end restarted or down when they arrived. */
  repliesLost: number;
}

export interface ChannelEnvironment {
  readonly network: SimNetwork;
  readonly random: SeededRandom;
  now(): number;
  schedule(at: number, label: string, run: () => void): void;
  /** The incarnation of a live endpoint, or null while it is down (the admin client is always up). */
  incarnationOf(node: NodeId): number | null;
  /** The broker epoch of a broker's registration in the committed log now, or null. */
  registeredEpoch(brokerId: NodeId): number | null;
  /** Hands a request to the controller running on `to`; false if none runs there. */
  deliver(to: NodeId, requestId: number, request: ControllerRequest): boolean;
}

interface Pending {
  readonly from: NodeId;
  readonly fromIncarnation: number;
  readonly to: NodeId;
  readonly toIncarnation: number;
  readonly request: ControllerRequest;
  readonly sentAt: number;
  readonly registeredEpochAtSend: number | null;
  readonly onReply: (reply: ControllerReply) => void;
}

/**
 * Controller RPCs over the simulated network (brokers' BrokerRegistration, BrokerHeartbeat and
 * AlterPartition; the admin client's requests). Like a connection, not like Raft's datagrams: a
 * request or reply is never duplicated, but it takes the link's random delay (so two in flight can
 * overtake each other), it is lost to the link's drop rate or a cut link — at sending and on
 * arrival — and it is lost when either end is down, or has restarted, by the time it arrives.
 * Nothing times out here: callers keep their own deadlines.
 */
export class SimControllerRpcs {
  private nextRequestId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly answered = new Set<number>();
  /** Replies the controllers sent since the invariants last looked (they take them). */
  private sentReplies: SentReply[] = [];
  /** Request ids a controller answered more than once. */
  private doubleAnswers: { readonly requestId: number; readonly controller: NodeId }[] = [];
  readonly stats: ChannelStats = { sent: 0, requestsLost: 0, replies: 0, repliesLost: 0 };

  constructor(private readonly env: ChannelEnvironment) {}

  /** Sends `request` from `from` to the controller on `to`; returns its request id. */
  send(from: NodeId, to: NodeId, request: ControllerRequest, onReply: (reply: ControllerReply) => void): number {
    const requestId = this.nextRequestId++;
    this.stats.sent++;
    const now = this.env.now();
    const fromIncarnation = this.env.incarnationOf(from);
    const toIncarnation = this.env.incarnationOf(to);
    if (fromIncarnation === null || toIncarnation === null || !this.survives(from, to)) {
      this.stats.requestsLost++;
      return requestId;
    }
    const registeredEpochAtSend = carriesBrokerEpoch(request) ? this.env.registeredEpoch(request.body.brokerId) : null;
    this.pending.set(requestId, { from, fromIncarnation, to, toIncarnation, request, sentAt: now, registeredEpochAtSend, onReply });
    this.env.schedule(now + this.delay(from, to), `rpc ${request.kind} #${requestId} ${from} -> ${to}`, () => {
      const pending = this.pending.get(requestId);
      if (pending === undefined) return;
      const alive = this.env.incarnationOf(to) === toIncarnation && this.env.incarnationOf(from) === fromIncarnation;
      if (!alive || this.env.network.isCut(from, to) || !this.env.deliver(to, requestId, request)) {
        this.pending.delete(requestId);
        this.stats.requestsLost++;
      }
    });
    return requestId;
  }

  /** A controller answers: the reply travels back to whoever asked. */
  reply(controller: NodeId, reply: ControllerReply): void {
    const now = this.env.now();
    if (this.answered.has(reply.requestId)) {
      this.doubleAnswers.push({ requestId: reply.requestId, controller });
      return;
    }
    const pending = this.pending.get(reply.requestId);
    if (pending === undefined || pending.to !== controller) return;
    this.answered.add(reply.requestId);
    this.pending.delete(reply.requestId);
    this.stats.replies++;
    this.sentReplies.push({
      controller,
      from: pending.from,
      request: pending.request,
      reply,
      sentAt: pending.sentAt,
      repliedAt: now,
      registeredEpochAtSend: pending.registeredEpochAtSend,
    });
    const { from, fromIncarnation, toIncarnation } = pending;
    if (!this.survives(controller, from)) {
      this.stats.repliesLost++;
      return;
    }
    this.env.schedule(now + this.delay(controller, from), `rpc reply #${reply.requestId} ${controller} -> ${from}`, () => {
      const alive = this.env.incarnationOf(from) === fromIncarnation && this.env.incarnationOf(controller) === toIncarnation;
      if (!alive || this.env.network.isCut(controller, from)) {
        this.stats.repliesLost++;
        return;
      }
      pending.onReply(reply);
    });
  }

  /** A controller crashed: whatever it was asked is never answered. */
  forgetRequestsTo(controller: NodeId): void {
    for (const [id, p] of this.pending) if (p.to === controller) this.pending.delete(id);
  }

  /** The replies sent since the last call, and the requests answered twice. */
  takeObservations(): { readonly replies: readonly SentReply[]; readonly doubleAnswers: readonly { readonly requestId: number; readonly controller: NodeId }[] } {
    const out = { replies: this.sentReplies, doubleAnswers: this.doubleAnswers };
    this.sentReplies = [];
    this.doubleAnswers = [];
    return out;
  }

  private survives(from: NodeId, to: NodeId): boolean {
    if (this.env.network.isCut(from, to)) return false;
    return !this.env.random.chance(this.env.network.ruleFor(from, to).dropRate);
  }

  private delay(from: NodeId, to: NodeId): number {
    const rule = this.env.network.ruleFor(from, to);
    return this.env.random.int(rule.minDelayMs, rule.maxDelayMs);
  }
}

/** The requests a broker makes in the name of one registration: they carry its broker epoch. */
export type BrokerEpochRequest = Extract<ControllerRequest, { readonly kind: 'brokerHeartbeat' | 'alterPartition' | 'allocateProducerIds' }>;

export function carriesBrokerEpoch(request: ControllerRequest): request is BrokerEpochRequest {
  return request.kind === 'brokerHeartbeat' || request.kind === 'alterPartition' || request.kind === 'allocateProducerIds';
}
