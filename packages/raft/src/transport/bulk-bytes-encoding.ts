/**
 * Encodes a message whose bulk is one bytes field (Fetch batches, a snapshot chunk) with a single
 * allocation of the exact size and a single copy of each chunk.
 *
 * protobufjs's writer starts at 128 bytes and doubles as it goes, copying everything written so far
 * at each step; for an 8 MiB Fetch response that measured ~20–50 ms of event loop per message,
 * against ~2–4 ms here. The result is byte for byte what protobufjs writes (the tail field has the
 * highest number, and protobufjs writes fields in number order), and it is still decoded by
 * protobufjs — only the copying changes, never the bytes of a batch.
 */
import type { Type } from 'protobufjs';

function varintSize(value: number): number {
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    size += 1;
  }
  return size;
}

function writeVarint(out: Uint8Array, pos: number, value: number): number {
  while (value >= 0x80) {
    out[pos++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 128);
  }
  out[pos++] = value;
  return pos;
}

/** Length-delimited wire type. */
const WIRE_TYPE_BYTES = 2;

/**
 * `head` encoded by protobufjs (it must not contain `field`), followed by `chunks` as elements of
 * the bytes field `field`. Pass an empty chunk list for an empty singular field: proto3 omits it.
 */
export function encodeWithBytesTail(type: Type, head: object, field: string, chunks: readonly Uint8Array[]): Uint8Array {
  const definition = type.fields[field];
  if (definition === undefined || definition.type !== 'bytes') throw new TypeError(`${type.name}.${field} is not a bytes field`);
  const tag = definition.id * 8 + WIRE_TYPE_BYTES;
  const tagSize = varintSize(tag);
  const headBytes = type.encode(head).finish(true);
  let size = headBytes.length;
  for (const chunk of chunks) size += tagSize + varintSize(chunk.length) + chunk.length;
  const out = Buffer.allocUnsafe(size);
  out.set(headBytes, 0);
  let pos = headBytes.length;
  for (const chunk of chunks) {
    pos = writeVarint(out, pos, tag);
    pos = writeVarint(out, pos, chunk.length);
    out.set(chunk, pos);
    pos += chunk.length;
  }
  return out;
}
