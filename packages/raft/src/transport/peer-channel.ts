/**
 * The client side of one peer: one grpc-js channel, created on the first request and reused for
 * every later one (grpc-js reconnects it with backoff after a failure), the Stream to the peer that
 * carries the requests (peer-stream.ts) — or unary calls, for a peer that serves no Stream or when
 * streams are off — plus the accounting that bounds the request bytes in flight to that peer. Over
 * the bound, a request is not sent at all: the core retries on its own timers, and a slow or
 * partitioned peer cannot make us queue without limit.
 */
import {
  Client,
  credentials,
  status,
  type ChannelCredentials,
  type ChannelOptions,
  type ClientDuplexStream,
  type ClientUnaryCall,
  type Metadata,
  type ServiceError,
} from '@grpc/grpc-js';
import type { DeadlineSweep } from '@kz/runtime';
import type { NodeId } from '../core/config';
import { serviceError } from './call-metadata';
import { PeerStream, type CallOutcome, type StreamRequest } from './peer-stream';
import { rpcPath, STREAM_RPC, type RaftRpcName } from './raft-rpc';
import { asBuffer } from './raft-service-definition';

export type { CallOutcome } from './peer-stream';

export interface PeerChannelOptions {
  readonly nodeId: NodeId;
  /** host:port */
  readonly address: string;
  readonly channelOptions: ChannelOptions;
  readonly requestTimeoutMs: number;
  readonly maxInflightBytes: number;
  /** TLS credentials (grpc-tls.ts); default plaintext. */
  readonly credentials?: ChannelCredentials;
  /** The metadata of a call or stream: the cluster and this node. */
  readonly metadata: () => Metadata;
  /** Carry requests on a Stream (else one unary call each). */
  readonly stream: boolean;
  /** The transport's one timer for the deadlines of requests on streams. */
  readonly deadlines: DeadlineSweep;
  /** The peer answered Stream with UNIMPLEMENTED: it is called unary from now on. */
  readonly fellBackToUnary?: (peer: NodeId) => void;
  /** A stream to the peer was opened. */
  readonly streamOpened?: (peer: NodeId) => void;
}

const passThrough = (bytes: Buffer): Buffer => bytes;

export class PeerChannel {
  readonly nodeId: NodeId;
  readonly address: string;
  private client: Client | undefined;
  private bytesInFlight = 0;
  private readonly calls = new Set<ClientUnaryCall>();
  private stream: PeerStream | null = null;
  private useStream: boolean;
  private closed = false;

  constructor(private readonly options: PeerChannelOptions) {
    this.nodeId = options.nodeId;
    this.address = options.address;
    this.useStream = options.stream;
  }

  /** Encoded bytes of the requests sent to this peer whose calls have not completed. */
  get inflightBytes(): number {
    return this.bytesInFlight;
  }

  get inflightCalls(): number {
    return this.calls.size + (this.stream?.size ?? 0);
  }

  /** Whether requests go on a Stream (false once the peer said it serves none). */
  get streaming(): boolean {
    return this.useStream;
  }

  /**
   * Sends a request of `rpc`, with the transport's deadline; `done` runs once, never before this
   * returns, when it is answered, fails or is cancelled. Returns false, and sends nothing, when the
   * peer's bytes in flight would pass the bound — except that a lone request always goes, so a bound
   * below one message cannot wedge a peer.
   */
  call(rpc: RaftRpcName, body: Uint8Array, done: CallOutcome): boolean {
    if (this.closed) return false;
    if (this.bytesInFlight > 0 && this.bytesInFlight + body.length > this.options.maxInflightBytes) return false;
    this.bytesInFlight += body.length;
    const finish: CallOutcome = (error, response) => {
      this.bytesInFlight -= body.length;
      done(error, response);
    };
    if (!this.useStream) {
      this.unary(rpc, body, finish);
    } else if (!this.streamTo().send(rpc, body, finish)) {
      const failure = serviceError({ code: status.UNAVAILABLE, details: `the stream to node ${this.nodeId} failed; reopening it after a backoff` });
      queueMicrotask(() => finish(failure, undefined));
    }
    return true;
  }

  /** Cancels the calls in flight (their `done` sees CANCELLED) and closes the channel. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stream?.close();
    this.stream = null;
    for (const call of [...this.calls]) call.cancel();
    this.calls.clear();
    this.client?.close();
    this.client = undefined;
  }

  private grpcClient(): Client {
    this.client ??= new Client(this.address, this.options.credentials ?? credentials.createInsecure(), this.options.channelOptions);
    return this.client;
  }

  private streamTo(): PeerStream {
    this.stream ??= new PeerStream({
      open: (): ClientDuplexStream<Buffer, Buffer> =>
        this.grpcClient().makeBidiStreamRequest(rpcPath(STREAM_RPC), passThrough, passThrough, this.options.metadata(), {}),
      deadlines: this.options.deadlines,
      requestTimeoutMs: this.options.requestTimeoutMs,
      unimplemented: (requests) => this.fallBackToUnary(requests),
      opened: () => this.options.streamOpened?.(this.nodeId),
    });
    return this.stream;
  }

  /** The peer serves no Stream: what was sent on the attempt goes again, unary, as will everything after. */
  private fallBackToUnary(requests: readonly StreamRequest[]): void {
    this.useStream = false;
    this.stream = null;
    this.options.fellBackToUnary?.(this.nodeId);
    for (const { rpc, body, done } of requests) this.unary(rpc, body, done);
  }

  private unary(rpc: RaftRpcName, body: Uint8Array, done: CallOutcome): void {
    let finished = false;
    const call: ClientUnaryCall = this.grpcClient().makeUnaryRequest(
      rpcPath(rpc),
      passThrough,
      passThrough,
      asBuffer(body),
      this.options.metadata(),
      { deadline: Date.now() + this.options.requestTimeoutMs },
      (error: ServiceError | null, response: Buffer | undefined) => {
        finished = true;
        this.calls.delete(call);
        done(error, response);
      },
    );
    if (!finished) this.calls.add(call);
  }
}
