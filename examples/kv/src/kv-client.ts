/**
 * KvClient: talks to a kv cluster given any of its nodes' KvService addresses.
 *
 * ```ts
 * const kv = new KvClient({ addresses: ['127.0.0.1:7101', '127.0.0.1:7102', '127.0.0.1:7103'] });
 * await kv.put('k', 'v');                         // { offset }
 * (await kv.get('k')).value;                      // Uint8Array | null
 * await kv.compareAndSet('k', 'v', 'w');          // { applied: true, offset }
 * await kv.compareAndSet('new', null, 'x');       // expected null: only if absent
 * await kv.delete('k');
 * kv.close();
 * ```
 *
 * It finds the leader by following NOT_LEADER_OR_FOLLOWER redirects, and retries whatever
 * certainly had no effect (a refusal, a node it could not connect to) until `timeoutMs` runs out.
 * It never retries a write whose outcome became unknown (timeout, connection lost mid-call, server
 * failure): that would risk applying it twice. Such a write throws KvError with
 * `outcomeUnknown: true`. Reads are retried on any failure: a repeated read has no effect.
 *
 * Operations to a node travel on one KvService.Pipeline stream by default, so many in flight
 * cost one stream rather than one gRPC call each; `transport: 'unary'` makes each its own call.
 * The retry rules are the same either way.
 *
 * Keys and values are bytes; strings are taken as UTF-8.
 */
import { Client, credentials, Metadata, status as grpcStatus, type ChannelOptions, type ServiceError } from '@grpc/grpc-js';
import { KvError } from './kv-client-error';
import { ClientPipeline } from './kv-client-pipeline';
import { KV_SERVICE_DEFINITION, type KvMethodName, type KvRpcs, type KvUnaryMethods } from './kv-service-definition';
import type { KvWireError, PipelineOp } from './kv-wire';

export { KvError, type KvErrorCode } from './kv-client-error';

export type Bytes = Uint8Array | string;

export interface KvClientOptions {
  /** KvService `host:port` of one or more nodes; the leader is found from any of them. */
  readonly addresses: readonly string[];
  /** Budget of one operation, retries and redirects included. Default 10 000 ms. */
  readonly timeoutMs?: number;
  /**
   * Deadline of one gRPC call. Default 7000 ms: longer than the server's own request timeout
   * (5000 ms by default), so a slow commit comes back as the server's REQUEST_TIMED_OUT.
   */
  readonly attemptTimeoutMs?: number;
  /** First pause between retries when no leader is known; doubles up to 1000 ms. Default 25 ms. */
  readonly retryBackoffMs?: number;
  /** 'pipeline' (default): one KvService.Pipeline stream per node; 'unary': one gRPC call per operation. */
  readonly transport?: KvTransport;
}

export type KvTransport = 'pipeline' | 'unary';

export interface WriteResult {
  /** The offset the write was committed at in the Raft log. */
  readonly offset: number;
}

export interface CompareAndSetResult extends WriteResult {
  /** Whether the current value matched `expected` and was replaced. */
  readonly applied: boolean;
}

export interface GetResult {
  /** null when the key is absent. */
  readonly value: Uint8Array | null;
  /** The linearizable read point: the value reflects every write committed before this offset. */
  readonly readOffset: number;
}

export const KV_CLIENT_DEFAULTS = {
  timeoutMs: 10_000,
  attemptTimeoutMs: 7000,
  retryBackoffMs: 25,
  transport: 'pipeline',
} as const;

const MAX_BACKOFF_MS = 1000;

/**
 * Fast reconnects: a restarted node must be found again within a fraction of a second, not after
 * grpc-js's default backoff of up to 120 s. No transparent retries: one call is one attempt.
 */
const CHANNEL_OPTIONS: ChannelOptions = {
  'grpc.initial_reconnect_backoff_ms': 50,
  'grpc.max_reconnect_backoff_ms': 1000,
  'grpc.enable_retries': 0,
  // Each KvClient gets its own connections; tests run several "independent" clients in one process.
  'grpc.use_local_subchannel_pool': 1,
};

type Request<M extends KvMethodName> = KvRpcs[M]['request'];
type Response<M extends KvMethodName> = KvRpcs[M]['response'];

