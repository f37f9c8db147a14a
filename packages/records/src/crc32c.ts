import { crc32c as nativeCrc32c } from '@node-rs/crc32';

/**
 * CRC-32C (Castagnoli; reflected polynomial 0x82F63B78, init and final XOR
 * 0xFFFFFFFF), the checksum RecordBatch v2 stores at byte 17.
 *
 * Backed by @node-rs/crc32, which ships prebuilt SIMD/SSE4.2 binaries as
 * per-platform optional npm packages: every byte of every appended and
 * fetched batch goes through this, so a table loop in JS would be the
 * hottest code in the broker.
 *
 * `initial` is a previous result, which lets a checksum be computed over
 * several chunks: crc32c(b, crc32c(a)) === crc32c(a ++ b).
 * Returns an unsigned 32-bit integer.
 */
export function crc32c(data: Uint8Array, initial = 0): number {
  return nativeCrc32c(data, initial) >>> 0;
}
