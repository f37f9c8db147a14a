/**
 * The server side of one Stream a peer opened to this node, once admitted (cluster id, node id and
 * certificate checked when it opened, for every frame it will carry): its request frames go to the
 * transport in the order they came, and each answer goes back as a frame naming the request's
 * frame id. A request the caller cancels (a CANCELLED frame: its deadline passed), and those still
 * waiting for the core when the stream goes away, are forgotten, as a cancelled unary call's is.
 */
import { status, type ServerDuplexStream } from '@grpc/grpc-js';
import type { NodeId } from '../core/config';
import type { RaftResponse } from '../core/messages';
import type { CallStatus } from './call-metadata';
import type { InboundReply } from './pending-calls';
import { encodeRaftMessageParts } from './raft-codec';
import { asBuffer } from './raft-service-definition';
import type { RaftRpcName } from './raft-rpc';
import { decodeStreamFrame, encodeFailureFrame, encodeMessageFrame, type StreamFrame } from './stream-frame';

export interface InboundStreamHandlers {
  /** A request frame arrived. */
  request(stream: InboundStream, frame: Extract<StreamFrame, { kind: 'message' }>): void;
  /** A frame that is no request frame arrived; the stream is failed with INVALID_ARGUMENT. */
  malformed(stream: InboundStream, reason: string): void;
  /** The stream is gone (the peer closed it, or it was failed). */
  closed(stream: InboundStream): void;
}

export class InboundStream {
  /** Requests still waiting for the core, by frame id: how to forget each. */
  private readonly waiting = new Map<number, () => void>();
  private open = true;

  constructor(
    private readonly call: ServerDuplexStream<Buffer, Buffer>,
    /** The node the stream was admitted for: every request on it is from this node. */
    readonly from: NodeId,
    private readonly handlers: InboundStreamHandlers,
  ) {
    call.on('data', (bytes: Buffer) => this.onData(bytes));
    call.on('end', () => this.end({ code: status.OK, details: 'the peer ended the stream' }));
    call.on('cancelled', () => this.gone());
    call.on('error', () => this.gone());
    call.on('close', () => this.gone());
  }

  /** The peer the stream comes from, for logs. */
  get peer(): string {
    return this.call.getPeer();
  }

  /** Whether a request with this frame id is waiting: the peer may not reuse it until answered. */
  isWaiting(id: number): boolean {
    return this.waiting.has(id);
  }

  /** How the request of frame `id` is answered; `forget` (from PendingCalls) is run if the stream goes first. */
  reply(id: number, rpc: RaftRpcName): InboundReply {
    return {
      encode: (response: RaftResponse) => encodeMessageFrame(id, rpc, encodeRaftMessageParts(response)),
      complete: (bytes) => this.answer(id, bytes),
      fail: (failure) => this.answer(id, encodeFailureFrame(id, rpc, failure)),
    };
  }

  track(id: number, forget: () => void): void {
    this.waiting.set(id, forget);
  }

  /** Refuses the request of frame `id` (never handed to the core, so nothing of it is waiting). */
  refuse(id: number, rpc: RaftRpcName, failure: CallStatus): void {
    if (this.open) this.call.write(encodeFailureFrame(id, rpc, failure));
  }

  /** Ends the stream with `outcome` (UNAVAILABLE at shutdown, INVALID_ARGUMENT for a malformed frame). */
  end(outcome: CallStatus): void {
    if (!this.open) return;
    this.gone();
    if (outcome.code === status.OK) this.call.end();
    // A server stream fails with a status by emitting it as an error (grpc-js sends it as the trailers).
    else this.call.emit('error', outcome);
  }

  private answer(id: number, bytes: Uint8Array): void {
    this.waiting.delete(id);
    if (this.open) this.call.write(asBuffer(bytes));
  }

  private onData(bytes: Buffer): void {
    if (!this.open) return;
    let frame: StreamFrame;
    try {
      frame = decodeStreamFrame(bytes);
    } catch (error) {
      this.handlers.malformed(this, error instanceof Error ? error.message : String(error));
      return;
    }
    if (frame.kind === 'message') {
      this.handlers.request(this, frame);
    } else if (frame.failure.code === status.CANCELLED) {
      // The caller gave up on the request (its deadline passed): forget it, as a cancelled unary call.
      const forget = this.waiting.get(frame.id);
      this.waiting.delete(frame.id);
      forget?.();
    } else {
      this.handlers.malformed(this, `a ${frame.rpc} frame carried status ${frame.failure.code}: a caller sends requests, or cancels them`);
    }
  }

  private gone(): void {
    if (!this.open) return;
    this.open = false;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const forget of waiting) forget();
    this.handlers.closed(this);
  }
}
