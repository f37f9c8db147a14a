/**
 * RaftTransport over gRPC (@grpc/grpc-js). Requests to a peer travel as frames of one long-lived
 * bidirectional Stream (peer-stream.ts), or as one unary call each to a peer that serves no Stream
 * (an older node) or when `stream: false`. The peer's core answers a request by `send`ing the
 * response back to us, which goes out on the stream the request came on (or completes its call). So
 * a response can only reach the node that asked, on the connection it asked on — which also lets
 * observers that no voter has an address for fetch from the leader. Both are served: the unary
 * methods stay for older peers and the admin client.
 *
 * Delivery is best effort, as the RaftTransport contract says: whatever cannot be sent or answered
 * (unknown peer, peer down, too many bytes in flight, deadline passed, malformed reply) is dropped
 * with a debug log and a counter in `stats()`, and the core's timers retry.
 *
 * Inbound calls are checked before the core sees them: the cluster id must match (else
 * FAILED_PRECONDITION + `kz-error-code: INCONSISTENT_CLUSTER_ID`), the caller must name itself with
 * a valid node id and the body must decode to a valid message (else INVALID_ARGUMENT +
 * `kz-error-code: INVALID_REQUEST`). A stream is checked once, when it opens, with the same rules
 * (its caller's certificate included, with mutual TLS), and refused with the same status; each of
 * its frames is then checked as a unary call's body is, and refused with a failure frame.
 */
import {
  Server,
  status,
  type ServerDuplexStream,
  type ServerUnaryCall,
  type ServiceError,
  type sendUnaryData,
} from '@grpc/grpc-js';
import type { NodeId } from '../core/config';
import { addressOf as voterAddress, type VoterSet } from '../core/voter-set';
import type { RaftMessage, RaftRequest, RaftResponse } from '../core/messages';
import { checkCaller, checkClusterId, checkNodeId, errorFromStatus, failureStatus, requestMetadata, type CallStatus } from './call-metadata';
import { InboundStream } from './inbound-stream';
import { clientChannelOptions, serverOptions } from './grpc-options';
import { formatHostPort, parseHostPort, type HostPort } from './host-port';
import { PeerChannel } from './peer-channel';
import { PendingCalls, type InboundReply } from './pending-calls';
import {
  decodeDescribeQuorumRequest,
  decodeRaftRequest,
  decodeRaftResponse,
  encodeDescribeQuorumResponse,
  decodeVoterChangeRequest,
  encodeRaftMessage,
  encodeVoterChangeResponse,
  type DescribeQuorumAnswer,
} from './raft-codec';
import { isRaftResponse, RAFT_RPC_NAMES, rpcOf, STREAM_RPC, VOTER_CHANGE_RPC_NAMES, type RaftRpcName, type VoterChangeRpcName } from './raft-rpc';
import { asBuffer, RAFT_SERVICE_DEFINITION, type RaftServiceMethodName } from './raft-service-definition';
import type { RaftTransport, RaftTransportHandlers, VoterChangeRequest } from './raft-transport';
import {
  InconsistentClusterIdError,
  InvalidTransportConfigError,
  ListenFailedError,
  MalformedMessageError,
  TransportStateError,
} from './transport-errors';
import { SILENT_TRANSPORT_LOGGER, type RaftTransportLogger } from './transport-logger';
import { DeadlineSweep, grpcChannelCredentials, grpcServerCredentials, peerNodeId, TLS_MECHANISM, type AuthenticationObserver, type TlsIdentity } from '@kz/runtime';

