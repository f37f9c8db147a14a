/**
 * Log keys: a batch's base offset as 8 bytes, big-endian. LevelDB orders keys bytewise, and only
 * a fixed-width big-endian encoding makes bytewise order the numeric order (as text, '10' < '2'),
 * which is what lets a plain iterator read the log in offset order.
 */

export const OFFSET_KEY_BYTES = 8;

export function encodeOffsetKey(offset: number): Buffer {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`offset ${offset} cannot be a log key`);
  const key = Buffer.alloc(OFFSET_KEY_BYTES);
  key.writeBigUInt64BE(BigInt(offset));
  return key;
}

/** The offset a stored key names, or null if the key is not one this storage writes. */
export function decodeOffsetKey(key: Uint8Array): number | null {
  if (key.length !== OFFSET_KEY_BYTES) return null;
  const value = Buffer.from(key.buffer, key.byteOffset, key.byteLength).readBigUInt64BE(0);
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : null;
}

/** Hex form for messages about a key that does not decode. */
export function describeKey(key: Uint8Array): string {
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('hex');
}
