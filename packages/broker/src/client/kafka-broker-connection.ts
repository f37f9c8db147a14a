/**
 * KzClient's connection to one broker, in Kafka's protocol: one TCP connection, requests pipelined
 * on it (each with its correlation id; the broker answers in order), the API versions negotiated
 * by ApiVersions when it connects (KIP-511's fallback included), and a new connection made on the
 * next request after one is lost. It is a BrokerApi, so the producer and consumer logic is the
 * same whatever carries it.
 *
 * ```ts
 * const broker = new KafkaBrokerConnection({ address: '127.0.0.1:9092' });
 * const { topics } = await broker.produce({ acks: -1, timeoutMs: 30_000, topics: [...] });
 * broker.close();
 * ```
 *
 * Kafka outcomes come back inside responses. The promise rejects only when there is no Kafka
 * answer: BrokerUnreachableError when the connection could not be made, was lost (a broker closes
 * it when it fails a request), or the deadline passed (the connection is then closed, as Kafka's
 * clients close it, since the answer may still come); MalformedBrokerMessageError when an answer
 * does not decode; KzClientError UNSUPPORTED_VERSION when the broker speaks no version of an API
 * that the client can use; KzClientError SASL_AUTHENTICATION_FAILED (and the other SASL errors)
 * when the SASL login of a new connection fails. Nothing is retried here: the caller knows what is
 * safe to retry.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';
import {
  ApiKey,
  APIS,
  decodeResponse,
  encodeRequest,
  FrameDecoder,
  ProtocolError,
  type ApiRequestTypes,
  type ApiResponseTypes,
  type Complete,
} from '@kz/kafka-protocol';
import type { BrokerApi } from '../protocol/broker-api';
import type { MetadataRequest, MetadataResponse } from '../protocol/cluster-metadata';
import type { FetchRequest, FetchResponse } from '../protocol/fetch';
import type {
  FindCoordinatorRequest,
  FindCoordinatorResponse,
  OffsetCommitRequest,
  OffsetCommitResponse,
  OffsetDeleteRequest,
  OffsetDeleteResponse,
  OffsetFetchRequest,
  OffsetFetchResponse,
} from '../protocol/group-offsets';
import type {
  DeleteGroupsRequest,
  DeleteGroupsResponse,
  DescribedGroup,
  DescribeGroupsRequest,
  HeartbeatRequest,
  HeartbeatResponse,
  JoinGroupResponse,
  LeaveGroupRequest,
  LeaveGroupResponse,
  ListGroupsRequest,
  ListGroupsResponse,
  SyncGroupRequest,
  SyncGroupResponse,
} from '../protocol/group-membership';
import type { DeleteRecordsRequest, DeleteRecordsResponse } from '../protocol/delete-records';
import type { ListOffsetsRequest, ListOffsetsResponse } from '../protocol/list-offsets';
import type { InitProducerIdRequest, InitProducerIdResponse } from '../protocol/producer-ids';
import type { ProduceRequest, ProduceResponse } from '../protocol/produce';
import { BrokerUnreachableError } from '../service/broker-unreachable-error';
import { MalformedBrokerMessageError } from '../service/malformed-broker-message-error';
import * as codec from './kafka-client-codec';
import { KzClientError } from './kz-client-error';
import { saslLogin, type ClientSasl } from './sasl-login';

export interface KafkaBrokerConnectionOptions {
  /** `host:port` of the broker's Kafka listener. */
  readonly address: string;
  /** Deadline of a request that names none (a fetch gets its maxWaitMs on top). Default 30 000 ms. */
  readonly requestTimeoutMs?: number;
  /** Sent in every request header, so a broker's logs can tell clients apart. */
  readonly clientId?: string;
  /** Largest answer accepted. Default 256 MiB. */
  readonly maxResponseBytes?: number;
  /** TLS (a listener on SSL): the CA to trust and, for client-certificate authentication, a key and certificate. */
  readonly tls?: ClientTls;
  /** SASL (a listener on SASL_PLAINTEXT or SASL_SSL): the mechanism and the user's credentials, used on every new connection. */
  readonly sasl?: ClientSasl;
}

/** What a client connecting over TLS needs (PEM). */
export interface ClientTls {
  readonly ca?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
}

/** Per-call options. */
export interface CallOptions {
  /** This call's deadline, from now. Default: the connection's requestTimeoutMs. */
  readonly timeoutMs?: number;
}

