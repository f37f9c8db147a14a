import { checkOperations, kvModel, type CheckResult, type KvInput, type KvOutput } from '@kz/lincheck';
import { cas, del, get, put, unknown, type KvOp } from './helpers';

const check = (history: KvOp[]): CheckResult<KvInput, KvOutput> => checkOperations(kvModel, history);

describe('linearizable kv histories', () => {
  test('the empty history', () => {
    expect(check([])).toEqual({ result: 'ok' });
  });

  test('a sequential history', () => {
    expect(
      check([
        get(0, 0, 1, 'x', null),
        put(0, 2, 3, 'x', '1'),
        get(1, 4, 5, 'x', '1'),
        cas(1, 6, 7, 'x', '1', '2', true),
        cas(0, 8, 9, 'x', '1', '3', false),
        get(0, 10, 11, 'x', '2'),
        del(1, 12, 13, 'x'),
        get(0, 14, 15, 'x', null),
      ]),
    ).toEqual({ result: 'ok' });
  });

  test('history order does not matter, only the timestamps', () => {
    const history = [put(0, 0, 10, 'x', '1'), get(1, 20, 30, 'x', '1'), put(2, 40, 50, 'x', '2')];
    expect(check([...history].reverse())).toEqual({ result: 'ok' });
  });

  test.each([
    ['first write', '1', '1'],
    ['second write', '2', '2'],
    ['mixed: first then second', '1', '2'],
    ['mixed: second then first', '2', '1'],
  ])('overlapping writes with reads during them: %s', (_name, during, after) => {
    // Both writes overlap everything in [0, 100]; reads during may see either, in whichever order the writes land.
    expect(
      check([
        put(0, 0, 100, 'x', '1'),
        put(1, 0, 100, 'x', '2'),
        get(2, 10, 20, 'x', during),
        get(2, 30, 40, 'x', after),
      ]),
    ).toEqual({ result: 'ok' });
  });

  test('a read overlapping a write may see the old or the new value', () => {
    for (const seen of [null, '1']) {
      expect(check([put(0, 0, 100, 'x', '1'), get(1, 50, 60, 'x', seen)])).toEqual({ result: 'ok' });
    }
  });

  test('events at equal timestamps count as overlapping', () => {
    expect(check([put(0, 0, 10, 'x', '1'), get(1, 10, 20, 'x', null)])).toEqual({ result: 'ok' });
  });

  test('an unknown-outcome write that a later read observes', () => {
    expect(check([unknown(put(0, 0, 10, 'x', '1')), get(1, 500, 510, 'x', '1')])).toEqual({ result: 'ok' });
  });

  test('an unknown-outcome write that nobody observes', () => {
    expect(
      check([unknown(put(0, 0, 10, 'x', '1')), get(1, 20, 30, 'x', null), get(1, 500, 510, 'x', null)]),
    ).toEqual({ result: 'ok' });
  });

  test('an unknown-outcome write can take effect long after its call', () => {
    expect(
      check([
        unknown(put(0, 0, 10, 'x', '1')),
        put(1, 20, 30, 'x', '2'),
        get(1, 40, 50, 'x', '2'),
        get(1, 60, 70, 'x', '1'),
      ]),
    ).toEqual({ result: 'ok' });
  });

  test('an unknown-outcome write with a recorded return time is still optional', () => {
    const history = [{ ...put(0, 0, 10, 'x', '1'), output: { unknown: true } } as KvOp, get(1, 20, 30, 'x', null)];
    expect(check(history)).toEqual({ result: 'ok' });
  });

  test('an unknown-outcome cas may have matched', () => {
    expect(
      check([put(0, 0, 1, 'x', 'a'), unknown(cas(0, 2, 3, 'x', 'a', 'b', true)), get(1, 10, 11, 'x', 'b')]),
    ).toEqual({ result: 'ok' });
  });

  test('a read whose outcome is unknown constrains nothing', () => {
    expect(
      check([put(0, 0, 1, 'x', '1'), { ...get(1, 2, 3, 'x', 'never'), output: { unknown: true } } as KvOp]),
    ).toEqual({ result: 'ok' });
  });

  test('a put or delete definitely refused has no effect', () => {
    const refused = (op: KvOp): KvOp => ({ ...op, output: { ok: false } });
    expect(
      check([
        put(0, 0, 1, 'x', '1'),
        refused(put(0, 2, 3, 'x', '2')),
        refused(del(0, 4, 5, 'x')),
        get(0, 6, 7, 'x', '1'),
      ]),
    ).toEqual({ result: 'ok' });
  });
});

