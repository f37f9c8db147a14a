import { Kafka } from 'kafkajs';

export async function main(brokers = ['127.0.0.1:9092']): Promise<{ partition: number; offset: string; read: string }> {
  const kafka = new Kafka({ clientId: 'payments-app', brokers });

  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: 'payments', numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
  await admin.disconnect();

  // Idempotent: a send retried after a lost answer is stored once.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 5 });
  await producer.connect();
  const [ack] = await producer.send({ topic: 'payments', acks: -1, messages: [{ key: 'order-42', value: 'paid' }] });
  await producer.disconnect();

  // A consumer group: run more of these and they share the partitions.
  const consumer = kafka.consumer({ groupId: 'billing' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['payments'], fromBeginning: true });
  const read = await new Promise<string>((resolve) => {
    void consumer.run({ eachMessage: async ({ message }) => resolve(`${message.key}:${message.value}`) });
  });
  await consumer.disconnect();
  return { partition: ack!.partition, offset: ack!.baseOffset!, read };
}