export const KAFKA_CONNECTION_DEFAULTS = {
  requestTimeoutMs: 30_000,
  maxResponseBytes: 256 * 1024 * 1024,
} as const;

const CLIENT_SOFTWARE = { name: 'kz-client', version: '0.1.0' } as const;
const UNSUPPORTED_VERSION = 35;
/** How much of a SASL session's lifetime (KIP-368) may pass before the connection is replaced (Kafka's clients re-authenticate at 85-95%). */
const SESSION_RENEWAL_FRACTION = 0.85;

interface Pending {
  readonly apiKey: ApiKey;
  readonly version: number;
  resolve(body: unknown): void;
  reject(error: Error): void;
  readonly timer: NodeJS.Timeout;
}

/** One TCP connection and what was negotiated on it. */
interface Session {
  readonly socket: net.Socket;
  /** The version to send of each API the broker and the client share; absent: none in common. */
  readonly versions: Map<ApiKey, number>;
}

export class KafkaBrokerConnection implements BrokerApi {
  readonly address: string;
  private readonly host: string;
  private readonly port: number;
  private readonly requestTimeoutMs: number;
  private readonly clientId: string | null;
  private readonly maxResponseBytes: number;
  private readonly tls: ClientTls | undefined;
  private readonly sasl: ClientSasl | undefined;
  /** When the SASL session should be renewed (KIP-368), by connecting again; never without a lifetime. */
  private renewAt = Number.POSITIVE_INFINITY;
  private session: Promise<Session> | null = null;
  private socket: net.Socket | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextCorrelationId = 0;
  private closed = false;

  constructor(options: KafkaBrokerConnectionOptions) {
    this.address = options.address;
    const at = options.address.lastIndexOf(':');
    this.host = options.address.slice(0, at).replace(/^\[|\]$/g, '');
    this.port = Number(options.address.slice(at + 1));
    if (at < 0 || !Number.isInteger(this.port) || this.port <= 0 || this.port > 65535) throw new RangeError(`expected host:port, got ${JSON.stringify(options.address)}`);
    this.requestTimeoutMs = options.requestTimeoutMs ?? KAFKA_CONNECTION_DEFAULTS.requestTimeoutMs;
    if (!(this.requestTimeoutMs > 0)) throw new RangeError(`requestTimeoutMs must be positive, got ${this.requestTimeoutMs}`);
    this.clientId = options.clientId ?? null;
    this.maxResponseBytes = options.maxResponseBytes ?? KAFKA_CONNECTION_DEFAULTS.maxResponseBytes;
    this.tls = options.tls;
    this.sasl = options.sasl;
  }

  /** With acks=0 the broker sends no answer: this resolves with no topics once the request is written. */
  async produce(request: ProduceRequest, options?: CallOptions): Promise<ProduceResponse> {
    if (request.acks === 0) {
      await this.call(ApiKey.Produce, codec.produceRequest(request), options, false);
      return { topics: [] };
    }
    return codec.produceResponse(await this.call(ApiKey.Produce, codec.produceRequest(request), options));
  }

  /** The deadline must outlast the request's maxWaitMs, or a long poll comes back as a failure. */
  async fetch(request: FetchRequest, options?: CallOptions): Promise<FetchResponse> {
    return codec.fetchResponse(await this.call(ApiKey.Fetch, codec.fetchRequest(request), options ?? { timeoutMs: this.requestTimeoutMs + request.maxWaitMs }));
  }

  async listOffsets(request: ListOffsetsRequest, options?: CallOptions): Promise<ListOffsetsResponse> {
    return codec.listOffsetsResponse(await this.call(ApiKey.ListOffsets, codec.listOffsetsRequest(request), options));
  }

  /** The deadline must outlast the request's timeoutMs, which the leader may spend waiting for its followers. */
  async deleteRecords(request: DeleteRecordsRequest, options?: CallOptions): Promise<DeleteRecordsResponse> {
    const body = codec.deleteRecordsRequest(request);
    return codec.deleteRecordsResponse(await this.call(ApiKey.DeleteRecords, body, options ?? { timeoutMs: this.requestTimeoutMs + Math.max(0, request.timeoutMs) }));
  }

  async metadata(request: MetadataRequest, options?: CallOptions): Promise<MetadataResponse> {
    return codec.metadataResponse(await this.call(ApiKey.Metadata, codec.metadataRequest(request), options));
  }

  async findCoordinator(request: FindCoordinatorRequest, options?: CallOptions): Promise<FindCoordinatorResponse> {
    return codec.findCoordinatorResponse(await this.call(ApiKey.FindCoordinator, codec.findCoordinatorRequest(request), options));
  }

