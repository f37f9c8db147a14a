/**
 * MetadataAdminClient: the admin API of a metadata quorum, given its controllers' admin addresses.
 *
 * ```ts
 * const admin = new MetadataAdminClient({ controllers: [{ id: 1, address: '127.0.0.1:9201' }, ...] });
 * const { brokerEpoch } = await admin.registerBroker({ brokerId: 7, clusterId, incarnationId, endpoints, rack: null });
 * const { topics } = await admin.createTopics({ topics: [{ name: 'orders', numPartitions: 6, replicationFactor: 3 }] });
 * topics[0].error;                      // ApiError (TOPIC_ALREADY_EXISTS, ...) or null
 * await admin.describeTopics(['orders']);
 * admin.close();
 * ```
 *
 * Controller requests go to the active controller, which the client finds by following the
 * leader hints of NOT_CONTROLLER answers (or, without a usable hint, by trying the next address).
 * Retriable failures — NOT_CONTROLLER, REQUEST_TIMED_OUT, a node it cannot reach — are retried with
 * a small backoff until `timeoutMs` runs out, and then the last one is thrown. Like Kafka's admin
 * client, a request retried after a timeout or a connection lost mid-call may have taken effect the
 * first time: a retried CreateTopics can then answer TOPIC_ALREADY_EXISTS for its own topic.
 *
 * A whole-request failure throws ApiError; per-item outcomes (one topic of a CreateTopics, say)
 * come back in the response, as the TypeScript types say.
 */
import { Client, credentials, Metadata, status as grpcStatus, type ChannelOptions, type ServiceError } from '@grpc/grpc-js';
import { type NodeId } from '@kz/raft';
import { grpcChannelCredentials, type TlsIdentity } from '@kz/runtime';
import type { Logger } from 'pino';
import type { ConfigResourceRef, ControllerApi, ControllerRequestKind } from '../controller/controller-requests';
import { apiError, ApiError } from '../errors/api-error';
import { decodeAdminResponse, encodeAdminRequest } from './admin-codec';
import { MalformedAdminMessageError } from './admin-errors';
import type { AclFilter } from '../security/acl';
import type { AclsDescription, ScramCredentialsDescription } from './security-reads';
import type { ClusterDescription, ConfigsDescription, QuorumDescription, TopicsDescription } from './admin-reads';
import {
  adminRpcPath,
  asBuffer,
  CONTROLLER_RPCS,
  ERROR_CODE_KEY,
  isControllerRpc,
  isVoterRpc,
  type AddRaftVoterRequest,
  type AdminRequest,
  type AdminResponse,
  type AdminRpcName,
  type ControllerRpcName,
  type ReadRpcName,
  type RemoveRaftVoterRequest,
} from './admin-rpc';

/** A controller's node id and the `host:port` of its admin service. */
export interface ControllerAddress {
  readonly id: NodeId;
  readonly address: string;
}

export interface MetadataAdminClientOptions {
  readonly controllers: readonly ControllerAddress[];
  /** Budget of one operation, retries and redirects included. Default 30 000 ms. */
  readonly timeoutMs?: number;
  /**
   * Deadline of one gRPC call. Default 10 000 ms. The server answers REQUEST_TIMED_OUT shortly
   * before it, so a slow commit comes back as a Kafka error, not a lost call.
   */
  readonly attemptTimeoutMs?: number;
  /** First pause between retries; doubles (with jitter) up to 1000 ms. Default 50 ms. */
  readonly retryBackoffMs?: number;
  /** Largest response accepted. Default 64 MiB. */
  readonly maxMessageBytes?: number;
  /** Redirects and retries are logged at debug; silent without one. */
  readonly logger?: Logger;
  /** Mutual TLS with this identity (a node's, or an operator's user certificate); default plaintext. */
  readonly tls?: TlsIdentity;
}

/** Where a read is served. Reads come from a node's committed image: any node answers. */
export interface ReadOptions {
  /** Ask this node (one of `controllers`) rather than the active controller, and only it. */
  readonly nodeId?: NodeId;
}

export const METADATA_ADMIN_CLIENT_DEFAULTS = {
  timeoutMs: 30_000,
  attemptTimeoutMs: 10_000,
  retryBackoffMs: 50,
  maxMessageBytes: 64 * 1024 * 1024,
} as const;

const MAX_BACKOFF_MS = 1000;