export class KvClient {
  private readonly addresses: string[];
  private readonly channels = new Map<string, Client>();
  private readonly pipelines = new Map<string, ClientPipeline>();
  /** Nodes that answered Pipeline with UNIMPLEMENTED (an older server): unary calls there. */
  private readonly unaryOnly = new Set<string>();
  private readonly transport: KvTransport;
  private readonly timeoutMs: number;
  private readonly attemptTimeoutMs: number;
  private readonly retryBackoffMs: number;
  /** Index into `addresses` of the node to ask first: the last known leader. */
  private preferred = 0;
  private closed = false;

  constructor(options: KvClientOptions) {
    if (options.addresses.length === 0) throw new RangeError('KvClient needs at least one address');
    this.addresses = [...new Set(options.addresses)];
    this.timeoutMs = positive(options.timeoutMs ?? KV_CLIENT_DEFAULTS.timeoutMs, 'timeoutMs');
    this.attemptTimeoutMs = positive(options.attemptTimeoutMs ?? KV_CLIENT_DEFAULTS.attemptTimeoutMs, 'attemptTimeoutMs');
    this.retryBackoffMs = positive(options.retryBackoffMs ?? KV_CLIENT_DEFAULTS.retryBackoffMs, 'retryBackoffMs');
    this.transport = options.transport ?? KV_CLIENT_DEFAULTS.transport;
    if (this.transport !== 'pipeline' && this.transport !== 'unary') throw new RangeError(`transport must be 'pipeline' or 'unary', got ${String(this.transport)}`);
  }

  async put(key: Bytes, value: Bytes): Promise<WriteResult> {
    const response = await this.call('Put', { key: bytes(key), value: bytes(value) }, true);
    return { offset: response.offset };
  }

  async delete(key: Bytes): Promise<WriteResult> {
    const response = await this.call('Delete', { key: bytes(key) }, true);
    return { offset: response.offset };
  }

  /** Sets `value` if the current value equals `expected`; `expected` null means "only if absent". */
  async compareAndSet(key: Bytes, expected: Bytes | null, value: Bytes): Promise<CompareAndSetResult> {
    const request = { key: bytes(key), hasExpected: expected !== null, expected: expected === null ? new Uint8Array(0) : bytes(expected), value: bytes(value) };
    const response = await this.call('CompareAndSet', request, true);
    return { applied: response.applied, offset: response.offset };
  }

  /** A linearizable read, served by the leader after a read barrier. */
  async get(key: Bytes): Promise<GetResult> {
    const response = await this.call('Get', { key: bytes(key) }, false);
    return { value: response.found ? response.value : null, readOffset: response.readOffset };
  }

  /** Closes every connection; calls in flight fail (a write's outcome then unknown). */
  close(): void {
    this.closed = true;
    for (const pipeline of this.pipelines.values()) pipeline.close();
    this.pipelines.clear();
    for (const channel of this.channels.values()) channel.close();
    this.channels.clear();
  }

