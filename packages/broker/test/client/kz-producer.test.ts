/**
 * KzProducer against fake brokers behind real Kafka listeners: records are batched per partition
 * and a broker's partitions share a request; a leader move is followed (by the answer's hint, or by
 * a metadata refresh) with nothing lost and every partition's order kept; errors that are not
 * retriable reject sends with Kafka's name and code; retriable ones give up at the delivery
 * timeout. The idempotent producer (the default with acks=all) stores every record once although
 * answers are lost and batches retried, and takes a new producer id when its sequences cannot go on.
 */
import fc from 'fast-check';
import { until } from '@kz/raft/testing';
import { KzClient } from '../../src/client/kz-client';
import { KzClientError } from '../../src/client/kz-client-error';
import { partitionForKey } from '../../src/client/murmur2';
import { FakeCluster } from './support/fake-cluster';

const text = (s: string): Uint8Array => Buffer.from(s);

let cluster: FakeCluster;
let client: KzClient;

afterEach(async () => {
  await client?.close();
  await cluster?.stop();
});

async function start(nodeIds: number[], options: { requestTimeoutMs?: number } = {}): Promise<void> {
  cluster = await FakeCluster.start(nodeIds);
  client = new KzClient({ bootstrap: cluster.bootstrap().slice(0, 1), ...options });
}

