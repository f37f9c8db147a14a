import * as net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DiskLogDirectory,
  KafkaListener,
  ReplicaFetchers,
  ReplicaManager,
  ReplicationConnection,
  ReplicationServer,
  kafkaHandlers,
  type FetchRequest,
  type KafkaBackend,
  type ProduceRequest,
} from '@kz/broker';
import { ApiKey, FrameDecoder, decodeResponse, encodeRequest } from '@kz/kafka-protocol';
import { MetadataDelta, MetadataImage, type MetadataRecord } from '@kz/metadata';
import { encodeRecordBatch } from '@kz/records';
import pino from 'pino';
import { BenchUsageError, type BenchArgs } from './bench-args';
import { formatRate } from './format';

const BROKERS = [1, 2, 3] as const;
const TOPIC = 'bench';
const TOPIC_ID = 'AAAAAAAAAAAAAAAAAAAAAQ';
const PRODUCE_VERSION = 9;
const FETCH_VERSION = 16;
/** Produce requests the client keeps unanswered by default (the producer's max.in.flight.requests.per.connection). */
const DEFAULT_IN_FLIGHT = 5;
/** Times the consumer reads the partition from the start. */
const CONSUME_PASSES = 3;

interface Case {
  readonly recordBytes: number;
  readonly batchBytes: number;
}

const CASES: readonly Case[] = [
  { recordBytes: 1024, batchBytes: 16 * 1024 },
  { recordBytes: 1024, batchBytes: 256 * 1024 },
  { recordBytes: 100, batchBytes: 16 * 1024 },
  { recordBytes: 100, batchBytes: 256 * 1024 },
];

/** One broker of the harness: its ReplicaManager, its loop chores (flush, timers) and its services. */
class HarnessBroker {
  readonly manager: ReplicaManager;
  private flushing = false;
  private stopped = false;
  private readonly timer: NodeJS.Timeout;
  fetchers: ReplicaFetchers | null = null;

  constructor(
    readonly id: number,
    dir: string,
  ) {
    this.manager = new ReplicaManager({ brokerId: id, logs: new DiskLogDirectory(dir), logger: pino({ level: 'warn' }) });
    this.manager.brokerEpoch = id;
    // BrokerNode arms one timer at the manager's next deadline; a short interval does the same work here.
    this.timer = setInterval(() => this.manager.tick(Date.now()), 5);
  }

  /** BrokerNode.afterInput: appends of one turn of the loop share one fsync, on the thread pool. */
  afterInput(): void {
    if (this.stopped || !this.manager.needsFlush || this.flushing) return;
    this.flushing = true;
    setImmediate(() => {
      void this.manager.flushAsync(Date.now).then(() => {
        this.flushing = false;
        this.afterInput();
      });
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.fetchers?.stop();
    this.manager.close();
  }
}

function metadata(): MetadataImage {
  const records: MetadataRecord[] = [];
  for (const id of BROKERS) {
    records.push({ type: 'registerBroker', brokerId: id, incarnationId: `b${id}`, brokerEpoch: id, endpoints: [{ name: 'PLAINTEXT', host: '127.0.0.1', port: 9000 + id }], rack: null, fenced: false, inControlledShutdown: false });
  }
  records.push({ type: 'config', resourceType: 'topic', resourceName: TOPIC, name: 'min.insync.replicas', value: '2' });
  records.push({ type: 'topic', name: TOPIC, topicId: TOPIC_ID });
  records.push({ type: 'partition', topicId: TOPIC_ID, partitionId: 0, replicas: [...BROKERS], isr: [...BROKERS], removingReplicas: [], addingReplicas: [], leader: 1, leaderEpoch: 0, partitionEpoch: 0 });
  const delta = new MetadataDelta(MetadataImage.EMPTY);
  records.forEach((record, offset) => delta.replay(record, offset, 1));
  return delta.apply().image;
}

/** A Kafka-protocol connection that sends pre-encoded frames and hands back whole answer frames. */
class RawConnection {
  private readonly decoder = new FrameDecoder({ maxFrameSize: 1 << 30 });
  private onFrame: (frame: Uint8Array) => void = () => undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const frame of this.decoder.push(chunk)) this.onFrame(frame);
    });
  }

  static connect(port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => resolve(new RawConnection(socket)));
      socket.once('error', reject);
    });
  }

  listen(onFrame: (frame: Uint8Array) => void): void {
    this.onFrame = onFrame;
  }

  write(frame: Uint8Array): void {
    this.socket.write(frame);
  }

  close(): void {
    this.socket.destroy();
  }
}

