/**
 * RaftTransport between nodes of one process, for examples and runtime tests: no sockets, no
 * encoding, messages passed by reference. (The deterministic simulator has its own network on a
 * simulated clock; this one runs on the real event loop.)
 *
 * It keeps the semantics of GrpcRaftTransport that a node can observe:
 * - delivery is asynchronous — on a later macrotask (setImmediate), never inside `send`;
 * - a response reaches only the incarnation of the node that sent the request, and only while that
 *   request is still waiting (not after `requestTimeoutMs`, not twice, not after a restart);
 * - anything undeliverable is dropped silently.
 * A hook sees every message and may drop or delay it, so tests can cut links or slow them.
 * Messages are not copied: receivers must not mutate them (the core never does).
 */
import type { NodeId } from '../core/config';
import type { RaftMessage } from '../core/messages';
import type { QuorumDescription } from '../core/status';
import { isRaftResponse, rpcOf, type RaftRpcName } from './raft-rpc';
import type { RaftTransport, RaftTransportHandlers } from './raft-transport';
import { TransportStateError } from './transport-errors';

export interface InMemoryEnvelope {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly message: RaftMessage;
}

/** What happens to one message: delivered on the next macrotask, dropped, or delivered after a delay. */
export type InMemoryFate = 'deliver' | 'drop' | { readonly delayMs: number };

export type InMemoryHook = (envelope: InMemoryEnvelope) => InMemoryFate;

export interface InMemoryRaftNetworkOptions {
  readonly hook?: InMemoryHook;
  /** How long a delivered request can still be answered, as GrpcRaftTransport's requestTimeoutMs; default 2000. */
  readonly requestTimeoutMs?: number;
}

export interface InMemoryNetworkStats {
  readonly delivered: number;
  /** Dropped by the hook. */
  readonly droppedByHook: number;
  /** Dropped because the receiver was unknown, not started, closed or restarted. */
  readonly droppedUnreachable: number;
  /** Responses with no waiting request (expired, answered already, or never asked). */
  readonly droppedNoPendingCall: number;
}

interface WaitingRequest {
  readonly requester: InMemoryRaftTransport;
  readonly rpc: RaftRpcName;
  readonly expiresAt: number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 2000;

export class InMemoryRaftNetwork {
  private hook: InMemoryHook | undefined;
  readonly requestTimeoutMs: number;
  /** The current incarnation of each node. */
  private readonly nodes = new Map<NodeId, InMemoryRaftTransport>();
  /** Deliveries not yet run, kept apart: clearImmediate on a Timeout (or the reverse) corrupts Node's timer lists. */
  private readonly immediates = new Set<NodeJS.Immediate>();
  private readonly timeouts = new Set<NodeJS.Timeout>();
  private readonly counters = { delivered: 0, droppedByHook: 0, droppedUnreachable: 0, droppedNoPendingCall: 0 };

  constructor(options: InMemoryRaftNetworkOptions = {}) {
    this.hook = options.hook;
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  }

  /**
   * The transport of `nodeId`. A node restarts by closing its transport and asking for a new one;
   * the new incarnation never receives what was meant for the old one.
   */
  transport(nodeId: NodeId): RaftTransport {
    const current = this.nodes.get(nodeId);
    if (current !== undefined && !current.isClosed) {
      throw new TransportStateError(`node ${nodeId} already has an open in-memory transport`);
    }
    const transport = new InMemoryRaftTransport(this, nodeId);
    this.nodes.set(nodeId, transport);
    return transport;
  }

  /** Replaces the hook (undefined: deliver everything). Applies to messages sent from now on. */
  setHook(hook: InMemoryHook | undefined): void {
    this.hook = hook;
  }

  /** DescribeQuorum against a node, as an admin client would ask it; null when it is not the leader or not running. */
  describeQuorum(nodeId: NodeId): QuorumDescription | null {
    return this.nodes.get(nodeId)?.describeQuorum() ?? null;
  }

  stats(): InMemoryNetworkStats {
    return { ...this.counters };
  }

  /** Closes every transport and cancels every delivery still scheduled. */
  async close(): Promise<void> {
    for (const immediate of this.immediates) clearImmediate(immediate);
    for (const timeout of this.timeouts) clearTimeout(timeout);
    this.immediates.clear();
    this.timeouts.clear();
    await Promise.all([...this.nodes.values()].map((node) => node.close()));
  }

