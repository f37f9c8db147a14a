import { KzClient } from '@kz/broker';
import type { KzBrokerCluster } from './kz-broker-cluster';
import { ConsumeTally, MessageWorkloadError, payloadOf, produceTimed, type ConsumeResult, type MessagePlan, type ProduceResult, type SizeResult } from './message-workload';

/** Partitions of each bench topic: one per broker, so every node leads one. */
export const KZ_TOPIC_PARTITIONS = 3;
/** How long a consumer poll waits on the broker when a partition has nothing new. */
const POLL_MAX_WAIT_MS = 500;

/** The topic a message size writes to: one per size, so each consumer reads only its own. */
export function kzTopicFor(sizeBytes: number): string {
  return `kz-bench-${sizeBytes}`;
}

/**
 * Creates a topic with replication factor 3 and min.insync.replicas 2 (the setting acks=all is
 * meant to be used with), and waits until each partition has a leader and a full ISR.
 */
async function createTopic(cluster: KzBrokerCluster, topic: string): Promise<void> {
  const admin = cluster.admin();
  try {
    const { topics } = await admin.createTopics({
      topics: [{ name: topic, numPartitions: KZ_TOPIC_PARTITIONS, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } }],
    });
    const error = topics[0]?.error ?? null;
    if (error !== null) throw new MessageWorkloadError(`creating ${topic}: ${error.message}`);
    await cluster.waitTopicReady(admin, topic);
  } finally {
    admin.close();
  }
}

/** Reads every partition of `topic` from its earliest offset until `expected` records have come. */
async function consumeAll(client: KzClient, topic: string, expected: number, sizeBytes: number): Promise<ConsumeResult> {
  const consumer = client.consumer({ maxWaitMs: POLL_MAX_WAIT_MS });
  try {
    consumer.assign(Array.from({ length: KZ_TOPIC_PARTITIONS }, (_, partition) => ({ topic, partition, from: 'earliest' as const })));
    const tally = new ConsumeTally(expected, sizeBytes);
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
 * One message size on a running kz cluster: a fresh topic, the warm-up and the timed sends (acks=all:
 * each acknowledged once the whole ISR has it, and the ISR is at least min.insync.replicas), then
 * every record read back by a new client's consumer.
 */
export async function runKzSize(cluster: KzBrokerCluster, plan: MessagePlan): Promise<SizeResult> {
  const topic = kzTopicFor(plan.sizeBytes);
  await createTopic(cluster, topic);
  const payload = payloadOf(plan.sizeBytes);
  let produce: ProduceResult;
  const producerClient = new KzClient({ bootstrap: cluster.bootstrap });
  try {
    // No key: the producer spreads records over the partitions, batching what is in flight per
    // partition as Kafka's producer does.
    const producer = producerClient.producer({ acks: -1 });
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
  const consumerClient = new KzClient({ bootstrap: cluster.bootstrap });
  try {
    const consume = await consumeAll(consumerClient, topic, plan.warmupMessages + plan.messages, plan.sizeBytes);
    return { plan, produce, consume };
  } finally {
    await consumerClient.close();
  }
}