interface Measured {
  readonly messages: number;
  readonly seconds: number;
  readonly cpuUs: { readonly user: number; readonly system: number };
}

function report(label: string, m: Measured, recordBytes: number): void {
  const total = m.cpuUs.user + m.cpuUs.system;
  console.log(
    `${label}: ${formatRate(m.messages / m.seconds)} msgs/s (${((m.messages * recordBytes) / m.seconds / 1e6).toFixed(1)} MB/s), ` +
      `CPU per message ${(total / m.messages).toFixed(2)} µs (user ${(m.cpuUs.user / m.messages).toFixed(2)}, system ${(m.cpuUs.system / m.messages).toFixed(2)}; ` +
      `${(total / 1e6 / m.seconds).toFixed(2)} cores)`,
  );
}

/** Closed loop of acks=all produces of one pre-encoded batch until `durationMs` has passed. */
async function produceFor(port: number, c: Case, durationMs: number, inFlightMax: number): Promise<Measured> {
  const count = Math.max(1, Math.floor(c.batchBytes / (c.recordBytes + 8)));
  const value = Buffer.alloc(c.recordBytes, 0x61);
  const batch = encodeRecordBatch({ records: Array.from({ length: count }, () => ({ key: null, value })), baseTimestamp: Date.now() });
  const conn = await RawConnection.connect(port);
  let correlation = 0;
  const request = (): Uint8Array =>
    encodeRequest(ApiKey.Produce, PRODUCE_VERSION, correlation++, 'bench', {
      transactionalId: null,
      acks: -1,
      timeoutMs: 30_000,
      topicData: [{ name: TOPIC, partitionData: [{ index: 0, records: batch }] }],
    });
  let acked = 0;
  let stop = false;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const done = new Promise<void>((resolve, reject) => {
    let inFlight = 0;
    conn.listen((frame) => {
      inFlight--;
      const { body } = decodeResponse(ApiKey.Produce, PRODUCE_VERSION, frame);
      const code = body.responses[0]?.partitionResponses[0]?.errorCode ?? -1;
      if (code !== 0) return reject(new Error(`produce answered error code ${code}`));
      acked += count;
      produceRequests++;
      if (stop || performance.now() - start >= durationMs) {
        stop = true;
        if (inFlight === 0) resolve();
        return;
      }
      inFlight++;
      conn.write(request());
    });
    for (let i = 0; i < inFlightMax; i++) {
      inFlight++;
      conn.write(request());
    }
  });
  await done;
  const cpuUs = process.cpuUsage(cpu0);
  const seconds = (performance.now() - start) / 1000;
  conn.close();
  return { messages: acked, seconds, cpuUs };
}

/** The last offset + 1 of the RecordBatches in `records` (their headers only). */
function nextOffsetAfter(records: Uint8Array, fallback: number): number {
  const view = new DataView(records.buffer, records.byteOffset, records.byteLength);
  let pos = 0;
  let next = fallback;
  let count = 0;
  while (pos + 61 <= records.length) {
    const length = view.getInt32(pos + 8);
    if (pos + 12 + length > records.length) break;
    next = Number(view.getBigInt64(pos)) + view.getInt32(pos + 23) + 1;
    count += view.getInt32(pos + 57);
    pos += 12 + length;
  }
  consumedRecords += count;
  return next;
}
let consumedRecords = 0;
/** Replica fetches the leaders answered: per produce request, the cost of replicating it lies mostly here. */
let replicaFetches = 0;
let produceRequests = 0;

