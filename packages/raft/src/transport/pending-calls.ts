/**
 * Inbound gRPC calls waiting for the core's answer. The core answers a request by `send`ing a
 * response to the requester with the same requestId, possibly much later (a Fetch long-polls);
 * this table finds the call that response completes, by (from, requestId). A call nobody answers
 * within the timeout fails with DEADLINE_EXCEEDED, and a call its client gives up on (deadline,
 * disconnect) leaves the table at once, so an unanswered request never holds memory for long.
 */
import { status, type ServerUnaryCall, type sendUnaryData, type StatusObject } from '@grpc/grpc-js';
import type { NodeId } from '../core/config';
import type { RaftRpcName } from './raft-rpc';

/** A pending call, taken out of the table: complete it exactly once. */
export interface TakenCall {
  readonly rpc: RaftRpcName;
  complete(body: Buffer): void;
  fail(failure: StatusObject): void;
}

interface Entry {
  readonly rpc: RaftRpcName;
  readonly respond: sendUnaryData<Buffer>;
  readonly timer: NodeJS.Timeout;
}

export type ExpiryListener = (from: NodeId, requestId: number, rpc: RaftRpcName) => void;

export class PendingCalls {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly timeoutMs: number,
    private readonly onExpired: ExpiryListener,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * Registers a call; returns false when (from, requestId) is already pending — a duplicate the
   * caller must refuse rather than hand the core twice.
   */
  add(from: NodeId, requestId: number, rpc: RaftRpcName, call: ServerUnaryCall<Buffer, Buffer>, respond: sendUnaryData<Buffer>): boolean {
    const key = `${from}/${requestId}`;
    if (this.entries.has(key)) return false;
    const timer = setTimeout(() => {
      if (this.entries.get(key) !== entry) return;
      this.entries.delete(key);
      respond({ code: status.DEADLINE_EXCEEDED, details: `no ${rpc} response within ${this.timeoutMs} ms` });
      this.onExpired(from, requestId, rpc);
    }, this.timeoutMs);
    const entry: Entry = { rpc, respond, timer };
    this.entries.set(key, entry);
    call.once('cancelled', () => {
      if (this.entries.get(key) !== entry) return;
      this.entries.delete(key);
      clearTimeout(timer);
    });
    return true;
  }

  take(from: NodeId, requestId: number): TakenCall | undefined {
    const key = `${from}/${requestId}`;
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    clearTimeout(entry.timer);
    return {
      rpc: entry.rpc,
      complete: (body) => entry.respond(null, body),
      fail: (failure) => entry.respond(failure),
    };
  }

  /** Fails every pending call (on close) and empties the table. */
  failAll(failure: StatusObject): void {
    const entries = [...this.entries.values()];
    this.entries.clear();
    for (const entry of entries) {
      clearTimeout(entry.timer);
      entry.respond(failure);
    }
  }
}
