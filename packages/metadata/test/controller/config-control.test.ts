import fc from 'fast-check';
import {
  alterConfigRecords,
  describeConfigs,
  effectiveBrokerConfig,
  effectiveTopicConfig,
  type DescribedConfig,
} from '../../src/controller/config-control';
import { BROKER_CONFIGS, TOPIC_CONFIGS, type ConfigDefinition } from '../../src/controller/config-definitions';
import type { ConfigOperation, ConfigResourceRef } from '../../src/controller/controller-requests';
import { ApiError } from '../../src/errors/api-error';
import { configResourceFromKey, configResourceKey } from '../../src/image/config-resource';
import { MetadataImage } from '../../src/image/metadata-image';
import type { ConfigRecord } from '../../src/records/metadata-record';

type Change = { readonly name: string; readonly op: ConfigOperation; readonly value: string | null };

const TOPIC: ConfigResourceRef = { type: 'topic', name: 'orders' };
const CLUSTER: ConfigResourceRef = { type: 'broker', name: '' };
const BROKER_1: ConfigResourceRef = { type: 'broker', name: '1' };

const set = (name: string, value: string | null): Change => ({ name, op: 'set', value });
const del = (name: string): Change => ({ name, op: 'delete', value: null });
const append = (name: string, value: string | null): Change => ({ name, op: 'append', value });
const subtract = (name: string, value: string | null): Change => ({ name, op: 'subtract', value });

function records(resource: ConfigResourceRef, changes: readonly Change[], current: Record<string, string> = {}): ConfigRecord[] {
  const result = alterConfigRecords(resource, changes, new Map(Object.entries(current)));
  if (result instanceof ApiError) throw new Error(`expected records, got ${result.code}: ${result.message}`);
  return result;
}

function failure(resource: ConfigResourceRef, changes: readonly Change[], current: Record<string, string> = {}): ApiError {
  const result = alterConfigRecords(resource, changes, new Map(Object.entries(current)));
  if (!(result instanceof ApiError)) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result;
}

function record(resource: ConfigResourceRef, name: string, value: string | null): ConfigRecord {
  return { type: 'config', resourceType: resource.type, resourceName: resource.name, name, value };
}

/** Stored configs by resource key, as the image holds them. */
type Store = Map<string, Map<string, string>>;

function store(entries: Record<string, Record<string, string>>): Store {
  return new Map(Object.entries(entries).map(([key, configs]) => [key, new Map(Object.entries(configs))]));
}

function lookup(s: Store): (key: string) => ReadonlyMap<string, string> {
  return (key) => s.get(key) ?? new Map();
}

/** What replaying the records does to one resource's stored configs (MetadataDelta's rule). */
function applyRecords(current: ReadonlyMap<string, string>, written: readonly ConfigRecord[]): Map<string, string> {
  const next = new Map(current);
  for (const r of written) {
    if (r.value === null) next.delete(r.name);
    else next.set(r.name, r.value);
  }
  return next;
}

function describedAs(described: readonly DescribedConfig[], name: string): DescribedConfig {
  const found = described.find((d) => d.name === name);
  if (found === undefined) throw new Error(`${name} not described`);
  return found;
}

