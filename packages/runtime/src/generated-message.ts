/**
 * What the service codecs use of the message classes `pnpm gen-proto` generates from each .proto
 * (pbjs static modules), and the types that tie a codec's wire objects to them: a field renamed,
 * dropped or added in the .proto fails the build of the codec that maps it, instead of going
 * silently missing on the wire.
 */
import type { Reader, Writer } from 'protobufjs';

/** A generated message class (a reflected protobufjs Type fits too): `P` is its `$Properties`. */
export interface MessageClass<P extends object> {
  encode(message: P, writer?: Writer): Writer;
  decode(reader: Reader | Uint8Array, length?: number): P;
}

/** The properties type `P` of a generated message class. */
export type PropertiesOf<C> = C extends MessageClass<infer P> ? P : never;

/** The field names of a message's properties, without protobufjs's list of unknown fields. */
export type FieldOf<P> = Exclude<keyof P, '$unknowns'> & string;

/**
 * What encoding accepts for properties `T`: the same, read-only all the way down (the generated
 * types say mutable arrays, but encoding never changes its input, and our messages are immutable).
 */
export type WireInput<T> = T extends Uint8Array
  ? T
  : T extends readonly (infer E)[]
    ? readonly WireInput<E>[]
    : T extends object
      ? { readonly [K in keyof T]: WireInput<T[K]> }
      : T;

/**
 * A message's properties as a codec builds them to encode: every field of the .proto named (a new
 * field must be mapped), `undefined` for one left absent.
 */
export type WireMessage<P> = { readonly [K in FieldOf<P>]-?: WireInput<P[K]> | undefined };

/** The sub-message type of a message or repeated-message field's value. */
export type MessageOf<V> = NonNullable<V> extends readonly (infer E)[] ? (E extends object ? E : never) : NonNullable<V> extends object ? NonNullable<V> : never;

/** Encodes `message` as one exact-size buffer. */
export function encodeMessage<P extends object>(type: MessageClass<P>, message: NoInfer<WireInput<P> | WireMessage<P>>): Uint8Array {
  return type.encode(message as P).finish();
}

/**
 * Decodes `bytes` as `type`, turning protobufjs's failure (truncated input, a wrong wire type) into
 * the codec's own typed error; `name` names the message in it. The result is protobufjs's object,
 * unchecked: the codec reads it through a WireReader. Bytes fields come back as views of `bytes`.
 */
export function decodeMessage<P extends object>(type: MessageClass<P>, bytes: Uint8Array, name: string, malformed: (message: string, options: ErrorOptions) => Error): P {
  try {
    return type.decode(bytes);
  } catch (error) {
    throw malformed(`${name} does not decode: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
