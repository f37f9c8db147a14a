/**
 * IncrementalAlterConfigs and DescribeConfigs over the dynamic configs in the image (Kafka's
 * ConfigurationControlManager and ConfigHelper). The controller turns an alteration into
 * ConfigRecords; describing reads the stored configs back with the precedence Kafka gives them.
 */
import { apiError, ApiError } from '../errors/api-error';
import { configResourceKey } from '../image/config-resource';
import type { ConfigRecord } from '../records/metadata-record';
import {
  BROKER_CONFIGS,
  configDefinition,
  listElements,
  TOPIC_CONFIGS,
  unknownConfigError,
  validateConfigValue,
  type ConfigDefinition,
  type TopicConfigDefinition,
} from './config-definitions';
import type { ConfigResourceRef, IncrementalAlterConfigsRequest } from './controller-requests';

type ConfigChange = IncrementalAlterConfigsRequest['resources'][number]['changes'][number];

/** The cluster-wide broker default, whose synonyms are also every topic's defaults. */
const CLUSTER_DEFAULT_KEY = configResourceKey({ type: 'broker', name: '' });
const INT32_MAX = 2 ** 31 - 1;

/** The ConfigRecords that carry out an IncrementalAlterConfigs on one resource, or why not. */
export function alterConfigRecords(
  resource: ConfigResourceRef,
  changes: IncrementalAlterConfigsRequest['resources'][number]['changes'],
  current: ReadonlyMap<string, string>,
): ConfigRecord[] | ApiError {
  const resourceError = resourceNameError(resource);
  if (resourceError !== null) return resourceError;
  const duplicate = duplicateKey(changes);
  if (duplicate !== null) {
    // Kafka refuses the whole resource: which of two changes to one key wins would be arbitrary.
    return apiError('INVALID_REQUEST', `Duplicate config key ${duplicate} in one IncrementalAlterConfigs on ${describeResource(resource)}`);
  }
  const records: ConfigRecord[] = [];
  // All or nothing per resource: every change is checked before any record is handed back.
  for (const change of changes) {
    const next = nextValue(resource, change, current);
    if (next instanceof ApiError) return next;
    // Kafka compares with the stored value: setting the default explicitly still pins it.
    if (next === (current.get(change.name) ?? null)) continue;
    records.push({ type: 'config', resourceType: resource.type, resourceName: resource.name, name: change.name, value: next });
  }
  return records;
}

/**
 * A broker resource is one broker's id or "" for the cluster default; the id must be written the
 * way the image files it ("7", not "07" or "+7"), or the configs would land on a resource no broker
 * reads. A topic resource must name a topic: Kafka has no default topic resource.
 */
function resourceNameError(resource: ConfigResourceRef): ApiError | null {
  if (resource.type === 'topic') {
    return resource.name === '' ? apiError('INVALID_REQUEST', 'A topic config resource needs a topic name; there is no default topic resource') : null;
  }
  if (resource.name === '') return null;
  if (/^(0|[1-9]\d*)$/.test(resource.name) && Number(resource.name) <= INT32_MAX) return null;
  return apiError('INVALID_REQUEST', `Broker config resource name must be "" or a non-negative broker id, not "${resource.name}"`);
}

function duplicateKey(changes: readonly ConfigChange[]): string | null {
  const seen = new Set<string>();
  for (const change of changes) {
    if (seen.has(change.name)) return change.name;
    seen.add(change.name);
  }
  return null;
}

/** The value the key will have after `change` (null: unset), or why the change is refused. */
function nextValue(resource: ConfigResourceRef, change: ConfigChange, current: ReadonlyMap<string, string>): string | null | ApiError {
  const definition = configDefinition(resource.type, change.name);
  if (definition === undefined) return unknownConfigError(resource.type, change.name, change.value);
  if (change.op === 'delete') return null;
  if (change.value === null) {
    return apiError('INVALID_CONFIG', `Config ${change.name}: ${change.op} needs a value; use delete to unset a config`);
  }
  const value = change.op === 'set' ? change.value : listOperation(definition, change.op, change.value, current.get(change.name));
  if (value === null || value instanceof ApiError) return value;
  return validateConfigValue(resource.type, change.name, value) ?? value;
}

/**
 * APPEND and SUBTRACT (KIP-339) edit a LIST config element by element, starting from the stored
 * value or, when none is stored, Kafka's default — as ConfigurationControlManager does: the cluster
 * default on "" is not consulted, so appending to an unset topic list starts from Kafka's default.
 * An edit that changes no element leaves the key as it was (the stored value, or null for unset),
 * so it writes nothing rather than pin the default onto the resource as Kafka would.
 */
function listOperation(
  definition: ConfigDefinition,
  op: 'append' | 'subtract',
  value: string,
  stored: string | undefined,
): string | null | ApiError {
  if (definition.type.kind !== 'list') {
    return apiError('INVALID_CONFIG', `Can't ${op} to config ${definition.name} (value ${value}) because its type is ${definition.type.kind.toUpperCase()}, not LIST`);
  }
  const base = listElements(stored ?? definition.defaultValue).filter((element) => element !== '');
  const operands = listElements(value).filter((element) => element !== '');
  const result =
    op === 'append'
      ? [...base, ...operands.filter((element, i) => !base.includes(element) && operands.indexOf(element) === i)]
      : base.filter((element) => !operands.includes(element));
  if (result.length === base.length) return stored ?? null;
  return result.join(',');
}

