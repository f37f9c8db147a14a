/**
 * The whole map as snapshot bytes, and back:
 *
 *   "KZKV" | version u8 (1) | count u32 BE | count × (keyLength u32 | key | valueLength u32 | value)
 *
 * Entries are written in byte order of their keys, so equal maps give equal bytes on every
 * replica (handy when comparing snapshots in tests; Raft itself does not require it). The Raft
 * snapshot file around these bytes carries its own checksum, so none is repeated here.
 */

const MAGIC = [0x4b, 0x5a, 0x4b, 0x56]; // "KZKV"
const VERSION = 1;
const HEADER_BYTES = MAGIC.length + 1 + 4;
const MAX_U32 = 0xffff_ffff;

export interface KvEntry {
  readonly key: Uint8Array;
  readonly value: Uint8Array;
}

export class InvalidKvSnapshotError extends Error {
  override readonly name = 'InvalidKvSnapshotError';
  readonly code = 'INVALID_SNAPSHOT';
}

export function encodeKvSnapshot(entries: Iterable<KvEntry>): Uint8Array {
  const sorted = [...entries].sort((a, b) => Buffer.compare(a.key, b.key));
  if (sorted.length > MAX_U32) throw new RangeError('too many entries for one snapshot');
  let length = HEADER_BYTES;
  for (const { key, value } of sorted) length += 8 + key.length + value.length;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint8(MAGIC.length, VERSION);
  view.setUint32(MAGIC.length + 1, sorted.length);
  let at = HEADER_BYTES;
  for (const { key, value } of sorted) {
    for (const part of [key, value]) {
      view.setUint32(at, part.length);
      out.set(part, at + 4);
      at += 4 + part.length;
    }
  }
  return out;
}

/** The entries of a snapshot; the returned arrays are views of `bytes`. */
export function decodeKvSnapshot(bytes: Uint8Array): KvEntry[] {
  if (bytes.length < HEADER_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new InvalidKvSnapshotError('not a kv snapshot (bad magic)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint8(MAGIC.length);
  if (version !== VERSION) throw new InvalidKvSnapshotError(`kv snapshot version ${version} is not supported`);
  const count = view.getUint32(MAGIC.length + 1);
  const entries: KvEntry[] = [];
  let at = HEADER_BYTES;
  const take = (): Uint8Array => {
    if (at + 4 > bytes.length) throw new InvalidKvSnapshotError('kv snapshot truncated');
    const length = view.getUint32(at);
    if (at + 4 + length > bytes.length) throw new InvalidKvSnapshotError('kv snapshot truncated');
    const part = bytes.subarray(at + 4, at + 4 + length);
    at += 4 + length;
    return part;
  };
  for (let i = 0; i < count; i++) {
    const key = take();
    entries.push({ key, value: take() });
  }
  if (at !== bytes.length) throw new InvalidKvSnapshotError(`kv snapshot has ${bytes.length - at} trailing bytes`);
  return entries;
}
