import { performance } from 'node:perf_hooks';
import { explainViolation } from './explanation.js';
import type { Model } from './model.js';
import { validateOperation, type Operation } from './operation.js';
import { checkingOrder, partitionHistory } from './partition.js';
import { searchLinearization } from './wing-gong.js';

/** The furthest the search got in the failing partition. */
export interface Witness<I, O> {
  /**
   * The longest linearizable prefix found, in linearization order: the one
   * placing the most known-outcome operations, with as few open-ended ones as
   * that allows.
   */
  prefix: Operation<I, O>[];
  /** Known-outcome operations that real time allowed next after `prefix`, none of which could be placed. */
  unplaceable: Operation<I, O>[];
}

export type CheckResult<I = unknown, O = unknown> =
  | { result: 'ok' }
  | {
      result: 'illegal';
      /** Index into the model's partition of the history. */
      partition: number;
      explanation: string;
      witness: Witness<I, O>;
    }
  | { result: 'unknown'; reason: 'timeout' };

export interface CheckOptions {
  /** Give up and return `unknown` after roughly this long; unlimited by default. */
  timeoutMs?: number;
}

/**
 * Decides whether `history` is linearizable with respect to `model`.
 *
 * Each partition is searched independently; the history is linearizable iff
 * every partition is, so the first violation found is the answer.
 */
export function checkOperations<S, I, O>(
  model: Model<S, I, O>,
  history: readonly Operation<I, O>[],
  options: CheckOptions = {},
): CheckResult<I, O> {
  const timeoutMs = options.timeoutMs ?? Infinity;
  if (Number.isNaN(timeoutMs) || timeoutMs < 0) throw new RangeError(`timeoutMs must be >= 0, got ${timeoutMs}`);
  history.forEach(validateOperation);
  const deadline = performance.now() + timeoutMs;
  const shouldStop = (): boolean => performance.now() >= deadline;

  const parts = partitionHistory(model, history);
  parts.forEach((part) => part.forEach(validateOperation));
  for (const index of checkingOrder(parts)) {
    const ops = parts[index]!;
    if (ops.length === 0) continue;
    const outcome = searchLinearization(model, ops, { shouldStop });
    // The budget is spent, and parts run smallest first, so none still waiting is a cheap win worth overrunning for.
    if (outcome.kind === 'timeout') return { result: 'unknown', reason: 'timeout' };
    if (outcome.kind === 'violation') {
      const prefix = outcome.prefix.map((i) => ops[i]!);
      const unplaceable = outcome.candidates.map((i) => ops[i]!);
      return {
        result: 'illegal',
        partition: index,
        explanation: explainViolation(model, index, ops, prefix, outcome.state, unplaceable),
        witness: { prefix, unplaceable },
      };
    }
  }
  return { result: 'ok' };
}
