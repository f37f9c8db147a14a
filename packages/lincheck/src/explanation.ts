import type { Model } from './model.js';
import type { Operation } from './operation.js';

/** How many linearized operations to spell out; the tail of the prefix is where the trouble is. */
const PREFIX_LINES = 20;

export function describeOperation<S, I, O>(model: Model<S, I, O>, op: Operation<I, O>): string {
  const what = model.describeOperation
    ? model.describeOperation(op.input, op.output)
    : `${show(op.input)} -> ${show(op.output)}`;
  const ret = op.return === Infinity ? '?' : String(op.return);
  return `client ${op.clientId} [${op.call}, ${ret}] ${what}`;
}

/**
 * A human-readable account of the furthest the search got: the operations it
 * managed to order, the state they produced, and the operations of which none
 * could go next, each marked by whether the model refused it outright or it
 * only led to dead ends further on.
 */
export function explainViolation<S, I, O>(
  model: Model<S, I, O>,
  partition: number,
  ops: readonly Operation<I, O>[],
  prefix: readonly Operation<I, O>[],
  state: S,
  unplaceable: readonly Operation<I, O>[],
): string {
  const lines = [
    `partition ${partition} (${ops.length} operations) is not linearizable.`,
    `Longest linearizable prefix found: ${prefix.length} operation(s).`,
  ];
  const omitted = Math.max(0, prefix.length - PREFIX_LINES);
  if (omitted > 0) lines.push(`  ... ${omitted} earlier operation(s) omitted`);
  prefix.slice(omitted).forEach((op, i) => lines.push(`  ${omitted + i + 1}. ${describeOperation(model, op)}`));
  lines.push(`State after the prefix: ${model.describeState ? model.describeState(state) : show(state)}`);
  lines.push('None of these could take effect next:');
  for (const op of unplaceable) {
    const refused = !model.step(state, op.input, op.output).ok;
    lines.push(`  ${describeOperation(model, op)}  (${refused ? 'refused by the model here' : 'leads only to dead ends'})`);
  }
  return lines.join('\n');
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Cycles and bigints: a lossy description beats failing to report the violation.
    return String(value);
  }
}
