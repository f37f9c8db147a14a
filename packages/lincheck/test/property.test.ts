import fc from 'fast-check';
import { checkOperations, kvModel, type KvInput, type KvOutput } from '@kz/lincheck';
import { applyToMap, type KvOp } from './helpers';

const KEYS = ['k0', 'k1', 'k2'];
const VALUES = ['v0', 'v1', 'v2'];
/** Written by nobody, so a read returning it is wrong whatever the timing. */
const NEVER_WRITTEN = 'never-written';

const inputArb: fc.Arbitrary<KvInput> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('get' as const), key: fc.constantFrom(...KEYS) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('put' as const),
      key: fc.constantFrom(...KEYS),
      value: fc.constantFrom(...VALUES),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), key: fc.constantFrom(...KEYS) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('cas' as const),
      key: fc.constantFrom(...KEYS),
      expected: fc.constantFrom(null, ...VALUES),
      value: fc.constantFrom(...VALUES),
    }),
  },
);

/**
 * What happened to an operation: answered normally, or the client lost track
 * of it, in which case it may or may not actually have been applied.
 */
type Fate = 'answered' | 'lost-applied' | 'lost-dropped';
const fateArb: fc.Arbitrary<Fate> = fc.oneof(
  { weight: 4, arbitrary: fc.constant('answered' as const) },
  { weight: 1, arbitrary: fc.constantFrom('lost-applied' as const, 'lost-dropped' as const) },
);

/**
 * How far an operation's interval extends around the instant it took effect.
 * Effects are 10 time units apart, so slack below 5 never overlaps a neighbour,
 * and slack up to 40 overlaps up to four of them on each side.
 */
const timingArb = fc.oneof(
  fc.constant({ before: 0, after: 0 }),
  fc.record({ before: fc.nat(4), after: fc.nat(4) }),
  fc.record({ before: fc.nat(40), after: fc.nat(40) }),
);

interface Step {
  clientId: number;
  input: KvInput;
  fate: Fate;
  timing: { before: number; after: number };
}
const stepArb: fc.Arbitrary<Step> = fc.record({ clientId: fc.nat(4), input: inputArb, fate: fateArb, timing: timingArb });

/**
 * Runs the operations one at a time, in order, against a real map, the i-th
 * taking effect at time 10 * i; each is then given an interval around that
 * instant. That serial order is a linearization, so the history must pass.
 */
function historyFromSerialRun(steps: readonly Step[]): KvOp[] {
  const map = new Map<string, string>();
  return steps.map(({ clientId, input, fate, timing }, i) => {
    const at = 10 * i;
    const call = at - timing.before;
    if (fate === 'answered') return { clientId, input, output: applyToMap(map, input), call, return: at + timing.after };
    if (fate === 'lost-applied') applyToMap(map, input);
    const output: KvOutput = { unknown: true };
    return { clientId, input, output, call, return: Infinity };
  });
}

describe('histories from a real sequential map', () => {
  test('property: always linearizable, whatever the timing around the serial order', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
        expect(checkOperations(kvModel, historyFromSerialRun(steps))).toEqual({ result: 'ok' });
      }),
      { numRuns: 300 },
    );
  });

  test('property: changing one answered read to a value never written makes it illegal', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 60 }), fc.nat(), (steps, pick) => {
        const history = historyFromSerialRun(steps);
        const reads = history.flatMap((op, i) => (op.input.op === 'get' && op.return !== Infinity ? [i] : []));
        fc.pre(reads.length > 0);
        const victim = reads[pick % reads.length]!;
        const mutated = history.map((op, i): KvOp => (i === victim ? { ...op, output: { value: NEVER_WRITTEN } } : op));

        const result = checkOperations(kvModel, mutated);
        expect(result.result).toBe('illegal');
        if (result.result !== 'illegal') return;
        const part = kvModel.partition!(mutated)[result.partition]!;
        expect(part.every((op) => op.input.key === history[victim]!.input.key)).toBe(true);
        expect(result.explanation).toContain(NEVER_WRITTEN);
      }),
      { numRuns: 300 },
    );
  });
});
