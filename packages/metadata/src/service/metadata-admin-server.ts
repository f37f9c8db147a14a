/**
 * The MetadataAdmin gRPC service over one MetadataNode: controller requests go to the node's
 * controller (`node.call`), reads are answered from the node's committed image, DescribeQuorum from
 * its Raft node.
 *
 * Every Kafka-level outcome — NOT_CONTROLLER with the leader's id, REQUEST_TIMED_OUT, a per-topic
 * TOPIC_ALREADY_EXISTS — travels in the response message. gRPC statuses say only what is not a Kafka
 * answer: a request that does not decode (INVALID_ARGUMENT + `kz-error-code: INVALID_REQUEST`), a
 * server shutting down (UNAVAILABLE), a bug (INTERNAL).
 */
import {
  Metadata,
  Server,
  status,
  type ServerUnaryCall,
  type sendUnaryData,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { ListenFailedError, NotLeaderError, type Endpoint } from '@kz/raft';
import {
  grpcServerCredentials,
  nodeIdOfCommonName,
  observedRespond,
  peerCommonName,
  type RequestObserver,
  type TlsIdentity,
} from '@kz/runtime';
import type { Authorizer } from '../security/standard-authorizer';
import { adminAccess, type AdminCaller } from './admin-access';
import pino, { type Logger } from 'pino';
import { apiError, ApiError } from '../errors/api-error';
import type { MetadataNode } from '../runtime/metadata-node';
import { decodeAdminRequest, encodeAdminResponse } from './admin-codec';
import { MalformedAdminMessageError } from './admin-errors';
import { clusterDescription, configsDescription, topicsDescription } from './admin-reads';
import {
  ADMIN_RPC_NAMES,
  ADMIN_SERVICE_DEFINITION,
  asBuffer,
  CONTROLLER_RPCS,
  ERROR_CODE_KEY,
  isControllerRpc,
  isVoterRpc,
  type AdminRequest,
  type AdminResult,
  type AdminRpcName,
  type ReadRpcName,
  type VoterRpcName,
} from './admin-rpc';
import type { ControllerAddress } from './metadata-admin-client';
import { aclsDescription, scramCredentialsDescription } from './security-reads';

export interface MetadataAdminServerOptions {
  readonly node: MetadataNode;
  /** `host:port` to serve on; port 0 picks a free port (read `address` after start). */
  readonly listen: string;
  /**
   * The cluster id DescribeCluster reports. Defaults to the node's controller's; a node without a
   * controller (an observer) must be given it.
   */
  readonly clusterId?: string;
  /**
   * Every controller's admin address (this node's own included, when it is one), reported by
   * DescribeCluster so that a client given any one controller finds the others (KIP-919). Default:
   * this node alone, when it is a controller.
   */
  readonly controllers?: readonly ControllerAddress[];
  /**
   * Where this node's Raft listens, as DescribeCluster reports it (KIP-853: what AddRaftVoter needs
   * to add this node). Default: none.
   */
  readonly raftEndpoints?: readonly Endpoint[];
  /** Largest message either way; DescribeTopics of a large cluster outgrows gRPC's 4 MiB default. */
  readonly maxMessageBytes?: number;
  readonly logger?: Logger;
  /**
   * Told of every call once answered. The outcome counted is the request's own: a refused or
   * failed call (INVALID_REQUEST, UNKNOWN_SERVER_ERROR), or a result that is an error as a whole
   * (NOT_CONTROLLER, REQUEST_TIMED_OUT, ...); per-topic errors inside a successful answer (a
   * CreateTopics whose topic exists) are not.
   */
  readonly observeRequest?: RequestObserver;
  /** Mutual TLS: serve with this identity and require a client certificate from the CA (admin-access.ts says who may what). */
  readonly tls?: TlsIdentity;
  /** With TLS, what user certificates may do; absent: anything (authentication only). */
  readonly authorizer?: Authorizer;
}

const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** How long stop() lets in-flight calls finish before closing their connections. */
const SHUTDOWN_GRACE_MS = 1000;
/**
 * Answered this long before the caller's deadline: a request still waiting for its commit then
 * comes back as REQUEST_TIMED_OUT in the response, not as a bare gRPC DEADLINE_EXCEEDED.
 */
const DEADLINE_MARGIN_MS = 100;

type UnaryHandler = (call: ServerUnaryCall<Buffer, Buffer>, respond: sendUnaryData<Buffer>) => void;


export class MetadataAdminServer {
  private stopping: Promise<void> | undefined;

  private constructor(
    private readonly server: Server,
    /** `host:port` the service is bound to. */
    readonly address: string,
    readonly port: number,
    private readonly log: Logger,
  ) {}

  /** Binds `listen` and serves; the returned server's `address` is the bound one. */
  static async start(options: MetadataAdminServerOptions): Promise<MetadataAdminServer> {
    const clusterId = options.clusterId ?? options.node.controller?.config.clusterId;
    if (clusterId === undefined) throw new RangeError('MetadataAdminServer: a node without a controller needs options.clusterId');
    const host = hostOf(options.listen);
    const status = options.node.raft.status();
    const log = (options.logger ?? pino({ level: 'info' })).child({ nodeId: status.nodeId, component: 'metadata-admin' });
    const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    const server = new Server({
      'grpc.max_receive_message_length': maxMessageBytes,
      'grpc.max_send_message_length': maxMessageBytes,
    });
    const controllers: ControllerAddress[] = [...(options.controllers ?? [])];
    const service = new AdminService(options.node, clusterId, controllers, options.raftEndpoints ?? [], log, options.observeRequest ?? null, options.tls === undefined ? undefined : (options.authorizer ?? null));
    server.addService(ADMIN_SERVICE_DEFINITION, service.implementation());
    let port: number;
    try {
      port = await new Promise<number>((resolve, reject) =>
        server.bindAsync(options.listen, grpcServerCredentials(options.tls), (error, bound) => (error ? reject(error) : resolve(bound))),
      );
    } catch (error) {
      server.forceShutdown();
      throw new ListenFailedError(options.listen, error);
    }
    const address = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    // A controller not told where the others are still says where it is.
    if (options.node.controller !== null && !controllers.some((c) => c.id === status.nodeId)) controllers.push({ id: status.nodeId, address });
    log.info({ listen: address }, 'metadata admin service listening');
    return new MetadataAdminServer(server, address, port, log);
  }

  /** Stops taking calls and lets those in flight answer (for up to a second). The node keeps running. */
  stop(): Promise<void> {
    this.stopping ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, SHUTDOWN_GRACE_MS);
      this.server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    }).then(() => this.log.info('metadata admin service stopped'));
    return this.stopping;
  }
}

