import { Kafka } from 'kafkajs';

export async function main(brokers = ['127.0.0.1:9092']): Promise<{ partition: number; offset: string }> {
  const kafka = new Kafka({ clientId: 'payments-app', brokers });

  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'payments', numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
  await admin.disconnect();

  // idempotent: false, because kz does not hand out producer ids yet.
  const producer = kafka.producer({ idempotent: false });
  await producer.connect();
  const [ack] = await producer.send({ topic: 'payments', acks: -1, messages: [{ key: 'order-42', value: 'paid' }] });
  await producer.disconnect();
  return { partition: ack!.partition, offset: ack!.baseOffset! };
}