export interface GrpcRaftTransportOptions {
  readonly nodeId: NodeId;
  /** Checked on every inbound request; must be printable ASCII (it travels as gRPC metadata). */
  readonly clusterId: string;
  /**
   * `host:port` to serve on; port 0 picks a free port (read it from `port` after `start`). Omit it
   * for a node that only ever calls out — an observer only fetches, nobody calls it.
   */
  readonly listen?: string;
  /** `host:port` of every node this one sends requests to. Callers need not be listed. */
  readonly peers: ReadonlyMap<NodeId, string> | Readonly<Record<number, string>>;
  /** Deadline of outbound calls, and how long an inbound call waits for the core's answer. */
  readonly requestTimeoutMs?: number;
  /** Largest message either way; gRPC's own 4 MiB default is too small for fetches and snapshot chunks. */
  readonly maxMessageBytes?: number;
  /** Request bytes that may be in flight to one peer; a request beyond it is dropped. */
  readonly maxInflightBytesPerPeer?: number;
  readonly logger?: RaftTransportLogger;
  /**
   * Mutual TLS: serve and call with this identity, and refuse (PERMISSION_DENIED) a request — or a
   * stream — whose caller's certificate does not name the node id it claims (CN kz-node-<id>).
   */
  readonly tls?: TlsIdentity;
  /** Told of each caller refused because its certificate does not name the node it claims (service `raft`). */
  readonly observeAuthentication?: AuthenticationObserver;
  /**
   * Carry requests on one Stream per peer (default true); false: one unary call per request, as
   * before Stream. Either way both are served, and a peer without Stream is called unary.
   */
  readonly stream?: boolean;
}

export const GRPC_TRANSPORT_DEFAULTS = {
  /** KRaft's controller.quorum.request.timeout.ms. */
  requestTimeoutMs: 2000,
  maxMessageBytes: 64 * 1024 * 1024,
  maxInflightBytesPerPeer: 64 * 1024 * 1024,
} as const;

/** Why a message was dropped; counted in `stats().dropped`. */
export type TransportDropReason =
  /** send() before start() or after close(), or a reply arriving after close(). */
  | 'notRunning'
  /** A request to a node with no address in `peers`. */
  | 'unknownPeer'
  /** The peer already had maxInflightBytesPerPeer bytes of requests in flight. */
  | 'backpressure'
  /** The encoded message exceeds maxMessageBytes. */
  | 'tooLarge'
  /** The message could not be encoded (a bug upstream). */
  | 'encodeFailed'
  /** An outbound call failed: peer down, deadline, refused, cancelled. */
  | 'callFailed'
  /** A peer's reply did not decode, or did not echo the request's requestId. */
  | 'badResponse'
  /** A response for which no inbound call is waiting (timed out, cancelled, or never asked). */
  | 'noPendingCall'
  /** A response of another RPC than the call it would complete (a bug upstream). */
  | 'wrongResponseType';

export interface GrpcRaftTransportStats {
  /** Requests handed to gRPC. */
  readonly requestsSent: number;
  /** Responses that completed an inbound call. */
  readonly responsesSent: number;
  /** Messages handed to `deliver`: inbound requests and the replies to our requests. */
  readonly delivered: number;
  /** Inbound calls refused before reaching the core (cluster id, node id, malformed, duplicate). */
  readonly refused: number;
  /** Inbound calls the core did not answer within requestTimeoutMs. */
  readonly expired: number;
  readonly pendingInboundCalls: number;
  /** Streams opened to peers (each reopening counts). */
  readonly streamsOpened: number;
  /** Streams peers have open to this node now. */
  readonly inboundStreams: number;
  /** Peers called unary because they answered Stream with UNIMPLEMENTED. */
  readonly unaryPeers: number;
  readonly inflightRequests: number;
  readonly inflightBytes: number;
  readonly dropped: Readonly<Record<TransportDropReason, number>>;
}

type State = 'new' | 'starting' | 'running' | 'closed';

type UnaryHandler = (call: ServerUnaryCall<Buffer, Buffer>, respond: sendUnaryData<Buffer>) => void;
type StreamHandler = (call: ServerDuplexStream<Buffer, Buffer>) => void;

/** What an inbound call or stream says of its caller. */
type InboundCall = Pick<ServerUnaryCall<Buffer, Buffer>, 'metadata' | 'getPeer' | 'getAuthContext'>;

function newDropCounters(): Record<TransportDropReason, number> {
  return {
    notRunning: 0,
    unknownPeer: 0,
    backpressure: 0,
    tooLarge: 0,
    encodeFailed: 0,
    callFailed: 0,
    badResponse: 0,
    noPendingCall: 0,
    wrongResponseType: 0,
  };
}

function positiveInteger(value: number, what: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new InvalidTransportConfigError(`${what} must be a positive integer, got ${value}`);
  return value;
}

