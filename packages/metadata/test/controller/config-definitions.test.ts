import fc from 'fast-check';
import {
  BROKER_CONFIGS,
  brokerSynonym,
  configDefinition,
  listElements,
  LONG_MAX_VALUE,
  TOPIC_CONFIGS,
  validateConfigValue,
  type ConfigDefinition,
} from '../../src/controller/config-definitions';
import type { ConfigResourceType } from '../../src/records/metadata-record';

function validTopic(name: string, value: string): boolean {
  return validateConfigValue('topic', name, value) === null;
}

function validBroker(name: string, value: string): boolean {
  return validateConfigValue('broker', name, value) === null;
}

describe('the configs kz knows', () => {
  test('topic configs pair with Kafka broker synonyms (ServerTopicConfigSynonyms)', () => {
    expect(Object.fromEntries([...TOPIC_CONFIGS.values()].map((d) => [d.name, d.brokerSynonym]))).toEqual({
      'cleanup.policy': 'log.cleanup.policy',
      'flush.messages': 'log.flush.interval.messages',
      'flush.ms': 'log.flush.interval.ms',
      'index.interval.bytes': 'log.index.interval.bytes',
      'max.message.bytes': 'message.max.bytes',
      'message.timestamp.type': 'log.message.timestamp.type',
      'min.insync.replicas': 'min.insync.replicas',
      'retention.bytes': 'log.retention.bytes',
      'retention.ms': 'log.retention.ms',
      'segment.bytes': 'log.segment.bytes',
      'segment.index.bytes': 'log.index.size.max.bytes',
      'segment.ms': 'log.roll.ms',
      'unclean.leader.election.enable': 'unclean.leader.election.enable',
    });
    expect(brokerSynonym('retention.ms')).toBe('log.retention.ms');
    expect(brokerSynonym('log.retention.ms')).toBeUndefined();
  });

  test("Kafka's defaults", () => {
    const defaults = (configs: ReadonlyMap<string, ConfigDefinition>): Record<string, string> =>
      Object.fromEntries([...configs.values()].map((d) => [d.name, d.defaultValue]));
    expect(defaults(TOPIC_CONFIGS)).toEqual({
      'cleanup.policy': 'delete',
      'flush.messages': '9223372036854775807',
      'flush.ms': '9223372036854775807',
      'index.interval.bytes': '4096',
      'max.message.bytes': '1048588',
      'message.timestamp.type': 'CreateTime',
      'min.insync.replicas': '1',
      'retention.bytes': '-1',
      'retention.ms': '604800000',
      'segment.bytes': '1073741824',
      'segment.index.bytes': '10485760',
      'segment.ms': '604800000',
      'unclean.leader.election.enable': 'false',
    });
    expect(defaults(BROKER_CONFIGS)).toMatchObject({
      'auto.leader.rebalance.enable': 'true',
      'default.replication.factor': '1',
      'leader.imbalance.check.interval.seconds': '300',
      'leader.imbalance.per.broker.percentage': '10',
      'num.partitions': '1',
      'replica.lag.time.max.ms': '30000',
      'log.retention.ms': '604800000',
      'message.max.bytes': '1048588',
    });
    expect(LONG_MAX_VALUE).toBe('9223372036854775807');
  });

  test('every broker synonym is a broker config with the topic config type and default', () => {
    for (const topic of TOPIC_CONFIGS.values()) {
      const broker = BROKER_CONFIGS.get(topic.brokerSynonym);
      expect(broker).toEqual({ name: topic.brokerSynonym, type: topic.type, defaultValue: topic.defaultValue });
    }
    expect(BROKER_CONFIGS.size).toBe(TOPIC_CONFIGS.size + 6);
  });

  test('every default is valid by its own rules', () => {
    for (const [type, configs] of [['topic', TOPIC_CONFIGS], ['broker', BROKER_CONFIGS]] as const) {
      for (const d of configs.values()) expect(validateConfigValue(type, d.name, d.defaultValue)).toBeNull();
    }
  });

  test('definitions are looked up per resource type, in name order', () => {
    expect(configDefinition('topic', 'retention.ms')?.type.kind).toBe('long');
    expect(configDefinition('topic', 'log.retention.ms')).toBeUndefined();
    expect(configDefinition('broker', 'retention.ms')).toBeUndefined();
    expect(configDefinition('broker', 'num.partitions')?.type).toEqual({ kind: 'int', min: 1n, max: 2n ** 31n - 1n });
    const names = [...BROKER_CONFIGS.keys()];
    expect(names).toEqual([...names].sort());
  });
});

