/**
 * A kv write as one Raft record. The record key is the kv key itself (so the log reads like a
 * Kafka topic of the store's changes), and the record value is the command:
 *
 *   put     0x01 | value...
 *   delete  0x02
 *   cas     0x03 | hasExpected u8 (0|1) | expectedLength u32 BE | expected... | value...
 *
 * Binary rather than JSON because values are arbitrary bytes; the leading op byte leaves room for
 * more commands without touching the old ones. Reads are not commands: they go through a read
 * barrier and never enter the log.
 */

export type KvCommand =
  | { readonly op: 'put'; readonly key: Uint8Array; readonly value: Uint8Array }
  | { readonly op: 'delete'; readonly key: Uint8Array }
  /** Sets `value` only if the current value equals `expected` (`null`: the key must be absent). */
  | { readonly op: 'cas'; readonly key: Uint8Array; readonly expected: Uint8Array | null; readonly value: Uint8Array };

/** The shape RaftNode.propose takes (a KafkaRecord without headers or timestamp). */
export interface CommandRecord {
  readonly key: Uint8Array;
  readonly value: Uint8Array;
}

/** A record in the log that is not a command this version understands. */
export class MalformedCommandError extends Error {
  override readonly name = 'MalformedCommandError';
  readonly code = 'INVALID_REQUEST';
}

const OP_PUT = 0x01;
const OP_DELETE = 0x02;
const OP_CAS = 0x03;
const CAS_HEADER_BYTES = 1 + 1 + 4;

export function encodeCommand(command: KvCommand): CommandRecord {
  switch (command.op) {
    case 'put':
      return { key: command.key, value: concat([Uint8Array.of(OP_PUT), command.value]) };
    case 'delete':
      return { key: command.key, value: Uint8Array.of(OP_DELETE) };
    case 'cas': {
      const expected = command.expected ?? new Uint8Array(0);
      const header = new Uint8Array(CAS_HEADER_BYTES);
      const view = new DataView(header.buffer);
      view.setUint8(0, OP_CAS);
      view.setUint8(1, command.expected === null ? 0 : 1);
      view.setUint32(2, expected.length);
      return { key: command.key, value: concat([header, expected, command.value]) };
    }
  }
}

/**
 * The command a committed record carries. Throws MalformedCommandError for anything else; the
 * state machine turns that into a deterministic no-op, since every replica sees the same bytes.
 */
export function decodeCommand(record: { readonly key: Uint8Array | null; readonly value: Uint8Array | null }): KvCommand {
  const { key, value } = record;
  if (key === null || key.length === 0) throw new MalformedCommandError('a command record needs a non-empty key');
  if (value === null || value.length === 0) throw new MalformedCommandError('a command record needs a value');
  switch (value[0]) {
    case OP_PUT:
      return { op: 'put', key, value: value.subarray(1) };
    case OP_DELETE:
      if (value.length !== 1) throw new MalformedCommandError('a delete command carries no payload');
      return { op: 'delete', key };
    case OP_CAS: {
      if (value.length < CAS_HEADER_BYTES) throw new MalformedCommandError('a cas command is shorter than its header');
      const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
      const hasExpected = view.getUint8(1);
      const expectedLength = view.getUint32(2);
      if (hasExpected > 1) throw new MalformedCommandError(`a cas command has flag ${hasExpected}`);
      if (hasExpected === 0 && expectedLength !== 0) throw new MalformedCommandError('a cas command without expected has an expected length');
      const valueStart = CAS_HEADER_BYTES + expectedLength;
      if (valueStart > value.length) throw new MalformedCommandError('a cas command is shorter than its expected value');
      const expected = hasExpected === 1 ? value.subarray(CAS_HEADER_BYTES, valueStart) : null;
      return { op: 'cas', key, expected, value: value.subarray(valueStart) };
    }
    default:
      throw new MalformedCommandError(`unknown command op ${value[0]}`);
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
