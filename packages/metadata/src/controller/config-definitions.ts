/**
 * The dynamic configs kz knows, with Kafka's names, types, defaults and validity (Kafka's LogConfig,
 * ServerLogConfigs, ServerTopicConfigSynonyms and ReplicationConfigs). A topic config's default for
 * the whole cluster is its broker synonym set on the cluster-default broker resource "" — Kafka kept
 * the old server.properties names (log.retention.ms for retention.ms) when topic overrides came in,
 * so the two names stay paired here.
 */
import { apiError, type ApiError } from '../errors/api-error';
import type { ConfigResourceType } from '../records/metadata-record';

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Kafka's "no limit" for flush.messages and flush.ms: Long.MAX_VALUE, kept as text (it is not a safe JS number). */
export const LONG_MAX_VALUE = LONG_MAX.toString();

/** A config's type and what values of it are valid (ConfigDef's Type plus its Validator). */
export type ConfigType =
  | { readonly kind: 'int' | 'long'; readonly min: bigint; readonly max: bigint }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'string'; readonly oneOf: readonly string[] }
  /** A comma-separated list whose every element is one of `oneOf`. */
  | { readonly kind: 'list'; readonly oneOf: readonly string[] };

export interface ConfigDefinition {
  readonly name: string;
  readonly type: ConfigType;
  readonly defaultValue: string;
}

export interface TopicConfigDefinition extends ConfigDefinition {
  /** The broker config that, set on the cluster default "", is this topic config's default. */
  readonly brokerSynonym: string;
}

/** Kafka's ConfigDef.Range.atLeast / between on an INT. */
function int(min: bigint, max: bigint = INT_MAX): ConfigType {
  return { kind: 'int', min, max };
}

/** Kafka's ConfigDef.Range.atLeast / between on a LONG. */
function long(min: bigint, max: bigint = LONG_MAX): ConfigType {
  return { kind: 'long', min, max };
}

const BOOLEAN: ConfigType = { kind: 'boolean' };

function topic(name: string, brokerSynonym: string, type: ConfigType, defaultValue: string): TopicConfigDefinition {
  return { name, brokerSynonym, type, defaultValue };
}

/*
 * Validity is Kafka 3.x's LogConfig: segment.bytes at least LegacyRecord.RECORD_OVERHEAD_V0 (14;
 * Kafka 4 raised it to 1 MiB) and flush.messages at least 0 (Kafka 4: at least 1). retention.bytes
 * has no validator in Kafka (any negative means unlimited); kz holds it to ≥ -1 like retention.ms,
 * so that "unlimited" has one spelling.
 */
const TOPIC_CONFIG_LIST: readonly TopicConfigDefinition[] = [
  topic('cleanup.policy', 'log.cleanup.policy', { kind: 'list', oneOf: ['compact', 'delete'] }, 'delete'),
  topic('flush.messages', 'log.flush.interval.messages', long(0n), LONG_MAX_VALUE),
  topic('flush.ms', 'log.flush.interval.ms', long(0n), LONG_MAX_VALUE),
  topic('index.interval.bytes', 'log.index.interval.bytes', int(0n), '4096'),
  // 1 MiB + Records.LOG_OVERHEAD (12): a 1 MiB record still fits with its batch header.
  topic('max.message.bytes', 'message.max.bytes', int(0n), '1048588'),
  topic('message.timestamp.type', 'log.message.timestamp.type', { kind: 'string', oneOf: ['CreateTime', 'LogAppendTime'] }, 'CreateTime'),
  topic('min.insync.replicas', 'min.insync.replicas', int(1n), '1'),
  topic('retention.bytes', 'log.retention.bytes', long(-1n), '-1'),
  // -1: keep forever (LogManager.cleanupExpiredSegments skips a negative retention).
  topic('retention.ms', 'log.retention.ms', long(-1n), '604800000'),
  topic('segment.bytes', 'log.segment.bytes', int(14n), '1073741824'),
  // An index entry is at least 4 bytes, so a smaller index could not hold one.
  topic('segment.index.bytes', 'log.index.size.max.bytes', int(4n), '10485760'),
  // Kafka's segment.ms synonym is log.roll.ms (log.roll.hours is the second synonym, 168 hours).
  topic('segment.ms', 'log.roll.ms', long(1n), '604800000'),
  topic('unclean.leader.election.enable', 'unclean.leader.election.enable', BOOLEAN, 'false'),
];

/**
 * The broker configs kz changes at runtime. Each topic synonym has the topic config's type, validity
 * and default: Kafka's log.retention.ms and log.roll.ms default to null and fall back to their
 * *.hours synonyms (168), and log.flush.interval.ms to log.flush.scheduler.interval.ms; kz has no
 * second synonyms, so the effective value is the default directly.
 */
