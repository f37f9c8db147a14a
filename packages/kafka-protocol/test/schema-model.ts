/**
 * Interprets the schema (the same parsed form the generator uses) to build
 * fast-check arbitraries for a message at one version, and the value a
 * decoder must give back for it: fields the version lacks read as their
 * defaults, optional fields left undefined read as their defaults.
 */
import fc from 'fast-check';
import { readSchemaFiles } from '../src/codegen/main';
import { parseSchema } from '../src/codegen/parse';
import type { FieldDef, FieldType, MessageDef, Schema, StructDef } from '../src/codegen/schema';
import { inRange } from '../src/codegen/schema';

export const SCHEMA: Schema = parseSchema(readSchemaFiles());

const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

/** Whether the field is on the wire at version v (tagged fields only in flexible versions). */
export function onWire(msg: MessageDef, f: FieldDef, v: number): boolean {
  if (!inRange(f.versions, v)) return false;
  return f.tag === null || inRange(msg.flexible, v);
}

export function defaultOf(f: FieldDef): unknown {
  if (f.defaultValue === 'null') return null;
  const t = f.type;
  if (t.kind === 'array') return [];
  if (t.kind === 'struct') return defaultStruct(t.struct);
  switch (t.name) {
    case 'bool':
      return f.defaultValue === 'true';
    case 'string':
      return f.defaultValue === null ? '' : (JSON.parse(f.defaultValue) as string);
    case 'uuid':
      return ZERO_UUID;
    case 'bytes':
      return new Uint8Array(0);
    case 'records':
      return f.nullable ? null : new Uint8Array(0);
    default:
      return f.defaultValue === null ? 0 : Number(f.defaultValue);
  }
}

function defaultStruct(s: StructDef): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of s.fields) out[f.prop] = defaultOf(f);
  return out;
}

const INT_RANGES: Record<string, [number, number]> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
};

function primitiveArb(name: string): fc.Arbitrary<unknown> {
  const range = INT_RANGES[name];
  if (range) {
    return fc.oneof(fc.integer({ min: range[0], max: range[1] }), fc.constantFrom(range[0], range[1], -1, 0).filter((n) => n >= range[0]));
  }
  switch (name) {
    case 'int64':
      return fc.oneof(fc.maxSafeInteger(), fc.constantFrom(-1, 0, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2 ** 32, -(2 ** 32) - 1));
    case 'float64':
      return fc.double({ noNaN: true });
    case 'bool':
      return fc.boolean();
    case 'string':
      // Valid Unicode only: lone surrogates cannot survive UTF-8, on the wire or in Kafka.
      return fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 70 }));
    case 'uuid':
      return fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString('base64url'));
    case 'bytes':
    case 'records':
      return fc.uint8Array({ maxLength: 300 });
    default:
      throw new Error(`no arbitrary for ${name}`);
  }
}

function typeArb(msg: MessageDef, t: FieldType, v: number, depth: number): fc.Arbitrary<unknown> {
  if (t.kind === 'primitive') return primitiveArb(t.name);
  if (t.kind === 'array') return fc.array(typeArb(msg, t.element, v, depth + 1), { maxLength: depth < 2 ? 3 : 2 });
  return structArb(msg, t.struct, v, depth + 1);
}

function fieldArb(msg: MessageDef, f: FieldDef, v: number, depth: number): fc.Arbitrary<unknown> {
  const base = typeArb(msg, f.type, v, depth);
  return inRange(f.nullable, v) ? fc.option(base, { nil: null, freq: 4 }) : base;
}

/** The versions in which a field is on the wire, to build junk for a version that lacks it. */
function someVersionOf(msg: MessageDef, f: FieldDef): number | null {
  for (let v = Math.max(f.versions.min, msg.versions.min); v <= Math.min(f.versions.max, msg.versions.max); v++) {
    if (onWire(msg, f, v)) return v;
  }
  return null;
}

/**
 * A struct value for version v: every field on the wire gets a valid value
 * (optional ones sometimes undefined); fields the version lacks sometimes get
 * a value from another version, which the encoder must ignore.
 */
export function structArb(msg: MessageDef, s: StructDef, v: number, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of s.fields) {
    const optional = f.tag !== null || !(f.versions.min <= s.present.min && f.versions.max >= s.present.max);
    if (onWire(msg, f, v)) {
      const arb = fieldArb(msg, f, v, depth);
      model[f.prop] = optional ? fc.option(arb, { nil: undefined, freq: 3 }) : arb;
    } else {
      const other = someVersionOf(msg, f);
      model[f.prop] = other === null ? fc.constant(undefined) : fc.option(fieldArb(msg, f, other, depth + 1), { nil: undefined });
    }
  }
  return fc.record(model);
}

/** What decoding the encoding of `value` at version v must give. */
export function expectedStruct(msg: MessageDef, s: StructDef, v: number, value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of s.fields) {
    const x = value[f.prop];
    out[f.prop] = onWire(msg, f, v) && x !== undefined ? expectedValue(msg, f.type, v, x) : defaultOf(f);
  }
  return out;
}

function expectedValue(msg: MessageDef, t: FieldType, v: number, x: unknown): unknown {
  if (x === null) return null;
  if (t.kind === 'array') return (x as unknown[]).map((e) => expectedValue(msg, t.element, v, e));
  if (t.kind === 'struct') return expectedStruct(msg, t.struct, v, x as Record<string, unknown>);
  return x;
}