function describeResource(resource: ConfigResourceRef): string {
  return resource.name === '' && resource.type === 'broker' ? 'the cluster-default broker resource' : `${resource.type} ${resource.name}`;
}

export type ConfigSource =
  | 'DYNAMIC_TOPIC_CONFIG'
  | 'DYNAMIC_BROKER_CONFIG'
  | 'DYNAMIC_DEFAULT_BROKER_CONFIG'
  | 'STATIC_BROKER_CONFIG'
  | 'DEFAULT_CONFIG';

export interface DescribedConfig {
  readonly name: string;
  readonly value: string | null;
  readonly source: ConfigSource;
  readonly readOnly: boolean;
  readonly sensitive: boolean;
}

interface ResolvedValue {
  readonly value: string;
  readonly source: ConfigSource;
}

/** DescribeConfigs: every known config of the resource with its effective value and where it comes from. */
export function describeConfigs(
  configs: (key: string) => ReadonlyMap<string, string>,
  resource: ConfigResourceRef,
  staticBrokerConfigs?: ReadonlyMap<string, string>,
): DescribedConfig[] {
  // Every config kz knows is dynamic and none is a secret, so readOnly and sensitive are false.
  const described = (name: string, resolved: ResolvedValue): DescribedConfig => ({ name, ...resolved, readOnly: false, sensitive: false });
  if (resource.type === 'topic') {
    return [...TOPIC_CONFIGS.values()].map((d) => described(d.name, resolveTopicConfig(configs, resource.name, d, staticBrokerConfigs)));
  }
  return [...BROKER_CONFIGS.values()].map((d) => described(d.name, resolveBrokerConfig(configs, resource.name, d, staticBrokerConfigs)));
}

/** The effective value of one topic config: the topic's own, else the broker default ("" resource) synonym, else Kafka's default. */
export function effectiveTopicConfig(configs: (key: string) => ReadonlyMap<string, string>, topic: string, name: string): string {
  const definition = TOPIC_CONFIGS.get(name);
  // A caller inside kz asking for a config kz does not define is a bug, not a client's error.
  if (definition === undefined) throw new Error(`effectiveTopicConfig: kz defines no topic config ${name}`);
  return resolveTopicConfig(configs, topic, definition).value;
}

/** The effective value of one broker config for one broker (its own, else the cluster default "", else the static/default). */
export function effectiveBrokerConfig(configs: (key: string) => ReadonlyMap<string, string>, brokerId: number | '', name: string): string {
  const definition = BROKER_CONFIGS.get(name);
  if (definition === undefined) throw new Error(`effectiveBrokerConfig: kz defines no broker config ${name}`);
  return resolveBrokerConfig(configs, String(brokerId), definition).value;
}

/**
 * A topic config's precedence in Kafka: the topic's override, then its broker synonym on the cluster
 * default, then that synonym in the describing broker's server.properties, then LogConfig's default.
 */
function resolveTopicConfig(
  configs: (key: string) => ReadonlyMap<string, string>,
  topic: string,
  definition: TopicConfigDefinition,
  staticBrokerConfigs?: ReadonlyMap<string, string>,
): ResolvedValue {
  const own = configs(configResourceKey({ type: 'topic', name: topic })).get(definition.name);
  if (own !== undefined) return { value: own, source: 'DYNAMIC_TOPIC_CONFIG' };
  const clusterDefault = configs(CLUSTER_DEFAULT_KEY).get(definition.brokerSynonym);
  if (clusterDefault !== undefined) return { value: clusterDefault, source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' };
  const fromStatic = staticBrokerConfigs?.get(definition.brokerSynonym);
  if (fromStatic !== undefined) return { value: fromStatic, source: 'STATIC_BROKER_CONFIG' };
  return { value: definition.defaultValue, source: 'DEFAULT_CONFIG' };
}

/**
 * A broker config's precedence in Kafka (DynamicBrokerConfig): the broker's own dynamic value, then
 * the cluster default "", then server.properties, then the default. For "" itself, its own value is
 * the cluster default.
 */
function resolveBrokerConfig(
  configs: (key: string) => ReadonlyMap<string, string>,
  /** A broker id, or "" for the cluster default. */
  brokerName: string,
  definition: ConfigDefinition,
  staticBrokerConfigs?: ReadonlyMap<string, string>,
): ResolvedValue {
  if (brokerName !== '') {
    const own = configs(configResourceKey({ type: 'broker', name: brokerName })).get(definition.name);
    if (own !== undefined) return { value: own, source: 'DYNAMIC_BROKER_CONFIG' };
  }
  const clusterDefault = configs(CLUSTER_DEFAULT_KEY).get(definition.name);
  if (clusterDefault !== undefined) return { value: clusterDefault, source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' };
  const fromStatic = staticBrokerConfigs?.get(definition.name);
  if (fromStatic !== undefined) return { value: fromStatic, source: 'STATIC_BROKER_CONFIG' };
  return { value: definition.defaultValue, source: 'DEFAULT_CONFIG' };
}
