import { connect, DiscardPolicy, RetentionPolicy, StorageType, type NatsConnection } from 'nats';
import { ConsumeTally, MessageWorkloadError, payloadOf, produceTimed, type ConsumeResult, type MessagePlan, type ProduceResult, type SizeResult } from './message-workload';

/** Messages one pull of the consumer asks for: enough to keep the server busy between pulls. */
const PULL_MESSAGES = 1024;
/** A JetStream publish not acknowledged within this is an error, not a slow ack. */
const PUBLISH_TIMEOUT_MS = 30_000;

export interface NatsStreamSettings {
  readonly stream: string;
  readonly subject: string;
}

/** The stream a message size writes to: one per size, so each consumer reads only its own. */
export function natsStreamFor(sizeBytes: number): NatsStreamSettings {
  return { stream: `KZ_BENCH_${sizeBytes}`, subject: `kz-bench.${sizeBytes}` };
}

/** A client connection that may use any server of the cluster. */
function connectTo(servers: readonly string[], name: string): Promise<NatsConnection> {
  return connect({ servers: [...servers], name, timeout: 10_000, maxReconnectAttempts: -1 });
}

/**
 * Creates a stream with replicas 3 on file storage, bound to one subject: the JetStream
 * counterpart of a Kafka topic with replication factor 3. No limits, so nothing is discarded.
 */
async function createStream(nc: NatsConnection, settings: NatsStreamSettings): Promise<void> {
  const jsm = await nc.jetstreamManager();
  await jsm.streams.add({
    name: settings.stream,
    subjects: [settings.subject],
    num_replicas: 3,
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_msgs: -1,
    max_bytes: -1,
  });
}

async function streamMessages(nc: NatsConnection, stream: string): Promise<number> {
  const jsm = await nc.jetstreamManager();
  return (await jsm.streams.info(stream)).state.messages;
}

/**
 * Reads the whole stream back with an ordered consumer (the client's pull consumer that recreates
 * itself on a gap, no acks): the NATS way to replay a stream in order, as a Kafka consumer reads
 * a partition from the earliest offset.
 */
async function consumeAll(nc: NatsConnection, stream: string, expected: number, sizeBytes: number): Promise<ConsumeResult> {
  const js = nc.jetstream();
  const consumer = await js.consumers.get(stream);
  const tally = new ConsumeTally(expected, sizeBytes);
  const messages = await consumer.consume({ max_messages: PULL_MESSAGES });
  const watchdog = setInterval(() => {
    try {
      tally.checkStalled();
    } catch (error) {
      messages.stop(error instanceof Error ? error : new MessageWorkloadError(String(error)));
    }
  }, 1000);
  try {
    for await (const message of messages) {
      tally.add(message.data);
      if (tally.done) break;
    }
  } finally {
    clearInterval(watchdog);
    await messages.close();
  }
  return tally.result();
}

/**
 * One message size on a running JetStream cluster: a fresh stream, the warm-up and the timed
 * publishes (each awaited until its JetStream ack, i.e. stored by a quorum of the stream's
 * replicas), then every message read back by a new connection's consumer.
 */
export async function runNatsSize(servers: readonly string[], serverPids: readonly number[], plan: MessagePlan): Promise<SizeResult> {
  const settings = natsStreamFor(plan.sizeBytes);
  const producer = await connectTo(servers, 'kz-bench-producer');
  let produce: ProduceResult;
  try {
    await createStream(producer, settings);
    const js = producer.jetstream({ timeout: PUBLISH_TIMEOUT_MS });
    const payload = payloadOf(plan.sizeBytes);
    produce = await produceTimed(
      plan,
      async () => {
        await js.publish(settings.subject, payload);
      },
      serverPids,
    );
    const stored = await streamMessages(producer, settings.stream);
    const expected = plan.warmupMessages + plan.messages;
    if (stored !== expected) throw new MessageWorkloadError(`stream ${settings.stream} holds ${stored} messages, ${expected} were acknowledged`);
  } finally {
    await producer.drain();
  }
  const reader = await connectTo(servers, 'kz-bench-consumer');
  try {
    const consume = await consumeAll(reader, settings.stream, plan.warmupMessages + plan.messages, plan.sizeBytes);
    return { plan, produce, consume };
  } finally {
    await reader.close();
  }
}
