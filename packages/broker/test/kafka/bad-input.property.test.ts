/**
 * Bad input as a property, against a real node (kz-broker-server, controller and broker in one
 * process): fast-check throws runs of random frames, valid requests with bytes flipped, cut or
 * appended, and impossible frame sizes at the Kafka listener. After every run the process is still
 * up, a fresh connection gets ApiVersions and Metadata answers, and the topic the mutated Produce
 * requests aimed at holds only records that some request really carried: a request that did not
 * decode, or whose batch failed its CRC, wrote nothing.
 *
 * FC_SEED replays a failure (its seed is in the report); FC_RUNS sets the number of runs.
 */
import { ApiKey, decodeResponse, encodeRequest, type ApiRequestTypes } from '@kz/kafka-protocol';
import { MetadataAdminClient } from '@kz/metadata';
import { until } from '@kz/raft/testing';
import fc from 'fast-check';
import { KzClient } from '../../src/client/kz-client';
import { assertBuilt, BrokerProcesses } from '../runtime/support/broker-processes';
import { RawKafkaClient } from './support/raw-kafka-client';
import { recordBatch } from './support/sample-requests';

jest.setTimeout(180_000);

const TOPIC = 'target';
const RUNS = Number(process.env.FC_RUNS ?? 100);
const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);

let nodes: BrokerProcesses;
let admin: MetadataAdminClient;
let port: number;
const sentValues = new Set<string>();

beforeAll(async () => {
  assertBuilt();
  nodes = await BrokerProcesses.create({ nodeIds: [1], clusterId: 'bad-input', flags: ['--log-level=info', '--offsets-topic-partitions=1'] });
  await nodes.start(1);
  admin = new MetadataAdminClient({ controllers: [...nodes.adminAddresses].map(([id, address]) => ({ id, address })) });
  // The broker is usable once it has registered and been unfenced: until then placement refuses.
  await until('the topic created', async () => ((await admin.createTopics({ topics: [{ name: TOPIC, numPartitions: 1, replicationFactor: 1 }] })).topics[0]!.error === null ? true : undefined), 30_000, 200);
  port = Number(nodes.brokerAddresses.get(1)!.split(':')[1]);
  await until('the topic led', async () => ((await metadataOf(await RawKafkaClient.connect(port))).topics[0]?.partitions[0]?.leaderId === 1 ? true : undefined), 30_000, 200);
});

afterAll(async () => {
  admin?.close();
  await nodes?.destroy();
});

async function metadataOf(c: RawKafkaClient) {
  try {
    const before = c.frames.length;
    c.write(encodeRequest(ApiKey.Metadata, 12, 1, 'probe', { topics: [{ name: TOPIC }], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false }));
    const frame = (await c.waitFrames(before + 1))[before];
    if (frame === undefined) throw new Error('no Metadata answer');
    return decodeResponse(ApiKey.Metadata, 12, frame).body;
  } finally {
    c.close();
  }
}

/** Valid requests of several APIs and versions: the material the mutations start from. */
function validFrames(): Uint8Array[] {
  let n = 0;
  const value = (): string => {
    const v = `value-${n++}`;
    sentValues.add(v);
    return v;
  };
  const produce = (version: number): Uint8Array =>
    encodeRequest(ApiKey.Produce, version, 1, 'fuzz', { transactionalId: null, acks: 1, timeoutMs: 1000, topicData: [{ name: TOPIC, partitionData: [{ index: 0, records: recordBatch(value(), value()) }] }] });
  const requests: [ApiKey, number, ApiRequestTypes[ApiKey]][] = [
    [ApiKey.ApiVersions, 3, { clientSoftwareName: 'fuzz', clientSoftwareVersion: '1' }],
    [ApiKey.Metadata, 4, { topics: [{ name: TOPIC }], allowAutoTopicCreation: false }],
    [ApiKey.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false }],
    [ApiKey.Fetch, 11, { replicaId: -1, maxWaitMs: 10, minBytes: 1, maxBytes: 1 << 20, isolationLevel: 0, sessionId: 0, sessionEpoch: -1, topics: [{ topic: TOPIC, partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset: 0, logStartOffset: -1, partitionMaxBytes: 1 << 20 }] }], forgottenTopicsData: [], rackId: '' }],
    [ApiKey.ListOffsets, 7, { replicaId: -1, isolationLevel: 0, topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -3 }] }] }],
    [ApiKey.OffsetCommit, 8, { groupId: 'g', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, committedOffset: 1, committedLeaderEpoch: -1, committedMetadata: null }] }] }],
    [ApiKey.DescribeConfigs, 4, { resources: [{ resourceType: 2, resourceName: TOPIC, configurationKeys: null }], includeSynonyms: true, includeDocumentation: false }],
  ];
  return [produce(7), produce(9), produce(11), ...requests.map(([key, version, body]) => encodeRequest(key, version, 2, 'fuzz', body as never))];
}

