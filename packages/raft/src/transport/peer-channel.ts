/**
 * The client side of one peer: one grpc-js channel, created on the first request and reused for
 * every later one (grpc-js reconnects it with backoff after a failure), plus the accounting that
 * bounds the request bytes in flight to that peer. Over the bound, a request is not sent at all:
 * the core retries on its own timers, and a slow or partitioned peer cannot make us queue without
 * limit.
 */
import {
  Client,
  credentials,
  type ChannelCredentials,
  type ChannelOptions,
  type ClientUnaryCall,
  type Metadata,
  type ServiceError,
} from '@grpc/grpc-js';
import type { NodeId } from '../core/config';

export interface PeerChannelOptions {
  readonly nodeId: NodeId;
  /** host:port */
  readonly address: string;
  readonly channelOptions: ChannelOptions;
  readonly requestTimeoutMs: number;
  readonly maxInflightBytes: number;
  /** TLS credentials (grpc-tls.ts); default plaintext. */
  readonly credentials?: ChannelCredentials;
}

export type CallOutcome = (error: ServiceError | null, response: Buffer | undefined) => void;

const passThrough = (bytes: Buffer): Buffer => bytes;

export class PeerChannel {
  readonly nodeId: NodeId;
  readonly address: string;
  private client: Client | undefined;
  private bytesInFlight = 0;
  private readonly calls = new Set<ClientUnaryCall>();
  private closed = false;

  constructor(private readonly options: PeerChannelOptions) {
    this.nodeId = options.nodeId;
    this.address = options.address;
  }

  /** Encoded bytes of the requests sent to this peer whose calls have not completed. */
  get inflightBytes(): number {
    return this.bytesInFlight;
  }

  get inflightCalls(): number {
    return this.calls.size;
  }

  /**
   * Starts a unary call with the transport's deadline; `done` runs once when it completes, fails or
   * is cancelled. Returns false, and sends nothing, when the peer's bytes in flight would pass the
   * bound — except that a lone request always goes, so a bound below one message cannot wedge a peer.
   */
  call(path: string, body: Buffer, metadata: Metadata, done: CallOutcome): boolean {
    if (this.closed) return false;
    if (this.bytesInFlight > 0 && this.bytesInFlight + body.length > this.options.maxInflightBytes) return false;
    this.client ??= new Client(this.address, this.options.credentials ?? credentials.createInsecure(), this.options.channelOptions);
    this.bytesInFlight += body.length;
    let finished = false;
    const call: ClientUnaryCall = this.client.makeUnaryRequest(
      path,
      passThrough,
      passThrough,
      body,
      metadata,
      { deadline: Date.now() + this.options.requestTimeoutMs },
      (error, response) => {
        finished = true;
        this.bytesInFlight -= body.length;
        this.calls.delete(call);
        done(error, response);
      },
    );
    if (!finished) this.calls.add(call);
    return true;
  }

  /** Cancels the calls in flight (their `done` sees CANCELLED) and closes the channel. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const call of [...this.calls]) call.cancel();
    this.calls.clear();
    this.client?.close();
    this.client = undefined;
  }
}
