import { checkOperations, kvModel, type Model, type Operation } from '@kz/lincheck';
import { get, put, type KvOp } from './helpers';

describe('per-key partitioning', () => {
  const healthy = (key: string, t: number): KvOp[] => [put(0, t, t + 10, key, 'v'), get(1, t + 20, t + 30, key, 'v')];

  test('independent keys each linearizable make a linearizable history', () => {
    expect(checkOperations(kvModel, [...healthy('a', 0), ...healthy('b', 5), ...healthy('c', 10)])).toEqual({
      result: 'ok',
    });
  });

  test('a violation on one key is reported with that key’s partition', () => {
    const history = [
      ...healthy('a', 0),
      ...healthy('b', 0),
      put(2, 0, 10, 'c', '1'),
      get(3, 20, 30, 'c', null), // stale: the put completed before this read began
      ...healthy('d', 0),
    ];
    const result = checkOperations(kvModel, history);
    expect(result.result).toBe('illegal');
    if (result.result !== 'illegal') return;
    expect(result.partition).toBe(2); // parts are numbered by first appearance of the key
    expect(kvModel.partition!(history)[result.partition]!.every((op) => op.input.key === 'c')).toBe(true);
    expect(result.explanation).toMatch(/^partition 2 \(2 operations\) is not linearizable\./);
    expect([...result.witness.prefix, ...result.witness.unplaceable].every((op) => op.input.key === 'c')).toBe(true);
  });

  test('without partitioning, operations on different keys would interfere in a single-register model', () => {
    // The same history seen as one register: the read of "b" must come after put(b), breaking key a's read.
    const history = [put(0, 0, 10, 'a', 'A'), put(0, 20, 30, 'b', 'B'), get(1, 40, 50, 'a', 'A')];
    expect(checkOperations(kvModel, history)).toEqual({ result: 'ok' });
    expect(checkOperations({ ...kvModel, partition: undefined }, history).result).toBe('illegal');
  });

  test('a custom partition is honoured and empty parts are skipped', () => {
    type In = { counter: number; add: number };
    const model: Model<number, In, number> = {
      init: () => 0,
      // output: the counter's value after the addition
      step: (state, input, output) => ({ ok: state + input.add === output, state: state + input.add }),
      partition: (history) => [[], ...[0, 1].map((c) => history.filter((op) => op.input.counter === c))],
    };
    const op = (counter: number, call: number, add: number, output: number): Operation<In, number> => ({
      clientId: 0,
      input: { counter, add },
      output,
      call,
      return: call + 1,
    });
    expect(checkOperations(model, [op(0, 0, 1, 1), op(1, 2, 5, 5), op(0, 4, 1, 2), op(1, 6, 1, 6)])).toEqual({
      result: 'ok',
    });
    const bad = checkOperations(model, [op(0, 0, 1, 1), op(1, 2, 5, 5), op(0, 4, 1, 3)]);
    expect(bad).toMatchObject({ result: 'illegal', partition: 1 });
  });
});
