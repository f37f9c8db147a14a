import fc from 'fast-check';
import type { MetadataRecord } from '../../src/records/metadata-record';
import { SCRAM_MAX_ITERATIONS, SCRAM_MECHANISMS, SCRAM_MIN_ITERATIONS } from '../../src/security/scram';

const brokerId = fc.integer({ min: 0, max: 20 });
const brokerIds = fc.uniqueArray(brokerId, { maxLength: 5 });
const epoch = fc.integer({ min: 0, max: 2 ** 40 });
const name = fc.stringMatching(/^[a-z][a-z0-9._-]{0,15}$/);
const topicId = fc.stringMatching(/^[A-Za-z0-9_-]{22}$/);

/** Every kind of metadata record, with field values in their valid ranges. */
export const metadataRecordArbitrary: fc.Arbitrary<MetadataRecord> = fc.oneof(
  fc.record({
    type: fc.constant('registerBroker' as const),
    brokerId,
    incarnationId: fc.uuid(),
    brokerEpoch: epoch,
    endpoints: fc.array(fc.record({ name: fc.constantFrom('PLAINTEXT', 'CONTROLLER'), host: fc.domain(), port: fc.integer({ min: 1, max: 65535 }) }), { maxLength: 2 }),
    rack: fc.option(name, { nil: null }),
    fenced: fc.boolean(),
    inControlledShutdown: fc.boolean(),
  }),
  fc.record({ type: fc.constant('unregisterBroker' as const), brokerId, brokerEpoch: epoch }),
  fc.record(
    { type: fc.constant('brokerRegistrationChange' as const), brokerId, brokerEpoch: epoch, fenced: fc.boolean(), inControlledShutdown: fc.boolean() },
    { requiredKeys: ['type', 'brokerId', 'brokerEpoch'] },
  ),
  fc.record({ type: fc.constant('topic' as const), name, topicId }),
  fc.record({
    type: fc.constant('partition' as const),
    topicId,
    partitionId: fc.integer({ min: 0, max: 10_000 }),
    replicas: brokerIds,
    isr: brokerIds,
    removingReplicas: brokerIds,
    addingReplicas: brokerIds,
    leader: fc.integer({ min: -1, max: 20 }),
    leaderEpoch: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    partitionEpoch: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  }).chain((record) =>
    // KIP-966's lists are absent when empty (records written before them read back the same).
    fc
      .record({ eligibleLeaderReplicas: brokerIds.filter((ids) => ids.length > 0), lastKnownElr: brokerIds.filter((ids) => ids.length > 0) }, { requiredKeys: [] })
      .map((elr) => ({ ...record, ...elr })),
  ),
  fc.record(
    {
      type: fc.constant('partitionChange' as const),
      topicId,
      partitionId: fc.integer({ min: 0, max: 10_000 }),
      leader: fc.integer({ min: -1, max: 20 }),
      isr: brokerIds,
      replicas: brokerIds,
      removingReplicas: brokerIds,
      addingReplicas: brokerIds,
      eligibleLeaderReplicas: brokerIds,
      lastKnownElr: brokerIds,
    },
    { requiredKeys: ['type', 'topicId', 'partitionId'] },
  ),
  fc.record({ type: fc.constant('removeTopic' as const), topicId }),
  fc.record({
    type: fc.constant('config' as const),
    resourceType: fc.constantFrom('topic' as const, 'broker' as const),
    resourceName: fc.oneof(name, fc.constant('')),
    name,
    value: fc.option(fc.string(), { nil: null }),
  }),
  fc.record({ type: fc.constant('featureLevel' as const), name, level: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ type: fc.constant('producerIds' as const), brokerId, brokerEpoch: epoch, nextProducerId: fc.integer({ min: 0, max: 2 ** 50 }) }),
  fc.constant({ type: 'noOp' as const }),
  fc.record({
    type: fc.constant('userScramCredential' as const),
    name,
    mechanism: fc.constantFrom(...SCRAM_MECHANISMS),
    salt: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    storedKey: fc.uint8Array({ minLength: 32, maxLength: 64 }),
    serverKey: fc.uint8Array({ minLength: 32, maxLength: 64 }),
    iterations: fc.integer({ min: SCRAM_MIN_ITERATIONS, max: SCRAM_MAX_ITERATIONS }),
  }),
  fc.record({ type: fc.constant('removeUserScramCredential' as const), name, mechanism: fc.constantFrom(...SCRAM_MECHANISMS) }),
  fc.record({
    type: fc.constant('accessControlEntry' as const),
    id: topicId,
    resourceType: fc.constantFrom('TOPIC' as const, 'GROUP' as const, 'TRANSACTIONAL_ID' as const),
    resourceName: name,
    patternType: fc.constantFrom('LITERAL' as const, 'PREFIXED' as const),
    principal: name.map((n) => `User:${n}`),
    host: fc.oneof(fc.constant('*'), fc.ipV4()),
    operation: fc.constantFrom('ALL' as const, 'READ' as const, 'WRITE' as const, 'DESCRIBE' as const, 'IDEMPOTENT_WRITE' as const),
    permission: fc.constantFrom('ALLOW' as const, 'DENY' as const),
  }),
  fc.record({ type: fc.constant('removeAccessControlEntry' as const), id: topicId }),
);