describe('validateConfigValue', () => {
  test('int: decimal within Java int and the range; Kafka trims before parsing', () => {
    expect(validTopic('min.insync.replicas', '1')).toBe(true);
    expect(validTopic('min.insync.replicas', ' 3 ')).toBe(true);
    expect(validTopic('min.insync.replicas', '+2')).toBe(true);
    expect(validTopic('min.insync.replicas', '0')).toBe(false);
    expect(validTopic('min.insync.replicas', '-1')).toBe(false);
    expect(validTopic('segment.bytes', '14')).toBe(true);
    expect(validTopic('segment.bytes', '13')).toBe(false);
    expect(validTopic('segment.bytes', '2147483647')).toBe(true);
    expect(validTopic('segment.bytes', '2147483648')).toBe(false);
    expect(validTopic('segment.index.bytes', '4')).toBe(true);
    expect(validTopic('segment.index.bytes', '3')).toBe(false);
    expect(validTopic('index.interval.bytes', '0')).toBe(true);
    expect(validTopic('max.message.bytes', '0')).toBe(true);
    expect(validTopic('max.message.bytes', '-1')).toBe(false);
    for (const bad of ['', ' ', 'abc', '1.5', '1e3', '0x10', '1 000', '--1']) expect(validTopic('min.insync.replicas', bad)).toBe(false);
  });

  test('long: within Java long and the range', () => {
    expect(validTopic('retention.ms', '-1')).toBe(true);
    expect(validTopic('retention.ms', '-2')).toBe(false);
    expect(validTopic('retention.ms', '9223372036854775807')).toBe(true);
    expect(validTopic('retention.ms', '9223372036854775808')).toBe(false);
    expect(validTopic('retention.bytes', '-1')).toBe(true);
    expect(validTopic('retention.bytes', '-2')).toBe(false);
    expect(validTopic('segment.ms', '1')).toBe(true);
    expect(validTopic('segment.ms', '0')).toBe(false);
    expect(validTopic('flush.messages', '0')).toBe(true);
    expect(validTopic('flush.ms', '-1')).toBe(false);
    expect(validTopic('flush.ms', 'forever')).toBe(false);
  });

  test('boolean: true or false, any case', () => {
    for (const ok of ['true', 'false', 'TRUE', 'False', ' true ']) expect(validTopic('unclean.leader.election.enable', ok)).toBe(true);
    for (const bad of ['yes', '1', '', 'truthy']) expect(validTopic('unclean.leader.election.enable', bad)).toBe(false);
  });

  test('string: one of the allowed values, case-sensitive like ConfigDef.ValidString', () => {
    expect(validTopic('message.timestamp.type', 'CreateTime')).toBe(true);
    expect(validTopic('message.timestamp.type', 'LogAppendTime')).toBe(true);
    expect(validTopic('message.timestamp.type', 'createtime')).toBe(false);
    expect(validTopic('message.timestamp.type', '')).toBe(false);
  });

  test('list: every comma-separated element allowed; the empty list is a list', () => {
    for (const ok of ['delete', 'compact', 'compact,delete', 'delete, compact', '']) expect(validTopic('cleanup.policy', ok)).toBe(true);
    for (const bad of ['foo', 'delete,foo', 'delete,,compact', 'Delete']) expect(validTopic('cleanup.policy', bad)).toBe(false);
  });

  test('broker configs', () => {
    expect(validBroker('leader.imbalance.per.broker.percentage', '0')).toBe(true);
    expect(validBroker('leader.imbalance.per.broker.percentage', '100')).toBe(true);
    expect(validBroker('leader.imbalance.per.broker.percentage', '101')).toBe(false);
    expect(validBroker('leader.imbalance.per.broker.percentage', '-1')).toBe(false);
    expect(validBroker('auto.leader.rebalance.enable', 'false')).toBe(true);
    expect(validBroker('leader.imbalance.check.interval.seconds', '0')).toBe(false);
    expect(validBroker('default.replication.factor', '0')).toBe(false);
    expect(validBroker('num.partitions', '0')).toBe(false);
    expect(validBroker('replica.lag.time.max.ms', '0')).toBe(true);
    expect(validBroker('log.retention.ms', '-1')).toBe(true);
    expect(validBroker('log.cleanup.policy', 'compact')).toBe(true);
    expect(validBroker('message.max.bytes', 'x')).toBe(false);
  });

  test('errors are INVALID_CONFIG naming the key, the value and what is allowed', () => {
    const range = validateConfigValue('topic', 'min.insync.replicas', '0');
    expect(range?.code).toBe('INVALID_CONFIG');
    expect(range?.kafkaErrorCode).toBe(40);
    expect(range?.message).toBe('Invalid value 0 for configuration min.insync.replicas: Value must be at least 1');
    expect(validateConfigValue('broker', 'leader.imbalance.per.broker.percentage', '101')?.message).toContain('no more than 100');
    expect(validateConfigValue('topic', 'segment.bytes', 'big')?.message).toBe('Invalid value big for configuration segment.bytes: Not a number of type INT');
    expect(validateConfigValue('topic', 'message.timestamp.type', 'Now')?.message).toContain('CreateTime, LogAppendTime');
    expect(validateConfigValue('topic', 'cleanup.policy', 'delete,foo')?.message).toContain('"foo" is not one of: compact, delete');
    expect(validateConfigValue('topic', 'unclean.leader.election.enable', 'maybe')?.message).toContain('true or false');
  });

  test('a number outside its Java type is "Not a number" of that type, as Integer.parseInt and Long.parseLong refuse it', () => {
    const message = (name: string, value: string): string | undefined => validateConfigValue('topic', name, value)?.message;
    expect(message('segment.bytes', '2147483648')).toBe('Invalid value 2147483648 for configuration segment.bytes: Not a number of type INT');
    expect(message('segment.bytes', '-2147483649')).toBe('Invalid value -2147483649 for configuration segment.bytes: Not a number of type INT');
    // At the type's bounds the number parses, and the config's own range decides.
    expect(message('segment.bytes', '-2147483648')).toBe('Invalid value -2147483648 for configuration segment.bytes: Value must be at least 14');
    expect(message('retention.ms', '9223372036854775808')).toBe('Invalid value 9223372036854775808 for configuration retention.ms: Not a number of type LONG');
    expect(message('retention.ms', '-9223372036854775809')).toBe('Invalid value -9223372036854775809 for configuration retention.ms: Not a number of type LONG');
    expect(message('retention.ms', '-9223372036854775808')).toBe('Invalid value -9223372036854775808 for configuration retention.ms: Value must be at least -1');
  });

  test('a boolean is the whole value: no prefix or suffix', () => {
    for (const bad of ['xtrue', 'truex', 'false!', 'not false']) expect(validTopic('unclean.leader.election.enable', bad)).toBe(false);
  });

  test('an unknown name lists the known ones, comma-separated in name order', () => {
    expect(validateConfigValue('broker', 'log.retention.hours', '5')?.message).toBe(
      `Unknown broker config name: log.retention.hours (value 5); known broker configs: ${[...BROKER_CONFIGS.keys()].join(', ')}`,
    );
    expect(validateConfigValue('topic', 'retention.hours', '5')?.message).toContain('known topic configs: cleanup.policy, flush.messages, flush.ms, ');
  });

  test('unknown names are INVALID_CONFIG, per resource type', () => {
    const unknown = validateConfigValue('topic', 'retention.hours', '5');
    expect(unknown?.code).toBe('INVALID_CONFIG');
    expect(unknown?.message).toContain('retention.hours');
    expect(unknown?.message).toContain('value 5');
    expect(unknown?.message).toContain('retention.ms');
    // A broker name is not a topic name and the other way round.
    expect(validateConfigValue('topic', 'log.retention.ms', '5')?.code).toBe('INVALID_CONFIG');
    expect(validateConfigValue('broker', 'retention.ms', '5')?.code).toBe('INVALID_CONFIG');
  });

  test('listElements splits on commas, trimming, and reads blank as empty', () => {
    expect(listElements('')).toEqual([]);
    expect(listElements('  ')).toEqual([]);
    expect(listElements('delete')).toEqual(['delete']);
    expect(listElements(' compact , delete ')).toEqual(['compact', 'delete']);
    expect(listElements('a,,b')).toEqual(['a', '', 'b']);
  });
});

