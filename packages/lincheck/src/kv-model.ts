import type { Model } from './model.js';
import type { Operation } from './operation.js';

export type KvInput =
  | { op: 'get'; key: string }
  | { op: 'put'; key: string; value: string }
  | { op: 'delete'; key: string }
  | { op: 'cas'; key: string; expected: string | null; value: string };

/**
 * `{ value }` answers a get (`null`: key absent). `{ ok }` answers a write:
 * put and delete report `ok: true` (`ok: false` means definitely refused, so
 * no effect), cas reports whether `expected` matched. `{ unknown: true }`: the
 * client never learned the outcome.
 */
export type KvOutput = { value: string | null } | { ok: boolean } | { unknown: true };

/** The value of one key (`null`: absent); the model is checked one key at a time. */
export type KvState = string | null;

type KvOperation = Operation<KvInput, KvOutput>;

/**
 * A string -> string map, partitioned per key: operations on different keys
 * commute, so each key's sub-history is a single register checked on its own.
 *
 * Outcome-unknown operations are accepted whatever they did: a get is dropped
 * (it constrains nothing), a write may or may not have taken effect at any time
 * after its call.
 */
export const kvModel: Model<KvState, KvInput, KvOutput> = {
  init: () => null,

  step(state, input, output) {
    if ('unknown' in output) return { ok: true, state: applyUnconditionally(state, input) };
    switch (input.op) {
      case 'get':
        return { ok: 'value' in output && output.value === state, state };
      case 'put':
        return { ok: 'ok' in output && output.ok, state: input.value };
      case 'delete':
        return { ok: 'ok' in output && output.ok, state: null };
      case 'cas': {
        if (!('ok' in output)) return { ok: false, state };
        const matched = state === input.expected;
        return { ok: output.ok === matched, state: matched ? input.value : state };
      }
    }
  },

  partition(history) {
    const byKey = new Map<string, KvOperation[]>();
    history.forEach((op, index) => {
      checkShape(op, index);
      const relevant = relevantForm(op);
      if (relevant === undefined) return;
      const part = byKey.get(op.input.key);
      if (part) part.push(relevant);
      else byKey.set(op.input.key, [relevant]);
    });
    return [...byKey.values()];
  },

  equal: (a, b) => a === b,
  // The prefix keeps the absent key distinct from any string value.
  hash: (state) => (state === null ? '-' : `+${state}`),

  describeOperation(input, output) {
    const result =
      'unknown' in output ? '?' : 'value' in output ? showValue(output.value) : output.ok ? 'ok' : 'failed';
    switch (input.op) {
      case 'get':
        return `get(${input.key}) -> ${result}`;
      case 'put':
        return `put(${input.key}, ${showValue(input.value)}) -> ${result}`;
      case 'delete':
        return `delete(${input.key}) -> ${result}`;
      case 'cas':
        return `cas(${input.key}, ${showValue(input.expected)} => ${showValue(input.value)}) -> ${result}`;
    }
  },

  describeState: (state) => showValue(state),
};

/** A write whose outcome is unknown, if it took effect at all. */
function applyUnconditionally(state: KvState, input: KvInput): KvState {
  switch (input.op) {
    case 'get':
      return state;
    case 'put':
      return input.value;
    case 'delete':
      return null;
    case 'cas':
      return state === input.expected ? input.value : state;
  }
}

/**
 * The operation as the search should see it, or undefined if it constrains
 * nothing. An unknown-outcome write is made open-ended even if the client
 * recorded a return time: the deterministic `step` can only say what the write
 * did if it happened, and the search only treats open-ended operations as
 * optional, so this is how "maybe never happened" is expressed. Dropping the
 * upper bound can only hide violations, never invent them.
 */
function relevantForm(op: KvOperation): KvOperation | undefined {
  const { input, output } = op;
  if ('unknown' in output) {
    if (input.op === 'get') return undefined;
    return op.return === Infinity ? op : { ...op, return: Infinity };
  }
  if ((input.op === 'put' || input.op === 'delete') && 'ok' in output && !output.ok) return undefined;
  return op;
}

/** A get answered like a write (or vice versa) is a bug in the recording, not a linearizability violation. */
function checkShape(op: KvOperation, index: number): void {
  const { input, output } = op;
  if ('unknown' in output) return;
  const expected = input.op === 'get' ? 'value' : 'ok';
  if (!(expected in output)) {
    throw new TypeError(
      `operation ${index}: ${input.op} on key ${JSON.stringify(input.key)} needs a { ${expected} } output, got ${JSON.stringify(output)}`,
    );
  }
}

function showValue(value: string | null): string {
  return value === null ? 'absent' : JSON.stringify(value);
}
