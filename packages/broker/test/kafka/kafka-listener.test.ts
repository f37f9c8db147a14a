/**
 * The Kafka listener over loopback, with the broker's real handlers over a fake backend: answers
 * leave in request order even when an earlier request finishes later; acks=0 gets no answer;
 * every advertised (API, version) answers a request of that version with a response that decodes
 * at it; ApiVersions advertises exactly the handlers' ranges, each inside the codec's generated
 * range (which @kz/kafka-protocol's round-trip property covers version by version); and bad input
 * — a bad frame size, an unknown API key, an unserved version, a body that does not decode — closes
 * the connection without reaching a handler, except ApiVersions at an unknown version (KIP-511).
 */
import pino from 'pino';
import {
  APIS,
  ApiKey,
  decodeResponse,
  encodeRequest,
  KafkaErrorCode,
  type ApiVersionsResponse,
  type Complete,
} from '@kz/kafka-protocol';
import { advertisedVersions } from '../../src/kafka/api-versions-handler';
import { kafkaHandlers } from '../../src/kafka/kafka-handlers';
import { KafkaListener } from '../../src/kafka/kafka-listener';
import { FakeBackend } from './support/fake-backend';
import { correlationIdOf, RawKafkaClient } from './support/raw-kafka-client';
import { recordBatch, SAMPLE_REQUESTS } from './support/sample-requests';

let backend: FakeBackend;
let listener: KafkaListener;
let port: number;
const clients: RawKafkaClient[] = [];

beforeEach(async () => {
  backend = new FakeBackend();
  listener = new KafkaListener({ handlers: kafkaHandlers(backend), listen: '127.0.0.1:0', logger: pino({ level: process.env.LOG ?? 'silent' }), maxFrameBytes: 1 << 20 });
  port = await listener.start();
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await listener.stop();
});

async function client(): Promise<RawKafkaClient> {
  const c = await RawKafkaClient.connect(port);
  clients.push(c);
  return c;
}

const produce = (acks: number, value: string) => ({ transactionalId: null, acks, timeoutMs: 1000, topicData: [{ name: 't', partitionData: [{ index: 0, records: recordBatch(value) }] }] });
const metadata = { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false };

test('pipelined requests are answered in request order, even when the first finishes last', async () => {
  let release!: () => void;
  backend.holdProduce = new Promise((resolve) => (release = resolve));
  const c = await client();
  c.write(encodeRequest(ApiKey.Produce, 9, 1, 'test', produce(-1, 'a')));
  c.write(encodeRequest(ApiKey.Metadata, 12, 2, 'test', metadata));
  c.write(encodeRequest(ApiKey.ApiVersions, 3, 3, 'test', { clientSoftwareName: 'x', clientSoftwareVersion: '1' }));
  // The Metadata and ApiVersions answers are ready, but wait behind the produce.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(c.frames).toHaveLength(0);
  release();
  const frames = await c.waitFrames(3);
  expect(frames.map(correlationIdOf)).toEqual([1, 2, 3]);
  expect(decodeResponse(ApiKey.Produce, 9, frames[0]!).body.responses[0]!.partitionResponses[0]!.errorCode).toBe(0);
});

test('acks=0 gets no answer; the request after it does', async () => {
  const c = await client();
  c.write(encodeRequest(ApiKey.Produce, 7, 10, 'test', produce(0, 'fire-and-forget')));
  c.write(encodeRequest(ApiKey.Metadata, 4, 11, 'test', { topics: null, allowAutoTopicCreation: false }));
  const frames = await c.waitFrames(1);
  expect(frames.map(correlationIdOf)).toEqual([11]);
  expect(backend.produced).toHaveLength(1);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(c.frames).toHaveLength(1);
});

test('ApiVersions advertises exactly the handlers, each range inside the codec range that the round-trip property covers', async () => {
  const c = await client();
  c.write(encodeRequest(ApiKey.ApiVersions, 3, 1, 'test', { clientSoftwareName: 'kz-test', clientSoftwareVersion: '1' }));
  const [frame] = await c.waitFrames(1);
  const body = decodeResponse(ApiKey.ApiVersions, 3, frame!).body;
  expect(body.errorCode).toBe(0);
  const handlers = kafkaHandlers(backend);
  expect(body.apiKeys).toEqual(advertisedVersions(handlers));
  expect(body.apiKeys.map((k) => k.apiKey).sort((a, b) => a - b)).toEqual([...handlers.keys()].sort((a, b) => a - b));
  for (const range of body.apiKeys) {
    const api = APIS[range.apiKey as ApiKey];
    expect(api).toBeDefined();
    expect(range.minVersion).toBeGreaterThanOrEqual(api.minVersion);
    expect(range.maxVersion).toBeLessThanOrEqual(api.maxVersion);
    expect(range.minVersion).toBeLessThanOrEqual(range.maxVersion);
  }
});

test('every advertised API answers every advertised version with a response that decodes at that version', async () => {
  const c = await client();
  const asked: { apiKey: ApiKey; version: number; correlationId: number }[] = [];
  for (const range of advertisedVersions(kafkaHandlers(backend))) {
    const apiKey = range.apiKey as ApiKey;
    const sample = SAMPLE_REQUESTS[apiKey];
    expect(sample).toBeDefined();
    for (let version = range.minVersion; version <= range.maxVersion; version++) {
      const correlationId = asked.length;
      asked.push({ apiKey, version, correlationId });
      c.write(encodeRequest(apiKey, version, correlationId, 'test', sample as never));
    }
  }
  const frames = await c.waitFrames(asked.length, 10_000);
  expect(c.isOpen).toBe(true);
  expect(frames).toHaveLength(asked.length);
  frames.forEach((frame, i) => {
    const { apiKey, version, correlationId } = asked[i]!;
    const decoded = decodeResponse(apiKey, version, frame);
    expect({ api: APIS[apiKey].name, version, correlationId: decoded.header.correlationId }).toEqual({ api: APIS[apiKey].name, version, correlationId });
  });
});