  async offsetCommit(request: OffsetCommitRequest, options?: CallOptions): Promise<OffsetCommitResponse> {
    return codec.offsetCommitResponse(await this.call(ApiKey.OffsetCommit, codec.offsetCommitRequest(request), options));
  }

  async offsetFetch(request: OffsetFetchRequest, options?: CallOptions): Promise<OffsetFetchResponse> {
    return codec.offsetFetchResponse(await this.call(ApiKey.OffsetFetch, codec.offsetFetchRequest(request), options));
  }

  async offsetDelete(request: OffsetDeleteRequest, options?: CallOptions): Promise<OffsetDeleteResponse> {
    return codec.offsetDeleteResponse(await this.call(ApiKey.OffsetDelete, codec.offsetDeleteRequest(request), options));
  }

  async initProducerId(request: InitProducerIdRequest, options?: CallOptions): Promise<InitProducerIdResponse> {
    return codec.initProducerIdResponse(await this.call(ApiKey.InitProducerId, codec.initProducerIdRequest(request), options));
  }

  /** A join waits for the whole group: give it the rebalance timeout, not the request timeout. */
  async joinGroup(request: codec.ClientJoinGroupRequest, options?: CallOptions): Promise<JoinGroupResponse> {
    return codec.joinGroupResponse(await this.call(ApiKey.JoinGroup, codec.joinGroupRequest(request), options));
  }

  async syncGroup(request: SyncGroupRequest, options?: CallOptions): Promise<SyncGroupResponse> {
    return codec.syncGroupResponse(await this.call(ApiKey.SyncGroup, codec.syncGroupRequest(request), options));
  }

  async heartbeat(request: HeartbeatRequest, options?: CallOptions): Promise<HeartbeatResponse> {
    const response = await this.call(ApiKey.Heartbeat, codec.heartbeatRequest(request), options);
    return { errorCode: response.errorCode };
  }

  async leaveGroup(request: LeaveGroupRequest, options?: CallOptions): Promise<LeaveGroupResponse> {
    return codec.leaveGroupResponse(await this.call(ApiKey.LeaveGroup, codec.leaveGroupRequest(request), options));
  }

  async describeGroups(request: DescribeGroupsRequest, options?: CallOptions): Promise<DescribedGroup[]> {
    return codec.describeGroupsResponse(await this.call(ApiKey.DescribeGroups, { groups: [...request.groupIds], includeAuthorizedOperations: false }, options));
  }

  async listGroups(request: ListGroupsRequest, options?: CallOptions): Promise<ListGroupsResponse> {
    return codec.listGroupsResponse(await this.call(ApiKey.ListGroups, codec.listGroupsRequest(request), options));
  }

  async deleteGroups(request: DeleteGroupsRequest, options?: CallOptions): Promise<DeleteGroupsResponse> {
    return codec.deleteGroupsResponse(await this.call(ApiKey.DeleteGroups, { groupsNames: [...request.groupIds] }, options));
  }

  /** Closes the connection; calls in flight fail with BrokerUnreachableError (CANCELLED). */
  close(): void {
    this.closed = true;
    this.drop(new BrokerUnreachableError(this.address, 'CANCELLED', `the connection to ${this.address} is closed`));
  }

  // ------------------------------------------------------------------------------ requests

  private async call<K extends codec.ClientApiKey>(
    apiKey: K,
    body: ApiRequestTypes[K],
    options: CallOptions | undefined,
    expectAnswer = true,
  ): Promise<Complete<ApiResponseTypes[K]>> {
    const timeoutMs = options?.timeoutMs ?? this.requestTimeoutMs;
    const deadline = Date.now() + timeoutMs;
    const session = await this.connected(deadline);
    const version = session.versions.get(apiKey);
    if (version === undefined) {
      const want = codec.CLIENT_VERSIONS[apiKey];
      throw new KzClientError('UNSUPPORTED_VERSION', UNSUPPORTED_VERSION, `broker ${this.address} speaks no version ${want.min}-${want.max} of ${APIS[apiKey].name}`);
    }
    return this.send(session, apiKey, version, body, Math.max(1, deadline - Date.now()), expectAnswer) as Promise<Complete<ApiResponseTypes[K]>>;
  }