  /**
   * One operation: attempts against the preferred node, following redirects, until an answer,
   * a failure that must not be retried, or the budget is spent.
   */
  private async call<M extends KvMethodName>(method: M, request: Request<M>, isWrite: boolean): Promise<Response<M>> {
    const deadline = Date.now() + this.timeoutMs;
    let failures = 0;
    let last: KvError | undefined;
    for (;;) {
      if (this.closed) throw new KvError('CLIENT_CLOSED', 'the client is closed', false);
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        const why = last === undefined ? '' : `; last error: ${last.message}`;
        // Every attempt so far certainly had no effect (else we would have thrown already).
        throw new KvError(last?.code ?? 'UNAVAILABLE', `${method} gave up after ${this.timeoutMs} ms${why}`, false, { cause: last });
      }
      const address = this.addresses[this.preferred]!;
      const outcome = await this.attempt(method, request, address, Math.min(this.attemptTimeoutMs, remaining));
      if ('response' in outcome) {
        const error = (outcome.response as { error: KvWireError | null }).error;
        if (error === null) return outcome.response;
        last = new KvError(error.code, `${method} at ${address}: ${error.message}`, false);
        if (error.code === 'NOT_LEADER_OR_FOLLOWER') {
          // Definitely not applied: go where the node points, or try the next node.
          failures += 1;
          if (error.leaderAddress !== '' && error.leaderAddress !== address) {
            this.prefer(error.leaderAddress);
            // A fresh hint is worth following at once; a chain of them means views disagree (an election).
            if (failures > 2) await sleep(this.backoff(failures - 2));
          } else {
            this.rotate();
            await sleep(this.backoff(failures));
          }
          continue;
        }
        if (error.code === 'INVALID_REQUEST') throw last;
        // REQUEST_TIMED_OUT / UNKNOWN_SERVER_ERROR: a write may still commit; a read can go again.
        if (isWrite) throw new KvError(error.code, last.message, true);
        failures += 1;
        await sleep(this.backoff(failures));
        continue;
      }
      const failure = outcome.failure;
      last = new KvError(failure.code === grpcStatus.DEADLINE_EXCEEDED ? 'REQUEST_TIMED_OUT' : 'UNAVAILABLE', `${method} at ${address}: ${failure.details || failure.message}`, false, {
        cause: failure,
      });
      if (isWrite && !neverSent(failure)) throw new KvError(last.code, last.message, true, { cause: failure });
      failures += 1;
      this.rotate();
      await sleep(this.backoff(failures));
    }
  }

  private attempt<M extends KvMethodName>(
    method: M,
    request: Request<M>,
    address: string,
    timeoutMs: number,
  ): Promise<{ response: Response<M> } | { failure: ServiceError }> {
    if (this.transport === 'pipeline' && !this.unaryOnly.has(address)) return this.attemptOnPipeline(method, request, address, timeoutMs);
    const definition: KvUnaryMethods[M] = KV_SERVICE_DEFINITION[method];
    const channel = this.channelTo(address);
    return new Promise((resolve) => {
      channel.makeUnaryRequest(
        definition.path,
        definition.requestSerialize,
        definition.responseDeserialize,
        request,
        new Metadata(),
        { deadline: Date.now() + timeoutMs },
        (error: ServiceError | null, response?: Response<M>) => {
          if (error !== null) resolve({ failure: error });
          else if (response === undefined) resolve({ failure: badResponse(method, 'empty response') });
          else resolve({ response });
        },
      );
    });
  }

  private async attemptOnPipeline<M extends KvMethodName>(
    method: M,
    request: Request<M>,
    address: string,
    timeoutMs: number,
  ): Promise<{ response: Response<M> } | { failure: ServiceError }> {
    let pipeline = this.pipelines.get(address);
    if (pipeline === undefined) {
      pipeline = new ClientPipeline(this.channelTo(address));
      this.pipelines.set(address, pipeline);
    }
    const outcome = await pipeline.send({ method, request } as PipelineOp, timeoutMs);
    if ('failure' in outcome) {
      if (outcome.failure.code !== grpcStatus.UNIMPLEMENTED) return outcome;
      // The server has no Pipeline, so it served nothing on it: the same attempt as a unary call.
      this.unaryOnly.add(address);
      return this.attempt(method, request, address, timeoutMs);
    }
    // A Get is answered with a GetResponse, a write with a WriteResponse; anything else is a server bug.
    const response = method === 'Get' ? ('get' in outcome.result ? outcome.result.get : undefined) : 'write' in outcome.result ? outcome.result.write : undefined;
    return response === undefined ? { failure: badResponse(method, 'an answer of the wrong kind') } : { response: response as Response<M> };
  }

  private channelTo(address: string): Client {
    let channel = this.channels.get(address);
    if (channel === undefined) {
      channel = new Client(address, credentials.createInsecure(), CHANNEL_OPTIONS);
      this.channels.set(address, channel);
    }
    return channel;
  }

  private prefer(address: string): void {
    let index = this.addresses.indexOf(address);
    if (index < 0) index = this.addresses.push(address) - 1;
    this.preferred = index;
  }

  private rotate(): void {
    this.preferred = (this.preferred + 1) % this.addresses.length;
  }

  /** Exponential with full jitter, so clients that failed together do not retry together. */
  private backoff(failures: number): number {
    const cap = Math.min(MAX_BACKOFF_MS, this.retryBackoffMs * 2 ** Math.min(failures - 1, 10));
    return cap / 2 + Math.random() * (cap / 2);
  }
}

/**
 * grpc-js fails a call with this before it is written to any connection (the channel had no
 * connection to give it), so the server cannot have seen it. Every other failure — a dropped
 * connection, a deadline — may come after the server received the request.
 */
function neverSent(error: ServiceError): boolean {
  return error.code === grpcStatus.UNAVAILABLE && error.details.includes('No connection established');
}

function badResponse(method: string, details: string): ServiceError {
  return Object.assign(new Error(`${method}: ${details}`), { code: grpcStatus.INTERNAL, details, metadata: new Metadata() });
}

function bytes(value: Bytes): Uint8Array {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

function positive(value: number, what: string): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${what} must be a positive number, got ${value}`);
  return value;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
