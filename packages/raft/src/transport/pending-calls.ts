/**
 * Inbound requests waiting for the core's answer, whether they came as unary calls or as frames of
 * a Stream. The core answers a request by `send`ing a response to the requester with the same
 * requestId, possibly much later (a Fetch long-polls); this table finds what that response
 * completes, by (from, requestId). A request nobody answers within the timeout fails with
 * DEADLINE_EXCEEDED (all of them on one timer, a DeadlineSweep), and one whose caller gives up
 * (deadline, disconnect, a stream closed) leaves the table at once, so an unanswered request never
 * holds memory for long.
 */
import { status } from '@grpc/grpc-js';
import { DeadlineSweep, type SweptDeadline } from '@kz/runtime';
import type { NodeId } from '../core/config';
import type { RaftResponse } from '../core/messages';
import type { CallStatus } from './call-metadata';
import type { RaftRpcName } from './raft-rpc';

/** How a waiting request is answered: on its unary call, or by a frame on its stream. */
export interface InboundReply {
  /** The bytes that carry `response` back (a unary body, or a whole frame). Throws if it does not encode. */
  encode(response: RaftResponse): Uint8Array;
  complete(bytes: Uint8Array): void;
  fail(failure: CallStatus): void;
}

/** A pending request, taken out of the table: answer it exactly once, through `reply`. */
export interface TakenCall {
  readonly rpc: RaftRpcName;
  readonly reply: InboundReply;
}

interface Entry {
  readonly rpc: RaftRpcName;
  readonly reply: InboundReply;
  readonly deadline: SweptDeadline;
}

export type ExpiryListener = (from: NodeId, requestId: number, rpc: RaftRpcName) => void;

export class PendingCalls {
  private readonly entries = new Map<string, Entry>();
  private readonly deadlines = new DeadlineSweep();

  constructor(
    private readonly timeoutMs: number,
    private readonly onExpired: ExpiryListener,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * Registers a request. Returns a function that forgets it (its caller went away), or null when
   * (from, requestId) is already pending — a duplicate the caller must refuse rather than hand the
   * core twice.
   */
  add(from: NodeId, requestId: number, rpc: RaftRpcName, reply: InboundReply): (() => void) | null {
    const key = `${from}/${requestId}`;
    if (this.entries.has(key)) return null;
    const deadline = this.deadlines.after(this.timeoutMs, () => {
      if (this.entries.get(key) !== entry) return;
      this.entries.delete(key);
      reply.fail({ code: status.DEADLINE_EXCEEDED, details: `no ${rpc} response within ${this.timeoutMs} ms` });
      this.onExpired(from, requestId, rpc);
    });
    const entry: Entry = { rpc, reply, deadline };
    this.entries.set(key, entry);
    return () => {
      if (this.entries.get(key) !== entry) return;
      this.entries.delete(key);
      deadline.cancel();
    };
  }

  take(from: NodeId, requestId: number): TakenCall | undefined {
    const key = `${from}/${requestId}`;
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    entry.deadline.cancel();
    return { rpc: entry.rpc, reply: entry.reply };
  }

  /** Fails every pending request (on close) and empties the table. */
  failAll(failure: CallStatus): void {
    const entries = [...this.entries.values()];
    this.entries.clear();
    this.deadlines.clear();
    for (const entry of entries) entry.reply.fail(failure);
  }
}
