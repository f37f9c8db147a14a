import { ConfigurationCache } from './configuration-cache.js';
import { EntryList } from './entry-list.js';
import type { Model } from './model.js';
import { isOpenEnded, type Operation } from './operation.js';

/** Where the search got furthest before every continuation failed. */
export interface DeadEnd<S> {
  /** Operation indices, in the order they were linearized. */
  prefix: number[];
  /** Model state after `prefix`. */
  state: S;
  /**
   * Known-outcome operations that real time allowed next, none of which led
   * anywhere. Open-ended ones are left out: they never had to be placed.
   */
  candidates: number[];
}

export type SearchOutcome<S> = { kind: 'linearizable' } | ({ kind: 'violation' } & DeadEnd<S>) | { kind: 'timeout' };

export interface SearchOptions {
  /** Polled every `pollEvery` steps; returning true abandons the search. */
  shouldStop(): boolean;
  pollEvery?: number;
}

/**
 * Wing–Gong–Lowe search for a linearization of one (sub-)history.
 *
 * Operations are linearized just in time: the scan only ever tries calls that
 * appear before the first outstanding return, i.e. operations that nothing
 * still pending is required to precede. Hitting a return means its operation
 * should already have taken effect, so the last choice is undone. Each
 * configuration (linearized set, state) is explored at most once.
 *
 * Open-ended operations (`return === Infinity`) are optional: success is
 * reached once every operation with a known outcome is linearized, whichever
 * open-ended ones were placed along the way.
 */
export function searchLinearization<S, I, O>(
  model: Model<S, I, O>,
  ops: readonly Operation<I, O>[],
  options: SearchOptions,
): SearchOutcome<S> {
  const list = new EntryList(ops);
  const cache = new ConfigurationCache<S>(ops.length, model);
  const required = ops.map((o) => !isOpenEnded(o));
  const requiredTotal = required.filter(Boolean).length;
  let remaining = requiredTotal;
  const pollMask = nextPowerOfTwo(options.pollEvery ?? 1024) - 1;

  // The undo stack: the call node linearized at each depth and the state before it.
  const stackNodes: number[] = [];
  const stackStates: S[] = [];
  let state = model.init();
  let best: DeadEnd<S> | undefined;
  let bestPlaced = 0;

  let node = list.next[EntryList.HEAD]!;
  for (let steps = 1; ; steps++) {
    if (remaining === 0) return { kind: 'linearizable' };
    if ((steps & pollMask) === 0 && options.shouldStop()) return { kind: 'timeout' };

    if (list.isCall(node)) {
      const opIndex = list.op[node]!;
      const op = ops[opIndex]!;
      const result = model.step(state, op.input, op.output);
      if (result.ok) {
        cache.mark(opIndex);
        if (cache.add(result.state)) {
          stackNodes.push(node);
          stackStates.push(state);
          state = result.state;
          list.lift(node);
          if (required[opIndex]) remaining--;
          node = list.next[EntryList.HEAD]!;
          continue;
        }
        cache.unmark(opIndex);
      }
      node = list.next[node]!;
      continue;
    }

    if (node === list.tail) {
      // Unreachable while `remaining > 0`: some known-outcome return is still linked before the tail.
      throw new Error('lincheck: search ran past the end of the history');
    }

    // A return: its operation had to take effect by now, and no candidate before it led anywhere.
    // "Furthest" counts operations that had to be placed; optional ones only pad the witness.
    const placed = requiredTotal - remaining;
    if (best === undefined || placed > bestPlaced || (placed === bestPlaced && stackNodes.length < best.prefix.length)) {
      const candidates = callsBefore(list, node).filter((i) => required[i]);
      best = { prefix: stackNodes.map((n) => list.op[n]!), state, candidates };
      bestPlaced = placed;
    }
    const undone = stackNodes.pop();
    if (undone === undefined) return { kind: 'violation', ...best };
    state = stackStates.pop()!;
    const undoneOp = list.op[undone]!;
    cache.unmark(undoneOp);
    list.unlift(undone);
    if (required[undoneOp]) remaining++;
    node = list.next[undone]!;
  }
}

function callsBefore(list: EntryList, stop: number): number[] {
  const out: number[] = [];
  for (let n = list.next[EntryList.HEAD]!; n !== stop; n = list.next[n]!) out.push(list.op[n]!);
  return out;
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
