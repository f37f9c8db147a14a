import { connect, DiscardPolicy, Empty, JSONCodec, RetentionPolicy, StorageType, type ConsumerMessages, type NatsConnection } from 'nats';
import { ConsumeTally, MessageWorkloadError, payloadOf, produceTimed, type ConsumeResult, type MessagePlan, type PointResult, type ProduceResult } from './message-workload';

/** Messages one pull of the consumer asks for: enough to keep the server busy between pulls. */
const PULL_MESSAGES = 1024;
/** A JetStream publish not acknowledged within this is an error, not a slow ack. */
const PUBLISH_TIMEOUT_MS = 30_000;
/** Leader step-downs tried before giving up on one stream leader per server. */
const MAX_STEPDOWNS = 30;
const STEPDOWN_TIMEOUT_MS = 10_000;

/** One stream of a point: the JetStream counterpart of one partition of a Kafka topic. */
export interface NatsStreamSettings {
  readonly stream: string;
  readonly subject: string;
}

/** A point's run on NATS, and where its streams were led. */
export interface NatsPointRun {
  readonly streams: readonly string[];
  /** Each stream's leader (server name), in stream order. */
  readonly leaders: readonly string[];
  readonly result: PointResult;
}

/**
 * The streams a sweep point writes to: `plan.partitions` of them, one per kz partition, each on
 * its own subject. A stream, not a subject, is NATS's unit of leadership and replication (one Raft
 * group, one leader, one ordered log), as a partition is Kafka's; subjects of one stream all go
 * through that stream's one leader, so only separate streams spread the load over the servers.
 */
export function natsStreamsFor(plan: MessagePlan): NatsStreamSettings[] {
  return Array.from({ length: plan.partitions }, (_, p) => ({
    stream: `KZ_BENCH_${plan.sizeBytes}_C${plan.concurrency}_P${p}`,
    subject: `kz-bench.${plan.sizeBytes}.c${plan.concurrency}.p${p}`,
  }));
}

/** A client connection that may use any server of the cluster. */
function connectTo(servers: readonly string[], name: string): Promise<NatsConnection> {
  return connect({ servers: [...servers], name, timeout: 10_000, maxReconnectAttempts: -1 });
}

/**
 * Creates a stream with replicas 3 on file storage, bound to one subject: the JetStream
 * counterpart of a Kafka partition with replication factor 3. No limits, so nothing is discarded.
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

async function streamLeader(nc: NatsConnection, stream: string): Promise<string | null> {
  const jsm = await nc.jetstreamManager();
  return (await jsm.streams.info(stream)).cluster?.leader ?? null;
}

/**
 * Indices of streams whose leader another stream before them already has (or that have none), so
 * stepping those down is what spreads the leaders; empty once every stream has its own.
 */
export function crowdedLeaders(leaders: readonly (string | null)[]): number[] {
  const seen = new Set<string>();
  const crowded: number[] = [];
  for (const [i, leader] of leaders.entries()) {
    if (leader === null || seen.has(leader)) crowded.push(i);
    else seen.add(leader);
  }
  return crowded;
}

/**
 * JetStream places each stream's leader where its Raft election lands, so several streams may share
 * one server while another leads none; kz's controller gives each node one partition of three. To
 * compare like with like, a stream sharing a leader is asked to step down (its group elects another
 * member) until every stream has its own leader, as long as there are no more streams than servers.
 */
