/**
 * The shape every generated message codec has, and the two entry points that
 * run one: encode (size, allocate once, write) and decode (read from a view).
 */
import { Reader } from './reader.js';
import { Writer } from './writer.js';

/**
 * A message as decoded: every field of the message's interface is present,
 * with Kafka's default where the version lacks the field or a tagged field
 * was not sent. Message interfaces mark version-dependent and tagged fields
 * optional so that encoders can be given less; decoders always give all.
 */
export type Complete<T> = T extends Uint8Array
  ? T
  : T extends readonly (infer E)[]
    ? Complete<E>[]
    : T extends object
      ? { [K in keyof T]-?: Complete<T[K]> }
      : T;

export interface MessageCodec<T> {
  /** Kafka's message name, e.g. 'ProduceRequest'. */
  readonly name: string;
  /** Lowest and highest version this codec encodes and decodes. */
  readonly minVersion: number;
  readonly maxVersion: number;
  /** First flexible version (compact encodings, tagged fields), or null if none is. */
  readonly flexibleMin: number | null;
  /** Exact encoded size of the body at `version`. */
  size(msg: T, version: number): number;
  /** Writes the body; the writer must have room for `size(msg, version)` bytes. */
  write(w: Writer, msg: T, version: number): void;
  /** Reads the body; bytes/records fields are views into the reader's buffer. */
  read(r: Reader, version: number): Complete<T>;
}

/** One API: its key, the versions generated for it, and its request and response codecs. */
export interface ApiDescriptor<K extends number, Req, Res> {
  readonly key: K;
  /** e.g. 'Produce'. */
  readonly name: string;
  readonly minVersion: number;
  readonly maxVersion: number;
  /** First flexible version, or null if none is. */
  readonly flexibleMin: number | null;
  readonly request: MessageCodec<Req>;
  readonly response: MessageCodec<Res>;
}

/** Whether `version` is within the codec's generated range. */
export function supportsVersion(codec: MessageCodec<unknown>, version: number): boolean {
  return Number.isInteger(version) && version >= codec.minVersion && version <= codec.maxVersion;
}

function checkVersion(codec: MessageCodec<unknown>, version: number): void {
  if (!supportsVersion(codec, version)) {
    throw new RangeError(`${codec.name} has no version ${version} (${codec.minVersion}-${codec.maxVersion})`);
  }
}

/** Encodes a message body alone (no header, no size prefix). */
export function encodeMessage<T>(codec: MessageCodec<T>, msg: T, version: number): Uint8Array {
  checkVersion(codec, version);
  const w = new Writer(codec.size(msg, version));
  codec.write(w, msg, version);
  return w.finish();
}

/**
 * Decodes a message body that fills `bytes`. Trailing bytes are ignored, as
 * Kafka ignores them.
 */
export function decodeMessage<T>(codec: MessageCodec<T>, bytes: Uint8Array, version: number): Complete<T> {
  checkVersion(codec, version);
  return codec.read(new Reader(bytes), version);
}