/** The RPC that carries each controller request kind. */
const RPC_OF_KIND = Object.fromEntries(Object.entries(CONTROLLER_RPCS).map(([rpc, kind]) => [kind, rpc])) as {
  readonly [K in ControllerRequestKind]: ControllerRpcName;
};

/** One attempt's outcome; `transport` failures say nothing about the node's role, only that it did not answer. */
type Attempt<R extends AdminRpcName> =
  | { readonly ok: true; readonly value: AdminResponse<R> }
  | { readonly ok: false; readonly error: ApiError; readonly transport: boolean };

export class MetadataAdminClient {
  /** The controllers this client knows: those it was given, and those a node told it of (KIP-919). */
  private readonly controllers: ControllerAddress[];
  private readonly channels = new Map<string, Client>();
  private readonly timeoutMs: number;
  private readonly attemptTimeoutMs: number;
  private readonly retryBackoffMs: number;
  private readonly channelOptions: ChannelOptions;
  private readonly log: Logger | undefined;
  private readonly tls: TlsIdentity | undefined;
  /** Index into `controllers` of the node to ask first: the last known active controller. */
  private preferred = 0;
  private knownController: NodeId = -1;
  private closed = false;

  constructor(options: MetadataAdminClientOptions) {
    if (options.controllers.length === 0) throw new RangeError('MetadataAdminClient needs at least one controller address');
    const ids = new Set(options.controllers.map((c) => c.id));
    if (ids.size !== options.controllers.length) throw new RangeError('MetadataAdminClient: controller ids must be distinct');
    this.controllers = options.controllers.map((c) => ({ id: c.id, address: c.address }));
    this.timeoutMs = positive(options.timeoutMs ?? METADATA_ADMIN_CLIENT_DEFAULTS.timeoutMs, 'timeoutMs');
    this.attemptTimeoutMs = positive(options.attemptTimeoutMs ?? METADATA_ADMIN_CLIENT_DEFAULTS.attemptTimeoutMs, 'attemptTimeoutMs');
    this.retryBackoffMs = positive(options.retryBackoffMs ?? METADATA_ADMIN_CLIENT_DEFAULTS.retryBackoffMs, 'retryBackoffMs');
    const maxMessageBytes = positive(options.maxMessageBytes ?? METADATA_ADMIN_CLIENT_DEFAULTS.maxMessageBytes, 'maxMessageBytes');
    this.channelOptions = {
      'grpc.max_receive_message_length': maxMessageBytes,
      'grpc.max_send_message_length': maxMessageBytes,
      // A restarted controller must be found again within a fraction of a second, not grpc-js's 120 s.
      'grpc.initial_reconnect_backoff_ms': 50,
      'grpc.max_reconnect_backoff_ms': 1000,
      // One call is one attempt: the retry policy is ours, and it knows about NOT_CONTROLLER.
      'grpc.enable_retries': 0,
      // Each client gets its own connections; tests run several in one process.
      'grpc.use_local_subchannel_pool': 1,
    };
    this.log = options.logger?.child({ component: 'metadata-admin-client' });
    this.tls = options.tls;
  }

  /** The node that last answered as the active controller, or named itself so; -1 until known. */
  get controllerId(): NodeId {
    return this.knownController;
  }

  // ---------------------------------------------------------------------------- controller requests

  registerBroker(request: ControllerApi['registerBroker'][0]): Promise<ControllerApi['registerBroker'][1]> {
    return this.call('registerBroker', request);
  }

  brokerHeartbeat(request: ControllerApi['brokerHeartbeat'][0]): Promise<ControllerApi['brokerHeartbeat'][1]> {
    return this.call('brokerHeartbeat', request);
  }

  unregisterBroker(request: ControllerApi['unregisterBroker'][0]): Promise<ControllerApi['unregisterBroker'][1]> {
    return this.call('unregisterBroker', request);
  }

  createTopics(request: ControllerApi['createTopics'][0]): Promise<ControllerApi['createTopics'][1]> {
    return this.call('createTopics', request);
  }

  deleteTopics(request: ControllerApi['deleteTopics'][0]): Promise<ControllerApi['deleteTopics'][1]> {
    return this.call('deleteTopics', request);
  }

  createPartitions(request: ControllerApi['createPartitions'][0]): Promise<ControllerApi['createPartitions'][1]> {
    return this.call('createPartitions', request);
  }

  alterPartition(request: ControllerApi['alterPartition'][0]): Promise<ControllerApi['alterPartition'][1]> {
    return this.call('alterPartition', request);
  }

  electLeaders(request: ControllerApi['electLeaders'][0]): Promise<ControllerApi['electLeaders'][1]> {
    return this.call('electLeaders', request);
  }

