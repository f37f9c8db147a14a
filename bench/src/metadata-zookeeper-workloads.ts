import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CleanupScope } from './cleanup-scope';
import { cpuBetween, sampleCpu, type CpuUse } from './cpu-usage';
import { ensureZookeeperInstalled } from './ensure-zookeeper';
import { formatMs, formatRate } from './format';
import { ZookeeperError, ZookeeperSession } from './zookeeper-client';
import { ZookeeperEnsemble } from './zookeeper-ensemble';

/**
 * What a ZooKeeper-mode Kafka cluster (Kafka 3.x, kafka.zk.KafkaZkClient) writes and reads in
 * ZooKeeper for its partitions, done the way a good client does it: many requests in flight,
 * never one at a time. Each workload works under its own `root` (Kafka would use a chroot), so
 * several run against one ensemble on fresh paths.
 *
 * Paths and JSON are Kafka's (kafka.zk.ZkData):
 *   <root>/brokers/topics/<topic>                           TopicZNode: replica assignment and topic id
 *   <root>/brokers/topics/<topic>/partitions                no data
 *   <root>/brokers/topics/<topic>/partitions/<p>            no data
 *   <root>/brokers/topics/<topic>/partitions/<p>/state      TopicPartitionStateZNode: leader, epoch, ISR
 *
 * Not modelled: since Kafka 2.2 the controller wraps each of these writes in a multi with a check
 * of /controller_epoch's version (fencing a zombie controller); here each is the bare create or
 * setData.
 */

/** Where the partitions are, and on which brokers. */
export interface PartitionLayout {
  readonly topics: number;
  readonly partitionsPerTopic: number;
  readonly replicationFactor: number;
  /** Broker ids; replicas are assigned round-robin over them, as Kafka's assignment does. */
  readonly brokers: readonly number[];
}

/** How requests are issued. */
export interface ZookeeperPipeline {
  /** Requests go round-robin over these by topic, so one topic's requests stay in order on one session. */
  readonly sessions: readonly ZookeeperSession[];
  /** Requests sent and not yet answered, over all sessions. */
  readonly maxInFlight: number;
}

/** One timed workload. */
export interface ZookeeperStepResult {
  /** From the first request sent to the last reply received. */
  readonly elapsedMs: number;
  /** ZooKeeper requests it made. */
  readonly requests: number;
  readonly partitions: number;
}

/** A partition's state as Kafka's controller caches it, with the znode version its next write must name. */
export interface CachedPartitionState {
  readonly topic: string;
  readonly partition: number;
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly isr: readonly number[];
  readonly zkVersion: number;
}

export class ZookeeperWorkloadError extends Error {
  override readonly name = 'ZookeeperWorkloadError';
}

/** ZooKeeper refuses a request over jute.maxbuffer (1 MiB by default): setup multis stay well under it. */
const MAX_MULTI_BYTES = 512 * 1024;
const MAX_MULTI_OPS = 1000;

const topicsPath = (root: string): string => `${root}/brokers/topics`;
const topicPath = (root: string, topic: string): string => `${topicsPath(root)}/${topic}`;
const partitionsPath = (root: string, topic: string): string => `${topicPath(root, topic)}/partitions`;
const partitionPath = (root: string, topic: string, p: number): string => `${partitionsPath(root, topic)}/${p}`;
const statePath = (root: string, topic: string, p: number): string => `${partitionPath(root, topic, p)}/state`;

/** Topic names sort in creation order, as the bench creates them. */
export function topicName(prefix: string, index: number): string {
  return `${prefix}-${String(index).padStart(5, '0')}`;
}

/** Kafka's Uuid.toString(): 16 random bytes, base64url without padding (22 characters). */
function topicId(): string {
  return randomBytes(16).toString('base64url');
}

/** Replicas of one partition: round-robin over the brokers, the first one leading. */
function replicas(layout: PartitionLayout, topicIndex: number, partition: number): number[] {
  const { brokers } = layout;
  return Array.from({ length: layout.replicationFactor }, (_, k) => brokers[(topicIndex + partition + k) % brokers.length]!);
}

/** TopicZNode.encode, version 3 (Kafka 3.x): the assignment, no reassignment in progress, the topic id. */
function topicJson(assignment: readonly (readonly number[])[]): Buffer {
  const partitions: Record<string, readonly number[]> = {};
  assignment.forEach((r, p) => {
    partitions[String(p)] = r;
  });
  return Buffer.from(JSON.stringify({ version: 3, partitions, adding_replicas: {}, removing_replicas: {}, topic_id: topicId() }));
}