const VALID = validFrames();

/** A frame with its size prefix made to fit its (changed) body. */
function reframed(body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setInt32(0, body.length);
  out.set(body, 4);
  return out;
}

const mutatedFrame: fc.Arbitrary<Uint8Array> = fc.oneof(
  // Random bodies.
  fc.uint8Array({ minLength: 0, maxLength: 200 }).map(reframed),
  // A valid request with bytes flipped (the size prefix kept).
  fc.tuple(fc.constantFrom(...VALID), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 })).map(([frame, flips]) => {
    const body = Uint8Array.from(frame.subarray(4));
    for (const [at, mask] of flips) body[at % body.length] = body[at % body.length]! ^ mask;
    return reframed(body);
  }),
  // A valid request cut short, or with garbage after it.
  fc.tuple(fc.constantFrom(...VALID), fc.nat(), fc.boolean()).map(([frame, at, cut]) => {
    const body = frame.subarray(4);
    return reframed(cut ? body.subarray(0, at % body.length) : Uint8Array.from([...body, ...Array.from({ length: (at % 50) + 1 }, (_, i) => (i * 37) & 0xff)]));
  }),
  // Sizes no frame may have: negative, or beyond socket.request.max.bytes (100 MiB).
  fc.constantFrom(-1, -(2 ** 31), 100 * 1024 * 1024 + 1, 2 ** 31 - 1).map((size) => {
    const out = new Uint8Array(12);
    new DataView(out.buffer).setInt32(0, size);
    return out;
  }),
  // A size prefix that claims more than is sent (the connection waits, then we hang up).
  fc.constantFrom(...VALID).map((frame) => frame.subarray(0, Math.max(5, frame.length - 3))),
  // Valid requests among the bad ones.
  fc.constantFrom(...VALID),
);

test('random and mutated frames never crash the node nor write what no request carried', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(mutatedFrame, { minLength: 1, maxLength: 8 }), async (frames) => {
      const c = await RawKafkaClient.connect(port);
      for (const frame of frames) c.write(frame);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([c.closed, new Promise((resolve) => (timer = setTimeout(resolve, 150)))]);
      clearTimeout(timer);
      c.close();
      expect(nodes.isRunning(1)).toBe(true);
      // A fresh connection is served.
      const fresh = await RawKafkaClient.connect(port);
      fresh.write(encodeRequest(ApiKey.ApiVersions, 3, 1, 'probe', { clientSoftwareName: 'probe', clientSoftwareVersion: '1' }));
      const [versions] = await fresh.waitFrames(1);
      expect(versions).toBeDefined();
      expect(decodeResponse(ApiKey.ApiVersions, 3, versions!).body.errorCode).toBe(0);
      const metadata = await metadataOf(fresh);
      expect(metadata.brokers.map((b) => b.nodeId)).toEqual([1]);
      expect(metadata.topics[0]).toMatchObject({ name: TOPIC, errorCode: 0 });
    }),
    { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
  );
  // Whatever the log holds was sent by a request whole: nothing was half applied or made up.
  const client = new KzClient({ bootstrap: [nodes.brokerAddresses.get(1)!] });
  try {
    const consumer = client.consumer({ maxWaitMs: 50 });
    const [end] = await client.listOffsets([{ topic: TOPIC, partition: 0, timestamp: 'latest' }]);
    consumer.assign([{ topic: TOPIC, partition: 0, from: 'earliest' }]);
    const values: string[] = [];
    while (values.length < end!.offset) {
      const records = await consumer.poll();
      for (const r of records) values.push(Buffer.from(r.value ?? new Uint8Array()).toString());
    }
    expect(values.filter((v) => !sentValues.has(v))).toEqual([]);
    await consumer.close();
  } finally {
    await client.close();
  }
});
