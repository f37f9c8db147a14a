import fc from 'fast-check';
import { crc32c } from '@kz/records';
import { utf8 } from './helpers';

// Bit-at-a-time CRC-32C straight from the definition (reflected polynomial
// 0x82F63B78, init/xorout 0xFFFFFFFF): slow, but obviously correct, which is
// what an oracle for the native implementation should be.
function referenceCrc32c(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('crc32c', () => {
  test('check value: crc32c("123456789") = 0xE3069283 (CRC-32/ISCSI check value)', () => {
    expect(crc32c(utf8('123456789'))).toBe(0xe3069283);
  });

  // RFC 3720 (iSCSI), Appendix B.4 "CRC Examples". The RFC prints the CRC
  // bytes in wire (little-endian) order, e.g. "aa 36 91 8a" = 0x8A9136AA.
  test.each([
    ['32 bytes of zeros', new Uint8Array(32), 0x8a9136aa],
    ['32 bytes of 0xFF', new Uint8Array(32).fill(0xff), 0x62a8ab43],
    ['32 incrementing bytes 00..1f', Uint8Array.from({ length: 32 }, (_, i) => i), 0x46dd794e],
    ['32 decrementing bytes 1f..00', Uint8Array.from({ length: 32 }, (_, i) => 31 - i), 0x113fdb5c],
  ])('RFC 3720 B.4: %s', (_name, data, expected) => {
    expect(crc32c(data)).toBe(expected);
  });

  // tulios/kafkajs src/protocol/recordBatch/crc32C/index.spec.js ("empty", "unicode null").
  test('kafkajs vectors: empty input and a single NUL byte', () => {
    expect(crc32c(new Uint8Array(0))).toBe(0);
    expect(crc32c(utf8('\u0000'))).toBe(1383945041);
  });

  test('returns an unsigned 32-bit value', () => {
    const v = crc32c(utf8('123456789')); // 0xE3069283 has the top bit set
    expect(v).toBeGreaterThan(0x7fffffff);
    expect(Number.isInteger(v)).toBe(true);
  });

  test('respects subarray views (only the viewed bytes are hashed)', () => {
    const buf = utf8('xx123456789yy');
    expect(crc32c(buf.subarray(2, 11))).toBe(0xe3069283);
  });

  test('property: matches the bitwise reference implementation', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(crc32c(data)).toBe(referenceCrc32c(data));
      }),
    );
  });

  test('property: chaining with `initial` equals hashing the concatenation', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.uint8Array({ maxLength: 100 }), (a, b) => {
        const joined = new Uint8Array(a.length + b.length);
        joined.set(a);
        joined.set(b, a.length);
        expect(crc32c(b, crc32c(a))).toBe(crc32c(joined));
      }),
    );
  });
});