/** TopicPartitionStateZNode.encode: what the controller writes when it (re)elects a leader. */
function stateJson(leader: number, leaderEpoch: number, isr: readonly number[], controllerEpoch = 1): Buffer {
  return Buffer.from(JSON.stringify({ controller_epoch: controllerEpoch, leader, version: 1, leader_epoch: leaderEpoch, isr }));
}

interface Create {
  readonly path: string;
  readonly data: Buffer | null;
  /** Requests with the same key go to the same session, in order. */
  readonly key: number;
}

/** Every create that brings these topics online, in the order Kafka makes them (parents first). */
function topicCreates(root: string, prefix: string, layout: PartitionLayout, assign = replicas): Create[] {
  const creates: Create[] = [];
  for (let t = 0; t < layout.topics; t++) {
    const topic = topicName(prefix, t);
    const assignment = Array.from({ length: layout.partitionsPerTopic }, (_, p) => assign(layout, t, p));
    creates.push({ path: topicPath(root, topic), data: topicJson(assignment), key: t });
    creates.push({ path: partitionsPath(root, topic), data: null, key: t });
    assignment.forEach((r, p) => {
      creates.push({ path: partitionPath(root, topic, p), data: null, key: t });
      creates.push({ path: statePath(root, topic, p), data: stateJson(r[0]!, 0, r), key: t });
    });
  }
  return creates;
}

/**
 * Runs `count` requests with at most `maxInFlight` unanswered at once, issuing them in index
 * order (so one session's requests reach ZooKeeper in that order). Stops issuing at the first
 * failure and rejects with it once the requests in flight have settled.
 */
export async function pipelined(count: number, maxInFlight: number, request: (index: number) => Promise<unknown>): Promise<void> {
  const run: { next: number; failure: { readonly error: unknown } | null } = { next: 0, failure: null };
  const lane = async (): Promise<void> => {
    while (run.failure === null && run.next < count) {
      const index = run.next++;
      try {
        await request(index);
      } catch (error) {
        run.failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(maxInFlight, count) }, lane));
  if (run.failure !== null) throw run.failure.error;
}

function sessionFor(pipeline: ZookeeperPipeline, key: number): ZookeeperSession {
  const session = pipeline.sessions[key % pipeline.sessions.length];
  if (session === undefined) throw new ZookeeperWorkloadError('a ZooKeeper pipeline needs at least one session');
  return session;
}

/** Creates one by one, pipelined. */
async function createPipelined(pipeline: ZookeeperPipeline, creates: readonly Create[]): Promise<void> {
  await pipelined(creates.length, pipeline.maxInFlight, (i) => {
    const c = creates[i]!;
    return sessionFor(pipeline, c.key).create(c.path, c.data);
  });
}