  alterPartitionReassignments(request: ControllerApi['alterPartitionReassignments'][0]): Promise<ControllerApi['alterPartitionReassignments'][1]> {
    return this.call('alterPartitionReassignments', request);
  }

  listPartitionReassignments(): Promise<ControllerApi['listPartitionReassignments'][1]> {
    return this.call('listPartitionReassignments', {});
  }

  incrementalAlterConfigs(request: ControllerApi['incrementalAlterConfigs'][0]): Promise<ControllerApi['incrementalAlterConfigs'][1]> {
    return this.call('incrementalAlterConfigs', request);
  }

  allocateProducerIds(request: ControllerApi['allocateProducerIds'][0]): Promise<ControllerApi['allocateProducerIds'][1]> {
    return this.call('allocateProducerIds', request);
  }

  /** KIP-554: set or delete users' SCRAM credentials (the client salts; see @kz/metadata's scram helpers). */
  alterUserScramCredentials(request: ControllerApi['alterUserScramCredentials'][0]): Promise<ControllerApi['alterUserScramCredentials'][1]> {
    return this.call('alterUserScramCredentials', request);
  }

  createAcls(request: ControllerApi['createAcls'][0]): Promise<ControllerApi['createAcls'][1]> {
    return this.call('createAcls', request);
  }

  deleteAcls(request: ControllerApi['deleteAcls'][0]): Promise<ControllerApi['deleteAcls'][1]> {
    return this.call('deleteAcls', request);
  }

  /** Any controller request by kind, as MetadataNode.call takes it. */
  call<K extends ControllerRequestKind>(kind: K, body: ControllerApi[K][0]): Promise<ControllerApi[K][1]> {
    const rpc = RPC_OF_KIND[kind];
    return this.run(rpc, body as AdminRequest<typeof rpc>, undefined) as Promise<ControllerApi[K][1]>;
  }

  // ---------------------------------------------------------------------------- reads

  describeCluster(options: ReadOptions = {}): Promise<ClusterDescription> {
    return this.read('DescribeCluster', {}, options);
  }

  /** Topics by name (null: every topic); an unknown name comes back with UNKNOWN_TOPIC_OR_PARTITION. */
  describeTopics(names: readonly string[] | null = null, options: ReadOptions = {}): Promise<TopicsDescription> {
    return this.read('DescribeTopics', { names }, options);
  }

  describeConfigs(resources: readonly ConfigResourceRef[], options: ReadOptions = {}): Promise<ConfigsDescription> {
    return this.read('DescribeConfigs', { resources }, options);
  }

  /** Users' SCRAM mechanisms and iterations (null: every user); an unknown user is RESOURCE_NOT_FOUND. */
  describeUserScramCredentials(users: readonly string[] | null = null, options: ReadOptions = {}): Promise<ScramCredentialsDescription> {
    return this.read('DescribeUserScramCredentials', { users }, options);
  }

  /** The ACL bindings a filter selects. */
  describeAcls(filter: AclFilter, options: ReadOptions = {}): Promise<AclsDescription> {
    return this.read('DescribeAcls', { filter }, options);
  }

  /** The Raft leader's view of the quorum, found like the controller. */
  describeQuorum(): Promise<QuorumDescription> {
    return this.run('DescribeQuorum', {}, undefined);
  }

  // ---------------------------------------------------------------------------- dynamic voters (KIP-853)

  /**
   * Makes the replica (voterId, voterDirectoryId) a voter; resolves once the new voter set is
   * committed. The replica must be fetching from the leader as an observer under that directory id:
   * until it has caught up the leader answers REQUEST_TIMED_OUT, which is retried within the budget.
   * Throws DUPLICATE_VOTER, UNSUPPORTED_VERSION (static voters), REQUEST_TIMED_OUT.
   */
  addRaftVoter(request: AddRaftVoterRequest): Promise<void> {
    return this.run('AddRaftVoter', request, undefined).then(() => undefined);
  }

  /** Removes the voter (voterId, voterDirectoryId); resolves once committed. Throws VOTER_NOT_FOUND, ... */
  removeRaftVoter(request: RemoveRaftVoterRequest): Promise<void> {
    return this.run('RemoveRaftVoter', request, undefined).then(() => undefined);
  }

  /** Closes every connection; calls in flight fail. */
  close(): void {
    this.closed = true;
    for (const channel of this.channels.values()) channel.close();
    this.channels.clear();
  }