describe('kv histories that are not linearizable', () => {
  function expectIllegal(history: KvOp[]): Extract<CheckResult<KvInput, KvOutput>, { result: 'illegal' }> {
    const result = check(history);
    if (result.result !== 'illegal') throw new Error(`expected illegal, got ${JSON.stringify(result)}`);
    return result;
  }

  test('a stale read after a completed write', () => {
    const r = expectIllegal([put(0, 0, 10, 'x', '1'), put(0, 20, 30, 'x', '2'), get(1, 40, 50, 'x', '1')]);
    expect(r.partition).toBe(0);
    expect(r.witness.prefix.map((o) => o.input)).toEqual([
      { op: 'put', key: 'x', value: '1' },
      { op: 'put', key: 'x', value: '2' },
    ]);
    expect(r.witness.unplaceable.map((o) => o.output)).toEqual([{ value: '1' }]);
    expect(r.explanation).toContain('Longest linearizable prefix found: 2 operation(s).');
    expect(r.explanation).toContain('State after the prefix: "2"');
    expect(r.explanation).toContain('client 1 [40, 50] get(x) -> "1"  (refused by the model here)');
  });

  test('a read of a value never written', () => {
    const r = expectIllegal([put(0, 0, 10, 'x', '1'), get(1, 0, 10, 'x', '7')]);
    expect(r.witness.unplaceable.map((o) => o.clientId)).toContain(1);
    expect(r.explanation).toContain('get(x) -> "7"');
  });

  test('a read that sees a value before it could have been written', () => {
    expectIllegal([get(1, 0, 10, 'x', '1'), put(0, 20, 30, 'x', '1')]);
  });

  test('two readers observing concurrent writes in contradicting orders', () => {
    expectIllegal([
      put(0, 0, 100, 'x', '1'),
      put(1, 0, 100, 'x', '2'),
      get(2, 10, 20, 'x', '1'),
      get(2, 30, 40, 'x', '2'),
      get(3, 10, 20, 'x', '2'),
      get(3, 30, 40, 'x', '1'),
    ]);
  });

  test('a cas that succeeded twice', () => {
    const r = expectIllegal([
      put(0, 0, 10, 'x', 'a'),
      cas(1, 20, 30, 'x', 'a', 'b', true),
      cas(2, 20, 30, 'x', 'a', 'c', true),
    ]);
    expect(r.witness.prefix).toHaveLength(2);
    expect(r.explanation).toMatch(/cas\(x, "a" => "[bc]"\) -> ok {2}\(refused by the model here\)/);
  });

  test('the witness does not pad the prefix with open-ended operations', () => {
    const r = expectIllegal([
      put(0, 0, 10, 'x', 'a'),
      cas(1, 20, 30, 'x', 'a', 'b', true),
      cas(2, 20, 30, 'x', 'a', 'c', true),
      unknown(put(3, 25, 26, 'x', 'z')),
    ]);
    expect(r.witness.prefix.map((o) => o.clientId)).toEqual([0, expect.any(Number)]);
    expect(r.witness.unplaceable).toHaveLength(1);
    expect(r.explanation).not.toContain('put(x, "z")');
  });

  test('a cas that failed although nothing else could have changed the value', () => {
    expectIllegal([put(0, 0, 10, 'x', 'a'), cas(1, 20, 30, 'x', 'a', 'b', false)]);
  });

  test('an unknown-outcome write observed and then un-observed', () => {
    expectIllegal([unknown(put(0, 0, 10, 'x', '1')), get(1, 20, 30, 'x', '1'), get(1, 40, 50, 'x', null)]);
  });

  test('a read that saw an effect of an unknown write before its call', () => {
    expectIllegal([get(1, 0, 10, 'x', '1'), unknown(put(0, 20, 30, 'x', '1'))]);
  });

  test('a delete that did not delete', () => {
    expectIllegal([put(0, 0, 1, 'x', '1'), del(0, 2, 3, 'x'), get(1, 4, 5, 'x', '1')]);
  });

  test('the explanation elides all but the tail of a long prefix', () => {
    const history: KvOp[] = [];
    for (let i = 0; i < 30; i++) history.push(put(0, 2 * i, 2 * i + 1, 'x', String(i)));
    history.push(get(1, 100, 101, 'x', '3'));
    const r = expectIllegal(history);
    expect(r.witness.prefix).toHaveLength(30);
    expect(r.explanation).toContain('... 10 earlier operation(s) omitted');
    expect(r.explanation).toContain('  11. client 0 [20, 21] put(x, "10") -> ok');
    expect(r.explanation).not.toContain('  10. ');
  });
});

describe('input validation', () => {
  test.each([
    ['a return before its call', put(0, 10, 5, 'x', '1')],
    ['a NaN call', put(0, NaN, 5, 'x', '1')],
    ['an infinite call', put(0, Infinity, Infinity, 'x', '1')],
    ['a NaN return', put(0, 0, NaN, 'x', '1')],
  ])('rejects %s', (_name, op) => {
    expect(() => check([op])).toThrow(RangeError);
  });

  test('rejects a negative timeout', () => {
    expect(() => checkOperations(kvModel, [], { timeoutMs: -1 })).toThrow(RangeError);
  });
});
