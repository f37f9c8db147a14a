import type { Operation } from './operation.js';

/**
 * The history as a time-ordered, doubly linked list of call and return events
 * (Wing & Gong). Linearizing an operation unlinks both of its events; because
 * unlinked nodes keep their own links, undoing it on backtrack is O(1)
 * (dancing links), provided lifts are undone in reverse order.
 *
 * Nodes are indices into typed arrays rather than objects, so a search over a
 * few thousand events touches a handful of contiguous arrays.
 */
export class EntryList {
  /** Sentinel before the first event; `next[HEAD]` is where every scan starts. */
  static readonly HEAD = 0;
  /** Sentinel after the last event. */
  readonly tail: number;
  readonly next: Int32Array;
  private readonly prev: Int32Array;
  /** For each node, the operation it belongs to. */
  readonly op: Int32Array;
  /** For each call node, its return node; -1 for return nodes. */
  private readonly match: Int32Array;

  constructor(ops: readonly Operation<unknown, unknown>[]) {
    const n = ops.length;
    const events: { time: number; isReturn: boolean; op: number }[] = [];
    for (let i = 0; i < n; i++) {
      const o = ops[i]!;
      events.push({ time: o.call, isReturn: false, op: i }, { time: o.return, isReturn: true, op: i });
    }
    // At equal times calls go first: a tie then reads as overlap, the permissive reading.
    // Two open-ended returns give `Infinity - Infinity`, NaN, which is falsy and falls through to the tie-breaks.
    events.sort((a, b) => a.time - b.time || Number(a.isReturn) - Number(b.isReturn) || a.op - b.op);

    const size = 2 * n + 2;
    this.tail = size - 1;
    this.next = new Int32Array(size);
    this.prev = new Int32Array(size);
    this.op = new Int32Array(size).fill(-1);
    this.match = new Int32Array(size).fill(-1);
    const returnNode = new Int32Array(n);
    for (let i = 0; i < size; i++) {
      this.next[i] = i + 1;
      this.prev[i] = i - 1;
    }
    this.next[this.tail] = -1;
    events.forEach((e, i) => {
      const node = i + 1;
      this.op[node] = e.op;
      if (e.isReturn) returnNode[e.op] = node;
    });
    events.forEach((e, i) => {
      if (!e.isReturn) this.match[i + 1] = returnNode[e.op]!;
    });
  }

  isCall(node: number): boolean {
    return this.match[node]! >= 0;
  }

  /** Unlinks a call node and its return node. */
  lift(call: number): void {
    const ret = this.match[call]!;
    this.unlink(call);
    this.unlink(ret);
  }

  /** Reverses the most recent `lift` of `call`. */
  unlift(call: number): void {
    const ret = this.match[call]!;
    this.relink(ret);
    this.relink(call);
  }

  private unlink(node: number): void {
    const p = this.prev[node]!;
    const n = this.next[node]!;
    this.next[p] = n;
    this.prev[n] = p;
  }

  private relink(node: number): void {
    this.next[this.prev[node]!] = node;
    this.prev[this.next[node]!] = node;
  }
}