describe('batching', () => {
  test('many sends to one partition travel in a few requests, with consecutive offsets in send order', async () => {
    await start([0]);
    cluster.createTopic('t', [0]);
    const producer = client.producer({ acks: -1, lingerMs: 20, batchBytes: 1024 * 1024 });
    const acks = await Promise.all(Array.from({ length: 200 }, (_, i) => producer.send('t', { value: text(`v${i}`), partition: 0 })));
    expect(acks.map((a) => a.offset)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(acks.every((a) => a.topic === 't' && a.partition === 0)).toBe(true);
    expect(cluster.values('t', 0)).toEqual(Array.from({ length: 200 }, (_, i) => `v${i}`));
    expect(cluster.produceRequests.length).toBeLessThanOrEqual(5);
  });

  test('a full batch is sent without waiting for linger; small batchBytes means more batches', async () => {
    await start([0]);
    cluster.createTopic('t', [0]);
    // A linger far beyond the test's life: only batchBytes can send these.
    const producer = client.producer({ acks: 1, lingerMs: 600_000, batchBytes: 200 });
    const sends = Array.from({ length: 30 }, (_, i) => producer.send('t', { value: new Uint8Array(50).fill(i), partition: 0 }));
    // 30 records of ~71 bytes in 200-byte batches: all but the last batch fill up and go at once.
    const settled = await Promise.all(sends.slice(0, 24));
    expect(settled.map((a) => a.offset)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    await producer.flush();
    await expect(sends[29]).resolves.toMatchObject({ offset: 29 });
    const batches = cluster.partition('t', 0).batches.length;
    expect(batches).toBeGreaterThanOrEqual(10);
  });

  test("the partitions one broker leads share one request; other brokers' are sent to separately", async () => {
    await start([0, 1]);
    cluster.createTopic('t', [0, 1, 0, 1]);
    const producer = client.producer({ acks: -1, lingerMs: 10 });
    await producer.send('t', { value: text('warm-up'), partition: 0 });
    cluster.produceRequests.length = 0;
    await Promise.all([0, 1, 2, 3].flatMap((partition) => [0, 1, 2].map((i) => producer.send('t', { value: text(`${partition}/${i}`), partition }))));
    const byBroker = new Map<number, number>();
    for (const { nodeId, request } of cluster.produceRequests) {
      byBroker.set(nodeId, (byBroker.get(nodeId) ?? 0) + 1);
      expect(request.topics.flatMap((t) => t.partitions.map((p) => p.partition)).sort()).toEqual(nodeId === 0 ? [0, 2] : [1, 3]);
    }
    expect(byBroker).toEqual(new Map([[0, 1], [1, 1]]));
    for (const partition of [0, 1, 2, 3]) {
      expect(cluster.values('t', partition).filter((v) => v !== 'warm-up')).toEqual([0, 1, 2].map((i) => `${partition}/${i}`));
    }
  });

  test('keyed records go where Kafka puts them: toPositive(murmur2(key)) % partitions', async () => {
    await start([0]);
    cluster.createTopic('t', [0, 0, 0, 0, 0]);
    const producer = client.producer({ acks: 1, lingerMs: 0 });
    const keys = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
    const acks = await Promise.all(keys.map((key) => producer.send('t', { key: text(key), value: text(key) })));
    expect(acks.map((a) => a.partition)).toEqual(keys.map((key) => partitionForKey(text(key), 5)));
  });

  test('unkeyed records stick to one partition per batch rather than spreading one record per partition', async () => {
    await start([0]);
    cluster.createTopic('t', [0, 0, 0, 0]);
    const producer = client.producer({ acks: 1, lingerMs: 5 });
    const acks = await Promise.all(Array.from({ length: 20 }, (_, i) => producer.send('t', { value: text(`u${i}`) })));
    expect(new Set(acks.map((a) => a.partition)).size).toBe(1);
  });

  test('acks=0 resolves with offset -1 and the records are stored', async () => {
    await start([0]);
    cluster.createTopic('t', [0]);
    const producer = client.producer({ acks: 0, lingerMs: 1 });
    const acks = await Promise.all([producer.send('t', { value: text('a') }), producer.send('t', { value: text('b') })]);
    expect(acks.map((a) => a.offset)).toEqual([-1, -1]);
    // acks=0 resolves once the request is written: the broker stores it when it reads it.
    expect(await until('the records stored', () => (cluster.values('t', 0).length === 2 ? cluster.values('t', 0) : undefined))).toEqual(['a', 'b']);
  });

  test('a topic the cluster learns of later is waited for, and sends made meanwhile keep their order', async () => {
    await start([0]);
    const producer = client.producer({ acks: 1, lingerMs: 1, retryBackoffMs: 10 });
    const sends = ['x', 'y', 'z'].map((v) => producer.send('late', { value: text(v), partition: 0 }));
    setTimeout(() => cluster.createTopic('late', [0]), 30);
    const acks = await Promise.all(sends);
    expect(acks.map((a) => a.offset)).toEqual([0, 1, 2]);
    expect(cluster.values('late', 0)).toEqual(['x', 'y', 'z']);
  });
});

describe('leader changes', () => {
  async function produceThroughMoves(hints: boolean): Promise<void> {
    await start([0, 1, 2]);
    cluster.hints = hints;
    cluster.createTopic('t', [0, 1, 2]);
    const producer = client.producer({ acks: -1, lingerMs: 2, retryBackoffMs: 10 });
    // Warm up: the producer learns the leaders, so the first move below leaves it behind for sure.
    await Promise.all([0, 1, 2].map((partition) => producer.send('t', { value: text('warm'), partition })));
    const sent = new Map<number, string[]>([[0, ['warm']], [1, ['warm']], [2, ['warm']]]);
    const acks: Promise<unknown>[] = [];
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 30; i++) {
        const partition = i % 3;
        const value = `r${round}-${i}`;
        sent.get(partition)!.push(value);
        acks.push(producer.send('t', { value: text(value), partition }));
      }
      // Move every partition's leader while records are queued: between the two brokers that did
      // not lead it at first, so the producer's first view (from the warm-up) is stale for sure.
      for (const partition of [0, 1, 2]) cluster.moveLeader('t', partition, [0, 1, 2].filter((b) => b !== partition)[round % 2]!);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(acks);
    for (const partition of [0, 1, 2]) expect(cluster.values('t', partition)).toEqual(sent.get(partition));
    // The moves were felt: some attempts went to a broker that had stopped leading.
    expect(cluster.notLeaderAnswers).toBeGreaterThan(0);
  }

  test('NOT_LEADER_OR_FOLLOWER with currentLeader: the producer follows the hint; nothing lost, order kept', async () => {
    await produceThroughMoves(true);
  });

  test('without a hint: the producer refreshes metadata and finds the new leader; nothing lost, order kept', async () => {
    await produceThroughMoves(false);
  });

  test('a leader that stops answering: the producer refreshes metadata from the others and moves on', async () => {
    await start([0, 1]);
    client = new KzClient({ bootstrap: cluster.bootstrap(), requestTimeoutMs: 2000 });
    cluster.createTopic('t', [0]);
    const producer = client.producer({ acks: -1, lingerMs: 1, retryBackoffMs: 10 });
    await producer.send('t', { value: text('before'), partition: 0 });
    await cluster.stopBroker(0);
    cluster.moveLeader('t', 0, 1);
    const ack = await producer.send('t', { value: text('after'), partition: 0 });
    expect(ack.offset).toBe(1);
    expect(cluster.values('t', 0)).toEqual(['before', 'after']);
  });
});

describe('errors', () => {
  test('a non-retriable error rejects the sends with a KzClientError carrying the Kafka name and code', async () => {
    await start([0]);
    cluster.createTopic('t', [0, 0]);
    cluster.intercept = (_node, _topic, partition) => (partition === 1 ? { errorCode: 10, errorMessage: 'too big' } : undefined);
    const producer = client.producer({ acks: -1, lingerMs: 1 });
    const bad = producer.send('t', { value: text('x'), partition: 1 });
    const good = producer.send('t', { value: text('y'), partition: 0 });
    await expect(bad).rejects.toBeInstanceOf(KzClientError);
    await expect(bad).rejects.toMatchObject({ code: 'MESSAGE_TOO_LARGE', kafkaErrorCode: 10, topic: 't', partition: 1 });
    await expect(good).resolves.toMatchObject({ partition: 0, offset: 0 });
  });

  test('a retriable error is retried until it clears', async () => {
    await start([0]);
    cluster.createTopic('t', [0]);
    let refusals = 3;
    cluster.intercept = () => (refusals-- > 0 ? { errorCode: 19 } : undefined);
    const producer = client.producer({ acks: -1, lingerMs: 1, retryBackoffMs: 5 });
    await expect(producer.send('t', { value: text('x') })).resolves.toMatchObject({ offset: 0 });
    expect(cluster.produceRequests.length).toBe(4);
  });

  test('a retriable error that never clears fails the send at the delivery timeout, with the last error as cause', async () => {
    await start([0]);
    cluster.createTopic('t', [0]);
    const producer = client.producer({ acks: -1, lingerMs: 1, retryBackoffMs: 10, deliveryTimeoutMs: 500 });
    // Warm up, so the failing send's time goes to attempts rather than to finding the topic.
    await producer.send('t', { value: text('warm-up') });
    cluster.intercept = () => ({ errorCode: 19, errorMessage: 'isr too small' });
    cluster.produceRequests.length = 0;
    const failure = await producer.send('t', { value: text('x') }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KzClientError);
    expect(failure).toMatchObject({ code: 'REQUEST_TIMED_OUT', kafkaErrorCode: 7 });
    expect((failure as KzClientError).cause).toMatchObject({ code: 'NOT_ENOUGH_REPLICAS', kafkaErrorCode: 19 });
    expect(cluster.produceRequests.length).toBeGreaterThan(1);
  });

  test('a send to a partition the topic does not have is refused', async () => {
    await start([0]);
    cluster.createTopic('t', [0]);
    const producer = client.producer({ acks: 1 });
    await producer.send('t', { value: text('warm-up') });
    await expect(producer.send('t', { value: text('x'), partition: 3 })).rejects.toMatchObject({ code: 'UNKNOWN_TOPIC_OR_PARTITION' });
  });

  test('a topic that never appears fails its sends at the delivery timeout', async () => {
    await start([0]);
    const producer = client.producer({ acks: 1, retryBackoffMs: 10, deliveryTimeoutMs: 100 });
    await expect(producer.send('nowhere', { value: text('x') })).rejects.toMatchObject({ code: 'REQUEST_TIMED_OUT', kafkaErrorCode: 7, topic: 'nowhere' });
  });

  test('flush sends lingering batches at once and resolves when every queued send is settled', async () => {
    await start([0]);
    cluster.createTopic('t', [0, 0]);
    const producer = client.producer({ acks: 1, lingerMs: 600_000 });
    await producer.flush();
    const settled: number[] = [];
    const sends = [0, 1, 0].map((partition, i) => producer.send('t', { value: text(`f${i}`), partition }).then((ack) => settled.push(i) && ack));
    await producer.flush();
    expect(settled.sort()).toEqual([0, 1, 2]);
    await expect(Promise.all(sends)).resolves.toEqual([
      { topic: 't', partition: 0, offset: 0 },
      { topic: 't', partition: 1, offset: 0 },
      { topic: 't', partition: 0, offset: 1 },
    ]);
  });

  test('acks outside -1, 0, 1 is refused as INVALID_REQUIRED_ACKS', async () => {
    await start([0]);
    expect(() => client.producer({ acks: 2 as never })).toThrow(expect.objectContaining({ code: 'INVALID_REQUIRED_ACKS', kafkaErrorCode: 21 }));
  });

  test('after close, sends are refused; close flushes what was queued', async () => {
    await start([0]);
    cluster.createTopic('t', [0]);
    const producer = client.producer({ acks: 1, lingerMs: 600_000 });
    const queued = producer.send('t', { value: text('queued') });
    await producer.close();
    await expect(queued).resolves.toMatchObject({ offset: 0 });
    await expect(producer.send('t', { value: text('late') })).rejects.toMatchObject({ code: 'ILLEGAL_STATE' });
  });
});

describe('idempotence', () => {
  /** Loses the first `count` answers from the partition's leader: the records were appended all the same. */
  function loseAnswers(count: number): void {
    let left = count;
    cluster.loseAnswer = () => left-- > 0;
  }

  test('answers lost after the append: the retries are recognised and every record is stored once, in order', async () => {
    await start([0]);
    cluster.createTopic('t', [0]);
    loseAnswers(3);
    const producer = client.producer({ acks: -1, lingerMs: 0, batchBytes: 64, retryBackoffMs: 1 });
    const acks = await Promise.all(Array.from({ length: 20 }, (_, i) => producer.send('t', { value: text(`v${i}`), partition: 0 })));
    expect(cluster.values('t', 0)).toEqual(Array.from({ length: 20 }, (_, i) => `v${i}`));
    expect(acks.map((a) => a.offset)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(cluster.producerIds).toHaveLength(1);
  });

  test('full batches and a lingering one of the same partition go in separate requests (answers are matched by partition)', async () => {
    await start([0]);
    cluster.createTopic('t', [0]);
    const producer = client.producer({ acks: -1, lingerMs: 60_000, batchBytes: 100 });
    // One record fills a batch: four are sealed and the fifth is open when they are drained, and
    // goes with them (its leader is being sent to anyway) rather than lingering for a minute.
    const sends = ['a', 'b', 'c', 'd', 'e'].map((v) => producer.send('t', { value: new Uint8Array(30).fill(v.charCodeAt(0)), partition: 0 }));
    await Promise.all(sends);
    expect(cluster.produceRequests.length).toBeGreaterThan(1);
    for (const { request } of cluster.produceRequests) expect(request.topics.flatMap((t) => t.partitions)).toHaveLength(1);
    expect(cluster.values('t', 0).map((v) => v[0])).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('without idempotence the same lost answers store records twice (what the default prevents)', async () => {
    await start([0]);
    cluster.createTopic('t', [0]);
    loseAnswers(3);
    const producer = client.producer({ acks: -1, idempotent: false, lingerMs: 0, batchBytes: 64, retryBackoffMs: 1 });
    await Promise.all(Array.from({ length: 20 }, (_, i) => producer.send('t', { value: text(`v${i}`), partition: 0 })));
    expect(cluster.values('t', 0).length).toBeGreaterThan(20);
    expect(cluster.producerIds).toHaveLength(0);
  });

  test('property: any pattern of lost answers, leader moves and lingering leaves each partition exactly the records sent, in order', async () => {
    await start([0, 1]);
    let run = 0;
    // Replay a failure with FC_SEED=<seed> (and FC_PATH=<path> to go straight to the shrunk case).
    const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
        fc.constantFrom(0, 3),
        async (losses, count, moveAt, lingerMs) => {
          const topic = `p${run++}`;
          cluster.createTopic(topic, [0, 1]);
          const pattern = [...losses];
          cluster.loseAnswer = () => pattern.shift() ?? false;
          // A linger leaves a partition with sealed batches and an open one in the same drain.
          const producer = client.producer({ acks: -1, lingerMs, batchBytes: 80, retryBackoffMs: 1 });
          const sends = [];
          for (let i = 0; i < count; i++) {
            if (i === moveAt) cluster.moveLeader(topic, i % 2, 1 - cluster.partition(topic, i % 2).leaderId);
            sends.push(producer.send(topic, { value: text(`v${i}`), partition: i % 2 }));
          }
          await Promise.all(sends);
          await producer.close();
          cluster.loseAnswer = undefined;
          // Answers are matched to batches by partition: no request may carry a partition twice.
          for (const { request } of cluster.produceRequests) {
            for (const t of request.topics) expect(new Set(t.partitions.map((p) => p.partition)).size).toBe(t.partitions.length);
          }
          for (const partition of [0, 1]) {
            const expected = Array.from({ length: count }, (_, i) => i).filter((i) => i % 2 === partition).map((i) => `v${i}`);
            expect(cluster.values(topic, partition)).toEqual(expected);
          }
        },
      ),
      { seed, path: process.env.FC_PATH, numRuns: Number(process.env.FC_RUNS ?? 25) },
    ).catch((e: unknown) => {
      throw new Error(`property failed; replay with FC_SEED=${seed}\n${(e as Error).message}`);
    });
  });

  test('a leader that does not know the producer: the producer takes a new id, renumbers and loses nothing', async () => {
    await start([0]);
    cluster.createTopic('t', [0]);
    const producer = client.producer({ acks: -1, lingerMs: 0, retryBackoffMs: 1 });
    await producer.send('t', { value: text('a'), partition: 0 });
    let refused = false;
    cluster.intercept = () => {
      if (refused) return undefined;
      refused = true;
      return { errorCode: 59 }; // UNKNOWN_PRODUCER_ID
    };
    await Promise.all([producer.send('t', { value: text('b'), partition: 0 }), producer.send('t', { value: text('c'), partition: 0 })]);
    expect(cluster.values('t', 0)).toEqual(['a', 'b', 'c']);
    expect(cluster.producerIds).toHaveLength(2);
  });

  test('a batch that fails for good after taking a sequence: later sends go under a new producer id instead of hitting a gap', async () => {
    await start([0]);
    cluster.createTopic('t', [0]);
    const producer = client.producer({ acks: -1, lingerMs: 0, retryBackoffMs: 1 });
    await producer.send('t', { value: text('a'), partition: 0 });
    cluster.intercept = () => ({ errorCode: 2 }); // CORRUPT_MESSAGE: not retriable
    await expect(producer.send('t', { value: text('lost'), partition: 0 })).rejects.toMatchObject({ code: 'CORRUPT_MESSAGE' });
    cluster.intercept = undefined;
    await producer.send('t', { value: text('c'), partition: 0 });
    expect(cluster.values('t', 0)).toEqual(['a', 'c']);
    expect(cluster.producerIds).toHaveLength(2);
  });

  test('idempotence with acks other than all is refused as INVALID_CONFIG', async () => {
    await start([0]);
    expect(() => client.producer({ acks: 1, idempotent: true })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });
});