/** One consumer reading the partition from offset 0 to `endOffset` with Fetch, one request at a time. */
async function consumeAll(port: number, endOffset: number): Promise<Measured> {
  const conn = await RawConnection.connect(port);
  let correlation = 0;
  let offset = 0;
  consumedRecords = 0;
  const request = (): Uint8Array =>
    encodeRequest(ApiKey.Fetch, FETCH_VERSION, correlation++, 'bench', {
      clusterId: null,
      replicaState: { replicaId: -1, replicaEpoch: -1 },
      maxWaitMs: 500,
      minBytes: 1,
      maxBytes: 50 * 1024 * 1024,
      isolationLevel: 0,
      sessionId: 0,
      sessionEpoch: -1,
      topics: [{ topic: '', topicId: TOPIC_ID, partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset: offset, lastFetchedEpoch: -1, logStartOffset: -1, partitionMaxBytes: 1024 * 1024, replicaDirectoryId: '' }] }],
      forgottenTopicsData: [],
      rackId: '',
    });
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  await new Promise<void>((resolve, reject) => {
    conn.listen((frame) => {
      const { body } = decodeResponse(ApiKey.Fetch, FETCH_VERSION, frame);
      const p = body.responses[0]?.partitions[0];
      if (body.errorCode !== 0 || p === undefined || p.errorCode !== 0) return reject(new Error(`fetch answered error ${body.errorCode}/${p?.errorCode}`));
      offset = nextOffsetAfter(p.records ?? new Uint8Array(0), offset);
      if (offset >= endOffset) return resolve();
      conn.write(request());
    });
    conn.write(request());
  });
  const cpuUs = process.cpuUsage(cpu0);
  const seconds = (performance.now() - start) / 1000;
  conn.close();
  return { messages: consumedRecords, seconds, cpuUs };
}

/**
 * `broker-path-cpu`: three brokers in this one process — ReplicaManagers over real partition logs
 * in a temporary directory (fsync before acknowledging, as in production), followers replicating
 * through ReplicaFetchers over the real gRPC replication service, the leader behind a real
 * KafkaListener — driven by one Kafka-protocol client sending pre-encoded Produce requests
 * (acks=all, --concurrency in flight, 5 by default) and then one consumer fetching everything back
 * three times. Prints the process's CPU per message (process.cpuUsage: all three brokers and the
 * thin client together), a number that other load on the machine distorts far less than
 * throughput. The process's V8 flags are the brokers': run it as `node --initial-heap-size=256
 * bench/dist/main.js broker-path-cpu` for what kz-broker-server runs with (BROKER_V8_FLAGS), and
 * add `--cpu-prof` to see where the CPU goes.
 */