describe('alterConfigRecords: set and delete', () => {
  test('set writes one record per changed key', () => {
    expect(records(TOPIC, [set('retention.ms', '1000'), set('cleanup.policy', 'compact')])).toEqual([
      record(TOPIC, 'retention.ms', '1000'),
      record(TOPIC, 'cleanup.policy', 'compact'),
    ]);
    expect(records(CLUSTER, [set('log.retention.ms', '-1')])).toEqual([record(CLUSTER, 'log.retention.ms', '-1')]);
    expect(records(BROKER_1, [set('leader.imbalance.per.broker.percentage', '20')])).toEqual([
      record(BROKER_1, 'leader.imbalance.per.broker.percentage', '20'),
    ]);
  });

  test('set to the stored value writes nothing; set to the default while unset pins it', () => {
    expect(records(TOPIC, [set('retention.ms', '1000')], { 'retention.ms': '1000' })).toEqual([]);
    expect(records(TOPIC, [set('retention.ms', '604800000')])).toEqual([record(TOPIC, 'retention.ms', '604800000')]);
  });

  test('set needs a valid value of a known key', () => {
    expect(failure(TOPIC, [set('retention.ms', null)]).code).toBe('INVALID_CONFIG');
    const bad = failure(TOPIC, [set('min.insync.replicas', '0')]);
    expect(bad.code).toBe('INVALID_CONFIG');
    expect(bad.message).toContain('min.insync.replicas');
    expect(failure(TOPIC, [set('retention.hours', '1')]).code).toBe('INVALID_CONFIG');
    expect(failure(CLUSTER, [set('retention.ms', '1')]).code).toBe('INVALID_CONFIG');
    expect(failure(TOPIC, [set('log.retention.ms', '1')]).code).toBe('INVALID_CONFIG');
  });

  test('delete unsets a stored key, ignoring the value; deleting an unset key writes nothing', () => {
    expect(records(TOPIC, [del('retention.ms')], { 'retention.ms': '1000' })).toEqual([record(TOPIC, 'retention.ms', null)]);
    expect(records(TOPIC, [{ name: 'retention.ms', op: 'delete', value: 'ignored' }], { 'retention.ms': '5' })).toEqual([
      record(TOPIC, 'retention.ms', null),
    ]);
    expect(records(TOPIC, [del('retention.ms')])).toEqual([]);
  });

  test('deleting an unknown key is INVALID_CONFIG', () => {
    expect(failure(TOPIC, [del('no.such.config')]).code).toBe('INVALID_CONFIG');
  });
});

describe('alterConfigRecords: append and subtract', () => {
  test('append adds missing elements to the stored list, else to the default', () => {
    expect(records(TOPIC, [append('cleanup.policy', 'compact')])).toEqual([record(TOPIC, 'cleanup.policy', 'delete,compact')]);
    expect(records(TOPIC, [append('cleanup.policy', 'delete')], { 'cleanup.policy': 'compact' })).toEqual([
      record(TOPIC, 'cleanup.policy', 'compact,delete'),
    ]);
    expect(records(CLUSTER, [append('log.cleanup.policy', 'compact, compact')])).toEqual([
      record(CLUSTER, 'log.cleanup.policy', 'delete,compact'),
    ]);
  });

  test('append of elements already there changes nothing and writes nothing', () => {
    expect(records(TOPIC, [append('cleanup.policy', 'compact')], { 'cleanup.policy': 'compact,delete' })).toEqual([]);
    // Not even the default pinned onto an unset key: the list did not change.
    expect(records(TOPIC, [append('cleanup.policy', 'delete')])).toEqual([]);
  });

  test('subtract removes elements; removing an absent element writes nothing', () => {
    expect(records(TOPIC, [subtract('cleanup.policy', 'compact')], { 'cleanup.policy': 'compact,delete' })).toEqual([
      record(TOPIC, 'cleanup.policy', 'delete'),
    ]);
    expect(records(TOPIC, [subtract('cleanup.policy', 'compact')], { 'cleanup.policy': 'delete' })).toEqual([]);
    expect(records(TOPIC, [subtract('cleanup.policy', 'compact')])).toEqual([]);
    // From the default list, down to the empty list (as Kafka allows).
    expect(records(TOPIC, [subtract('cleanup.policy', 'delete')])).toEqual([record(TOPIC, 'cleanup.policy', '')]);
  });

  test('append and subtract are only for LIST configs', () => {
    const error = failure(TOPIC, [append('retention.ms', '5')]);
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.message).toContain('retention.ms');
    expect(error.message).toContain('LIST');
    expect(failure(TOPIC, [subtract('min.insync.replicas', '1')]).code).toBe('INVALID_CONFIG');
    expect(failure(CLUSTER, [append('num.partitions', '1')]).code).toBe('INVALID_CONFIG');
  });

  test('the resulting list must be valid, and the operand present', () => {
    expect(failure(TOPIC, [append('cleanup.policy', 'archive')]).code).toBe('INVALID_CONFIG');
    expect(failure(TOPIC, [append('cleanup.policy', null)]).code).toBe('INVALID_CONFIG');
    expect(failure(TOPIC, [subtract('cleanup.policy', null)]).code).toBe('INVALID_CONFIG');
  });
});