  private send(session: Session, apiKey: ApiKey, version: number, body: unknown, timeoutMs: number, expectAnswer: boolean): Promise<unknown> {
    if (this.closed) return Promise.reject(new BrokerUnreachableError(this.address, 'CANCELLED', `${APIS[apiKey].name} to ${this.address}: the connection is closed`));
    const correlationId = this.nextCorrelationId;
    this.nextCorrelationId = (this.nextCorrelationId + 1) & 0x7fffffff;
    let frame: Uint8Array;
    try {
      frame = encodeRequest(apiKey, version, correlationId, this.clientId, body as never);
    } catch (error) {
      return Promise.reject(error);
    }
    if (!expectAnswer) {
      return new Promise((resolve, reject) => {
        session.socket.write(frame, (error) => (error ? reject(this.unreachable(apiKey, 'UNAVAILABLE', error.message)) : resolve(undefined)));
      });
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        if (!this.pending.delete(correlationId)) return;
        reject(this.unreachable(apiKey, 'DEADLINE_EXCEEDED', `no answer within ${timeoutMs} ms`));
        // The answer may still come, and everything behind it waits for it: start over, as Kafka's clients do.
        this.drop(this.unreachable(apiKey, 'UNAVAILABLE', `the connection was closed after a request to it timed out`));
      }, timeoutMs);
      this.pending.set(correlationId, { apiKey, version, resolve, reject, timer });
      session.socket.write(frame);
    });
  }

  /** A request at the negotiated version, on a session not yet handed out (the SASL login). */
  private sendNegotiated<K extends ApiKey>(session: Session, apiKey: K, body: ApiRequestTypes[K], deadline: number): Promise<Complete<ApiResponseTypes[K]>> {
    const version = session.versions.get(apiKey);
    if (version === undefined) return Promise.reject(new KzClientError('UNSUPPORTED_VERSION', UNSUPPORTED_VERSION, `broker ${this.address} speaks no version of ${APIS[apiKey].name} the client knows`));
    return this.send(session, apiKey, version, body, Math.max(1, deadline - Date.now()), true) as Promise<Complete<ApiResponseTypes[K]>>;
  }

  private unreachable(apiKey: ApiKey, reason: string, why: string): BrokerUnreachableError {
    return new BrokerUnreachableError(this.address, reason, `${APIS[apiKey].name} to ${this.address} failed (${reason}): ${why}`);
  }

  // ------------------------------------------------------------------------------ the connection

  private connected(deadline: number): Promise<Session> {
    if (this.closed) return Promise.reject(new BrokerUnreachableError(this.address, 'CANCELLED', `the connection to ${this.address} is closed`));
    // KIP-368: the broker closes a connection whose session outlived its lifetime. Rather than
    // re-authenticate in place — the broker serves nothing else mid-exchange, so every request
    // pipelined behind it would be refused — the connection is replaced at the first idle moment
    // once most of the lifetime is spent, before the broker would cut it.
    if (this.session !== null && this.pending.size === 0 && Date.now() >= this.renewAt) {
      this.drop(new BrokerUnreachableError(this.address, 'CANCELLED', `the SASL session with ${this.address} is being renewed`));
    }
    this.session ??= this.open(deadline);
    return this.session;
  }

  /** Connects and negotiates versions; a failure leaves no session behind, so the next call retries. */
  private async open(deadline: number): Promise<Session> {
    const secure = this.tls;
    const socket = secure === undefined ? net.connect({ host: this.host, port: this.port }) : tls.connect({ host: this.host, port: this.port, ...secure, ...(net.isIP(this.host) === 0 ? { servername: this.host } : {}) });
    this.socket = socket;
    socket.setNoDelay(true);
    const frames = new FrameDecoder({ maxFrameSize: this.maxResponseBytes });
    socket.on('data', (chunk: Buffer) => {
      let list: Uint8Array[];
      try {
        list = frames.push(chunk);
      } catch (error) {
        this.lost(socket, new MalformedBrokerMessageError(`answer from ${this.address}: ${(error as Error).message}`));
        return;
      }
      for (const frame of list) this.onFrame(socket, frame);
    });
    socket.on('error', (error) => this.lost(socket, new BrokerUnreachableError(this.address, 'UNAVAILABLE', `connection to ${this.address} failed: ${error.message}`, { cause: error })));
    socket.on('close', () => this.lost(socket, new BrokerUnreachableError(this.address, 'UNAVAILABLE', `connection to ${this.address} closed`)));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new BrokerUnreachableError(this.address, 'DEADLINE_EXCEEDED', `no connection to ${this.address} within the deadline`)), Math.max(1, deadline - Date.now()));
        socket.once(secure === undefined ? 'connect' : 'secureConnect', () => {
          clearTimeout(timer);
          resolve();
        });
        socket.once('close', () => {
          clearTimeout(timer);
          reject(new BrokerUnreachableError(this.address, 'UNAVAILABLE', `cannot connect to ${this.address}`));
        });
      });
      const versions = await this.negotiate(socket, deadline);
      const session = { socket, versions };
      if (this.sasl !== undefined) {
        const lifetimeMs = await saslLogin(this.sasl, this.address, (apiKey, body) => this.sendNegotiated(session, apiKey, body, deadline));
        this.renewAt = lifetimeMs > 0 ? Date.now() + lifetimeMs * SESSION_RENEWAL_FRACTION : Number.POSITIVE_INFINITY;
      }
      return session;
    } catch (error) {
      this.lost(socket, error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  /**
   * ApiVersions at the highest version the client knows; a broker that knows less answers in v0
   * form with UNSUPPORTED_VERSION and its ranges (KIP-511), and the request is made again lower.
   */
  private async negotiate(socket: net.Socket, deadline: number): Promise<Map<ApiKey, number>> {
    const bootstrap: Session = { socket, versions: new Map() };
    let version: number = codec.CLIENT_VERSIONS[ApiKey.ApiVersions].max;
    for (let attempt = 0; ; attempt++) {
      const body = { clientSoftwareName: CLIENT_SOFTWARE.name, clientSoftwareVersion: CLIENT_SOFTWARE.version };
      const answer = (await this.send(bootstrap, ApiKey.ApiVersions, version, body, Math.max(1, deadline - Date.now()), true)) as Complete<ApiResponseTypes[typeof ApiKey.ApiVersions]>;
      const ranges = new Map(answer.apiKeys.map((k) => [k.apiKey, k]));
      if (answer.errorCode === UNSUPPORTED_VERSION && attempt === 0) {
        const theirs = ranges.get(ApiKey.ApiVersions);
        if (theirs === undefined || theirs.maxVersion < codec.CLIENT_VERSIONS[ApiKey.ApiVersions].min) break;
        version = Math.min(version, theirs.maxVersion);
        continue;
      }
      if (answer.errorCode !== 0) throw new MalformedBrokerMessageError(`ApiVersions to ${this.address} answered error ${answer.errorCode}`);
      const versions = new Map<ApiKey, number>();
      for (const [key, ours] of Object.entries(codec.CLIENT_VERSIONS)) {
        const theirs = ranges.get(Number(key));
        if (theirs === undefined) continue;
        const chosen = Math.min(ours.max, theirs.maxVersion);
        if (chosen >= Math.max(ours.min, theirs.minVersion)) versions.set(Number(key) as ApiKey, chosen);
      }
      return versions;
    }
    throw new KzClientError('UNSUPPORTED_VERSION', UNSUPPORTED_VERSION, `broker ${this.address} speaks no ApiVersions version the client knows`);
  }

  private onFrame(socket: net.Socket, frame: Uint8Array): void {
    if (socket !== this.socket || frame.length < 4) return;
    const correlationId = ((frame[0]! << 24) | (frame[1]! << 16) | (frame[2]! << 8) | frame[3]!) >>> 0;
    const pending = this.pending.get(correlationId);
    // An answer to a request that already timed out (or none we sent) has nobody waiting for it.
    if (pending === undefined) return;
    this.pending.delete(correlationId);
    clearTimeout(pending.timer);
    let body: unknown;
    try {
      body = decodeResponse(pending.apiKey, pending.version, frame).body;
    } catch (error) {
      const message = error instanceof ProtocolError ? error.message : String(error);
      pending.reject(new MalformedBrokerMessageError(`${APIS[pending.apiKey].name} answer from ${this.address} does not decode: ${message}`, { cause: error }));
      // After a frame we misread, nothing later on this connection can be trusted either.
      this.lost(socket, new MalformedBrokerMessageError(`connection to ${this.address} dropped after an answer that did not decode`));
      return;
    }
    pending.resolve(body);
  }

  /** The socket is gone: every request on it fails, and the next call connects again. */
  private lost(socket: net.Socket, error: Error): void {
    if (socket !== this.socket) return;
    this.drop(error);
  }

  private drop(error: Error): void {
    const socket = this.socket;
    this.socket = null;
    this.session = null;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    socket?.destroy();
  }
}