/** The handlers: decode, serve, encode. */
class AdminService {
  constructor(
    private readonly node: MetadataNode,
    private readonly clusterId: string,
    private readonly controllers: readonly ControllerAddress[],
    private readonly raftEndpoints: readonly Endpoint[],
    private readonly log: Logger,
    private readonly observer: RequestObserver | null,
    /** With TLS: the authorizer for user certificates (`undefined` without TLS: no checks). */
    private readonly access: Authorizer | null | undefined,
  ) {}

  /** Logged refusals, once per caller and RPC. */
  private readonly warned = new Set<string>();

  implementation(): UntypedServiceImplementation {
    const handlers: Record<string, UnaryHandler> = {};
    for (const rpc of ADMIN_RPC_NAMES) handlers[rpc] = (call, respond) => this.onCall(rpc, call, respond);
    return handlers;
  }

  private onCall<R extends AdminRpcName>(rpc: R, call: ServerUnaryCall<Buffer, Buffer>, answer: sendUnaryData<Buffer>): void {
    const respond = observedRespond(rpc, answer, this.observer, this.log);
    let request: AdminRequest<R>;
    try {
      request = decodeAdminRequest(rpc, call.request);
    } catch (error) {
      if (!(error instanceof MalformedAdminMessageError)) {
        this.log.error({ rpc, err: error }, 'admin request decoding failed');
        respond({ code: status.INTERNAL, details: `${rpc} request could not be read` }, null);
        return;
      }
      this.log.debug({ rpc, peer: call.getPeer(), error: error.message }, 'refused a malformed admin request');
      const metadata = new Metadata();
      metadata.set(ERROR_CODE_KEY, error.code);
      respond({ code: status.INVALID_ARGUMENT, details: error.message, metadata }, null);
      return;
    }
    if (this.access !== undefined) {
      const refusal = adminAccess(rpc, request, callerOf(call), this.access);
      if (refusal !== null) {
        const key = `${call.getPeer()}|${rpc}`;
        if (!this.warned.has(key)) {
          this.warned.add(key);
          this.log.warn({ rpc, peer: call.getPeer(), reason: refusal.message }, 'refused an admin request');
        }
        respond(null, asBuffer(encodeAdminResponse(rpc, { ok: false, error: refusal })), refusal.code);
        return;
      }
    }
    this.serve(rpc, request, remainingMs(call)).then(
      (result) => {
        let body: Buffer;
        try {
          body = asBuffer(encodeAdminResponse(rpc, result));
        } catch (error) {
          this.log.error({ rpc, err: error }, 'admin response does not encode');
          respond({ code: status.INTERNAL, details: `${rpc} response could not be encoded` }, null);
          return;
        }
        respond(null, body, result.ok ? null : result.error.code);
      },
      (error: unknown) => {
        // serve() turns every Kafka outcome into a result; anything thrown is a bug here.
        this.log.error({ rpc, err: error }, 'admin request failed');
        respond({ code: status.INTERNAL, details: `${rpc} failed on the node` }, null);
      },
    );
  }