/** Creates in multi requests of up to 1000 znodes (or 512 KiB), pipelined: for untimed setup. */
async function createInBatches(pipeline: ZookeeperPipeline, creates: readonly Create[]): Promise<number> {
  // One session keeps every batch in order, so a batch may hold a parent created by the batch before.
  const session = sessionFor(pipeline, 0);
  const batches: Create[][] = [];
  let batch: Create[] = [];
  let bytes = 0;
  for (const c of creates) {
    const size = c.path.length + (c.data?.length ?? 0) + 64;
    if (batch.length > 0 && (batch.length === MAX_MULTI_OPS || bytes + size > MAX_MULTI_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(c);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  await pipelined(batches.length, Math.max(1, Math.min(pipeline.maxInFlight, 16)), (i) => session.createAll(batches[i]!));
  return batches.length;
}

/** The parents every workload assumes: <root>, <root>/brokers, <root>/brokers/topics (untimed). */
export async function zkCreateParents(session: ZookeeperSession, root: string): Promise<void> {
  const parts = topicsPath(root).split('/').filter((p) => p !== '');
  for (let i = 1; i <= parts.length; i++) {
    await session.create(`/${parts.slice(0, i).join('/')}`, null).catch((error: unknown) => {
      if (!(error instanceof ZookeeperError && error.codeName === 'NODEEXISTS')) throw error;
    });
  }
}

function elapsedSince(startMs: number): number {
  return performance.now() - startMs;
}

/**
 * (a) Topic creation as ZooKeeper-mode Kafka does it: per topic, the admin's TopicZNode
 * (assignment + topic id), then what the controller writes to bring the partitions online —
 * the partitions znode, each partition's znode and its state (leader = first replica,
 * leader_epoch 0, ISR = all replicas). One create per znode, pipelined; <root>/brokers/topics must
 * exist. Timed from the first create sent to the last acknowledged.
 */
export async function zkCreatePartitions(pipeline: ZookeeperPipeline, root: string, layout: PartitionLayout, prefix = 'topic'): Promise<ZookeeperStepResult> {
  const creates = topicCreates(root, prefix, layout);
  const start = performance.now();
  await createPipelined(pipeline, creates);
  return { elapsedMs: elapsedSince(start), requests: creates.length, partitions: layout.topics * layout.partitionsPerTopic };
}

/**
 * Untimed setup: the same znodes as zkCreatePartitions, in multi batches (far fewer round trips
 * and log entries). Returns how long it took and how many multi requests it sent.
 */
export async function zkSetUpPartitions(
  pipeline: ZookeeperPipeline,
  root: string,
  layout: PartitionLayout,
  prefix = 'topic',
  assign = replicas,
): Promise<{ readonly elapsedMs: number; readonly multis: number; readonly znodes: number }> {
  const creates = topicCreates(root, prefix, layout, assign);
  const start = performance.now();
  const multis = await createInBatches(pipeline, creates);
  return { elapsedMs: elapsedSince(start), multis, znodes: creates.length };
}

/**
 * Untimed setup for (b): partitions that `leader` leads (it is every partition's first replica;
 * the other replicas rotate over the remaining brokers), then the controller's cache of their
 * state: each state znode read once (pipelined) for its version, as the controller learned it
 * when it loaded the cluster.
 */
export async function zkSetUpLeadersOn(
  pipeline: ZookeeperPipeline,
  root: string,
  layout: PartitionLayout,
  leader: number,
  prefix = 'led',
): Promise<{ readonly elapsedMs: number; readonly cache: CachedPartitionState[] }> {
  const others = layout.brokers.filter((b) => b !== leader);
  if (others.length < layout.replicationFactor - 1) throw new ZookeeperWorkloadError(`replication factor ${layout.replicationFactor} needs ${layout.replicationFactor - 1} brokers besides ${leader}`);
  const ledBy = (_: PartitionLayout, t: number, p: number): number[] => [
    leader,
    ...Array.from({ length: layout.replicationFactor - 1 }, (__, k) => others[(t * layout.partitionsPerTopic + p + k) % others.length]!),
  ];
  const start = performance.now();
  await zkSetUpPartitions(pipeline, root, layout, prefix, ledBy);
  const cache: CachedPartitionState[] = new Array<CachedPartitionState>(layout.topics * layout.partitionsPerTopic);
  await pipelined(cache.length, pipeline.maxInFlight, async (i) => {
    const t = Math.floor(i / layout.partitionsPerTopic);
    const p = i % layout.partitionsPerTopic;
    const topic = topicName(prefix, t);
    const { data, stat } = await sessionFor(pipeline, t).getData(statePath(root, topic, p));
    const state = parseState(data, statePath(root, topic, p));
    cache[i] = { topic, partition: p, leader: state.leader, leaderEpoch: state.leaderEpoch, isr: state.isr, zkVersion: stat.version };
  });
  return { elapsedMs: elapsedSince(start), cache };
}

/**
 * (b) `deadBroker` has died and the controller has noticed: for every partition it led, the
 * controller elects the next ISR member, bumps leader_epoch and drops the dead broker from the
 * ISR, writing each new state with a conditional setData at the version it cached (a BADVERSION
 * fails the run: nobody else writes these znodes). Timed from the first setData sent to the
 * last acknowledged. Updates `cache` to the new states and versions.
 */
export async function zkMoveLeaders(pipeline: ZookeeperPipeline, root: string, cache: CachedPartitionState[], deadBroker: number): Promise<ZookeeperStepResult> {
  const topicIndex = new Map<string, number>();
  const writes = cache.map((s) => {
    const isr = s.isr.filter((b) => b !== deadBroker);
    const leader = isr[0];
    if (s.leader !== deadBroker || leader === undefined) throw new ZookeeperWorkloadError(`${s.topic}-${s.partition} is not led by ${deadBroker} or has no other ISR member`);
    if (!topicIndex.has(s.topic)) topicIndex.set(s.topic, topicIndex.size);
    return { path: statePath(root, s.topic, s.partition), data: stateJson(leader, s.leaderEpoch + 1, isr), key: topicIndex.get(s.topic)!, leader, isr };
  });
  const start = performance.now();
  await pipelined(writes.length, pipeline.maxInFlight, async (i) => {
    const w = writes[i]!;
    const before = cache[i]!;
    const stat = await sessionFor(pipeline, w.key).setData(w.path, w.data, before.zkVersion);
    cache[i] = { ...before, leader: w.leader, leaderEpoch: before.leaderEpoch + 1, isr: w.isr, zkVersion: stat.version };
  });
  return { elapsedMs: elapsedSince(start), requests: writes.length, partitions: writes.length };
}

interface PartitionState {
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly isr: readonly number[];
}

function parseState(data: Buffer | null, path: string): PartitionState {
  const json: unknown = JSON.parse(data?.toString('utf8') ?? 'null');
  if (typeof json === 'object' && json !== null && 'leader' in json && 'leader_epoch' in json && 'isr' in json) {
    const { leader, leader_epoch: leaderEpoch, isr } = json;
    if (typeof leader === 'number' && typeof leaderEpoch === 'number' && Array.isArray(isr) && isr.every((b) => typeof b === 'number')) {
      return { leader, leaderEpoch, isr: isr as number[] };
    }
  }
  throw new ZookeeperWorkloadError(`${path} does not hold a partition state: ${data?.toString('utf8') ?? '(no data)'}`);
}

/** The partition count in a TopicZNode. */
function parsePartitionCount(data: Buffer | null, path: string): number {
  const json: unknown = JSON.parse(data?.toString('utf8') ?? 'null');
  if (typeof json === 'object' && json !== null && 'partitions' in json && typeof json.partitions === 'object' && json.partitions !== null) {
    return Object.keys(json.partitions).length;
  }
  throw new ZookeeperWorkloadError(`${path} does not hold a topic assignment`);
}

/**
 * (c) A new ZooKeeper-mode controller loads the cluster before it serves (Kafka's
 * KafkaController.initializeControllerContext): getChildren of <root>/brokers/topics, getData of
 * every topic znode (the assignment: which partitions exist, on which replicas), then getData of
 * every partition's state znode — each phase pipelined, every reply decoded from JSON as the
 * controller does. Timed from the getChildren sent to the last state decoded.
 * (Kafka also reads /brokers/ids and sets a watch per topic; those are left out.)
 */
export async function zkControllerFailover(pipeline: ZookeeperPipeline, root: string): Promise<ZookeeperStepResult> {
  const start = performance.now();
  const topics = await sessionFor(pipeline, 0).getChildren(topicsPath(root));
  topics.sort();
  const partitionCounts = new Array<number>(topics.length);
  await pipelined(topics.length, pipeline.maxInFlight, async (t) => {
    const path = topicPath(root, topics[t]!);
    const { data } = await sessionFor(pipeline, t).getData(path);
    partitionCounts[t] = parsePartitionCount(data, path);
  });
  const partitions: { readonly t: number; readonly p: number }[] = [];
  partitionCounts.forEach((count, t) => {
    for (let p = 0; p < count; p++) partitions.push({ t, p });
  });
  const states = new Array<PartitionState>(partitions.length);
  await pipelined(partitions.length, pipeline.maxInFlight, async (i) => {
    const { t, p } = partitions[i]!;
    const path = statePath(root, topics[t]!, p);
    const { data } = await sessionFor(pipeline, t).getData(path);
    states[i] = parseState(data, path);
  });
  return { elapsedMs: elapsedSince(start), requests: 1 + topics.length + partitions.length, partitions: partitions.length };
}

/** What `runZookeeperSide` runs; every field has the bench's default. */
export interface ZookeeperSideOptions {
  /** (a): 200 topics × 100 partitions, RF 3 over brokers 1-3 (20,000 partitions). */
  readonly create?: PartitionLayout;
  /** (b): partitions led by `deadBroker` before it dies: 100 × 100 (10,000), RF 3 over brokers 1-3. */
  readonly moveLeaders?: PartitionLayout & { readonly deadBroker: number };
  /** (c): the cluster a new controller loads: 1,000 topics × 100 partitions (100,000). */
  readonly failover?: PartitionLayout;
  /**
   * Sessions the requests are spread over (by topic): 8. ZooKeeper serves one session's requests
   * strictly in order, one at a time per processing stage, so more sessions keep its threads
   * busier: on this bench's 2-core VM reads ran ~2× as fast over 8 sessions as over 1, writes
   * ~1.3×; 16 was no faster than 8. (Kafka's controller keeps one session.)
   */
  readonly sessions?: number;
  /** Requests in flight over all sessions: 1000, ZooKeeper's own globalOutstandingLimit. */
  readonly maxInFlight?: number;
  /**
   * Partitions of an untimed warm-up that runs (a), (b) and (c) small first (5,000; 0 for none):
   * a fresh JVM runs ZooKeeper's request path interpreted until the JIT has compiled it, and the
   * first thousands of requests would measure that instead of ZooKeeper.
   */
  readonly warmupPartitions?: number;
  /** The servers' JVM heap (-Xmx): 1g. */
  readonly heap?: string;
  /** Track the ensemble here (the caller closes it); by default the run makes and closes its own. */
  readonly scope?: CleanupScope;
  /** Parent of the servers' data dirs; by default a fresh temp dir, removed at the end. */
  readonly dir?: string;
}

/** The run's figures; every *Ms is one timed step (first request sent to last reply). */
export interface ZookeeperSideResult {
  readonly zookeeperVersion: string;
  readonly sessions: number;
  readonly maxInFlight: number;
  readonly heap: string;
  readonly createMs: number;
  readonly createRequests: number;
  readonly createPartitions: number;
  readonly moveLeadersMs: number;
  readonly moveLeadersRequests: number;
  readonly moveLeadersPartitions: number;
  readonly failoverReadMs: number;
  readonly failoverReadRequests: number;
  readonly failoverPartitions: number;
  /** Untimed: the warm-up, and the setup of (b) and (c). */
  readonly warmupMs: number;
  readonly moveLeadersSetupMs: number;
  readonly failoverSetupMs: number;
  /** CPU used in each timed step, in cores: the three servers together, and this process (the client). */
  readonly createCpu: CpuUse;
  readonly moveLeadersCpu: CpuUse;
  readonly failoverReadCpu: CpuUse;
}

const BROKERS = [1, 2, 3] as const;

function stepLine(name: string, step: ZookeeperStepResult, what: string, cpu: CpuUse): string {
  const perSecond = (n: number): string => formatRate((n * 1000) / step.elapsedMs);
  return (
    `zookeeper ${name}: ${step.partitions} partitions, ${step.requests} ${what} in ${formatMs(step.elapsedMs)} ms = ` +
    `${perSecond(step.requests)} requests/s, ${perSecond(step.partitions)} partitions/s ` +
    `(CPU: servers ${cpu.servers.toFixed(2)} cores, client ${cpu.client.toFixed(2)})`
  );
}

async function timed<T extends ZookeeperStepResult>(pids: readonly number[], step: () => Promise<T>): Promise<{ readonly result: T; readonly cpu: CpuUse }> {
  const before = sampleCpu(pids);
  const result = await step();
  return { result, cpu: cpuBetween(before, sampleCpu(pids)) };
}

/**
 * The ZooKeeper side of `metadata-vs-zookeeper`: starts a 3-server ensemble (durable, on
 * loopback), connects to its leader (as raft-vs-etcd loads etcd's leader), warms it up, then runs
 * (a) zkCreatePartitions, (b) zkMoveLeaders and (c) zkControllerFailover, each under a fresh root,
 * printing one line per step; stops the ensemble however it ends.
 */
export async function runZookeeperSide(options: ZookeeperSideOptions = {}): Promise<ZookeeperSideResult> {
  const create = options.create ?? { topics: 200, partitionsPerTopic: 100, replicationFactor: 3, brokers: BROKERS };
  const move = options.moveLeaders ?? { topics: 100, partitionsPerTopic: 100, replicationFactor: 3, brokers: BROKERS, deadBroker: 1 };
  const failover = options.failover ?? { topics: 1000, partitionsPerTopic: 100, replicationFactor: 3, brokers: BROKERS };
  const sessionCount = options.sessions ?? 8;
  const maxInFlight = options.maxInFlight ?? 1000;
  const warmupPartitions = options.warmupPartitions ?? 5000;
  const heap = options.heap ?? '1g';

  const install = ensureZookeeperInstalled();
  const scope = options.scope ?? new CleanupScope();
  const sessions: ZookeeperSession[] = [];
  let ensemble: ZookeeperEnsemble | undefined;
  try {
    const dir = options.dir ?? scope.trackDir(mkdtempSync(join(tmpdir(), 'kz-bench-zookeeper-')));
    mkdirSync(dir, { recursive: true });
    ensemble = await ZookeeperEnsemble.start(install, dir, scope, { heap });
    const leader = await ensemble.leader();
    const pids = ensemble.pidsLeaderFirst(leader);
    for (let i = 0; i < sessionCount; i++) sessions.push(await ZookeeperSession.connect(leader.clientAddress));
    const pipeline: ZookeeperPipeline = { sessions, maxInFlight };
    console.log(
      `zookeeper: ${install.version}, 3 servers (forceSync=yes, -Xmx${heap}), leader zk${leader.id} ${leader.clientAddress}, ` +
        `pids ${pids.join(' ')} (leader first); ${sessionCount} session(s) to the leader, ${maxInFlight} requests in flight`,
    );

    let warmupMs = 0;
    if (warmupPartitions > 0) {
      const start = performance.now();
      const layout = { topics: Math.max(1, Math.round(warmupPartitions / 100)), partitionsPerTopic: 100, replicationFactor: 3, brokers: BROKERS };
      await zkCreateParents(sessions[0]!, '/kz-bench/warmup');
      await zkCreatePartitions(pipeline, '/kz-bench/warmup', layout, 'topic');
      const { cache } = await zkSetUpLeadersOn(pipeline, '/kz-bench/warmup', layout, 1, 'led');
      await zkMoveLeaders(pipeline, '/kz-bench/warmup', cache, 1);
      await zkControllerFailover(pipeline, '/kz-bench/warmup');
      warmupMs = performance.now() - start;
      console.log(`zookeeper warm-up (untimed): (a), (b) and (c) over ${layout.topics * 100} partitions in ${formatMs(warmupMs)} ms`);
    }

    await zkCreateParents(sessions[0]!, '/kz-bench/create');
    const a = await timed(pids, () => zkCreatePartitions(pipeline, '/kz-bench/create', create));
    console.log(stepLine('create-partitions', a.result, 'creates', a.cpu));

    await zkCreateParents(sessions[0]!, '/kz-bench/move-leaders');
    const moveSetup = await zkSetUpLeadersOn(pipeline, '/kz-bench/move-leaders', move, move.deadBroker);
    console.log(`zookeeper move-leaders setup (untimed): ${moveSetup.cache.length} partitions led by broker ${move.deadBroker}, created and read in ${formatMs(moveSetup.elapsedMs)} ms`);
    const b = await timed(pids, () => zkMoveLeaders(pipeline, '/kz-bench/move-leaders', moveSetup.cache, move.deadBroker));
    console.log(stepLine('move-leaders', b.result, 'conditional setData', b.cpu));

    await zkCreateParents(sessions[0]!, '/kz-bench/failover');
    const failoverSetup = await zkSetUpPartitions(pipeline, '/kz-bench/failover', failover);
    console.log(
      `zookeeper controller-failover setup (untimed): ${failover.topics * failover.partitionsPerTopic} partitions, ` +
        `${failoverSetup.znodes} znodes in ${failoverSetup.multis} multi requests in ${formatMs(failoverSetup.elapsedMs)} ms`,
    );
    const c = await timed(pids, () => zkControllerFailover(pipeline, '/kz-bench/failover'));
    console.log(stepLine('controller-failover read', c.result, 'reads', c.cpu));

    return {
      zookeeperVersion: install.version,
      sessions: sessionCount,
      maxInFlight,
      heap,
      createMs: a.result.elapsedMs,
      createRequests: a.result.requests,
      createPartitions: a.result.partitions,
      moveLeadersMs: b.result.elapsedMs,
      moveLeadersRequests: b.result.requests,
      moveLeadersPartitions: b.result.partitions,
      failoverReadMs: c.result.elapsedMs,
      failoverReadRequests: c.result.requests,
      failoverPartitions: c.result.partitions,
      warmupMs,
      moveLeadersSetupMs: moveSetup.elapsedMs,
      failoverSetupMs: failoverSetup.elapsedMs,
      createCpu: a.cpu,
      moveLeadersCpu: b.cpu,
      failoverReadCpu: c.cpu,
    };
  } finally {
    await Promise.all(sessions.map((s) => s.close()));
    await ensemble?.stop();
    if (options.scope === undefined) await scope.close();
  }
}
