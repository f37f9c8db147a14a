import { parseArgs } from 'node:util';

/** Every flag any benchmark takes; each benchmark reads the ones it needs. */
export interface BenchArgs {
  /** Measured seconds per run (after the warm-up). */
  readonly durationS: number | undefined;
  readonly warmupS: number | undefined;
  /**
   * Closed-loop requests in flight (raft-vs-etcd: one value), or the sweep of sends awaiting their
   * ack (broker-vs-nats: one run per value, in the order given); undefined: the benchmark's default.
   */
  readonly concurrency: readonly number[] | undefined;
  /** gRPC connections the load generator spreads its requests over (raft-vs-etcd). */
  readonly connections: number;
  /** Distinct keys written (raft-vs-etcd). */
  readonly keySpace: number;
  /** Batches proposed and not yet committed (raft-core). */
  readonly inflight: number;
  /** Records per batch, one run each (raft-core). */
  readonly recordsPerBatch: readonly number[];
  /** Messages produced per message size and sweep point (broker-vs-nats); undefined: the benchmark's default. */
  readonly messages: number | undefined;
  /**
   * broker-vs-nats: `same` gives NATS one stream per kz partition (three, one led by each node),
   * `one` gives each system a single partition or stream; undefined: `same`.
   */
  readonly parallelism: BrokerParallelism | undefined;
  /** broker-vs-nats: kz's producer batch.size (default the producer's, Kafka's 16384). */
  readonly batchBytes: number | undefined;
  /** broker-vs-nats: kz's producer linger.ms (default the producer's, Kafka's 5). */
  readonly lingerMs: number | undefined;
  /** Topics created in one request (metadata-storm). */
  readonly topics: number | undefined;
  /** Partitions per topic (metadata-storm). */
  readonly partitions: number | undefined;
  /**
   * kv-put-cpu: `level` (default) stores the Raft log in LevelDB with synced writes, as deployed;
   * `memory` in MemoryRaftStorage, taking the disk's fsync latency (shared, and noisy) out of a
   * comparison of the serving path's CPU.
   */
  readonly storage: KvBenchStorage;
  /** Start the kz nodes under --cpu-prof (raft-vs-etcd). */
  readonly profile: boolean;
  readonly profileDir: string | undefined;
  /** Run only these systems: kz, kz-unary and etcd (raft-vs-etcd), kz and zookeeper (metadata-vs-zookeeper), kz and nats (broker-vs-nats). */
  readonly only: readonly BenchSystem[] | null;
  readonly help: boolean;
  readonly positionals: readonly string[];
}

/**
 * `kz-tls`: kz with TLS on every listener (broker-vs-nats only), to set beside `kz` in the same run.
 * `kz-unary`: the kz kv cluster driven by one unary Put call per write (raft-vs-etcd only), the
 * client path etcd's side takes, beside `kz`'s pipelined KvClient.
 */
export const BENCH_SYSTEMS = ['kz', 'etcd', 'zookeeper', 'nats', 'kz-tls', 'kz-unary'] as const;
export type BenchSystem = (typeof BENCH_SYSTEMS)[number];

/** The systems a benchmark runs: those of `--only` among its own, or all of its own. */
export function systemsToRun(args: BenchArgs, own: readonly BenchSystem[]): BenchSystem[] {
  if (args.only === null) return [...own];
  const foreign = args.only.filter((s) => !own.includes(s));
  if (foreign.length > 0) throw new BenchUsageError(`this benchmark runs ${own.join(' and ')}, not ${foreign.join(', ')}`);
  return args.only.filter((s) => own.includes(s));
}

export const KV_BENCH_STORAGES = ['level', 'memory'] as const;
export type KvBenchStorage = (typeof KV_BENCH_STORAGES)[number];

export const BROKER_PARALLELISMS = ['same', 'one'] as const;
export type BrokerParallelism = (typeof BROKER_PARALLELISMS)[number];