  // ---------------------------------------------------------------------------- the retry loop

  private read<R extends ReadRpcName>(rpc: R, request: AdminRequest<R>, options: ReadOptions): Promise<AdminResponse<R>> {
    if (options.nodeId === undefined) return this.run(rpc, request, undefined);
    const pinned = this.controllers.find((c) => c.id === options.nodeId);
    if (pinned === undefined) return Promise.reject(apiError('INVALID_REQUEST', `node ${options.nodeId} is not one of this client's controllers`));
    return this.run(rpc, request, pinned);
  }

  /**
   * One operation: attempts against the preferred node (or only `pinned`), following leader hints,
   * until an answer, an error that is not retriable, or the budget is spent.
   */
  private async run<R extends AdminRpcName>(rpc: R, request: AdminRequest<R>, pinned: ControllerAddress | undefined): Promise<AdminResponse<R>> {
    let body: Buffer;
    try {
      body = asBuffer(encodeAdminRequest(rpc, request));
    } catch (error) {
      if (error instanceof MalformedAdminMessageError) throw apiError('INVALID_REQUEST', `${rpc}: ${error.message}`);
      throw error;
    }
    const deadline = Date.now() + this.timeoutMs;
    /** Full passes over the controllers that found no answer: the backoff grows with them. */
    let rounds = 0;
    /** Nodes asked since the last backoff: a hint to one of them means views disagree (an election). */
    const tried = new Set<NodeId>();
    let last: ApiError | undefined;
    for (;;) {
      if (this.closed) throw apiError('BROKER_NOT_AVAILABLE', 'the MetadataAdminClient is closed');
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw last ?? apiError('REQUEST_TIMED_OUT', `${rpc} not sent within ${this.timeoutMs} ms`);
      const target = pinned ?? this.controllers[this.preferred]!;
      const truncated = remaining < this.attemptTimeoutMs;
      const outcome = await this.attempt(rpc, body, target, truncated ? remaining : this.attemptTimeoutMs);
      if (outcome.ok) {
        // Only the active controller answers controller requests and DescribeQuorum.
        if (pinned === undefined && (isControllerRpc(rpc) || isVoterRpc(rpc) || rpc === 'DescribeQuorum')) this.knownController = target.id;
        return outcome.value;
      }
      const error = outcome.error;
      // A call cut short by our own budget says nothing about the cluster: keep what it last said.
      const outOfBudget = truncated && outcome.transport && error.code === 'REQUEST_TIMED_OUT';
      if (!outOfBudget || last === undefined) last = error;
      if (!outcome.transport && !isRetriable(error)) throw error;
      tried.add(target.id);
      if (pinned === undefined) {
        if (outcome.transport) {
          this.log?.debug({ rpc, asked: target.id, address: target.address, code: error.code, error: error.message }, 'controller unreachable');
          if (this.knownController === target.id) this.knownController = -1;
        }
        if (isRedirect(error) && error.leaderId >= 0 && !this.controllers.some((c) => c.id === error.leaderId)) {
          // Sent to a controller this client was not given: the node that named it knows where it is.
          await this.learnControllers(target, deadline);
        }
        const hinted = isRedirect(error) ? this.controllers.findIndex((c) => c.id === error.leaderId) : -1;
        if (hinted >= 0 && !tried.has(error.leaderId)) {
          // A fresh hint is worth following at once.
          this.log?.debug({ rpc, asked: target.id, leaderId: error.leaderId }, 'not the controller; following the hint');
          this.preferred = hinted;
          this.knownController = error.leaderId;
          continue;
        }
        // No usable hint: ask the others at once, and pause only once every node has failed us.
        const untried = this.controllers.findIndex((c, i) => !tried.has(c.id) && i !== this.preferred);
        if (untried >= 0) {
          this.preferred = untried;
          continue;
        }
        this.rotate();
      }
      rounds += 1;
      tried.clear();
      await this.pause(this.backoff(rounds), deadline);
    }
  }

