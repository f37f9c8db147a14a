import { kvModel, type KvInput, type KvOutput, type KvState } from '@kz/lincheck';
import { get, put, unknown, del, cas, type KvOp } from './helpers';

const step = (state: KvState, input: KvInput, output: KvOutput) => kvModel.step(state, input, output);

describe('kvModel.step', () => {
  test('starts with the key absent', () => {
    expect(kvModel.init()).toBeNull();
  });

  test('get must return the current value', () => {
    expect(step('a', { op: 'get', key: 'k' }, { value: 'a' })).toEqual({ ok: true, state: 'a' });
    expect(step('a', { op: 'get', key: 'k' }, { value: 'b' }).ok).toBe(false);
    expect(step(null, { op: 'get', key: 'k' }, { value: null }).ok).toBe(true);
    expect(step(null, { op: 'get', key: 'k' }, { value: 'null' }).ok).toBe(false);
  });

  test('put and delete overwrite whatever was there', () => {
    expect(step('a', { op: 'put', key: 'k', value: 'b' }, { ok: true })).toEqual({ ok: true, state: 'b' });
    expect(step('a', { op: 'delete', key: 'k' }, { ok: true })).toEqual({ ok: true, state: null });
  });

  test('cas succeeds exactly when the expected value is current', () => {
    const swap: KvInput = { op: 'cas', key: 'k', expected: 'a', value: 'b' };
    expect(step('a', swap, { ok: true })).toEqual({ ok: true, state: 'b' });
    expect(step('a', swap, { ok: false }).ok).toBe(false);
    expect(step('x', swap, { ok: false })).toEqual({ ok: true, state: 'x' });
    expect(step('x', swap, { ok: true }).ok).toBe(false);
    const create: KvInput = { op: 'cas', key: 'k', expected: null, value: 'b' };
    expect(step(null, create, { ok: true })).toEqual({ ok: true, state: 'b' });
  });

  test('an unknown outcome is accepted and, if applied, has the operation’s effect', () => {
    const u: KvOutput = { unknown: true };
    expect(step('a', { op: 'put', key: 'k', value: 'b' }, u)).toEqual({ ok: true, state: 'b' });
    expect(step('a', { op: 'delete', key: 'k' }, u)).toEqual({ ok: true, state: null });
    expect(step('a', { op: 'cas', key: 'k', expected: 'a', value: 'b' }, u)).toEqual({ ok: true, state: 'b' });
    expect(step('x', { op: 'cas', key: 'k', expected: 'a', value: 'b' }, u)).toEqual({ ok: true, state: 'x' });
  });

  test('memoisation keys tell an absent key from any string', () => {
    expect(kvModel.hash!(null)).not.toBe(kvModel.hash!('-'));
    expect(kvModel.hash!('')).not.toBe(kvModel.hash!(null));
    expect(kvModel.equal!('a', 'a')).toBe(true);
    expect(kvModel.equal!(null, '')).toBe(false);
  });
});

describe('kvModel.partition', () => {
  test('groups by key in order of first appearance', () => {
    const history = [put(0, 0, 1, 'b', '1'), put(0, 2, 3, 'a', '1'), get(0, 4, 5, 'b', '1')];
    expect(kvModel.partition!(history)).toEqual([[history[0], history[2]], [history[1]]]);
  });

  test('drops reads with unknown outcome and refused puts and deletes', () => {
    const history: KvOp[] = [
      { ...get(0, 0, 1, 'k', null), output: { unknown: true } },
      { ...put(0, 2, 3, 'k', 'v'), output: { ok: false } },
      { ...del(0, 4, 5, 'k'), output: { ok: false } },
      cas(0, 6, 7, 'k', 'x', 'y', false),
    ];
    expect(kvModel.partition!(history)).toEqual([[history[3]]]);
  });

  test('makes unknown-outcome writes open-ended without touching the caller’s operation', () => {
    const op: KvOp = { ...put(0, 0, 10, 'k', 'v'), output: { unknown: true } };
    const [[normalised]] = kvModel.partition!([op]) as [[KvOp]];
    expect(normalised.return).toBe(Infinity);
    expect(op.return).toBe(10);
    const open = unknown(put(0, 0, 10, 'k', 'v'));
    expect(kvModel.partition!([open])[0]![0]).toBe(open);
  });

  test.each([
    ['a get answered like a write', { ...get(0, 0, 1, 'k', null), output: { ok: true } }],
    ['a put answered like a read', { ...put(0, 0, 1, 'k', 'v'), output: { value: 'v' } }],
    ['a cas answered like a read', { ...cas(0, 0, 1, 'k', null, 'v', true), output: { value: null } }],
  ])('rejects %s', (_name, op) => {
    expect(() => kvModel.partition!([op as KvOp])).toThrow(TypeError);
  });
});

describe('kvModel descriptions', () => {
  test.each<[KvInput, KvOutput, string]>([
    [{ op: 'get', key: 'k' }, { value: 'v' }, 'get(k) -> "v"'],
    [{ op: 'get', key: 'k' }, { value: null }, 'get(k) -> absent'],
    [{ op: 'put', key: 'k', value: 'v' }, { ok: true }, 'put(k, "v") -> ok'],
    [{ op: 'delete', key: 'k' }, { unknown: true }, 'delete(k) -> ?'],
    [{ op: 'cas', key: 'k', expected: null, value: 'v' }, { ok: false }, 'cas(k, absent => "v") -> failed'],
  ])('%j %j', (input, output, text) => {
    expect(kvModel.describeOperation!(input, output)).toBe(text);
  });

  test('states', () => {
    expect(kvModel.describeState!(null)).toBe('absent');
    expect(kvModel.describeState!('v')).toBe('"v"');
  });
});
