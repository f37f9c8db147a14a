import { checkOperations, kvModel } from '@kz/lincheck';
import { get, put, simulateClients, type KvOp } from './helpers';

// Timing is measured by hand (bench/), never asserted: these check that large histories are decided.
describe('larger histories', () => {
  const history = simulateClients({ clients: 5, perClient: 200, keys: 10, seed: 42 });

  test('5 clients x 200 operations over 10 keys is linearizable', () => {
    expect(history).toHaveLength(1000);
    expect(checkOperations(kvModel, history)).toEqual({ result: 'ok' });
  });

  test('the same history with one read corrupted is refuted on the right key', () => {
    const victim = history.findIndex((op, i) => i > 500 && op.input.op === 'get' && !('unknown' in op.output));
    const corrupted = history.map((op, i): KvOp => (i === victim ? { ...op, output: { value: 'never' } } : op));
    const result = checkOperations(kvModel, corrupted);
    expect(result.result).toBe('illegal');
    if (result.result !== 'illegal') return;
    expect(kvModel.partition!(corrupted)[result.partition]![0]!.input.key).toBe(history[victim]!.input.key);
    expect(result.explanation).toContain('get(' + history[victim]!.input.key + ') -> "never"');
  });

  test('a single-register history with heavy overlap', () => {
    const hot = simulateClients({ clients: 8, perClient: 150, keys: 1, seed: 7 });
    expect(checkOperations(kvModel, hot)).toEqual({ result: 'ok' });
  });
});

describe('timeout', () => {
  /** 24 fully concurrent writes, then an impossible read: refuting it means visiting ~24 * 2^24 configurations. */
  const intractable: KvOp[] = [
    ...Array.from({ length: 24 }, (_, i) => put(i, 0, 100, 'x', `v${i}`)),
    get(24, 200, 210, 'x', 'never'),
  ];

  test('gives up with "unknown" instead of hanging', () => {
    expect(checkOperations(kvModel, intractable, { timeoutMs: 50 })).toEqual({ result: 'unknown', reason: 'timeout' });
  });

  test('a zero budget still finishes what needs no real search', () => {
    expect(checkOperations(kvModel, [put(0, 0, 1, 'x', '1'), get(0, 2, 3, 'x', '1')], { timeoutMs: 0 })).toEqual({
      result: 'ok',
    });
  });

  test('a violation in a cheap partition is still found when another partition is intractable', () => {
    const cheapViolation = [put(30, 0, 1, 'y', '1'), get(31, 2, 3, 'y', null)];
    const result = checkOperations(kvModel, [...intractable, ...cheapViolation], { timeoutMs: 50 });
    expect(result).toMatchObject({ result: 'illegal', partition: 1 });
  });
});
