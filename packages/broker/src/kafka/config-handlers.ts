/**
 * DescribeConfigs (v1-4) from the broker's image, with Kafka's precedence of sources; AlterConfigs
 * (v0-2, the whole set of a resource's dynamic configs replaced) and IncrementalAlterConfigs
 * (v0-1) forwarded to the active controller as one IncrementalAlterConfigs. Topic (2) and broker
 * (4) resources; other resource types are INVALID_REQUEST.
 *
 * Authorization as Kafka's: DESCRIBE_CONFIGS / ALTER_CONFIGS on the topic, or on the cluster for a
 * broker resource (TOPIC_ / CLUSTER_AUTHORIZATION_FAILED for that resource).
 */
import { ApiKey } from '@kz/kafka-protocol';
import { configResourceKey, configsDescription, type ConfigOperation, type ConfigResourceType, type ConfigSource, type IncrementalAlterConfigsRequest } from '@kz/metadata';
import type { KafkaBackend } from './kafka-backend';
import { itemError, namedError, type ItemError } from './kafka-error';
import { kafkaHandler, type KafkaApiHandler } from './kafka-handler';
import type { ClientSession } from '../security/client-session';
import { forwardingFailure } from './topic-admin-handlers';

export const DESCRIBE_CONFIGS_VERSIONS = { min: 1, max: 4 } as const;
export const ALTER_CONFIGS_VERSIONS = { min: 0, max: 2 } as const;
export const INCREMENTAL_ALTER_CONFIGS_VERSIONS = { min: 0, max: 1 } as const;

/** Kafka's ConfigResource.Type codes. */
const RESOURCE_TYPES: ReadonlyMap<number, ConfigResourceType> = new Map([
  [2, 'topic'],
  [4, 'broker'],
]);

/** Kafka's DescribeConfigsResponse.ConfigSource codes. */
const SOURCE_CODES: Readonly<Record<ConfigSource, number>> = {
  DYNAMIC_TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  DYNAMIC_DEFAULT_BROKER_CONFIG: 3,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
};

/** IncrementalAlterConfigs' operation codes. */
const OPERATIONS: readonly ConfigOperation[] = ['set', 'delete', 'append', 'subtract'];

function unsupportedType(type: number): ItemError {
  return namedError('INVALID_REQUEST', `config resource type ${type} is not supported (2: topic, 4: broker)`);
}

/** The refusal for a resource the client may not read or change the configs of; null when it may. */
function configDenied(session: ClientSession, type: ConfigResourceType, name: string, operation: 'DESCRIBE_CONFIGS' | 'ALTER_CONFIGS'): ItemError | null {
  const verb = operation === 'DESCRIBE_CONFIGS' ? 'describe' : 'alter';
  if (type === 'topic') return session.may(operation, 'TOPIC', name) ? null : namedError('TOPIC_AUTHORIZATION_FAILED', `not authorized to ${verb} the configs of topic ${name}`);
  return session.may(operation, 'CLUSTER', 'kafka-cluster') ? null : namedError('CLUSTER_AUTHORIZATION_FAILED', `not authorized to ${verb} broker configs`);
}

export function describeConfigsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.DescribeConfigs> {
  return kafkaHandler(ApiKey.DescribeConfigs, DESCRIBE_CONFIGS_VERSIONS, async (request, { session }) => {
    const image = backend.image();
    const results = request.resources.map((r) => {
      const base = { resourceType: r.resourceType, resourceName: r.resourceName };
      const type = RESOURCE_TYPES.get(r.resourceType);
      if (type === undefined) return { ...base, ...unsupportedType(r.resourceType), configs: [] };
      const denied = configDenied(session, type, r.resourceName, 'DESCRIBE_CONFIGS');
      if (denied !== null) return { ...base, ...denied, configs: [] };
      const described = configsDescription(image, { resources: [{ type, name: r.resourceName }] }).resources[0]!;
      if (described.error !== null) return { ...base, ...itemError(described.error), configs: [] };
      const keys = r.configurationKeys === null ? null : new Set(r.configurationKeys);
      return {
        ...base,
        errorCode: 0,
        errorMessage: null,
        configs: described.configs
          .filter((c) => keys === null || keys.has(c.name))
          .map((c) => ({
            name: c.name,
            value: c.value,
            readOnly: c.readOnly,
            configSource: SOURCE_CODES[c.source],
            isSensitive: c.sensitive,
            // One synonym: the value in force and where it comes from (kz keeps no shadowed values).
            synonyms: request.includeSynonyms ? [{ name: c.name, value: c.value, source: SOURCE_CODES[c.source] }] : [],
            configType: 0,
            documentation: null,
          })),
      };
    });
    return { throttleTimeMs: 0, results };
  });
}