describe('alterConfigRecords: the request as a whole', () => {
  test('the same key twice is INVALID_REQUEST, whatever the operations', () => {
    expect(failure(TOPIC, [set('retention.ms', '1'), set('retention.ms', '2')]).code).toBe('INVALID_REQUEST');
    const error = failure(TOPIC, [set('cleanup.policy', 'delete'), append('cleanup.policy', 'compact')]);
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.kafkaErrorCode).toBe(42);
    expect(error.message).toContain('cleanup.policy');
  });

  test('all or nothing: one bad change refuses the resource', () => {
    const result = alterConfigRecords(TOPIC, [set('retention.ms', '1000'), set('segment.bytes', '1')], new Map());
    expect(result).toBeInstanceOf(ApiError);
  });

  test('an empty change list writes nothing', () => {
    expect(records(TOPIC, [])).toEqual([]);
  });

  test('a broker resource is "" or a non-negative broker id as the image files it', () => {
    for (const name of ['', '0', '7', '2147483647']) {
      expect(records({ type: 'broker', name }, [set('num.partitions', '3')])).toHaveLength(1);
    }
    for (const name of ['-1', 'abc', '07', '+7', '1.0', ' 1', '2147483648']) {
      expect(failure({ type: 'broker', name }, [set('num.partitions', '3')]).code).toBe('INVALID_REQUEST');
    }
  });

  test('a topic resource needs a name', () => {
    expect(failure({ type: 'topic', name: '' }, [set('retention.ms', '1')]).code).toBe('INVALID_REQUEST');
  });
});

describe('alterConfigRecords: what a refusal says', () => {
  test.each<[string, ConfigResourceRef, Change[], string]>([
    ['a key twice on a topic', TOPIC, [set('retention.ms', '1'), del('retention.ms')], 'Duplicate config key retention.ms in one IncrementalAlterConfigs on topic orders'],
    ['a key twice on a broker', BROKER_1, [set('num.partitions', '1'), set('num.partitions', '2')], 'Duplicate config key num.partitions in one IncrementalAlterConfigs on broker 1'],
    ['a key twice on the cluster default', CLUSTER, [set('num.partitions', '1'), set('num.partitions', '2')], 'Duplicate config key num.partitions in one IncrementalAlterConfigs on the cluster-default broker resource'],
    ['a topic resource without a name', { type: 'topic', name: '' }, [set('retention.ms', '1')], 'A topic config resource needs a topic name; there is no default topic resource'],
    ['a broker resource that is no broker id', { type: 'broker', name: '07' }, [set('num.partitions', '3')], 'Broker config resource name must be "" or a non-negative broker id, not "07"'],
    ['a set without a value', TOPIC, [set('retention.ms', null)], 'Config retention.ms: set needs a value; use delete to unset a config'],
    ['an append without a value', TOPIC, [append('cleanup.policy', null)], 'Config cleanup.policy: append needs a value; use delete to unset a config'],
    ['an append to a LONG', TOPIC, [append('retention.ms', '5')], "Can't append to config retention.ms (value 5) because its type is LONG, not LIST"],
    ['a subtract from a BOOLEAN', CLUSTER, [subtract('auto.leader.rebalance.enable', 'true')], "Can't subtract to config auto.leader.rebalance.enable (value true) because its type is BOOLEAN, not LIST"],
  ])('%s', (_what, resource, changes, message) => {
    expect(failure(resource, changes).message).toBe(message);
  });
});

