import { KzClient } from '@kz/broker';
import type { KzBrokerCluster } from './kz-broker-cluster';
import { ConsumeTally, MessageWorkloadError, payloadOf, produceTimed, type ConsumeResult, type MessagePlan, type PointResult, type ProduceResult } from './message-workload';

/**
 * How long a consumer poll waits on the broker when a partition has nothing new. A poll awaits
 * every leader's fetch, so once one leader's partitions are read to the end, a poll still waiting
 * on it can add up to this much to the read (the consumer's behaviour, measured as users get it).
 */
const POLL_MAX_WAIT_MS = 500;

/** A point's run on kz, and where its partitions were led. */
export interface KzPointRun {
  readonly topic: string;
  /** Each partition's leader (node id), partition 0 first. */
  readonly leaders: readonly number[];
  readonly result: PointResult;
}

/** The topic a sweep point writes to: one per size and concurrency, so each consumer reads only its own. */
export function kzTopicFor(plan: MessagePlan): string {
  return `kz-bench-${plan.sizeBytes}-c${plan.concurrency}`;
}

/**
 * Creates a topic with replication factor 3 and min.insync.replicas 2 (the setting acks=all is
 * meant to be used with), and waits until each partition has a leader and a full ISR; to the leaders.
 */
async function createTopic(cluster: KzBrokerCluster, topic: string, partitions: number): Promise<number[]> {
  const admin = cluster.admin();
  try {
    const { topics } = await admin.createTopics({
      topics: [{ name: topic, numPartitions: partitions, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } }],
    });
    const error = topics[0]?.error ?? null;
    if (error !== null) throw new MessageWorkloadError(`creating ${topic}: ${error.message}`);
    return await cluster.waitTopicReady(admin, topic);
  } finally {
    admin.close();
  }
}

/** Deletes a point's topic, so the next point starts on brokers hosting nothing else. */
async function deleteTopic(cluster: KzBrokerCluster, topic: string): Promise<void> {
  const admin = cluster.admin();
  try {
    const { topics } = await admin.deleteTopics({ names: [topic] });
    const error = topics[0]?.error ?? null;
    if (error !== null) throw new MessageWorkloadError(`deleting ${topic}: ${error.message}`);
  } finally {
    admin.close();
  }
}

/** Reads every partition of `topic` from its earliest offset until `expected` records have come. */
async function consumeAll(client: KzClient, topic: string, partitions: number, expected: number, sizeBytes: number, serverPids: readonly number[]): Promise<ConsumeResult> {
  const tally = new ConsumeTally(expected, sizeBytes, serverPids);
  const consumer = client.consumer({ maxWaitMs: POLL_MAX_WAIT_MS });
  try {
    consumer.assign(Array.from({ length: partitions }, (_, partition) => ({ topic, partition, from: 'earliest' as const })));
    while (!tally.done) {
      const records = await consumer.poll();
      for (const record of records) {
        if (record.value === null) throw new MessageWorkloadError(`${topic}-${record.partition}@${record.offset} has no value`);
        tally.add(record.value);
      }
      tally.checkStalled();
    }
    return tally.result();
  } finally {
    await consumer.close();
  }
}

/**
 * One sweep point on a running kz cluster: a fresh topic of `plan.partitions` partitions, the
 * warm-up and the timed sends (acks=all: each acknowledged once the whole ISR has it, and the ISR
 * is at least min.insync.replicas), every record read back by a new client's consumer, and the
 * topic deleted.
 */
export async function runKzPoint(cluster: KzBrokerCluster, plan: MessagePlan): Promise<KzPointRun> {
  const topic = kzTopicFor(plan);
  const leaders = await createTopic(cluster, topic, plan.partitions);
  const payload = payloadOf(plan.sizeBytes);
  let produce: ProduceResult;
  const producerClient = new KzClient(cluster.clientOptions());
  try {
    // No key: the producer spreads records over the partitions (sticky, switching once a batch's
    // worth has gone to one), batching what is in flight per partition as Kafka's producer does.
    const producer = producerClient.producer({
      acks: -1,
      ...(plan.batchBytes === undefined ? {} : { batchBytes: plan.batchBytes }),
      ...(plan.lingerMs === undefined ? {} : { lingerMs: plan.lingerMs }),
    });
    try {
      produce = await produceTimed(
        plan,
        async () => {
          await producer.send(topic, { value: payload, key: null });
        },
        cluster.pids,
      );
      await producer.flush();
    } finally {
      await producer.close();
    }
  } finally {
    await producerClient.close();
  }
  const consumerClient = new KzClient(cluster.clientOptions());
  let consume: ConsumeResult;
  try {
    consume = await consumeAll(consumerClient, topic, plan.partitions, produce.warmupMessages + produce.messages, plan.sizeBytes, cluster.pids);
  } finally {
    await consumerClient.close();
  }
  await deleteTopic(cluster, topic);
  return { topic, leaders, result: { plan, produce, consume } };
}
