import { performance } from 'node:perf_hooks';
import type { Operation } from './operation.js';

declare const handleBrand: unique symbol;
/** Identifies one invocation between `invoke` and its completion. */
export type OperationHandle = number & { readonly [handleBrand]: true };

interface Slot<I, O> {
  clientId: number;
  input: I;
  call: number;
  /** Set once the outcome is known, or known to be unknown. */
  done?: { output: O; return: number };
}

/**
 * Collects a history from real, concurrent clients. Call `invoke` just before
 * sending a request and `complete` just after the response arrives, so each
 * recorded interval contains the moment the system actually acted.
 *
 * The clock must be monotonic (the default is `performance.now()`, in ms);
 * wall-clock time can step backwards and fabricate real-time orderings.
 */
export class HistoryRecorder<I, O> {
  private readonly slots: Slot<I, O>[] = [];
  private open = 0;

  constructor(private readonly clock: () => number = () => performance.now()) {}

  invoke(clientId: number, input: I, now: number = this.clock()): OperationHandle {
    if (!Number.isFinite(now)) throw new RangeError(`invoke: time must be finite, got ${now}`);
    this.slots.push({ clientId, input, call: now });
    this.open++;
    return (this.slots.length - 1) as OperationHandle;
  }

  /** The client received `output`. */
  complete(handle: OperationHandle, output: O, now: number = this.clock()): void {
    const slot = this.pending(handle, 'complete');
    if (!(now >= slot.call)) throw new RangeError(`complete: time ${now} is before the call at ${slot.call}`);
    this.finish(slot, output, now);
  }

  /**
   * The client gave up without learning the outcome (timeout, connection
   * loss, crash). `output` is the model's "unknown" marker, e.g.
   * `{ unknown: true }` for the kv model. The operation is open-ended: it may
   * take effect at any later time, or never.
   */
  unknown(handle: OperationHandle, output: O): void {
    this.finish(this.pending(handle, 'unknown'), output, Infinity);
  }

  /** Marks every still-open invocation as outcome-unknown, e.g. when a test run stops with requests in flight. */
  abandonPending(output: O): number {
    const count = this.open;
    for (const slot of this.slots) if (slot.done === undefined) this.finish(slot, output, Infinity);
    return count;
  }

  get pendingCount(): number {
    return this.open;
  }

  /**
   * The recorded history, in invocation order. Throws while invocations are
   * still open: leaving them out could hide a write that readers observed and
   * turn a correct run into a reported violation.
   */
  operations(): Operation<I, O>[] {
    if (this.open > 0) {
      throw new Error(`${this.open} invocation(s) still open; complete them or call abandonPending() first`);
    }
    return this.slots.map((s) => ({
      clientId: s.clientId,
      input: s.input,
      output: s.done!.output,
      call: s.call,
      return: s.done!.return,
    }));
  }

  private pending(handle: OperationHandle, what: string): Slot<I, O> {
    const slot = this.slots[handle];
    if (slot === undefined) throw new RangeError(`${what}: unknown handle ${handle}`);
    if (slot.done !== undefined) throw new Error(`${what}: operation ${handle} already finished`);
    return slot;
  }

  private finish(slot: Slot<I, O>, output: O, time: number): void {
    slot.done = { output, return: time };
    this.open--;
  }
}
