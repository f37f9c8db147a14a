/**
 * A follower's side of FetchStream to one leader (replication-rpc.ts): its fetches go out as
 * messages on one long-lived stream, and their answers come back on it in the order sent — a
 * replication round trip costs a message each way on an open HTTP/2 stream instead of a unary
 * call's headers, trailers and bookkeeping each way.
 *
 * The stream is opened by the first fetch and kept. When it ends — the leader stopped or restarted,
 * refused or failed a fetch, or a fetch ran past its deadline (the answers behind it cannot overtake
 * it, so the stream is given up) — every fetch still waiting on it fails as its unary call would
 * have, and the next fetch opens a new stream. A leader that answers UNIMPLEMENTED before answering
 * anything serves no FetchStream (a broker of an older version): the fetches waiting never reached
 * it, and are handed back to be sent unary.
 */
import { status, type ClientDuplexStream, type StatusObject } from '@grpc/grpc-js';

/** How a stream or a fetch on it ended without an answer, as a unary call's status would say. */
export type FetchStreamFailure = Pick<StatusObject, 'code' | 'details'> & Partial<Pick<StatusObject, 'metadata'>>;

export interface StreamedFetch {
  /** The encoded FetchRequest (the unary Fetch's body). */
  readonly body: Buffer;
  readonly timeoutMs: number;
  /** Runs once, with the encoded FetchResponse or the failure. */
  readonly done: (failure: FetchStreamFailure | null, response: Buffer | null) => void;
}

export interface FetchStreamOptions {
  /** Opens the FetchStream call. */
  readonly open: () => ClientDuplexStream<Buffer, Buffer>;
  /** The leader serves no FetchStream; `fetches` were waiting on the attempt and never reached it. */
  readonly unimplemented: (fetches: readonly StreamedFetch[]) => void;
}

interface Waiting extends StreamedFetch {
  readonly timer: NodeJS.Timeout;
}

export class FetchStream {
  private call: ClientDuplexStream<Buffer, Buffer> | null = null;
  /** Sent and not answered, oldest first: the next answer is the first one's. */
  private readonly waiting: Waiting[] = [];
  /** Whether the open stream has answered anything: only a silent one can be a leader without FetchStream. */
  private answered = false;
  private closed = false;

  constructor(private readonly options: FetchStreamOptions) {}

  send(fetch: StreamedFetch): void {
    if (this.closed) {
      fetch.done({ code: status.CANCELLED, details: 'the connection is closed' }, null);
      return;
    }
    const call = this.call ?? this.open();
    const timer = setTimeout(() => this.expire(call), fetch.timeoutMs);
    this.waiting.push({ ...fetch, timer });
    call.write(fetch.body);
  }

  /** Cancels the stream; the fetches waiting fail CANCELLED, as cancelled unary calls do. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    const call = this.call;
    if (call === null) return;
    this.end(call, { code: status.CANCELLED, details: 'the connection was closed' });
    call.cancel();
  }

  private open(): ClientDuplexStream<Buffer, Buffer> {
    const call = this.options.open();
    this.call = call;
    this.answered = false;
    call.on('data', (bytes: Buffer) => this.onAnswer(call, bytes));
    // Every end comes with a status, after 'error' when it is not OK: 'status' handles both.
    call.on('error', () => undefined);
    call.on('status', (outcome: StatusObject) => this.end(call, outcome.code === status.OK ? { code: status.UNAVAILABLE, details: 'the leader ended the stream' } : outcome));
    return call;
  }

  private onAnswer(call: ClientDuplexStream<Buffer, Buffer>, bytes: Buffer): void {
    if (this.call !== call) return;
    const fetch = this.waiting.shift();
    if (fetch === undefined) {
      // An answer to nothing sent: which fetch the next answer belongs to can no longer be known.
      this.end(call, { code: status.INTERNAL, details: 'the leader sent an answer to no fetch' });
      call.cancel();
      return;
    }
    clearTimeout(fetch.timer);
    this.answered = true;
    fetch.done(null, bytes);
  }

  private expire(call: ClientDuplexStream<Buffer, Buffer>): void {
    if (this.call !== call) return;
    this.end(call, { code: status.DEADLINE_EXCEEDED, details: 'a fetch on the stream ran past its deadline' });
    call.cancel();
  }

  /** The stream is over: what waited on it fails (or goes unary, if the leader has no FetchStream). */
  private end(call: ClientDuplexStream<Buffer, Buffer>, failure: FetchStreamFailure): void {
    if (this.call !== call) return;
    this.call = null;
    const waiting = this.waiting.splice(0);
    for (const fetch of waiting) clearTimeout(fetch.timer);
    if (failure.code === status.UNIMPLEMENTED && !this.answered && !this.closed) {
      this.options.unimplemented(waiting.map(({ body, timeoutMs, done }) => ({ body, timeoutMs, done })));
      return;
    }
    for (const fetch of waiting) fetch.done(failure, null);
  }
}
