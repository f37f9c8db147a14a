import { crc32c } from '@kz/records';

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

export function fromHex(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
}

export function utf8(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'utf8'));
}

/** Rewrites the CRC of the batch at `at` so structural corruption can be tested past the CRC check. */
export function fixCrc(bytes: Uint8Array, at = 0): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = view.getInt32(at + 8) + 12;
  view.setUint32(at + 17, crc32c(bytes.subarray(at + 21, at + size)));
  return bytes;
}

/** Captures a thrown value so tests can assert on its fields. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw');
}
