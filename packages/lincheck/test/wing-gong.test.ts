import fc from 'fast-check';
import { checkOperations, kvModel, type KvInput, type KvOutput, type Model, type Operation } from '@kz/lincheck';
import { applyToMap, put, get, type KvOp } from './helpers';

/**
 * Linearizability straight from the definition: try every order of the
 * operations that respects real time, against a plain Map, with no
 * partitioning, pruning or memoisation. Open-ended operations may be left out.
 */
function linearizableByBruteForce(ops: readonly KvOp[]): boolean {
  const placed = ops.map(() => false);
  const required = ops.map((o) => o.return !== Infinity);
  const search = (map: Map<string, string>): boolean => {
    if (ops.every((_, i) => placed[i] || !required[i])) return true;
    for (let x = 0; x < ops.length; x++) {
      if (placed[x]) continue;
      const op = ops[x]!;
      if (ops.some((other, y) => !placed[y] && other.return < op.call)) continue;
      const next = new Map(map);
      const actual = applyToMap(next, op.input);
      if (!('unknown' in op.output) && JSON.stringify(actual) !== JSON.stringify(op.output)) continue;
      placed[x] = true;
      if (search(next)) return true;
      placed[x] = false;
    }
    return false;
  };
  return search(new Map());
}

const valueArb = fc.constantFrom('a', 'b');
const inputArb: fc.Arbitrary<KvInput> = fc.oneof(
  fc.record({ op: fc.constant('get' as const), key: fc.constantFrom('x', 'y') }),
  fc.record({ op: fc.constant('put' as const), key: fc.constantFrom('x', 'y'), value: valueArb }),
  fc.record({ op: fc.constant('delete' as const), key: fc.constantFrom('x', 'y') }),
  fc.record({
    op: fc.constant('cas' as const),
    key: fc.constantFrom('x', 'y'),
    expected: fc.option(valueArb, { nil: null }),
    value: valueArb,
  }),
);
/** Arbitrary (mostly wrong) outputs: the point is to hit both verdicts. */
const opArb: fc.Arbitrary<KvOp> = fc
  .record({
    clientId: fc.nat(3),
    input: inputArb,
    call: fc.nat(20),
    duration: fc.nat(10),
    unknown: fc.nat(4).map((n) => n === 0),
    seen: fc.option(valueArb, { nil: null }),
    ok: fc.boolean(),
  })
  .map(({ clientId, input, call, duration, unknown, seen, ok }) => {
    const output: KvOutput = unknown
      ? { unknown: true }
      : input.op === 'get'
        ? { value: seen }
        : { ok: input.op === 'cas' ? ok : true };
    return { clientId, input, output, call, return: unknown ? Infinity : call + duration };
  });

describe('the search agrees with the definition', () => {
  test('property: same verdict as brute force on small random histories', () => {
    const verdicts = { ok: 0, illegal: 0 };
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 7 }), (history) => {
        const result = checkOperations(kvModel, history);
        expect(result.result).toBe(linearizableByBruteForce(history) ? 'ok' : 'illegal');
        verdicts[result.result === 'ok' ? 'ok' : 'illegal']++;
      }),
      { numRuns: 600 },
    );
    // Guard against a generator that only ever exercises one side.
    expect(verdicts.ok).toBeGreaterThan(50);
    expect(verdicts.illegal).toBeGreaterThan(50);
  });

  test('property: the reported prefix is itself a valid linearization', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 7 }), (history) => {
        const result = checkOperations(kvModel, history);
        if (result.result !== 'illegal') return;
        const { prefix, unplaceable } = result.witness;
        expect(unplaceable.length).toBeGreaterThan(0);
        let state = kvModel.init();
        prefix.forEach((op, i) => {
          const r = kvModel.step(state, op.input, op.output);
          expect(r.ok).toBe(true);
          state = r.state;
          // Nothing later in the prefix may have returned before this operation was called.
          for (const later of prefix.slice(i + 1)) expect(later.return < op.call).toBe(false);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('memoisation', () => {
  /** n writes all overlapping, then a read of a value none of them wrote: every ordering must be refuted. */
  const hopeless = (n: number): KvOp[] => [
    ...Array.from({ length: n }, (_, i) => put(i, 0, 100, 'x', `v${i}`)),
    get(n, 200, 210, 'x', 'never'),
  ];

  test('refutes 12 fully concurrent writes (12! orders) by visiting each state once', () => {
    // Without the memo this is 12! orders and would end in 'unknown'; with it, 12 * 2^12 configurations.
    expect(checkOperations(kvModel, hopeless(12), { timeoutMs: 20_000 }).result).toBe('illegal');
  });

  type Counter = { n: number };
  type In = 'inc' | 'read';
  const counterOps = (n: number, finalRead: number): Operation<In, number>[] => [
    ...Array.from({ length: n }, (_, i): Operation<In, number> => ({
      clientId: i,
      input: 'inc',
      output: 0,
      call: 0,
      return: 100,
    })),
    { clientId: n, input: 'read', output: finalRead, call: 200, return: 201 },
  ];
  const step = (s: Counter, input: In, output: number) =>
    input === 'inc' ? { ok: true, state: { n: s.n + 1 } } : { ok: output === s.n, state: s };

  test.each<[string, Partial<Model<Counter, In, number>>]>([
    ['equal only', { equal: (a, b) => a.n === b.n }],
    ['hash only', { hash: (s) => String(s.n) }],
    ['hash and equal', { hash: (s) => String(s.n % 3), equal: (a, b) => a.n === b.n }],
  ])('object states memoise through %s', (_name, extra) => {
    const model: Model<Counter, In, number> = { init: () => ({ n: 0 }), step, ...extra };
    expect(checkOperations(model, counterOps(10, 10))).toEqual({ result: 'ok' });
    expect(checkOperations(model, counterOps(12, 11)).result).toBe('illegal');
  });

  test('without hash or equal, identity comparison is still correct', () => {
    const model: Model<Counter, In, number> = { init: () => ({ n: 0 }), step };
    expect(checkOperations(model, counterOps(5, 5))).toEqual({ result: 'ok' });
    expect(checkOperations(model, counterOps(5, 4)).result).toBe('illegal');
  });

  test('a model without describe hooks still gets a readable explanation', () => {
    const model: Model<Counter, In, number> = { init: () => ({ n: 0 }), step, hash: (s) => String(s.n) };
    const result = checkOperations(model, counterOps(1, 2));
    expect(result.result).toBe('illegal');
    if (result.result !== 'illegal') return;
    expect(result.explanation).toContain('State after the prefix: {"n":1}');
    expect(result.explanation).toContain('client 1 [200, 201] "read" -> 2');
  });
});