/** A benchmark that takes one `--concurrency`: that value, or undefined for its default. */
export function singleConcurrency(args: BenchArgs): number | undefined {
  if (args.concurrency === undefined) return undefined;
  if (args.concurrency.length !== 1) throw new BenchUsageError(`this benchmark takes one --concurrency, got ${args.concurrency.join(',')}`);
  return args.concurrency[0];
}

export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      concurrency: { type: 'string' },
      connections: { type: 'string', default: '1' },
      'key-space': { type: 'string', default: '100000' },
      inflight: { type: 'string', default: '64' },
      records: { type: 'string', default: '1,16' },
      messages: { type: 'string' },
      parallelism: { type: 'string' },
      'batch-bytes': { type: 'string' },
      'linger-ms': { type: 'string' },
      topics: { type: 'string' },
      partitions: { type: 'string' },
      storage: { type: 'string', default: 'level' },
      profile: { type: 'boolean', default: false },
      'profile-dir': { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  let only: BenchSystem[] | null = null;
  if (values.only !== undefined) {
    only = [];
    for (const system of values.only.split(',').map((s) => s.trim())) {
      if (!(BENCH_SYSTEMS as readonly string[]).includes(system)) throw new BenchUsageError(`--only takes ${BENCH_SYSTEMS.join(', ')}; got "${system}"`);
      only.push(system as BenchSystem);
    }
  }
  return {
    durationS: values.duration === undefined ? undefined : positive('duration', values.duration),
    warmupS: values.warmup === undefined ? undefined : nonNegative('warmup', values.warmup),
    concurrency: values.concurrency === undefined ? undefined : positiveIntList('concurrency', values.concurrency),
    connections: positiveInt('connections', values.connections),
    keySpace: positiveInt('key-space', values['key-space']),
    inflight: positiveInt('inflight', values.inflight),
    recordsPerBatch: positiveIntList('records', values.records),
    messages: values.messages === undefined ? undefined : positiveInt('messages', values.messages),
    parallelism: values.parallelism === undefined ? undefined : parallelismOf(values.parallelism),
    batchBytes: values['batch-bytes'] === undefined ? undefined : positiveInt('batch-bytes', values['batch-bytes']),
    lingerMs: values['linger-ms'] === undefined ? undefined : nonNegativeInt('linger-ms', values['linger-ms']),
    topics: values.topics === undefined ? undefined : positiveInt('topics', values.topics),
    partitions: values.partitions === undefined ? undefined : positiveInt('partitions', values.partitions),
    storage: storageOf(values.storage),
    profile: values.profile,
    profileDir: values['profile-dir'],
    only,
    help: values.help,
    positionals,
  };
}

function storageOf(text: string): KvBenchStorage {
  if (!(KV_BENCH_STORAGES as readonly string[]).includes(text)) throw new BenchUsageError(`--storage takes ${KV_BENCH_STORAGES.join(' or ')}; got "${text}"`);
  return text as KvBenchStorage;
}

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new BenchUsageError(`--${name} must be a positive number, got "${text}"`);
  return n;
}

function nonNegative(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new BenchUsageError(`--${name} must be a non-negative number, got "${text}"`);
  return n;
}

function nonNegativeInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new BenchUsageError(`--${name} must be a non-negative integer, got "${text}"`);
  return n;
}

function positiveInt(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n <= 0) throw new BenchUsageError(`--${name} must be a positive integer, got "${text}"`);
  return n;
}

/** "1,16,256": positive integers, comma-separated, none repeated. */
function positiveIntList(name: string, text: string): number[] {
  const list = text.split(',').map((s) => positiveInt(name, s.trim()));
  if (new Set(list).size !== list.length) throw new BenchUsageError(`--${name} repeats a value: "${text}"`);
  return list;
}

function parallelismOf(text: string): BrokerParallelism {
  if (!(BROKER_PARALLELISMS as readonly string[]).includes(text)) throw new BenchUsageError(`--parallelism takes ${BROKER_PARALLELISMS.join(' or ')}; got "${text}"`);
  return text as BrokerParallelism;
}