function peerEntries(peers: GrpcRaftTransportOptions['peers']): [NodeId, string][] {
  if (peers instanceof Map) return [...peers.entries()];
  return Object.entries(peers).map(([key, address]): [NodeId, string] => {
    if (!/^(0|[1-9][0-9]*)$/.test(key)) throw new InvalidTransportConfigError(`peers: ${JSON.stringify(key)} is not a node id`);
    return [Number(key), address];
  });
}

function errorCode(error: Error | undefined): string | undefined {
  return error !== undefined && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Margin kept from a caller's deadline so that the answer reaches it before it gives up. */
const DEADLINE_MARGIN_MS = 100;

/** How long an admin call may wait on the node: its deadline less the margin, or `otherwise` without one. */
function remainingMs(call: ServerUnaryCall<Buffer, Buffer>, otherwise: number): number {
  const deadline = call.getDeadline();
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  if (!Number.isFinite(at)) return otherwise;
  return Math.max(1, at - Date.now() - DEADLINE_MARGIN_MS);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class GrpcRaftTransport implements RaftTransport {
  readonly nodeId: NodeId;
  private readonly clusterId: string;
  private readonly listen: HostPort | undefined;
  private readonly peerAddresses: Map<NodeId, string>;
  private readonly requestTimeoutMs: number;
  private readonly maxMessageBytes: number;
  private readonly maxInflightBytesPerPeer: number;
  private readonly logger: RaftTransportLogger;
  private readonly tls: TlsIdentity | undefined;
  private readonly observeAuthentication: AuthenticationObserver | undefined;
  private readonly useStreams: boolean;

  private state: State = 'new';
  private handlers: RaftTransportHandlers | undefined;
  private server: Server | undefined;
  private boundPort: number | undefined;
  private readonly channels = new Map<NodeId, PeerChannel>();
  private readonly pending: PendingCalls;
  private readonly inboundStreams = new Set<InboundStream>();
  /** The deadlines of requests sent on streams, on one timer. */
  private readonly streamDeadlines = new DeadlineSweep();
  /** The last refusal code logged at warn per peer, so a misconfigured peer warns once, not per fetch. */
  private readonly warnedRefusal = new Map<NodeId, string>();
  /** Callers refused for their certificate, logged once each. */
  private readonly warnedImpostors = new Set<string>();
  private readonly counters = { requestsSent: 0, responsesSent: 0, delivered: 0, refused: 0, expired: 0, streamsOpened: 0 };
  private readonly dropped = newDropCounters();

  constructor(options: GrpcRaftTransportOptions) {
    checkNodeId(options.nodeId, 'nodeId');
    checkClusterId(options.clusterId);
    this.nodeId = options.nodeId;
    this.clusterId = options.clusterId;
    this.listen = options.listen === undefined ? undefined : parseHostPort(options.listen, 'listen', true);
    const peers = new Map<NodeId, string>();
    for (const [id, address] of peerEntries(options.peers)) {
      checkNodeId(id, 'peer id');
      parseHostPort(address, `address of peer ${id}`, false);
      peers.set(id, address);
    }
    this.peerAddresses = peers;
    this.requestTimeoutMs = positiveInteger(options.requestTimeoutMs ?? GRPC_TRANSPORT_DEFAULTS.requestTimeoutMs, 'requestTimeoutMs');
    this.maxMessageBytes = positiveInteger(options.maxMessageBytes ?? GRPC_TRANSPORT_DEFAULTS.maxMessageBytes, 'maxMessageBytes');
    this.maxInflightBytesPerPeer = positiveInteger(
      options.maxInflightBytesPerPeer ?? GRPC_TRANSPORT_DEFAULTS.maxInflightBytesPerPeer,
      'maxInflightBytesPerPeer',
    );
    this.logger = options.logger ?? SILENT_TRANSPORT_LOGGER;
    this.tls = options.tls;
    this.observeAuthentication = options.observeAuthentication;
    this.useStreams = options.stream ?? true;
    this.pending = new PendingCalls(this.requestTimeoutMs, (from, requestId, rpc) => {
      this.counters.expired += 1;
      this.logger.debug({ from, requestId, rpc }, 'raft transport: no response from the core in time; call failed with DEADLINE_EXCEEDED');
    });
  }

  /** The port the server is bound to, once started (the real one when `listen` asked for port 0). */
  get port(): number | undefined {
    return this.boundPort;
  }

  /** `host:port` the server is bound to, once started. */
  get listenAddress(): string | undefined {
    return this.listen === undefined || this.boundPort === undefined ? undefined : formatHostPort(this.listen.host, this.boundPort);
  }

  async start(handlers: RaftTransportHandlers): Promise<void> {
    if (this.state !== 'new') throw new TransportStateError(`transport of node ${this.nodeId} cannot start: it is ${this.state}`);
    this.state = 'starting';
    this.handlers = handlers;
    let server: Server | undefined;
    if (this.listen !== undefined) {
      server = new Server(serverOptions(this.maxMessageBytes));
      server.addService(RAFT_SERVICE_DEFINITION, this.serviceImplementation());
      this.server = server;
      const address = formatHostPort(this.listen.host, this.listen.port);
      try {
        const binding = server;
        this.boundPort = await new Promise<number>((resolve, reject) => {
          binding.bindAsync(address, grpcServerCredentials(this.tls), (error, port) => (error ? reject(error) : resolve(port)));
        });
      } catch (error) {
        this.state = 'closed';
        server.forceShutdown();
        this.server = undefined;
        throw new ListenFailedError(address, error);
      }
    }
    if (this.state !== 'starting') {
      // close() ran while we were binding; the port may have been bound after it shut the server down.
      server?.forceShutdown();
      return;
    }
    this.state = 'running';
    this.logger.info({ nodeId: this.nodeId, listen: this.listenAddress, peers: Object.fromEntries(this.peerAddresses) }, 'raft transport started');
  }

  send(to: NodeId, message: RaftMessage): void {
    if (this.state !== 'running') {
      this.drop('notRunning', { to, type: message.type });
      return;
    }
    if (isRaftResponse(message)) this.sendResponse(to, message);
    else this.sendRequest(to, message);
  }

  addressOf(nodeId: NodeId): string | undefined {
    return this.peerAddresses.get(nodeId) ?? (nodeId === this.nodeId ? this.listenAddress : undefined);
  }

  /**
   * Adds, moves or (with undefined) removes a peer. Peers that bind port 0 learn their addresses
   * only once started, and voters added later (KIP-853) bring theirs; a moved peer's channel is
   * closed, cancelling its calls in flight.
   */
  setPeerAddress(nodeId: NodeId, address: string | undefined): void {
    checkNodeId(nodeId, 'peer id');
    if (address !== undefined) parseHostPort(address, `address of peer ${nodeId}`, false);
    if (this.peerAddresses.get(nodeId) === address) return;
    if (address === undefined) this.peerAddresses.delete(nodeId);
    else this.peerAddresses.set(nodeId, address);
    this.channels.get(nodeId)?.close();
    this.channels.delete(nodeId);
    this.warnedRefusal.delete(nodeId);
  }

  /**
   * KIP-853: the voter set in force changed; every voter that names an endpoint is dialled there
   * from now on (a voter added or moved, an UpdateRaftVoter). Peers are never dropped here: a
   * bootstrap server or an observer may be no voter and still be asked.
   */
  votersChanged(voters: VoterSet): void {
    for (const voter of voters) {
      const address = voterAddress(voter);
      if (voter.id === this.nodeId || address === undefined) continue;
      try {
        this.setPeerAddress(voter.id, address);
      } catch (error) {
        this.logger.warn({ voterId: voter.id, address, err: error }, 'raft transport: a voter endpoint is not a host:port; keeping the old address');
      }
    }
  }

  /**
   * Stops serving and calling: inbound calls still waiting for the core fail with UNAVAILABLE,
   * outbound calls are cancelled (their replies are not delivered), channels and the server close.
   */
  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    const shuttingDown = failureStatus(status.UNAVAILABLE, undefined, `node ${this.nodeId} is shutting down`);
    this.pending.failAll(shuttingDown);
    for (const stream of [...this.inboundStreams]) stream.end(shuttingDown);
    for (const channel of this.channels.values()) channel.close();
    this.channels.clear();
    this.streamDeadlines.clear();
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) await shutDown(server);
    this.logger.info({ nodeId: this.nodeId }, 'raft transport closed');
  }

  stats(): GrpcRaftTransportStats {
    let inflightRequests = 0;
    let inflightBytes = 0;
    let unaryPeers = 0;
    for (const channel of this.channels.values()) {
      inflightRequests += channel.inflightCalls;
      inflightBytes += channel.inflightBytes;
      if (this.useStreams && !channel.streaming) unaryPeers += 1;
    }
    return {
      ...this.counters,
      pendingInboundCalls: this.pending.size,
      inboundStreams: this.inboundStreams.size,
      unaryPeers,
      inflightRequests,
      inflightBytes,
      dropped: { ...this.dropped },
    };
  }

  // ---- client side ---------------------------------------------------------------------------------

  private sendRequest(to: NodeId, request: RaftRequest): void {
    const channel = this.channelTo(to);
    if (channel === undefined) {
      this.drop('unknownPeer', { to, type: request.type });
      return;
    }
    const body = this.encode(to, request, encodeRaftMessage);
    if (typeof body === 'string') return;
    const rpc = rpcOf(request);
    const accepted = channel.call(rpc, body, (error, response) => this.onReply(channel, rpc, request, error, response));
    if (!accepted) {
      this.drop('backpressure', { to, type: request.type, bytes: body.length, inflightBytes: channel.inflightBytes });
      return;
    }
    this.counters.requestsSent += 1;
  }

  private channelTo(to: NodeId): PeerChannel | undefined {
    let channel = this.channels.get(to);
    if (channel !== undefined) return channel;
    const address = this.peerAddresses.get(to);
    if (address === undefined) return undefined;
    channel = new PeerChannel({
      nodeId: to,
      address,
      channelOptions: clientChannelOptions(this.maxMessageBytes),
      requestTimeoutMs: this.requestTimeoutMs,
      maxInflightBytes: this.maxInflightBytesPerPeer,
      credentials: grpcChannelCredentials(this.tls),
      metadata: () => requestMetadata(this.clusterId, this.nodeId),
      stream: this.useStreams,
      deadlines: this.streamDeadlines,
      fellBackToUnary: (peer) => this.logger.info({ to: peer, address }, 'raft transport: the peer serves no Stream (an older version); calling it unary'),
      streamOpened: () => {
        this.counters.streamsOpened += 1;
      },
    });
    this.channels.set(to, channel);
    return channel;
  }

  private onReply(channel: PeerChannel, rpc: RaftRpcName, request: RaftRequest, error: ServiceError | null, body: Uint8Array | undefined): void {
    const to = channel.nodeId;
    if (this.state !== 'running') {
      this.drop('notRunning', { to, type: request.type });
      return;
    }
    if (error !== null || body === undefined) {
      this.onCallFailed(channel, request, error);
      return;
    }
    let response: RaftResponse;
    try {
      response = decodeRaftResponse(rpc, body);
    } catch (decodeError) {
      this.drop('badResponse', { to, type: request.type, error: describe(decodeError) });
      return;
    }
    if (response.requestId !== request.requestId) {
      this.drop('badResponse', { to, type: response.type, requestId: request.requestId, echoed: response.requestId });
      return;
    }
    this.warnedRefusal.delete(to);
    this.deliver(to, response);
  }

  private onCallFailed(channel: PeerChannel, request: RaftRequest, failure: ServiceError | null): void {
    const to = channel.nodeId;
    const error = failure === null ? undefined : errorFromStatus(failure);
    const fields = { to, address: channel.address, type: request.type, requestId: request.requestId, code: errorCode(error), error: error?.message };
    // Refusals mean misconfiguration or a bug, not a passing failure: say so once per peer.
    if (error instanceof InconsistentClusterIdError || error instanceof MalformedMessageError) {
      if (this.warnedRefusal.get(to) !== error.code) {
        this.warnedRefusal.set(to, error.code);
        this.logger.warn(fields, 'raft transport: peer refused our request');
      }
    }
    this.drop('callFailed', fields);
  }

  // ---- server side ---------------------------------------------------------------------------------

  private serviceImplementation(): Record<RaftServiceMethodName, UnaryHandler> & Record<typeof STREAM_RPC, StreamHandler> {
    const implementation = {} as Record<RaftServiceMethodName, UnaryHandler>;
    for (const rpc of RAFT_RPC_NAMES) implementation[rpc] = (call, respond) => this.onRequest(rpc, call, respond);
    implementation.DescribeQuorum = (call, respond) => this.onDescribeQuorum(call, respond);
    for (const rpc of VOTER_CHANGE_RPC_NAMES) implementation[rpc] = (call, respond) => this.onVoterChange(rpc, call, respond);
    return { ...implementation, [STREAM_RPC]: (call: ServerDuplexStream<Buffer, Buffer>) => this.onStream(call) };
  }

  private onRequest(rpc: RaftRpcName, call: ServerUnaryCall<Buffer, Buffer>, respond: sendUnaryData<Buffer>): void {
    if (this.state !== 'running') {
      respond({ code: status.UNAVAILABLE, details: `node ${this.nodeId} is not running` });
      return;
    }
    const admitted = this.admit(rpc, call);
    if (typeof admitted !== 'number') {
      respond(admitted);
      return;
    }
    const reply: InboundReply = {
      encode: encodeRaftMessage,
      complete: (bytes) => respond(null, asBuffer(bytes)),
      fail: (failure) => respond(failure),
    };
    const refusal = this.accept(admitted, rpc, call.request, reply, (forget) => call.once('cancelled', forget));
    if (refusal !== null) this.refuse(rpc, call.getPeer(), refusal, admitted, (failure) => respond(failure));
  }

  /** A peer opens its Stream: admitted once for every frame it will carry, as a unary call is. */
  private onStream(call: ServerDuplexStream<Buffer, Buffer>): void {
    if (this.state !== 'running') {
      call.emit('error', { code: status.UNAVAILABLE, details: `node ${this.nodeId} is not running` });
      return;
    }
    const admitted = this.admit(STREAM_RPC, call);
    if (typeof admitted !== 'number') {
      call.emit('error', admitted);
      return;
    }
    const stream = new InboundStream(call, admitted, {
      request: (from, frame) => {
        const { id, rpc } = frame;
        if (from.isWaiting(id)) {
          this.refuse(rpc, from.peer, failureStatus(status.ALREADY_EXISTS, undefined, `frame ${id} is still waiting for its answer`), from.from, (failure) => from.refuse(id, rpc, failure));
          return;
        }
        const refusal = this.accept(from.from, rpc, frame.body, from.reply(id, rpc), (forget) => from.track(id, forget));
        if (refusal !== null) this.refuse(rpc, from.peer, refusal, from.from, (failure) => from.refuse(id, rpc, failure));
      },
      malformed: (from, reason) => {
        this.refuse(STREAM_RPC, from.peer, failureStatus(status.INVALID_ARGUMENT, 'INVALID_REQUEST', reason), from.from, (failure) => from.end(failure));
      },
      closed: (from) => this.inboundStreams.delete(from),
    });
    this.inboundStreams.add(stream);
  }

  /**
   * The node id of the caller of a request or stream, or the status it is refused with (counted and
   * logged here): the cluster id, then the node id it claims, then — with mutual TLS — whether its
   * certificate names that node.
   */
  private admit(rpc: RaftRpcName | typeof STREAM_RPC, call: InboundCall): NodeId | CallStatus {
    const caller = checkCaller(call.metadata, this.clusterId, true);
    if (!caller.ok) {
      this.counted(rpc, call.getPeer(), caller.refusal);
      return caller.refusal;
    }
    const from = caller.from as NodeId; // defined: the node id was required
    if (this.tls !== undefined) {
      const certified = peerNodeId(call);
      if (certified !== from) {
        // A node speaking for another (or a certificate that names no node): refused before the core sees it.
        this.observeAuthentication?.('raft', TLS_MECHANISM, false);
        const details = `the caller claims node ${from} but its certificate names ${certified === null ? 'no node' : `node ${certified}`}`;
        const key = `${call.getPeer()}|${from}|${certified}`;
        if (!this.warnedImpostors.has(key)) {
          this.warnedImpostors.add(key);
          this.logger.warn({ rpc, from, certified, peer: call.getPeer() }, 'raft transport: refused a caller whose certificate names another node');
        }
        const refusal = failureStatus(status.PERMISSION_DENIED, undefined, details);
        this.counted(rpc, call.getPeer(), refusal, from);
        return refusal;
      }
    }
    return from;
  }

  /**
   * Hands a request from an admitted caller to the core, to be answered through `reply`; `track`
   * learns how to forget it if the caller goes away first. Returns the status to refuse it with,
   * or null once it is with the core.
   */
  private accept(from: NodeId, rpc: RaftRpcName, body: Uint8Array, reply: InboundReply, track: (forget: () => void) => void): CallStatus | null {
    let request: RaftRequest;
    try {
      request = decodeRaftRequest(rpc, body);
    } catch (error) {
      return failureStatus(status.INVALID_ARGUMENT, 'INVALID_REQUEST', describe(error));
    }
    // Registered before deliver: a core may answer synchronously from inside deliver.
    const forget = this.pending.add(from, request.requestId, rpc, reply);
    if (forget === null) return failureStatus(status.ALREADY_EXISTS, undefined, `request ${request.requestId} from node ${from} is already pending`);
    track(forget);
    if (!this.deliver(from, request)) {
      this.pending.take(from, request.requestId)?.reply.fail(failureStatus(status.INTERNAL, undefined, 'the node failed to accept the request'));
    }
    return null;
  }

  /** Refuses a request (or stream) with `failure`, counted and logged. */
  private refuse(rpc: RaftServiceMethodName | typeof STREAM_RPC, peer: string, failure: CallStatus, from: NodeId | undefined, send: (failure: CallStatus) => void): void {
    this.counted(rpc, peer, failure, from);
    send(failure);
  }

  private counted(rpc: RaftServiceMethodName | typeof STREAM_RPC, peer: string, failure: CallStatus, from?: NodeId): void {
    this.counters.refused += 1;
    this.logger.debug({ rpc, from, peer, code: status[failure.code], details: failure.details }, 'raft transport: inbound call refused');
  }

  private sendResponse(to: NodeId, response: RaftResponse): void {
    const call = this.pending.take(to, response.requestId);
    if (call === undefined) {
      this.drop('noPendingCall', { to, type: response.type, requestId: response.requestId });
      return;
    }
    const { reply } = call;
    if (call.rpc !== rpcOf(response)) {
      this.logger.error({ to, type: response.type, rpc: call.rpc, requestId: response.requestId }, 'raft transport: response does not answer its request');
      this.count('wrongResponseType');
      reply.fail(failureStatus(status.INTERNAL, undefined, `${response.type} cannot answer a ${call.rpc} call`));
      return;
    }
    const body = this.encode(to, response, (message) => reply.encode(message as RaftResponse));
    if (typeof body === 'string') {
      reply.fail(
        body === 'tooLarge'
          ? failureStatus(status.RESOURCE_EXHAUSTED, undefined, `${response.type} exceeds ${this.maxMessageBytes} bytes`)
          : failureStatus(status.INTERNAL, undefined, `${response.type} could not be encoded`),
      );
      return;
    }
    reply.complete(body);
    this.counters.responsesSent += 1;
  }

  private onDescribeQuorum(call: ServerUnaryCall<Buffer, Buffer>, respond: sendUnaryData<Buffer>): void {
    if (this.state !== 'running') {
      respond({ code: status.UNAVAILABLE, details: `node ${this.nodeId} is not running` });
      return;
    }
    const caller = checkCaller(call.metadata, this.clusterId, false);
    if (!caller.ok) {
      this.refuse('DescribeQuorum', call.getPeer(), caller.refusal, undefined, (failure) => respond(failure));
      return;
    }
    try {
      decodeDescribeQuorumRequest(call.request);
    } catch (error) {
      this.refuse('DescribeQuorum', call.getPeer(), failureStatus(status.INVALID_ARGUMENT, 'INVALID_REQUEST', describe(error)), undefined, (failure) => respond(failure));
      return;
    }
    let answer: DescribeQuorumAnswer;
    try {
      // A non-leader does not know (through this interface) who leads: -1 says "unknown".
      answer = this.handlers?.describeQuorum() ?? { code: 'NOT_LEADER_OR_FOLLOWER', leaderId: -1, epoch: -1 };
    } catch (error) {
      this.logger.error({ err: error }, 'raft transport: describeQuorum handler threw');
      respond({ code: status.INTERNAL, details: 'describeQuorum failed on the node' });
      return;
    }
    respond(null, asBuffer(encodeDescribeQuorumResponse(answer)));
  }

  /**
   * An admin's voter change: checked as DescribeQuorum is (cluster id; no node id, an admin is no
   * replica), decoded, handed to the node, answered once it resolves — within the caller's deadline,
   * less a margin so that the answer still reaches it.
   */
  private onVoterChange(rpc: VoterChangeRpcName, call: ServerUnaryCall<Buffer, Buffer>, respond: sendUnaryData<Buffer>): void {
    const changeVoters = this.handlers?.changeVoters;
    if (this.state !== 'running' || changeVoters === undefined) {
      respond({ code: this.state !== 'running' ? status.UNAVAILABLE : status.UNIMPLEMENTED, details: `node ${this.nodeId} does not change voters now` });
      return;
    }
    const caller = checkCaller(call.metadata, this.clusterId, false);
    if (!caller.ok) {
      this.refuse(rpc, call.getPeer(), caller.refusal, undefined, (failure) => respond(failure));
      return;
    }
    // With mutual TLS only a node's certificate may change the quorum: a user certificate the same
    // CA signed is for the admin services, which authorize it; this port does not.
    if (this.tls !== undefined && peerNodeId(call) === null) {
      this.refuse(rpc, call.getPeer(), failureStatus(status.PERMISSION_DENIED, undefined, `${rpc} needs a node certificate (CN kz-node-<id>)`), undefined, (failure) => respond(failure));
      return;
    }
    let change: VoterChangeRequest;
    try {
      change = decodeVoterChangeRequest(rpc, call.request);
    } catch (error) {
      this.refuse(rpc, call.getPeer(), failureStatus(status.INVALID_ARGUMENT, 'INVALID_REQUEST', describe(error)), undefined, (failure) => respond(failure));
      return;
    }
    this.logger.info({ rpc, change, peer: call.getPeer() }, 'raft transport: voter change asked');
    changeVoters(change, remainingMs(call, this.requestTimeoutMs)).then(
      (answer) => respond(null, asBuffer(encodeVoterChangeResponse(answer))),
      (error: unknown) => {
        // The handler turns every outcome into an answer; anything thrown is a bug on the node.
        this.logger.error({ rpc, err: error }, 'raft transport: changeVoters handler failed');
        respond({ code: status.INTERNAL, details: `${rpc} failed on the node` });
      },
    );
  }

  // ---- shared --------------------------------------------------------------------------------------

  /** The encoded message (a unary body, or a whole frame), or why it cannot be sent (counted and logged here). */
  private encode(to: NodeId, message: RaftMessage, encoder: (message: RaftMessage) => Uint8Array): Uint8Array | 'encodeFailed' | 'tooLarge' {
    let body: Uint8Array;
    try {
      body = encoder(message);
    } catch (error) {
      this.logger.error({ to, type: message.type, err: error }, 'raft transport: message does not encode');
      this.count('encodeFailed');
      return 'encodeFailed';
    }
    if (body.length > this.maxMessageBytes) {
      // Not a passing failure: the core would build the same message again. Say so at warn.
      this.logger.warn({ to, type: message.type, bytes: body.length, maxMessageBytes: this.maxMessageBytes }, 'raft transport: message too large; dropped');
      this.count('tooLarge');
      return 'tooLarge';
    }
    return body;
  }

  /**
   * Hands a message to the node. `deliver` must not throw; if it does, that is a bug upstream and
   * is re-raised outside gRPC (as an uncaught exception), because grpc-js would swallow it into an
   * UNKNOWN status and the node would carry on unaware.
   */
  private deliver(from: NodeId, message: RaftMessage): boolean {
    const handlers = this.handlers;
    if (handlers === undefined) return false;
    try {
      handlers.deliver(from, message);
    } catch (error) {
      this.logger.error({ from, type: message.type, err: error }, 'raft transport: deliver threw');
      setImmediate(() => {
        throw error;
      });
      return false;
    }
    this.counters.delivered += 1;
    return true;
  }

  private count(reason: TransportDropReason): void {
    this.dropped[reason] += 1;
  }

  private drop(reason: TransportDropReason, fields: object): void {
    this.count(reason);
    this.logger.debug({ ...fields, reason }, 'raft transport: message dropped');
  }
}

/**
 * Closes the server: tryShutdown lets the statuses of the calls just failed reach their clients,
 * and forceShutdown follows after a short grace so a stuck client cannot hold close() open.
 */
function shutDown(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    const force = setTimeout(() => server.forceShutdown(), SHUTDOWN_GRACE_MS);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}

const SHUTDOWN_GRACE_MS = 250;