const BROKER_ONLY_CONFIG_LIST: readonly ConfigDefinition[] = [
  { name: 'auto.leader.rebalance.enable', type: BOOLEAN, defaultValue: 'true' },
  // Kafka has no validator on these three; kz refuses values the controller could not act on.
  { name: 'default.replication.factor', type: int(1n), defaultValue: '1' },
  { name: 'leader.imbalance.check.interval.seconds', type: long(1n), defaultValue: '300' },
  { name: 'leader.imbalance.per.broker.percentage', type: int(0n, 100n), defaultValue: '10' },
  { name: 'num.partitions', type: int(1n), defaultValue: '1' },
  { name: 'replica.lag.time.max.ms', type: long(0n), defaultValue: '30000' },
];

function byName<T extends ConfigDefinition>(definitions: readonly T[]): ReadonlyMap<string, T> {
  return new Map([...definitions].sort((a, b) => (a.name < b.name ? -1 : 1)).map((d) => [d.name, d]));
}

/** Every topic config kz knows, in name order. */
export const TOPIC_CONFIGS: ReadonlyMap<string, TopicConfigDefinition> = byName(TOPIC_CONFIG_LIST);

/** Every dynamic broker config kz knows (per broker id, or cluster default ""), in name order. */
export const BROKER_CONFIGS: ReadonlyMap<string, ConfigDefinition> = byName([
  ...TOPIC_CONFIG_LIST.map((t) => ({ name: t.brokerSynonym, type: t.type, defaultValue: t.defaultValue })),
  ...BROKER_ONLY_CONFIG_LIST,
]);

export function configDefinitions(resourceType: ConfigResourceType): ReadonlyMap<string, ConfigDefinition> {
  return resourceType === 'topic' ? TOPIC_CONFIGS : BROKER_CONFIGS;
}

export function configDefinition(resourceType: ConfigResourceType, name: string): ConfigDefinition | undefined {
  return configDefinitions(resourceType).get(name);
}

/** The broker config whose cluster default stands in for an unset topic config. */
export function brokerSynonym(topicConfigName: string): string | undefined {
  return TOPIC_CONFIGS.get(topicConfigName)?.brokerSynonym;
}

/**
 * The elements of a LIST value. Kafka's ConfigDef splits on commas with the spaces around them
 * trimmed, and an empty (or all-blank) value is the empty list.
 */
export function listElements(value: string): string[] {
  return value.trim() === '' ? [] : value.split(',').map((element) => element.trim());
}

/** Why `value` is not a valid `name`, or null: INVALID_CONFIG naming the key, the value and what is allowed. */
export function validateConfigValue(resourceType: ConfigResourceType, name: string, value: string): ApiError | null {
  const definition = configDefinition(resourceType, name);
  if (definition === undefined) return unknownConfigError(resourceType, name, value);
  const problem = typeProblem(definition.type, value);
  return problem === null ? null : apiError('INVALID_CONFIG', `Invalid value ${value} for configuration ${name}: ${problem}`);
}

/** Kafka refuses a config name it does not define (LogConfig.validateNames) rather than store a key nothing reads. */
export function unknownConfigError(resourceType: ConfigResourceType, name: string, value: string | null): ApiError {
  const known = [...configDefinitions(resourceType).keys()].join(', ');
  return apiError('INVALID_CONFIG', `Unknown ${resourceType} config name: ${name} (value ${value}); known ${resourceType} configs: ${known}`);
}

/** What is wrong with `value` as a value of `type`, or null. Kafka trims a value before parsing it. */
function typeProblem(type: ConfigType, value: string): string | null {
  const trimmed = value.trim();
  switch (type.kind) {
    case 'int':
    case 'long':
      return numberProblem(type.kind, type.min, type.max, trimmed);
    case 'boolean':
      // Java's Boolean parsing in ConfigDef: case-insensitive true/false, nothing else.
      return /^(true|false)$/i.test(trimmed) ? null : 'Expected value to be either true or false';
    case 'string':
      // ConfigDef.ValidString is case-sensitive: "createtime" is not CreateTime.
      return type.oneOf.includes(trimmed) ? null : `String must be one of: ${type.oneOf.join(', ')}`;
    case 'list': {
      const bad = listElements(value).find((element) => !type.oneOf.includes(element));
      return bad === undefined ? null : `List element "${bad}" is not one of: ${type.oneOf.join(', ')}`;
    }
  }
}

function numberProblem(kind: 'int' | 'long', min: bigint, max: bigint, trimmed: string): string | null {
  const [typeMin, typeMax] = kind === 'int' ? [INT_MIN, INT_MAX] : [LONG_MIN, LONG_MAX];
  // Integer.parseInt / Long.parseLong: an optional sign and decimal digits, within the Java type.
  if (!/^[+-]?\d+$/.test(trimmed)) return `Not a number of type ${kind.toUpperCase()}`;
  const n = BigInt(trimmed);
  if (n < typeMin || n > typeMax) return `Not a number of type ${kind.toUpperCase()}`;
  if (n < min) return `Value must be at least ${min}`;
  if (n > max) return `Value must be no more than ${max}`;
  return null;
}
