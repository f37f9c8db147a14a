/**
 * One client operation as observed from outside the system: when the client
 * issued it, what it asked for, what it was told, and when it was told.
 *
 * Times are in any unit from one monotonic clock. `a` precedes `b` in real time
 * only if `a.return < b.call`; equal timestamps count as overlapping, so clock
 * granularity can only make the checker more permissive, never report a false
 * violation.
 */
export interface Operation<I, O> {
  clientId: number;
  input: I;
  output: O;
  call: number;
  /**
   * `Infinity` when the outcome is unknown (the client timed out or crashed):
   * the operation may have taken effect at any point after `call`, or never.
   */
  return: number;
}

/** True when the operation's outcome is unknown, so it may or may not have taken effect. */
export function isOpenEnded<I, O>(op: Operation<I, O>): boolean {
  return op.return === Infinity;
}

/**
 * Rejects operations whose timing cannot come from a real clock; a NaN or an
 * inverted interval would otherwise silently corrupt the real-time order.
 */
export function validateOperation<I, O>(op: Operation<I, O>, index: number): void {
  if (!Number.isFinite(op.call)) {
    throw new RangeError(`operation ${index}: call time must be a finite number, got ${op.call}`);
  }
  if (Number.isNaN(op.return) || op.return < op.call) {
    throw new RangeError(
      `operation ${index}: return time ${op.return} must be >= call time ${op.call} (or Infinity if unknown)`,
    );
  }
}
