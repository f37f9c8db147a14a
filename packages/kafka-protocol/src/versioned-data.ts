/**
 * Data Kafka stores or passes through opaquely rather than as a request body — the records of
 * `__consumer_offsets`, the consumer protocol's subscription and assignment — is framed as an int16
 * version followed by the body at that version. These frame and unframe it around a generated codec.
 */
import { type Complete, type MessageCodec } from './codec.js';
import { MalformedMessageError, TruncatedMessageError } from './errors.js';
import { Reader } from './reader.js';
import { Writer } from './writer.js';

export function encodeVersioned<T>(codec: MessageCodec<T>, msg: T, version: number): Uint8Array {
  if (version < codec.minVersion || version > codec.maxVersion) throw new RangeError(`${codec.name} has no version ${version}`);
  const w = new Writer(2 + codec.size(msg, version));
  w.int16(version);
  codec.write(w, msg, version);
  return w.finish();
}

export interface VersionedReadOptions {
  /**
   * Read a version newer than the codec knows with the newest layout it knows. Right for the
   * consumer protocol, whose versions only ever append fields (ConsumerProtocolSubscription's rule);
   * wrong for stored records, whose unknown versions must not be half-understood.
   */
  readonly newerAsLatest?: boolean;
}

/**
 * The version and body. Throws TruncatedMessageError or MalformedMessageError on bytes that are not
 * such a frame, and MalformedMessageError on an unknown version (unless `newerAsLatest`). Bytes after
 * the body are left to the caller: `trailing` counts them.
 */
export function decodeVersioned<T>(codec: MessageCodec<T>, bytes: Uint8Array, options: VersionedReadOptions = {}): { version: number; value: Complete<T>; trailing: number } {
  if (bytes.length < 2) throw new TruncatedMessageError(`${codec.name} version`, 0, 2, bytes.length);
  const reader = new Reader(bytes);
  const version = reader.int16();
  let layout = version;
  if (version > codec.maxVersion && options.newerAsLatest === true) layout = codec.maxVersion;
  if (layout < codec.minVersion || layout > codec.maxVersion) throw new MalformedMessageError(`${codec.name} has unknown version ${version}`, 0);
  const value = codec.read(reader, layout);
  return { version, value, trailing: reader.remaining() };
}