describe('alterConfigRecords: blank list elements', () => {
  test('an append or subtract ignores blank elements of its operand', () => {
    expect(records(TOPIC, [append('cleanup.policy', 'compact, ,')])).toEqual([record(TOPIC, 'cleanup.policy', 'delete,compact')]);
    expect(records(TOPIC, [subtract('cleanup.policy', ' ,compact')], { 'cleanup.policy': 'delete,compact' })).toEqual([record(TOPIC, 'cleanup.policy', 'delete')]);
  });

  test('asking for the effective value of a config kz does not define names it', () => {
    expect(() => effectiveTopicConfig(() => new Map(), 'orders', 'no.such')).toThrow('effectiveTopicConfig: kz defines no topic config no.such');
    expect(() => effectiveBrokerConfig(() => new Map(), 1, 'no.such')).toThrow('effectiveBrokerConfig: kz defines no broker config no.such');
  });
});

describe('effective values', () => {
  const s = store({
    'topic:orders': { 'retention.ms': '1000' },
    'broker:': { 'log.retention.ms': '2000', 'log.cleanup.policy': 'compact', 'num.partitions': '6' },
    'broker:1': { 'num.partitions': '3' },
  });

  test("topic: its own, else the cluster-default synonym, else Kafka's default", () => {
    expect(effectiveTopicConfig(lookup(s), 'orders', 'retention.ms')).toBe('1000');
    expect(effectiveTopicConfig(lookup(s), 'payments', 'retention.ms')).toBe('2000');
    expect(effectiveTopicConfig(lookup(s), 'orders', 'cleanup.policy')).toBe('compact');
    expect(effectiveTopicConfig(lookup(s), 'orders', 'segment.bytes')).toBe('1073741824');
  });

  test('a broker-specific synonym does not set a topic default; only the cluster default does', () => {
    const perBroker = store({ 'broker:1': { 'log.retention.ms': '5' } });
    expect(effectiveTopicConfig(lookup(perBroker), 'orders', 'retention.ms')).toBe('604800000');
  });

  test('broker: its own, else the cluster default, else the default', () => {
    expect(effectiveBrokerConfig(lookup(s), 1, 'num.partitions')).toBe('3');
    expect(effectiveBrokerConfig(lookup(s), 2, 'num.partitions')).toBe('6');
    expect(effectiveBrokerConfig(lookup(s), '', 'num.partitions')).toBe('6');
    expect(effectiveBrokerConfig(lookup(s), 1, 'replica.lag.time.max.ms')).toBe('30000');
  });

  test('asking for a config kz does not define is a bug, and throws', () => {
    expect(() => effectiveTopicConfig(lookup(s), 'orders', 'log.retention.ms')).toThrow();
    expect(() => effectiveBrokerConfig(lookup(s), 1, 'retention.ms')).toThrow();
  });

  test('MetadataImage.configsOf backs the lookup', () => {
    const image = new MetadataImage({ ...MetadataImage.EMPTY, configs: s });
    const configs = (key: string): ReadonlyMap<string, string> => image.configsOf(configResourceFromKey(key));
    expect(effectiveTopicConfig(configs, 'orders', 'retention.ms')).toBe('1000');
    expect(effectiveBrokerConfig(configs, 1, 'num.partitions')).toBe('3');
  });
});