  /**
   * Asks `from` (DescribeCluster) where every controller is and adds those this client did not know,
   * so that a client given one controller's address follows a redirect to any other. Best effort:
   * without an answer the redirect cannot be followed, and the retry loop goes on as before.
   */
  private async learnControllers(from: ControllerAddress, deadline: number): Promise<void> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return;
    const outcome = await this.attempt('DescribeCluster', asBuffer(encodeAdminRequest('DescribeCluster', {})), from, Math.min(remaining, this.attemptTimeoutMs));
    if (!outcome.ok) return;
    for (const controller of outcome.value.controllers) {
      if (this.controllers.some((c) => c.id === controller.id)) continue;
      this.controllers.push({ id: controller.id, address: controller.address });
      this.log?.debug({ controllerId: controller.id, address: controller.address, from: from.id }, 'learned of a controller');
    }
  }

  private attempt<R extends AdminRpcName>(rpc: R, body: Buffer, target: ControllerAddress, timeoutMs: number): Promise<Attempt<R>> {
    const channel = this.channelTo(target.address);
    return new Promise((resolve) => {
      channel.makeUnaryRequest(
        adminRpcPath(rpc),
        passThrough,
        passThrough,
        body,
        new Metadata(),
        { deadline: Date.now() + timeoutMs },
        (failure: ServiceError | null, response?: Buffer) => {
          if (failure !== null) {
            resolve(this.fromStatus(rpc, target, failure));
            return;
          }
          if (response === undefined) {
            resolve({ ok: false, error: apiError('UNKNOWN_SERVER_ERROR', `${rpc} at node ${target.id}: empty response`), transport: false });
            return;
          }
          try {
            const result = decodeAdminResponse(rpc, response);
            resolve(result.ok ? result : { ok: false, error: result.error, transport: false });
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            resolve({ ok: false, error: apiError('UNKNOWN_SERVER_ERROR', `${rpc} at node ${target.id}: malformed response: ${message}`), transport: false });
          }
        },
      );
    });
  }

  /** A failed call as a Kafka error: a refusal is final, the network's failures are retried. */
  private fromStatus<R extends AdminRpcName>(rpc: R, target: ControllerAddress, failure: ServiceError): Attempt<R> {
    const where = `${rpc} at node ${target.id} (${target.address})`;
    const reason = failure.metadata?.get(ERROR_CODE_KEY)[0];
    switch (failure.code) {
      case grpcStatus.INVALID_ARGUMENT:
        if (reason === 'INVALID_REQUEST') return { ok: false, error: apiError('INVALID_REQUEST', `${where} refused the request: ${failure.details}`), transport: false };
        return { ok: false, error: apiError('UNKNOWN_SERVER_ERROR', `${where}: ${failure.details}`), transport: false };
      case grpcStatus.UNAVAILABLE:
      case grpcStatus.CANCELLED:
        return { ok: false, error: apiError('BROKER_NOT_AVAILABLE', `${where} is unavailable: ${failure.details}`), transport: true };
      case grpcStatus.DEADLINE_EXCEEDED:
        return { ok: false, error: apiError('REQUEST_TIMED_OUT', `${where} did not answer in time: ${failure.details}`), transport: true };
      case grpcStatus.UNIMPLEMENTED:
        return { ok: false, error: apiError('UNSUPPORTED_VERSION', `${where} does not serve ${rpc}: ${failure.details}`), transport: false };
      default:
        return { ok: false, error: apiError('UNKNOWN_SERVER_ERROR', `${where} failed (${grpcStatus[failure.code] ?? failure.code}): ${failure.details}`), transport: false };
    }
  }

  private channelTo(address: string): Client {
    let channel = this.channels.get(address);
    if (channel === undefined) {
      channel = new Client(address, this.tls === undefined ? credentials.createInsecure() : grpcChannelCredentials(this.tls), this.channelOptions);
      this.channels.set(address, channel);
    }
    return channel;
  }

  private rotate(): void {
    this.preferred = (this.preferred + 1) % this.controllers.length;
  }

  /** Exponential with jitter, so clients that failed together do not retry together. */
  private backoff(rounds: number): number {
    const cap = Math.min(MAX_BACKOFF_MS, this.retryBackoffMs * 2 ** Math.min(rounds - 1, 10));
    return cap / 2 + Math.random() * (cap / 2);
  }

  private pause(ms: number, deadline: number): Promise<void> {
    const wait = Math.max(0, Math.min(ms, deadline - Date.now()));
    return new Promise((resolve) => setTimeout(resolve, wait));
  }
}

const passThrough = (bytes: Buffer): Buffer => bytes;

/** The answer names (or fails to name) another node to ask. */
function isRedirect(error: ApiError): boolean {
  return error.code === 'NOT_CONTROLLER' || error.code === 'NOT_LEADER_OR_FOLLOWER';
}

function isRetriable(error: ApiError): boolean {
  return isRedirect(error) || error.retriable;
}

function positive(value: number, what: string): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${what} must be a positive number, got ${value}`);
  return value;
}
