/**
 * The parsed form of our protocol schema (packages/kafka-protocol/schema/*.kzp).
 * The generator turns it into codecs; the property tests interpret it to build
 * arbitraries, so both sides read the same facts.
 */

/** Inclusive version range; `max` is Infinity for an open range like "9+". */
export interface VersionRange {
  readonly min: number;
  readonly max: number;
}

export const PRIMITIVES = [
  'int8',
  'int16',
  'int32',
  'int64',
  'uint16',
  'uint32',
  'float64',
  'bool',
  'string',
  'bytes',
  'records',
  'uuid',
] as const;
export type Primitive = (typeof PRIMITIVES)[number];

export type FieldType =
  | { readonly kind: 'primitive'; readonly name: Primitive }
  | { readonly kind: 'array'; readonly element: FieldType }
  | { readonly kind: 'struct'; readonly struct: StructDef };

export interface FieldDef {
  /** Kafka's field name, e.g. 'TransactionalId'. */
  readonly name: string;
  /** The TypeScript property, e.g. 'transactionalId'. */
  readonly prop: string;
  readonly type: FieldType;
  readonly versions: VersionRange;
  /** Versions in which null is allowed, or null if never. */
  readonly nullable: VersionRange | null;
  /** Tag number for a tagged field (present only in flexible versions, after the regular fields). */
  readonly tag: number | null;
  /** Default as written in the schema ('-1', 'null', 'true', '0x7fffffff', '""'), or null for the type's zero. */
  readonly defaultValue: string | null;
  /** Never compact, even in flexible versions (only RequestHeader.ClientId, so old brokers can read it). */
  readonly classic: boolean;
}

export interface StructDef {
  /** Kafka's struct name, e.g. 'TopicProduceData'. */
  readonly kafkaName: string;
  /** The TypeScript interface name, e.g. 'ProduceRequestTopicProduceData'. */
  readonly name: string;
  readonly fields: FieldDef[];
  /** Versions of the message in which this struct can appear (widened as uses are found). */
  present: VersionRange;
}

export interface MessageDef {
  readonly kind: 'request' | 'response' | 'header' | 'record';
  /** e.g. 'ProduceRequest', 'RequestHeader'. */
  readonly name: string;
  readonly apiKey: number | null;
  readonly versions: VersionRange;
  readonly flexible: VersionRange | null;
  readonly root: StructDef;
  /** Every struct of the message, the root first, each once. */
  readonly structs: StructDef[];
}

export interface ApiDef {
  readonly key: number;
  /** e.g. 'Produce'. */
  readonly name: string;
  /** Schema file the API came from, e.g. 'produce.kzp'. */
  readonly file: string;
  readonly request: MessageDef;
  readonly response: MessageDef;
}

/** A file of standalone records (`record Name versions ...`): data Kafka keeps in its own logs. */
export interface RecordFile {
  readonly file: string;
  readonly records: MessageDef[];
}

export interface Schema {
  readonly apis: ApiDef[];
  readonly headers: MessageDef[];
  readonly recordFiles: RecordFile[];
}

export function inRange(r: VersionRange | null, v: number): boolean {
  return r !== null && v >= r.min && v <= r.max;
}

/** Whether `inner` lies wholly inside `outer`. */
export function covers(outer: VersionRange | null, inner: VersionRange): boolean {
  return outer !== null && outer.min <= inner.min && outer.max >= inner.max;
}

export function intersect(a: VersionRange, b: VersionRange): VersionRange | null {
  const min = Math.max(a.min, b.min);
  const max = Math.min(a.max, b.max);
  return min <= max ? { min, max } : null;
}

export function formatRange(r: VersionRange): string {
  if (r.max === Infinity) return `${r.min}+`;
  return r.min === r.max ? `${r.min}` : `${r.min}-${r.max}`;
}