type Resource = IncrementalAlterConfigsRequest['resources'][number];

/** Forwards the resources that could be read; answers each asked resource in order. */
async function alter(
  backend: KafkaBackend,
  asked: readonly { resourceType: number; resourceName: string; resource: Resource | ItemError }[],
  validateOnly: boolean,
): Promise<{ throttleTimeMs: number; responses: { errorCode: number; errorMessage: string | null; resourceType: number; resourceName: string }[] }> {
  const keys = asked.map((a) => `${a.resourceType}:${a.resourceName}`);
  const twice = new Set(keys.filter((k, i) => keys.indexOf(k) !== i));
  const forwarded = asked.flatMap((a, i) => ('changes' in a.resource && !twice.has(keys[i]!) ? [a.resource] : []));
  const outcomes = new Map<string, ItemError>();
  if (forwarded.length > 0) {
    try {
      const answer = await backend.admin.incrementalAlterConfigs({ resources: forwarded, validateOnly });
      for (const r of answer.resources) outcomes.set(configResourceKey(r), itemError(r.error));
    } catch (error) {
      const failure = forwardingFailure(error);
      for (const r of forwarded) outcomes.set(configResourceKey(r), failure);
    }
  }
  return {
    throttleTimeMs: 0,
    responses: asked.map((a, i) => {
      const base = { resourceType: a.resourceType, resourceName: a.resourceName };
      if (twice.has(keys[i]!)) return { ...base, ...namedError('INVALID_REQUEST', `resource ${a.resourceName} is named more than once in the request`) };
      if (!('changes' in a.resource)) return { ...base, ...a.resource };
      return { ...base, ...(outcomes.get(configResourceKey(a.resource)) ?? namedError('UNKNOWN_SERVER_ERROR', 'the controller did not answer for the resource')) };
    }),
  };
}

export function incrementalAlterConfigsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.IncrementalAlterConfigs> {
  return kafkaHandler(ApiKey.IncrementalAlterConfigs, INCREMENTAL_ALTER_CONFIGS_VERSIONS, async (request, { session }) => {
    const asked = request.resources.map((r) => {
      const type = RESOURCE_TYPES.get(r.resourceType);
      const bad = r.configs.find((c) => OPERATIONS[c.configOperation] === undefined);
      const denied = type === undefined ? null : configDenied(session, type, r.resourceName, 'ALTER_CONFIGS');
      const resource: Resource | ItemError =
        type === undefined
          ? unsupportedType(r.resourceType)
          : denied !== null
            ? denied
            : bad !== undefined
            ? namedError('INVALID_REQUEST', `config operation ${bad.configOperation} of ${bad.name} is not one of 0 (set), 1 (delete), 2 (append), 3 (subtract)`)
            : { type, name: r.resourceName, changes: r.configs.map((c) => ({ name: c.name, op: OPERATIONS[c.configOperation]!, value: c.value })) };
      return { resourceType: r.resourceType, resourceName: r.resourceName, resource };
    });
    return alter(backend, asked, request.validateOnly);
  });
}

export function alterConfigsHandler(backend: KafkaBackend): KafkaApiHandler<typeof ApiKey.AlterConfigs> {
  return kafkaHandler(ApiKey.AlterConfigs, ALTER_CONFIGS_VERSIONS, async (request, { session }) => {
    const image = backend.image();
    const asked = request.resources.map((r) => {
      const type = RESOURCE_TYPES.get(r.resourceType);
      if (type === undefined) return { resourceType: r.resourceType, resourceName: r.resourceName, resource: unsupportedType(r.resourceType) };
      const denied = configDenied(session, type, r.resourceName, 'ALTER_CONFIGS');
      if (denied !== null) return { resourceType: r.resourceType, resourceName: r.resourceName, resource: denied };
      // The request is the resource's whole dynamic config: what it leaves out is deleted.
      const given = new Map(r.configs.map((c) => [c.name, c.value]));
      const current = image.configs.get(configResourceKey({ type, name: r.resourceName })) ?? new Map<string, string>();
      const changes: Resource['changes'][number][] = [];
      for (const [name, value] of given) changes.push(value === null ? { name, op: 'delete', value: null } : { name, op: 'set', value });
      for (const name of current.keys()) if (!given.has(name)) changes.push({ name, op: 'delete', value: null });
      return { resourceType: r.resourceType, resourceName: r.resourceName, resource: { type, name: r.resourceName, changes } };
    });
    return alter(backend, asked, request.validateOnly);
  });
}
