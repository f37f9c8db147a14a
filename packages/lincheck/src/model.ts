import type { Operation } from './operation.js';

/** Outcome of applying one operation to a model state. */
export interface StepResult<S> {
  /** Whether the operation, with the output the client observed, is legal in the given state. */
  ok: boolean;
  state: S;
}

/**
 * A sequential specification: what a single correct copy of the system would
 * do. The checker asks whether some total order of the history, consistent
 * with real time, is accepted step by step by this specification.
 */
export interface Model<S, I, O> {
  init(): S;
  /** Must be pure: the search revisits states and relies on `state` being unchanged. */
  step(state: S, input: I, output: O): StepResult<S>;
  /**
   * Splits the history into independent sub-histories (e.g. one per key).
   * Each is checked separately, which turns one exponential search into many
   * small ones; only valid if operations in different parts never interact.
   */
  partition?(history: readonly Operation<I, O>[]): Operation<I, O>[][];
  /**
   * State equality for memoisation. Without it, states with equal `hash` are
   * taken to be equal, and without `hash` either, `Object.is` is used (sound,
   * but memoisation then only helps for primitive states).
   */
  equal?(a: S, b: S): boolean;
  /** A key for the state; equal states must have equal hashes. */
  hash?(state: S): string;
  describeOperation?(input: I, output: O): string;
  describeState?(state: S): string;
}