  /** @internal Called by a transport's send. */
  route(sender: InMemoryRaftTransport, to: NodeId, message: RaftMessage): void {
    let receiver: InMemoryRaftTransport | undefined;
    if (isRaftResponse(message)) {
      receiver = sender.takeWaitingRequester(to, message.requestId, rpcOf(message));
      if (receiver === undefined) {
        this.counters.droppedNoPendingCall += 1;
        return;
      }
    } else {
      receiver = this.nodes.get(to);
      if (receiver === undefined) {
        this.counters.droppedUnreachable += 1;
        return;
      }
    }
    const fate = this.hook === undefined ? 'deliver' : this.hook({ from: sender.nodeId, to, message });
    if (fate === 'drop') {
      this.counters.droppedByHook += 1;
      return;
    }
    const target = receiver;
    const run = (): void => {
      if (target.accept(sender, message)) this.counters.delivered += 1;
      else this.counters.droppedUnreachable += 1;
    };
    if (fate === 'deliver') {
      const immediate = setImmediate(() => {
        this.immediates.delete(immediate);
        run();
      });
      this.immediates.add(immediate);
    } else {
      const timeout = setTimeout(() => {
        this.timeouts.delete(timeout);
        run();
      }, Math.max(0, fate.delayMs));
      this.timeouts.add(timeout);
    }
  }
}

class InMemoryRaftTransport implements RaftTransport {
  private state: 'new' | 'running' | 'closed' = 'new';
  private handlers: RaftTransportHandlers | undefined;
  /** Requests delivered here and not answered yet, by `${from}/${requestId}`, oldest first. */
  private readonly waiting = new Map<string, WaitingRequest>();

  constructor(
    private readonly network: InMemoryRaftNetwork,
    readonly nodeId: NodeId,
  ) {}

  get isClosed(): boolean {
    return this.state === 'closed';
  }

  async start(handlers: RaftTransportHandlers): Promise<void> {
    if (this.state !== 'new') throw new TransportStateError(`in-memory transport of node ${this.nodeId} cannot start: it is ${this.state}`);
    this.handlers = handlers;
    this.state = 'running';
  }

  send(to: NodeId, message: RaftMessage): void {
    if (this.state === 'running') this.network.route(this, to, message);
  }

  addressOf(nodeId: NodeId): string | undefined {
    return `memory:${nodeId}`;
  }

  async close(): Promise<void> {
    this.state = 'closed';
    this.handlers = undefined;
    this.waiting.clear();
  }

  describeQuorum(): QuorumDescription | null {
    return this.state === 'running' ? (this.handlers?.describeQuorum() ?? null) : null;
  }

  /** Hands a message to this node if it is running; a request is remembered so it can be answered. */
  accept(sender: InMemoryRaftTransport, message: RaftMessage): boolean {
    const handlers = this.handlers;
    if (this.state !== 'running' || handlers === undefined) return false;
    if (!isRaftResponse(message)) {
      this.expireWaiting();
      const key = `${sender.nodeId}/${message.requestId}`;
      // gRPC refuses a duplicate of a request still pending; so do we.
      if (this.waiting.has(key)) return false;
      this.waiting.set(key, { requester: sender, rpc: rpcOf(message), expiresAt: Date.now() + this.network.requestTimeoutMs });
    }
    handlers.deliver(sender.nodeId, message);
    return true;
  }

  /** The incarnation that sent the request this response answers, if it is still waiting. */
  takeWaitingRequester(to: NodeId, requestId: number, rpc: RaftRpcName): InMemoryRaftTransport | undefined {
    this.expireWaiting();
    const key = `${to}/${requestId}`;
    const waiting = this.waiting.get(key);
    if (waiting === undefined || waiting.rpc !== rpc) return undefined;
    this.waiting.delete(key);
    return waiting.requester;
  }

  /** Drops requests past their timeout; the map is in arrival order, so the expired ones come first. */
  private expireWaiting(): void {
    const now = Date.now();
    for (const [key, waiting] of this.waiting) {
      if (waiting.expiresAt > now) break;
      this.waiting.delete(key);
    }
  }
}
