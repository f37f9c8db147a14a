import { WireReader } from '../src/wire-reader';

class TestMalformedError extends Error {
  override readonly name = 'TestMalformedError';
}

const malformed = (message: string): Error => new TestMalformedError(message);
const reader = (raw: Record<string, unknown>): WireReader => WireReader.of(raw, 'M', malformed);

/** The message the reader throws for `read`, checking it is the factory's error type. */
function failure(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(TestMalformedError);
    return (error as Error).message;
  }
  throw new Error('expected a malformed-message error');
}

describe('WireReader', () => {
  it('throws the factory’s error, naming the field path, also from sub-messages', () => {
    expect(failure(() => WireReader.of([], 'M', malformed))).toBe('M is not a message');
    const r = reader({ a: 1.5, sub: { s: 3 }, items: [{ n: 'x' }] });
    expect(failure(() => r.int32('a'))).toBe('M.a must be an integer in [-2147483648, 2147483647], got 1.5');
    expect(failure(() => r.optionalMessage('sub')?.string('s'))).toBe('M.sub.s must be a string, got number');
    expect(failure(() => r.messageList('items', (item) => item.int32('n')))).toMatch(/^M\.items\[0\]\.n must be an integer/);
  });

  it('reads int32 fields within bounds, absent as 0 or undefined', () => {
    const r = reader({ a: 7, list: [1, 2, 3] });
    expect(r.int32('a', 0, 7)).toBe(7);
    expect(r.int32('missing')).toBe(0);
    expect(r.optionalInt32('missing')).toBeUndefined();
    expect(r.optionalInt32('a', 0)).toBe(7);
    expect(failure(() => r.optionalInt32('a', 8))).toBe('M.a must be an integer in [8, 2147483647], got 7');
    expect(r.int32List('list', 1, 3)).toEqual([1, 2, 3]);
    expect(failure(() => r.int32List('list', 1, 2))).toBe('M.list[2] must be an integer in [1, 2], got 3');
  });

  it('reads int64 Longs as safe integers and refuses what JS cannot hold', () => {
    const r = reader({ small: { low: 5, high: 1, unsigned: false }, huge: { low: 0, high: 0x7fffffff, unsigned: false }, neg: -3 });
    expect(r.int64('small')).toBe(2 ** 32 + 5);
    expect(failure(() => r.int64('huge'))).toMatch(/^M\.huge must be an integer ≥ /);
    expect(failure(() => r.int64('neg', 0))).toMatch(/^M\.neg must be an integer ≥ 0 within ±2\^53/);
  });

  it('returns bytes as a view of the decoded buffer, and empty for an absent field', () => {
    const buffer = new Uint8Array([1, 2, 3, 4]);
    const view = buffer.subarray(1, 3);
    const r = reader({ data: view, empty: [] });
    expect(r.bytes('data')).toBe(view);
    expect(r.bytes('empty')).toHaveLength(0);
    expect(r.bytes('missing')).toHaveLength(0);
    expect(failure(() => reader({ data: 'abc' }).bytes('data'))).toBe('M.data must be bytes, got string');
  });

  it('reads a map<string, string>, keeping a "__proto__" key as a key', () => {
    const raw = JSON.parse('{"cfg": {"__proto__": "x", "retention.ms": "1000"}}') as Record<string, unknown>;
    const map = reader(raw).stringMap('cfg');
    expect(Object.keys(map)).toEqual(['__proto__', 'retention.ms']);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(reader({}).stringMap('cfg')).toEqual({});
    expect(failure(() => reader({ cfg: { k: 1 } }).stringMap('cfg'))).toBe('M.cfg["k"] must be a string, got number');
  });

  it('maps enum numbers, refusing unknown and unspecified ones', () => {
    const names = new Map([[1, 'a' as const]]);
    expect(reader({ e: 1 }).enumValue('e', names)).toBe('a');
    expect(failure(() => reader({}).enumValue('e', names))).toBe('M.e is not a known value: 0');
  });

  it('reads strings, booleans and lists with proto3 defaults', () => {
    const r = reader({ s: 'x', b: true, names: ['p', 'q'] });
    expect(r.string('s')).toBe('x');
    expect(r.string('missing')).toBe('');
    expect(r.optionalString('missing')).toBeNull();
    expect(r.bool('b')).toBe(true);
    expect(r.bool('missing')).toBe(false);
    expect(r.stringList('names')).toEqual(['p', 'q']);
    expect(r.messageList('missing', () => 1)).toEqual([]);
    expect(failure(() => r.stringList('s'))).toBe('M.s must be a list');
  });
});
