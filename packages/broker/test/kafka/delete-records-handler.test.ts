/**
 * DeleteRecords over the Kafka listener, at every version it advertises (v0-1 classic, v2
 * flexible): the request decodes into the broker's call, the broker's answer encodes back and
 * decodes at the same version field for field; DELETE on the topic is required
 * (TOPIC_AUTHORIZATION_FAILED otherwise, the broker never asked) and an internal topic is refused
 * (INVALID_TOPIC_EXCEPTION), as Kafka's KafkaApis and ReplicaManager answer.
 */
import pino from 'pino';
import { ApiKey, decodeResponse, encodeRequest, KafkaErrorCode } from '@kz/kafka-protocol';
import type { Authorizer } from '@kz/metadata';
import { advertisedVersions } from '../../src/kafka/api-versions-handler';
import { DELETE_RECORDS_VERSIONS } from '../../src/kafka/delete-records-handler';
import { kafkaHandlers } from '../../src/kafka/kafka-handlers';
import { KafkaListener } from '../../src/kafka/kafka-listener';
import { FakeBackend } from './support/fake-backend';
import { RawKafkaClient } from './support/raw-kafka-client';

let backend: FakeBackend;
let listener: KafkaListener;
let client: RawKafkaClient;

/** Only topic `secret` is refused DELETE. */
const authorizer: Authorizer = { authorize: (_principal, _host, operation, type, name) => !(operation === 'DELETE' && type === 'TOPIC' && name === 'secret'), authorizeByResourceType: () => true };

beforeEach(async () => {
  backend = new FakeBackend();
  listener = new KafkaListener({ handlers: kafkaHandlers(backend), listen: '127.0.0.1:0', logger: pino({ level: 'silent' }), security: { protocol: 'PLAINTEXT', authorizer } });
  client = await RawKafkaClient.connect(await listener.start());
});

afterEach(async () => {
  client.close();
  await listener.stop();
});

const request = {
  timeoutMs: 2500,
  topics: [
    { name: 'orders', partitions: [{ partitionIndex: 0, offset: 42 }, { partitionIndex: 3, offset: -1 }] },
    { name: 'secret', partitions: [{ partitionIndex: 0, offset: 7 }] },
    { name: '__consumer_offsets', partitions: [{ partitionIndex: 1, offset: 7 }] },
  ],
};

test('advertises DeleteRecords v0-2', () => {
  expect(advertisedVersions(kafkaHandlers(backend)).find((r) => r.apiKey === ApiKey.DeleteRecords)).toEqual({ apiKey: ApiKey.DeleteRecords, minVersion: 0, maxVersion: 2 });
});

test.each([0, 1, 2])('v%i: the broker is asked for the permitted partitions, and its answers come back in request order', async (version) => {
  expect(version).toBeLessThanOrEqual(DELETE_RECORDS_VERSIONS.max);
  client.write(encodeRequest(ApiKey.DeleteRecords, version, 7, 'test', request));
  const [frame] = await client.waitFrames(1);
  expect(backend.deleteRecordsAsked).toEqual([{ timeoutMs: 2500, topics: [{ name: 'orders', partitions: [{ partition: 0, offset: 42 }, { partition: 3, offset: -1 }] }] }]);
  const { header, body } = decodeResponse(ApiKey.DeleteRecords, version, frame!);
  expect(header.correlationId).toBe(7);
  expect(body.throttleTimeMs).toBe(0);
  expect(body.topics).toEqual([
    {
      name: 'orders',
      partitions: [
        { partitionIndex: 0, lowWatermark: 42, errorCode: 0 },
        { partitionIndex: 3, lowWatermark: 0, errorCode: 0 },
      ],
    },
    { name: 'secret', partitions: [{ partitionIndex: 0, lowWatermark: -1, errorCode: KafkaErrorCode.TOPIC_AUTHORIZATION_FAILED }] },
    { name: '__consumer_offsets', partitions: [{ partitionIndex: 1, lowWatermark: -1, errorCode: KafkaErrorCode.INVALID_TOPIC_EXCEPTION }] },
  ]);
});

test('a request whose every topic is refused never reaches the broker', async () => {
  client.write(encodeRequest(ApiKey.DeleteRecords, 2, 1, 'test', { timeoutMs: 100, topics: [request.topics[1]!] }));
  const [frame] = await client.waitFrames(1);
  expect(decodeResponse(ApiKey.DeleteRecords, 2, frame!).body.topics[0]!.partitions[0]!.errorCode).toBe(KafkaErrorCode.TOPIC_AUTHORIZATION_FAILED);
  expect(backend.deleteRecordsAsked).toEqual([]);
});
