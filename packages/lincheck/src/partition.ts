import type { Model } from './model.js';
import type { Operation } from './operation.js';

/** The independent sub-histories to check; the whole history is one part unless the model says otherwise. */
export function partitionHistory<S, I, O>(
  model: Model<S, I, O>,
  history: readonly Operation<I, O>[],
): Operation<I, O>[][] {
  return model.partition ? model.partition(history) : [history.slice()];
}

/**
 * Indices of the parts, smallest first. Small parts finish quickly, so under a
 * deadline a violation in one of them is found before a large part uses up the
 * budget.
 */
export function checkingOrder(parts: readonly (readonly unknown[])[]): number[] {
  return parts.map((_, i) => i).sort((a, b) => parts[a]!.length - parts[b]!.length || a - b);
}