export async function runBrokerPathCpu(args: BenchArgs): Promise<number> {
  const durationMs = (args.durationS ?? 3) * 1000;
  const inFlight = args.concurrency?.[0] ?? DEFAULT_IN_FLIGHT;
  // `broker-path-cpu 1024x262144 ...`: only those cases (record bytes x batch bytes), e.g. to profile one.
  const named = args.positionals.slice(1);
  const cases = named.length === 0 ? CASES : CASES.filter((c) => named.includes(`${c.recordBytes}x${c.batchBytes}`));
  if (cases.length === 0) throw new BenchUsageError(`no case named ${named.join(', ')}; the cases are ${CASES.map((c) => `${c.recordBytes}x${c.batchBytes}`).join(', ')}`);
  let failures = 0;
  console.log(`broker-path-cpu: 3 brokers in one process (RF3, acks=all, gRPC replication), ${inFlight} produces in flight, ${durationMs / 1000} s per produce case, then one consumer reads it all ${CONSUME_PASSES} times`);
  for (const c of cases) {
    const root = mkdtempSync(join(tmpdir(), 'kz-broker-path-cpu-'));
    const brokers = BROKERS.map((id) => new HarnessBroker(id, join(root, String(id))));
    const servers: ReplicationServer[] = [];
    const connections: ReplicationConnection[] = [];
    let listener: KafkaListener | null = null;
    try {
      const image = metadata();
      for (const b of brokers) b.manager.applyMetadata(image, null, Date.now());
      const ports = new Map<number, number>();
      for (const b of brokers) {
        const server = new ReplicationServer({
          api: {
            fetch: async (request: FetchRequest) => {
              replicaFetches++;
              const response = await b.manager.fetch(request, Date.now());
              b.afterInput();
              return response;
            },
          },
          listen: '127.0.0.1:0',
          logger: pino({ level: 'warn' }),
        });
        servers.push(server);
        ports.set(b.id, await server.start());
      }
      for (const b of brokers) {
        const channels = new Map<number, ReplicationConnection>();
        b.fetchers = new ReplicaFetchers({
          manager: b.manager,
          channel: {
            fetch: (source, request) => {
              let channel = channels.get(source);
              if (channel === undefined) {
                channel = new ReplicationConnection({ address: `127.0.0.1:${ports.get(source)!}` });
                channels.set(source, channel);
                connections.push(channel);
              }
              return channel.fetch(request);
            },
          },
          clock: Date.now,
          logger: pino({ level: 'warn' }),
          afterInput: () => b.afterInput(),
          onDiskFailure: (error) => {
            throw error;
          },
        });
        b.fetchers.reconcile();
      }
      const leader = brokers[0]!;
      const unsupported = (): never => {
        throw new Error('broker-path-cpu serves produce and fetch only');
      };
      const backend: KafkaBackend = {
        nodeId: leader.id,
        clusterId: 'kz-broker-path-cpu',
        broker: {
          produce: async (request: ProduceRequest) => {
            const response = leader.manager.produce(request, Date.now());
            leader.afterInput();
            return response;
          },
          fetch: async (request: FetchRequest) => {
            const response = leader.manager.fetch(request, Date.now());
            leader.afterInput();
            return response;
          },
          listOffsets: async (request: Parameters<ReplicaManager['listOffsets']>[0]) => leader.manager.listOffsets(request),
          deleteRecords: unsupported,
          metadata: unsupported,
          findCoordinator: unsupported,
          offsetCommit: unsupported,
          offsetFetch: unsupported,
          offsetDelete: unsupported,
          describeProducers: unsupported,
        } as unknown as KafkaBackend['broker'],
        groups: {} as KafkaBackend['groups'],
        producerIds: {} as KafkaBackend['producerIds'],
        image: () => image,
        admin: {} as KafkaBackend['admin'],
        autoCreateTopics: false,
        logDir: unsupported,
      };
      listener = new KafkaListener({ handlers: kafkaHandlers(backend), listen: '127.0.0.1:0', logger: pino({ level: 'warn' }) });
      const port = await listener.start();
      const label = `${c.recordBytes} B records, ${c.batchBytes / 1024} KiB batches`;
      // What the brokers use doing nothing (timers, fetch sessions' long polls): part of every number below.
      const idle0 = process.cpuUsage();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const idle = process.cpuUsage(idle0);
      console.log(`idle: ${((idle.user + idle.system) / 1e4).toFixed(1)}% of a core`);
      // Warm-up: JIT, connections, fetch sessions.
      await produceFor(port, c, Math.min(1000, durationMs / 3), inFlight);
      replicaFetches = 0;
      produceRequests = 0;
      const produced = await produceFor(port, c, durationMs, inFlight);
      report(`produce ${label}`, produced, c.recordBytes);
      console.log(`  ${(replicaFetches / produceRequests).toFixed(2)} replica fetches per produce request, ${Math.round(produced.messages / produceRequests)} records each`);
      const endOffset = leader.manager.partition(TOPIC_ID, 0)!.highWatermark;
      // Three passes over everything produced: consuming is quick, and one pass is a short sample.
      const passes: Measured[] = [];
      for (let i = 0; i < CONSUME_PASSES; i++) passes.push(await consumeAll(port, endOffset));
      const consumed: Measured = {
        messages: passes.reduce((n, m) => n + m.messages, 0),
        seconds: passes.reduce((n, m) => n + m.seconds, 0),
        cpuUs: { user: passes.reduce((n, m) => n + m.cpuUs.user, 0), system: passes.reduce((n, m) => n + m.cpuUs.system, 0) },
      };
      report(`consume ${label}`, consumed, c.recordBytes);
      if (consumed.messages !== endOffset * CONSUME_PASSES) {
        console.log(`consume read ${consumed.messages} records of ${endOffset * CONSUME_PASSES}`);
        failures++;
      }
    } finally {
      await listener?.stop();
      await Promise.all(brokers.map((b) => b.fetchers?.stop()));
      for (const b of brokers) await b.stop();
      for (const c of connections) c.close();
      await Promise.all(servers.map((s) => s.stop()));
      rmSync(root, { recursive: true, force: true });
    }
  }
  return failures === 0 ? 0 : 1;
}
