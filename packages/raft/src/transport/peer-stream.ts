/**
 * The client side of the Stream RPC to one peer: one long-lived bidirectional stream that carries
 * every request to that peer as a frame, answered by frames on the same stream. One stream instead
 * of one unary call per request: a replication round trip costs two frames on an open HTTP/2
 * stream instead of a call's headers, trailers and bookkeeping each way.
 *
 * The stream is opened by the first request and kept. When it breaks (peer down or restarted, the
 * stream refused), the requests in flight on it fail as their unary calls would have — the core
 * retries on its own timers — and the next request opens a new one: at once if the broken stream
 * had carried answers, else after a backoff that doubles while streams keep failing without any,
 * failing requests fast meanwhile as grpc-js fails unary calls to a peer it cannot reach. A peer
 * that answers UNIMPLEMENTED serves no Stream (a node of an older version): the requests in flight
 * never reached it, and are handed back to be sent unary.
 *
 * Requests on the stream have no gRPC deadline of their own; each gets one on the transport's
 * DeadlineSweep and fails DEADLINE_EXCEEDED when it passes, as a unary call would, and a CANCELLED
 * frame tells the peer to forget it.
 */
import { status, type ClientDuplexStream, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import type { DeadlineSweep, SweptDeadline } from '@kz/runtime';
import { serviceError, type CallStatus } from './call-metadata';
import type { RaftRpcName } from './raft-rpc';
import { decodeStreamFrame, encodeFailureFrame, encodeMessageFrame, MAX_FRAME_ID } from './stream-frame';

export type CallOutcome = (error: ServiceError | null, response: Uint8Array | undefined) => void;

/** A request sent on the stream and not answered yet. */
export interface StreamRequest {
  readonly rpc: RaftRpcName;
  /** The encoded request (the unary body). */
  readonly body: Uint8Array;
  readonly done: CallOutcome;
}

interface InFlight extends StreamRequest {
  readonly deadline: SweptDeadline;
}

export interface PeerStreamOptions {
  /** Opens the Stream call (with the metadata that names the cluster and this node). */
  readonly open: () => ClientDuplexStream<Buffer, Buffer>;
  readonly deadlines: DeadlineSweep;
  readonly requestTimeoutMs: number;
  /** The peer serves no Stream; `requests` were in flight on the attempt and never reached it. */
  readonly unimplemented: (requests: readonly StreamRequest[]) => void;
  /** A stream was opened (counted in the transport's stats). */
  readonly opened?: () => void;
}

/** Kafka's reconnect.backoff.ms and reconnect.backoff.max.ms, as for the channel (grpc-options.ts). */
export const STREAM_BACKOFF_MS = 50;
export const STREAM_BACKOFF_MAX_MS = 1000;

export class PeerStream {
  private call: ClientDuplexStream<Buffer, Buffer> | null = null;
  private readonly inFlight = new Map<number, InFlight>();
  private lastId = 0;
  /** Whether the open stream has answered anything: one that has was healthy, and is reopened at once. */
  private answered = false;
  private backoffMs = 0;
  private notBefore = 0;
  private closed = false;

  constructor(private readonly options: PeerStreamOptions) {}

  /** Requests sent and not answered yet. */
  get size(): number {
    return this.inFlight.size;
  }

  /**
   * Sends `body` as a request of `rpc`; `done` runs once with the answer or the failure. False, with
   * nothing sent, while the stream is backing off after failing without an answer, or once closed.
   */
  send(rpc: RaftRpcName, body: Uint8Array, done: CallOutcome): boolean {
    if (this.closed) return false;
    const call = this.call ?? this.open();
    if (call === null) return false;
    const id = this.nextId();
    const deadline = this.options.deadlines.after(this.options.requestTimeoutMs, () => this.expire(id));
    this.inFlight.set(id, { rpc, body, done, deadline });
    call.write(encodeMessageFrame(id, rpc, { head: body, tag: 0, chunks: [], size: body.length }));
    return true;
  }

  /** Cancels the stream; the requests in flight fail CANCELLED, as cancelled unary calls do. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const call = this.call;
    this.call = null;
    call?.cancel();
    this.failAll(serviceError({ code: status.CANCELLED, details: 'the stream was closed' }));
  }

  private open(): ClientDuplexStream<Buffer, Buffer> | null {
    if (Date.now() < this.notBefore) return null;
    const call = this.options.open();
    this.call = call;
    this.answered = false;
    call.on('data', (bytes: Buffer) => this.onFrame(call, bytes));
    // Every end comes with a status, after 'error' when it is not OK: 'status' handles both.
    call.on('error', () => undefined);
    call.on('status', (outcome: StatusObject) => this.onEnd(call, outcome));
    this.options.opened?.();
    return call;
  }

  private nextId(): number {
    do this.lastId = this.lastId >= MAX_FRAME_ID ? 1 : this.lastId + 1;
    while (this.inFlight.has(this.lastId));
    return this.lastId;
  }

  private onFrame(call: ClientDuplexStream<Buffer, Buffer>, bytes: Buffer): void {
    if (this.call !== call) return;
    let frame;
    try {
      frame = decodeStreamFrame(bytes);
    } catch (error) {
      // Which request it answers cannot be known: nothing on this stream can be trusted any more.
      this.onEnd(call, { code: status.INTERNAL, details: `the peer sent a malformed frame: ${error instanceof Error ? error.message : String(error)}` });
      call.cancel();
      return;
    }
    const request = this.inFlight.get(frame.id);
    // No one waits for it: its request timed out already.
    if (request === undefined) return;
    this.inFlight.delete(frame.id);
    request.deadline.cancel();
    this.answered = true;
    this.backoffMs = 0;
    if (frame.rpc !== request.rpc) {
      request.done(serviceError({ code: status.INTERNAL, details: `a ${request.rpc} request was answered with a ${frame.rpc} frame` }), undefined);
    } else if (frame.kind === 'failure') {
      request.done(serviceError(frame.failure), undefined);
    } else {
      request.done(null, frame.body);
    }
  }

  private onEnd(call: ClientDuplexStream<Buffer, Buffer>, outcome: CallStatus): void {
    if (this.call !== call) return;
    this.call = null;
    if (outcome.code === status.UNIMPLEMENTED) {
      const requests = [...this.inFlight.values()];
      this.inFlight.clear();
      for (const request of requests) request.deadline.cancel();
      this.options.unimplemented(requests);
      return;
    }
    if (this.answered) {
      this.backoffMs = 0;
      this.notBefore = 0;
    } else {
      this.backoffMs = Math.min(Math.max(this.backoffMs * 2, STREAM_BACKOFF_MS), STREAM_BACKOFF_MAX_MS);
      this.notBefore = Date.now() + this.backoffMs;
    }
    // A stream that ends OK was still ended under its requests: to them it is a failed call.
    const failure = outcome.code === status.OK ? { code: status.UNAVAILABLE, details: 'the peer ended the stream' } : outcome;
    this.failAll(serviceError(failure));
  }

  private expire(id: number): void {
    const request = this.inFlight.get(id);
    if (request === undefined) return;
    this.inFlight.delete(id);
    // Tell the peer, as a unary deadline cancels the call there: it forgets the request at once.
    this.call?.write(encodeFailureFrame(id, request.rpc, { code: status.CANCELLED, details: 'the caller’s deadline passed' }));
    request.done(serviceError({ code: status.DEADLINE_EXCEEDED, details: `no ${request.rpc} answer on the stream within ${this.options.requestTimeoutMs} ms` }), undefined);
  }

  private failAll(error: ServiceError): void {
    const requests = [...this.inFlight.values()];
    this.inFlight.clear();
    for (const request of requests) {
      request.deadline.cancel();
      request.done(error, undefined);
    }
  }
}