describe('describeConfigs', () => {
  const s = store({
    'topic:orders': { 'retention.ms': '1000' },
    'broker:': { 'log.cleanup.policy': 'compact', 'num.partitions': '6' },
    'broker:1': { 'num.partitions': '3', 'auto.leader.rebalance.enable': 'false' },
  });
  const statics = new Map([
    ['log.segment.bytes', '536870912'],
    ['log.cleanup.policy', 'delete'],
    ['default.replication.factor', '3'],
  ]);

  test('a topic: every topic config in name order, with its source', () => {
    const described = describeConfigs(lookup(s), TOPIC);
    expect(described.map((d) => d.name)).toEqual([...TOPIC_CONFIGS.keys()]);
    expect(describedAs(described, 'retention.ms')).toEqual({
      name: 'retention.ms',
      value: '1000',
      source: 'DYNAMIC_TOPIC_CONFIG',
      readOnly: false,
      sensitive: false,
    });
    expect(describedAs(described, 'cleanup.policy')).toMatchObject({ value: 'compact', source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' });
    expect(describedAs(described, 'segment.bytes')).toMatchObject({ value: '1073741824', source: 'DEFAULT_CONFIG' });
    expect(describedAs(described, 'flush.ms')).toMatchObject({ value: '9223372036854775807', source: 'DEFAULT_CONFIG' });
  });

  test('a topic with static broker configs: the dynamic cluster default still wins over them', () => {
    const described = describeConfigs(lookup(s), TOPIC, statics);
    expect(describedAs(described, 'segment.bytes')).toMatchObject({ value: '536870912', source: 'STATIC_BROKER_CONFIG' });
    expect(describedAs(described, 'cleanup.policy')).toMatchObject({ value: 'compact', source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' });
  });

  test('a broker: its own, the cluster default, static, default', () => {
    const described = describeConfigs(lookup(s), BROKER_1, statics);
    expect(described.map((d) => d.name)).toEqual([...BROKER_CONFIGS.keys()]);
    expect(describedAs(described, 'num.partitions')).toMatchObject({ value: '3', source: 'DYNAMIC_BROKER_CONFIG' });
    expect(describedAs(described, 'auto.leader.rebalance.enable')).toMatchObject({ value: 'false', source: 'DYNAMIC_BROKER_CONFIG' });
    expect(describedAs(described, 'log.cleanup.policy')).toMatchObject({ value: 'compact', source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' });
    expect(describedAs(described, 'default.replication.factor')).toMatchObject({ value: '3', source: 'STATIC_BROKER_CONFIG' });
    expect(describedAs(described, 'leader.imbalance.per.broker.percentage')).toMatchObject({ value: '10', source: 'DEFAULT_CONFIG' });
  });

  test('the cluster default: its own values are DYNAMIC_DEFAULT_BROKER_CONFIG', () => {
    const described = describeConfigs(lookup(s), CLUSTER);
    expect(describedAs(described, 'num.partitions')).toMatchObject({ value: '6', source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' });
    expect(describedAs(described, 'auto.leader.rebalance.enable')).toMatchObject({ value: 'true', source: 'DEFAULT_CONFIG' });
  });

  test('describe and effective values agree', () => {
    for (const d of describeConfigs(lookup(s), TOPIC)) expect(d.value).toBe(effectiveTopicConfig(lookup(s), 'orders', d.name));
    for (const d of describeConfigs(lookup(s), BROKER_1)) expect(d.value).toBe(effectiveBrokerConfig(lookup(s), 1, d.name));
  });
});

/** A valid value of a config, drawn from its type. */
function validValue(d: ConfigDefinition): fc.Arbitrary<string> {
  switch (d.type.kind) {
    case 'int':
    case 'long':
      return fc.bigInt({ min: d.type.min, max: d.type.max }).map(String);
    case 'boolean':
      return fc.constantFrom('true', 'false');
    case 'string':
      return fc.constantFrom(...d.type.oneOf);
    case 'list':
      return fc.subarray([...d.type.oneOf], { minLength: 1 }).map((elements) => elements.join(','));
  }
}

/** Stored topic configs: a valid value for some of the known keys. */
const storedTopicConfigs: fc.Arbitrary<Map<string, string>> = fc
  .tuple(...[...TOPIC_CONFIGS.values()].map((d) => fc.option(validValue(d), { nil: undefined }).map((v) => [d.name, v] as const)))
  .map((entries) => new Map(entries.filter((e): e is readonly [string, string] => e[1] !== undefined)));

/** A request: at most one set-or-delete per known topic key. */
const topicChanges: fc.Arbitrary<Change[]> = fc
  .tuple(
    ...[...TOPIC_CONFIGS.values()].map((d) =>
      fc.oneof(
        fc.constant(undefined),
        fc.constant(del(d.name)),
        validValue(d).map((v) => set(d.name, v)),
      ),
    ),
  )
  .chain((changes) => fc.shuffledSubarray(changes.filter((c): c is Change => c !== undefined)));

describe('alterConfigRecords properties', () => {
  test('property: applying the records and describing again shows every requested value', () => {
    fc.assert(
      fc.property(storedTopicConfigs, topicChanges, (current, changes) => {
        const written = records(TOPIC, changes, Object.fromEntries(current));
        const after = applyRecords(current, written);
        const described = describeConfigs((key) => (key === configResourceKey(TOPIC) ? after : new Map()), TOPIC);
        for (const change of changes) {
          const shown = describedAs(described, change.name);
          if (change.op === 'set') expect(shown).toMatchObject({ value: change.value, source: 'DYNAMIC_TOPIC_CONFIG' });
          else expect(shown).toMatchObject({ value: TOPIC_CONFIGS.get(change.name)?.defaultValue, source: 'DEFAULT_CONFIG' });
        }
      }),
    );
  });

  test('property: records are written only for keys whose stored value changes, and a repeat writes nothing', () => {
    fc.assert(
      fc.property(storedTopicConfigs, topicChanges, (current, changes) => {
        const written = records(TOPIC, changes, Object.fromEntries(current));
        for (const r of written) expect(r.value).not.toBe(current.get(r.name) ?? null);
        const after = applyRecords(current, written);
        expect(records(TOPIC, changes, Object.fromEntries(after))).toEqual([]);
      }),
    );
  });

  test('property: deleting every key restores the defaults (or the cluster default synonym)', () => {
    fc.assert(
      fc.property(storedTopicConfigs, storedTopicConfigs, (current, clusterDefaultsByTopicName) => {
        const clusterDefaults = new Map(
          [...clusterDefaultsByTopicName].map(([name, value]) => [TOPIC_CONFIGS.get(name)?.brokerSynonym ?? name, value]),
        );
        const written = records(TOPIC, [...TOPIC_CONFIGS.keys()].map(del), Object.fromEntries(current));
        const after = applyRecords(current, written);
        expect(after.size).toBe(0);
        const configs = (key: string): ReadonlyMap<string, string> =>
          key === configResourceKey(TOPIC) ? after : key === configResourceKey(CLUSTER) ? clusterDefaults : new Map();
        for (const d of TOPIC_CONFIGS.values()) {
          expect(effectiveTopicConfig(configs, TOPIC.name, d.name)).toBe(clusterDefaultsByTopicName.get(d.name) ?? d.defaultValue);
        }
      }),
    );
  });

  test('property: append then subtract of the same element leaves it out; append is idempotent', () => {
    const cleanupPolicies = fc.subarray(['compact', 'delete']).map((e) => e.join(','));
    fc.assert(
      fc.property(fc.option(cleanupPolicies, { nil: undefined }), fc.constantFrom('compact', 'delete'), (stored, element) => {
        const current: Record<string, string> = stored === undefined ? {} : { 'cleanup.policy': stored };
        const appended = applyRecords(new Map(Object.entries(current)), records(TOPIC, [append('cleanup.policy', element)], current));
        const list = (appended.get('cleanup.policy') ?? 'delete').split(',');
        expect(list).toContain(element);
        expect(new Set(list).size).toBe(list.length);
        expect(records(TOPIC, [append('cleanup.policy', element)], Object.fromEntries(appended))).toEqual([]);
        const subtracted = applyRecords(appended, records(TOPIC, [subtract('cleanup.policy', element)], Object.fromEntries(appended)));
        expect(subtracted.get('cleanup.policy')?.split(',')).not.toContain(element);
      }),
    );
  });
});
