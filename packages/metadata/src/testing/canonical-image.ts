import { crc32c } from '@kz/records';
import type { MetadataImage } from '../image/metadata-image';

/**
 * An image's canonical form, for comparing images across nodes and with the image rebuilt from the
 * committed log. It is written here from the image's own maps — every field of every broker, topic,
 * partition and config, keys sorted — and not through image-records.ts or the snapshot codec, so that
 * a part those drop or mangle (a snapshot that loses configs, say) shows as a difference instead of
 * being dropped on both sides of the comparison.
 */
export interface CanonicalImage {
  readonly offset: number;
  readonly epoch: number;
  /** CRC-32C of the canonical text of the content (provenance excluded). */
  readonly contentCrc: number;
  /** Content and provenance together: equal for two images exactly when both are. */
  readonly crc: number;
}

const canonicalCache = new WeakMap<MetadataImage, CanonicalImage>();
/**
 * Content CRC memoised by the identity of the image's parts (features -> brokers -> topics -> names ->
 * configs -> SCRAM credentials -> ACLs -> producer ids): an image made by a NoOp shares every part with the one before it.
 */
const contentCache = new WeakMap<object, WeakMap<object, WeakMap<object, WeakMap<object, WeakMap<object, WeakMap<object, WeakMap<object, Map<number, number>>>>>>>>();
const encoder = new TextEncoder();

export function canonicalImage(image: MetadataImage): CanonicalImage {
  let known = canonicalCache.get(image);
  if (known === undefined) {
    const contentCrc = memoisedContentCrc(image);
    const { offset, epoch } = image.provenance;
    known = { offset, epoch, contentCrc, crc: crc32c(encoder.encode(`${offset}/${epoch}`), contentCrc) };
    canonicalCache.set(image, known);
  }
  return known;
}

/** The image's content as lines of canonical JSON: features, brokers by id, topics by name, configs by resource, producer ids. */
export function canonicalLines(image: MetadataImage): string[] {
  const lines: string[] = [];
  lines.push(stable(['features', [...image.features].sort(byKey)]));
  for (const id of [...image.brokers.keys()].sort((a, b) => a - b)) lines.push(stable(['broker', id, image.brokers.get(id)]));
  for (const name of [...image.topicIdsByName.keys()].sort()) {
    const id = image.topicIdsByName.get(name)!;
    lines.push(stable(['topic', name, id, image.topicsById.get(id) ?? null]));
  }
  // A topic the name index does not reach is an inconsistency of its own.
  const named = new Set(image.topicIdsByName.values());
  for (const id of [...image.topicsById.keys()].sort()) if (!named.has(id)) lines.push(stable(['unnamedTopic', id, image.topicsById.get(id)]));
  for (const key of [...image.configs.keys()].sort()) lines.push(stable(['configs', key, [...image.configs.get(key)!].sort(byKey)]));
  for (const user of [...image.scramCredentials.keys()].sort()) {
    const mechanisms = [...image.scramCredentials.get(user)!.values()].sort((a, b) => (a.mechanism < b.mechanism ? -1 : 1));
    lines.push(stable(['scram', user, mechanisms.map((c) => ({ ...c, salt: hex(c.salt), storedKey: hex(c.storedKey), serverKey: hex(c.serverKey) }))]));
  }
  for (const id of [...image.acls.keys()].sort()) lines.push(stable(['acl', id, image.acls.get(id)]));
  lines.push(stable(['nextProducerId', image.nextProducerId]));
  return lines;
}

/** The first part in which two images differ, for a violation's message. */
export function imageDifference(actual: MetadataImage, expected: MetadataImage): string {
  if (actual.offset !== expected.offset || actual.provenance.epoch !== expected.provenance.epoch) {
    return `provenance ${actual.offset}/${actual.provenance.epoch}, expected ${expected.offset}/${expected.provenance.epoch}`;
  }
  const a = canonicalLines(actual);
  const e = canonicalLines(expected);
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return `has ${a[i] ?? 'nothing'} where the committed log has ${e[i] ?? 'nothing'}`;
  }
  return 'no difference';
}

function memoisedContentCrc(image: MetadataImage): number {
  const byBrokers = getOrMake(contentCache, image.features, () => new WeakMap());
  const byTopics = getOrMake(byBrokers, image.brokers, () => new WeakMap());
  const byNames = getOrMake(byTopics, image.topicsById, () => new WeakMap());
  const byConfigs = getOrMake(byNames, image.topicIdsByName, () => new WeakMap());
  const byScram = getOrMake(byConfigs, image.configs, () => new WeakMap());
  const byAcls = getOrMake(byScram, image.scramCredentials, () => new WeakMap());
  const byProducerIds = getOrMake(byAcls, image.acls, () => new Map<number, number>());
  let crc = byProducerIds.get(image.nextProducerId);
  if (crc === undefined) {
    crc = crc32c(encoder.encode(canonicalLines(image).join('\n')));
    byProducerIds.set(image.nextProducerId, crc);
  }
  return crc;
}

function getOrMake<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

function byKey(a: readonly [string, unknown], b: readonly [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** JSON with every object's keys sorted (arrays keep their order: replica order is meaningful). */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    if (v instanceof Map) return [...(v as Map<unknown, unknown>)];
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}