  private async serve<R extends AdminRpcName>(rpc: R, request: AdminRequest<R>, timeoutMs: number | undefined): Promise<AdminResult<R>> {
    if (isVoterRpc(rpc)) return (await this.changeVoters(rpc, request as AdminRequest<VoterRpcName>, timeoutMs)) as AdminResult<R>;
    if (!isControllerRpc(rpc)) return this.read(rpc as ReadRpcName, request as AdminRequest<ReadRpcName>) as AdminResult<R>;
    // The codec decoded `request` as this RPC's, which is the body its controller request kind takes.
    const result = await this.node.call(CONTROLLER_RPCS[rpc], request as never, timeoutMs);
    return result as AdminResult<R>;
  }

  private async changeVoters(rpc: VoterRpcName, request: AdminRequest<VoterRpcName>, timeoutMs: number | undefined): Promise<AdminResult<VoterRpcName>> {
    const result =
      rpc === 'AddRaftVoter'
        ? await this.node.addVoter(
            { id: request.voterId, directoryId: request.voterDirectoryId, endpoints: (request as AdminRequest<'AddRaftVoter'>).listeners },
            timeoutMs,
          )
        : await this.node.removeVoter(request.voterId, request.voterDirectoryId, timeoutMs);
    if (result.ok) this.log.info({ rpc, voterId: request.voterId, directoryId: request.voterDirectoryId }, 'voter change committed');
    return result.ok ? { ok: true, value: {} } : result;
  }

  private read(rpc: ReadRpcName, request: AdminRequest<ReadRpcName>): AdminResult<ReadRpcName> {
    const image = this.node.image;
    switch (rpc) {
      case 'DescribeCluster': {
        const raft = this.node.raft.status();
        return { ok: true, value: clusterDescription(image, { clusterId: this.clusterId, controllerId: raft.leaderId, nodeId: raft.nodeId, controllers: this.controllers, offlineReplicas: this.node.controller?.offlineReplicaCounts() ?? [], directoryId: raft.directoryId, raftEndpoints: this.raftEndpoints }) };
      }
      case 'DescribeTopics':
        return { ok: true, value: topicsDescription(image, request as AdminRequest<'DescribeTopics'>) };
      case 'DescribeConfigs':
        return { ok: true, value: configsDescription(image, request as AdminRequest<'DescribeConfigs'>, this.node.controller?.config.staticBrokerConfigs) };
      case 'DescribeQuorum':
        return this.describeQuorum();
      case 'DescribeUserScramCredentials':
        return { ok: true, value: scramCredentialsDescription(image, request as AdminRequest<'DescribeUserScramCredentials'>) };
      case 'DescribeAcls':
        return { ok: true, value: aclsDescription(image, request as AdminRequest<'DescribeAcls'>) };
    }
  }

  private describeQuorum(): AdminResult<'DescribeQuorum'> {
    try {
      return { ok: true, value: this.node.describeQuorum() };
    } catch (error) {
      if (error instanceof NotLeaderError) return { ok: false, error: apiError('NOT_LEADER_OR_FOLLOWER', error.message, error.leaderId) };
      if (error instanceof ApiError) return { ok: false, error };
      throw error;
    }
  }
}

/** Who the caller's (verified) certificate names. */
function callerOf(call: ServerUnaryCall<Buffer, Buffer>): AdminCaller {
  const cn = peerCommonName(call);
  const peer = call.getPeer();
  const host = peer.slice(0, peer.lastIndexOf(':')).replace(/^ipv4:|^ipv6:|^\[|\]$/g, '').replace(/^::ffff:/, '');
  return { nodeId: nodeIdOfCommonName(cn), principal: `User:${cn ?? 'ANONYMOUS'}`, host };
}

/** The caller's deadline less a margin, or undefined when it set none (the node's default applies). */
function remainingMs(call: ServerUnaryCall<Buffer, Buffer>): number | undefined {
  const deadline = call.getDeadline();
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  if (!Number.isFinite(at)) return undefined;
  return Math.max(1, at - Date.now() - DEADLINE_MARGIN_MS);
}

function hostOf(address: string): string {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):\d{1,5}$/.exec(address);
  const host = match?.[1] ?? match?.[2];
  if (host === undefined) throw new ListenFailedError(address, new Error('expected host:port'));
  return host;
}