test('ApiVersions at a version the broker does not know: the KIP-511 answer in v0 form', async () => {
  const c = await client();
  // v4 is generated by the codec but not served; v9 is beyond anything generated.
  for (const [version, correlationId] of [
    [4, 7],
    [9, 8],
  ] as const) {
    c.write(encodeRequest(ApiKey.ApiVersions, Math.min(version, APIS[ApiKey.ApiVersions].maxVersion), correlationId, 'test', { clientSoftwareName: 'x', clientSoftwareVersion: '1' }));
  }
  const frames = await c.waitFrames(2);
  for (const frame of frames) {
    const body: Complete<ApiVersionsResponse> = decodeResponse(ApiKey.ApiVersions, 0, frame).body;
    expect(body.errorCode).toBe(KafkaErrorCode.UNSUPPORTED_VERSION);
    expect(body.apiKeys).toEqual(advertisedVersions(kafkaHandlers(backend)));
  }
  expect(frames.map(correlationIdOf)).toEqual([7, 8]);
});

test('ApiVersions v3 with a client software name KIP-511 does not allow: INVALID_REQUEST', async () => {
  const c = await client();
  c.write(encodeRequest(ApiKey.ApiVersions, 3, 1, 'test', { clientSoftwareName: '-bad name-', clientSoftwareVersion: '1' }));
  const [frame] = await c.waitFrames(1);
  expect(decodeResponse(ApiKey.ApiVersions, 3, frame!).body.errorCode).toBe(KafkaErrorCode.INVALID_REQUEST);
});

test('Metadata creates an unknown topic only when the broker allows it and the request asks for it', async () => {
  const ask = async (version: number, allowAutoTopicCreation: boolean) => {
    const c = await client();
    c.write(encodeRequest(ApiKey.Metadata, version, 1, 'test', { topics: [{ name: 'unknown' }], allowAutoTopicCreation, includeTopicAuthorizedOperations: false }));
    const [frame] = await c.waitFrames(1);
    return decodeResponse(ApiKey.Metadata, version, frame!).body.topics[0]!.errorCode;
  };
  // Off by default (auto.create.topics.enable=false), whatever the request says.
  expect(await ask(12, true)).toBe(KafkaErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  expect(backend.created).toEqual([]);
  backend.autoCreateTopics = true;
  expect(await ask(12, false)).toBe(KafkaErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  expect(backend.created).toEqual([]);
  // Created: the answer says its leader is not there yet, so the client asks again.
  expect(await ask(12, true)).toBe(KafkaErrorCode.LEADER_NOT_AVAILABLE);
  // Before v4 a request cannot refuse creation.
  expect(await ask(3, false)).toBe(KafkaErrorCode.LEADER_NOT_AVAILABLE);
  expect(backend.created).toEqual(['unknown', 'unknown']);
});

describe('bad input closes the connection and reaches no handler', () => {
  const closes = async (bytes: Uint8Array): Promise<void> => {
    const c = await client();
    c.write(bytes);
    await c.closed;
    expect(backend.produced).toEqual([]);
  };
  const frame = (body: Uint8Array): Uint8Array => {
    const out = new Uint8Array(4 + body.length);
    new DataView(out.buffer).setInt32(0, body.length);
    out.set(body, 4);
    return out;
  };

  test('a frame size above socket.request.max.bytes', () => closes(Uint8Array.from([0x00, 0x20, 0x00, 0x00, 1, 2, 3])));
  test('a negative frame size', () => closes(Uint8Array.from([0xff, 0xff, 0xff, 0xf0])));
  test('an unknown API key', () => closes(frame(Uint8Array.from([0x03, 0xe7, 0, 0, 0, 0, 0, 1, 0xff, 0xff]))));
  test('a version no handler serves (Produce v2: the old message format)', () => closes(encodeRequest(ApiKey.Produce, 2, 1, 'test', produce(-1, 'x'))));
  test('a body cut short', () => {
    const whole = encodeRequest(ApiKey.Produce, 9, 1, 'test', produce(-1, 'x'));
    const cut = Uint8Array.from(whole.subarray(0, whole.length - 20));
    new DataView(cut.buffer).setInt32(0, cut.length - 4);
    return closes(cut);
  });
});

test('a client that pipelines past the in-flight limit is paused, not refused, and every request is answered', async () => {
  await listener.stop();
  listener = new KafkaListener({ handlers: kafkaHandlers(backend), listen: '127.0.0.1:0', logger: pino({ level: 'silent' }), maxInFlightPerConnection: 2 });
  port = await listener.start();
  let release!: () => void;
  backend.holdProduce = new Promise((resolve) => (release = resolve));
  const c = await client();
  for (let i = 0; i < 6; i++) c.write(encodeRequest(ApiKey.Produce, 9, i, 'test', produce(1, `v${i}`)));
  await new Promise((resolve) => setTimeout(resolve, 100));
  // Reading stopped at the limit: the rest wait in the socket, unread.
  expect(backend.produced.length).toBeLessThanOrEqual(2);
  release();
  const frames = await c.waitFrames(6);
  expect(frames.map(correlationIdOf)).toEqual([0, 1, 2, 3, 4, 5]);
  expect(backend.produced).toHaveLength(6);
});
