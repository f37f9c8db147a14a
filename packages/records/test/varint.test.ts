import fc from 'fast-check';
import {
  CorruptRecordError,
  decodeUnsignedVarint,
  decodeVarint,
  decodeVarlong,
  encodeUnsignedVarint,
  encodeVarint,
  encodeVarlong,
  sizeOfUnsignedVarint,
  sizeOfVarint,
  sizeOfVarlong,
} from '@kz/records';
import { fromHex, hex } from './helpers';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Every 7-bit group boundary and its neighbours, positive and negative. */
function boundaries(maxBits: number): number[] {
  const out = new Set<number>([0, 1, -1]);
  for (let bits = 6; bits <= maxBits; bits += 7) {
    for (const base of [2 ** bits, -(2 ** bits)]) for (const d of [-1, 0, 1]) out.add(base + d);
  }
  return [...out];
}

describe('varint (zig-zag int32)', () => {
  // Zig-zag maps 0,-1,1,-2,... to 0,1,2,3,...; these are the protobuf/Kafka encodings.
  test.each([
    [0, '00'],
    [-1, '01'],
    [1, '02'],
    [63, '7e'],
    [-64, '7f'],
    [64, '8001'],
    [-65, '8101'],
    [INT32_MAX, 'feffffff0f'],
    [INT32_MIN, 'ffffffff0f'],
  ])('%d encodes as %s', (value, expected) => {
    expect(hex(encodeVarint(value))).toBe(expected);
    expect(decodeVarint(fromHex(expected))).toEqual({ value, size: expected.length / 2 });
  });

  test('round-trips at every 7-bit boundary and the int32 extremes', () => {
    for (const v of [...boundaries(31), INT32_MIN, INT32_MAX].filter((n) => n >= INT32_MIN && n <= INT32_MAX)) {
      const bytes = encodeVarint(v);
      expect(bytes.length).toBe(sizeOfVarint(v));
      expect(decodeVarint(bytes)).toEqual({ value: v, size: bytes.length });
    }
  });

  test('property: round-trips any int32, reading from an offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: INT32_MIN, max: INT32_MAX }), fc.uint8Array({ maxLength: 4 }), (v, prefix) => {
        const body = encodeVarint(v);
        const buf = new Uint8Array(prefix.length + body.length + 1);
        buf.set(prefix);
        buf.set(body, prefix.length);
        expect(decodeVarint(buf, prefix.length)).toEqual({ value: v, size: sizeOfVarint(v) });
      }),
    );
  });

  test('rejects values outside int32 on encode', () => {
    expect(() => encodeVarint(INT32_MAX + 1)).toThrow(RangeError);
    expect(() => encodeVarint(1.5)).toThrow(RangeError);
  });

  test('rejects a 6-byte or overflowing varint and a truncated one', () => {
    expect(() => decodeVarint(fromHex('ffffffff1f'))).toThrow(CorruptRecordError);
    expect(() => decodeVarint(fromHex('ffffffffff01'))).toThrow(CorruptRecordError);
    expect(() => decodeVarint(fromHex('80'))).toThrow(CorruptRecordError);
    expect(() => decodeVarint(new Uint8Array(0))).toThrow(CorruptRecordError);
  });
});

describe('varlong (zig-zag int64 limited to safe integers)', () => {
  test.each([
    [0, '00'],
    [-1, '01'],
    [1, '02'],
    [2 ** 31, '8080808010'],
    [Number.MAX_SAFE_INTEGER, 'feffffffffffff1f'],
    [-Number.MAX_SAFE_INTEGER, 'fdffffffffffff1f'],
  ])('%d encodes as %s', (value, expected) => {
    expect(hex(encodeVarlong(value))).toBe(expected);
    expect(decodeVarlong(fromHex(expected))).toEqual({ value, size: expected.length / 2 });
  });

  test('round-trips at every 7-bit boundary up to 2^52 and at ±MAX_SAFE_INTEGER', () => {
    for (const v of [...boundaries(52), Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) {
      const bytes = encodeVarlong(v);
      expect(bytes.length).toBe(sizeOfVarlong(v));
      expect(decodeVarlong(bytes)).toEqual({ value: v, size: bytes.length });
    }
  });

  test('property: round-trips any safe integer', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer()), (v) => {
        const bytes = encodeVarlong(v);
        expect(bytes.length).toBe(sizeOfVarlong(v));
        expect(decodeVarlong(bytes)).toEqual({ value: v, size: bytes.length });
      }),
    );
  });

  test('int64 values beyond the safe range are CorruptRecordError on decode', () => {
    // zig-zag(2^53) = 2^54 (8 bytes), then the int64 extremes (10 bytes).
    expect(() => decodeVarlong(fromHex('8080808080808020'))).toThrow(CorruptRecordError);
    expect(() => decodeVarlong(fromHex('feffffffffffffffff01'))).toThrow(CorruptRecordError);
    expect(() => decodeVarlong(fromHex('ffffffffffffffffff01'))).toThrow(CorruptRecordError);
  });

  test('rejects an 11-byte or 65-bit varlong', () => {
    expect(() => decodeVarlong(fromHex('ffffffffffffffffff02'))).toThrow(CorruptRecordError);
    expect(() => decodeVarlong(fromHex('ffffffffffffffffff8101'))).toThrow(CorruptRecordError);
  });

  test('rejects unsafe numbers on encode', () => {
    expect(() => encodeVarlong(2 ** 53)).toThrow(RangeError);
  });
});

describe('unsigned varint (flexible-version schemas)', () => {
  test.each([
    [0, '00'],
    [1, '01'],
    [127, '7f'],
    [128, '8001'],
    [300, 'ac02'],
    [2 ** 32 - 1, 'ffffffff0f'],
  ])('%d encodes as %s', (value, expected) => {
    expect(hex(encodeUnsignedVarint(value))).toBe(expected);
    expect(decodeUnsignedVarint(fromHex(expected))).toEqual({ value, size: expected.length / 2 });
  });

  test('property: round-trips any uint32', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (v) => {
        const bytes = encodeUnsignedVarint(v);
        expect(bytes.length).toBe(sizeOfUnsignedVarint(v));
        expect(decodeUnsignedVarint(bytes)).toEqual({ value: v, size: bytes.length });
      }),
    );
  });

  test('rejects negatives on encode', () => {
    expect(() => encodeUnsignedVarint(-1)).toThrow(RangeError);
  });
});