async function spreadLeaders(nc: NatsConnection, streams: readonly string[], servers: number): Promise<string[]> {
  const codec = JSONCodec<{ error?: { description?: string } }>();
  for (let attempt = 0; ; attempt++) {
    const leaders = await Promise.all(streams.map((s) => streamLeader(nc, s)));
    const crowded = crowdedLeaders(leaders);
    if (crowded.length === 0 || (streams.length > servers && leaders.every((l) => l !== null))) return leaders as string[];
    if (attempt === MAX_STEPDOWNS) throw new MessageWorkloadError(`stream leaders ${leaders.join(', ')} still not one per server after ${MAX_STEPDOWNS} step-downs`);
    const stream = streams[crowded[crowded.length - 1]!]!;
    if (leaders[crowded[crowded.length - 1]!] !== null) {
      const reply = codec.decode((await nc.request(`$JS.API.STREAM.LEADER.STEPDOWN.${stream}`, Empty, { timeout: STEPDOWN_TIMEOUT_MS })).data);
      if (reply.error !== undefined) throw new MessageWorkloadError(`stepping down the leader of ${stream}: ${reply.error.description ?? 'failed'}`);
    }
    // The group elects a new leader within its election timeout; until then info names none.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function streamMessages(nc: NatsConnection, stream: string): Promise<number> {
  const jsm = await nc.jetstreamManager();
  return (await jsm.streams.info(stream)).state.messages;
}

/**
 * Reads every stream back with an ordered consumer each (the client's pull consumer that recreates
 * itself on a gap, no acks), all at once on one connection: the NATS way to replay a stream in
 * order, as one Kafka consumer assigned every partition reads each from the earliest offset.
 */
async function consumeAll(nc: NatsConnection, streams: readonly { readonly stream: string; readonly messages: number }[], sizeBytes: number, serverPids: readonly number[]): Promise<ConsumeResult> {
  const js = nc.jetstream();
  const tally = new ConsumeTally(
    streams.reduce((sum, s) => sum + s.messages, 0),
    sizeBytes,
    serverPids,
  );
  const running: ConsumerMessages[] = [];
  const watchdog = setInterval(() => {
    try {
      tally.checkStalled();
    } catch (error) {
      for (const messages of running) messages.stop(error instanceof Error ? error : new MessageWorkloadError(String(error)));
    }
  }, 1000);
  try {
    await Promise.all(
      streams.map(async ({ stream, messages: expected }) => {
        if (expected === 0) return;
        const consumer = await js.consumers.get(stream);
        const messages = await consumer.consume({ max_messages: PULL_MESSAGES });
        running.push(messages);
        let read = 0;
        try {
          for await (const message of messages) {
            tally.add(message.data);
            if (++read >= expected) break;
          }
        } finally {
          await messages.close();
        }
      }),
    );
  } finally {
    clearInterval(watchdog);
  }
  return tally.result();
}

/**
 * One sweep point on a running JetStream cluster: fresh streams (one per kz partition, leaders
 * spread over the servers), the warm-up and the timed publishes round-robin over their subjects
 * (each awaited until its JetStream ack, i.e. stored by a quorum of the stream's replicas), every
 * message read back by a new connection's consumers, and the streams deleted.
 */
export async function runNatsPoint(servers: readonly string[], serverPids: readonly number[], plan: MessagePlan): Promise<NatsPointRun> {
  const streams = natsStreamsFor(plan);
  const producer = await connectTo(servers, 'kz-bench-producer');
  let produce: ProduceResult;
  let leaders: string[];
  let stored: { stream: string; messages: number }[];
  try {
    for (const settings of streams) await createStream(producer, settings);
    leaders = await spreadLeaders(
      producer,
      streams.map((s) => s.stream),
      servers.length,
    );
    const js = producer.jetstream({ timeout: PUBLISH_TIMEOUT_MS });
    const payload = payloadOf(plan.sizeBytes);
    let next = 0;
    produce = await produceTimed(
      plan,
      async () => {
        await js.publish(streams[next++ % streams.length]!.subject, payload);
      },
      serverPids,
    );
    stored = await Promise.all(streams.map(async (s) => ({ stream: s.stream, messages: await streamMessages(producer, s.stream) })));
    const total = stored.reduce((sum, s) => sum + s.messages, 0);
    const expected = produce.warmupMessages + produce.messages;
    if (total !== expected) throw new MessageWorkloadError(`streams ${streams.map((s) => s.stream).join(', ')} hold ${total} messages, ${expected} were acknowledged`);
  } finally {
    await producer.drain();
  }
  const reader = await connectTo(servers, 'kz-bench-consumer');
  let consume: ConsumeResult;
  try {
    consume = await consumeAll(reader, stored, plan.sizeBytes, serverPids);
    const jsm = await reader.jetstreamManager();
    for (const s of streams) await jsm.streams.delete(s.stream);
  } finally {
    await reader.close();
  }
  return { streams: streams.map((s) => s.stream), leaders, result: { plan, produce, consume } };
}