describe('validateConfigValue properties', () => {
  const numeric = (type: ConfigResourceType): [ConfigResourceType, ConfigDefinition][] =>
    [...(type === 'topic' ? TOPIC_CONFIGS : BROKER_CONFIGS).values()]
      .filter((d) => d.type.kind === 'int' || d.type.kind === 'long')
      .map((d) => [type, d]);
  const numericConfigs = fc.constantFrom(...numeric('topic'), ...numeric('broker'));

  test('property: every integer within a numeric config range is valid', () => {
    fc.assert(
      fc.property(
        numericConfigs.chain(([type, d]) =>
          d.type.kind === 'int' || d.type.kind === 'long'
            ? fc.bigInt({ min: d.type.min, max: d.type.max }).map((n) => [type, d, n] as const)
            : fc.constant([type, d, 0n] as const),
        ),
        ([type, d, n]) => {
          expect(validateConfigValue(type, d.name, n.toString())).toBeNull();
        },
      ),
    );
  });

  test('property: every integer below a numeric config minimum is INVALID_CONFIG naming the key and the value', () => {
    fc.assert(
      fc.property(numericConfigs, fc.bigInt({ min: 1n, max: 2n ** 70n }), ([type, d], below) => {
        if (d.type.kind !== 'int' && d.type.kind !== 'long') return;
        const value = (d.type.min - below).toString();
        const error = validateConfigValue(type, d.name, value);
        expect(error?.code).toBe('INVALID_CONFIG');
        expect(error?.message).toContain(d.name);
        expect(error?.message).toContain(value);
      }),
    );
  });
});
