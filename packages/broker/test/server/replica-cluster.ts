/**
 * Three ReplicaManagers over real PartitionLogs in a temporary directory, with the metadata image
 * built by hand and the "controller" played by the test: it commits AlterPartition items as
 * PartitionChange records. Fetch rounds are pumped explicitly, so a test says exactly when
 * followers replicate.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MetadataDelta, MetadataImage, type MetadataRecord, type PartitionChangeRecord } from '@kz/metadata';
import { encodeRecordBatch } from '@kz/records';
import pino, { type Logger } from 'pino';
import { PartitionLog } from '../../src/log/partition-log';
import { DiskLogDirectory } from '../../src/runtime/disk-log-directory';
import type { ReplicaLog } from '../../src/log/replica-log';
import type { ProduceResponse } from '../../src/protocol/produce';
import { ReplicaManager, type LogDirectory, type ReplicaManagerConfig } from '../../src/server/replica-manager';
import type { AlterPartitionItem } from '../../src/replication/partition-replicas';

export const TOPIC = 'orders';
export const TOPIC_ID = 'orders-id-000000000000';

export class ReplicaCluster {
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'kz-replica-'));
  readonly managers = new Map<number, ReplicaManager>();
  /** Brokers whose fetchers are stalled: pump() skips them. */
  readonly stalled = new Set<number>();
  now = 1_000_000;
  private image = MetadataImage.EMPTY;
  private offset = 0;

  constructor(
    readonly brokerIds: readonly number[] = [1, 2, 3],
    private readonly config: Partial<ReplicaManagerConfig> = {},
  ) {
    const records: MetadataRecord[] = [];
    for (const id of brokerIds) {
      records.push({ type: 'registerBroker', brokerId: id, incarnationId: `b${id}`, brokerEpoch: records.length, endpoints: [{ name: 'PLAINTEXT', host: 'localhost', port: 9000 + id }], rack: null, fenced: false, inControlledShutdown: false });
    }
    records.push({ type: 'config', resourceType: 'topic', resourceName: TOPIC, name: 'min.insync.replicas', value: '2' });
    records.push({ type: 'topic', name: TOPIC, topicId: TOPIC_ID });
    records.push({ type: 'partition', topicId: TOPIC_ID, partitionId: 0, replicas: [...brokerIds], isr: [...brokerIds], removingReplicas: [], addingReplicas: [], leader: brokerIds[0]!, leaderEpoch: 0, partitionEpoch: 0 });
    for (const id of brokerIds) this.start(id);
    this.commit(records);
  }

  start(id: number, logger: Logger = pino({ level: 'silent' })): ReplicaManager {
    const dir = path.join(this.root, `broker-${id}`);
    // The checkpoint is the real file (synchronous writes only: a test ends by removing the directory).
    const checkpoint = new DiskLogDirectory(dir);
    const logs: LogDirectory = {
      open: (topicId, name, partition): ReplicaLog => PartitionLog.open(path.join(dir, `${name}-${partition}`)),
      remove: (log) => log.close(),
      readHighWatermarks: () => checkpoint.readHighWatermarks(),
      writeHighWatermarks: (entries) => checkpoint.writeHighWatermarks(entries),
    };
    const manager = new ReplicaManager({ brokerId: id, logs, logger, config: this.config });
    manager.brokerEpoch = this.brokerIds.indexOf(id);
    this.managers.set(id, manager);
    if (this.image.offset >= 0) manager.applyMetadata(this.image, null, this.now);
    return manager;
  }

  /** The broker process dies: its logs are closed as they are (a clean process exit loses nothing on disk). */
  kill(id: number): void {
    this.managers.get(id)?.close();
    this.managers.delete(id);
  }

  /**
   * The broker process is killed (SIGKILL): no clean shutdown, so no checkpoint is written — the
   * next start finds the last periodic one. What its logs wrote survives (it is in the page cache).
   */
  crash(id: number): void {
    const m = this.managers.get(id);
    if (m === undefined) return;
    for (const p of m.hostedPartitions) p.log.close();
    this.managers.delete(id);
  }

  /** The broker's high-watermark checkpoint file. */
  checkpointFile(id: number): string {
    return path.join(this.root, `broker-${id}`, 'replication-offset-checkpoint');
  }

  manager(id: number): ReplicaManager {
    const m = this.managers.get(id);
    if (m === undefined) throw new Error(`broker ${id} is not running`);
    return m;
  }

  get partition() {
    return this.image.partition(TOPIC_ID, 0)!;
  }

  /** Appends records to the metadata log and gives every running broker the new image. */
  commit(records: readonly MetadataRecord[]): void {
    const delta = new MetadataDelta(this.image);
    for (const record of records) delta.replay(record, this.offset++, 1);
    const { image, changes } = delta.apply();
    this.image = image;
    for (const m of this.managers.values()) m.applyMetadata(image, changes, this.now);
  }

  change(change: Omit<PartitionChangeRecord, 'type' | 'topicId' | 'partitionId'>, topicId = TOPIC_ID): void {
    this.commit([{ type: 'partitionChange', topicId, partitionId: 0, ...change }]);
  }

  /** Another one-partition topic on every broker, led by the first. */
  addTopic(name: string, topicId: string): void {
    this.commit([
      { type: 'topic', name, topicId },
      { type: 'partition', topicId, partitionId: 0, replicas: [...this.brokerIds], isr: [...this.brokerIds], removingReplicas: [], addingReplicas: [], leader: this.brokerIds[0]!, leaderEpoch: 0, partitionEpoch: 0 },
    ]);
  }

  get metadata(): MetadataImage {
    return this.image;
  }

  /** Plays the controller for every pending AlterPartition: accepted if its epochs are current. */
  answerAlterPartitions(): AlterPartitionItem[] {
    const answered: AlterPartitionItem[] = [];
    for (const m of this.managers.values()) {
      for (const item of m.takeAlterPartitions()) {
        answered.push(item);
        const current = this.partition;
        if (item.leaderEpoch !== current.leaderEpoch || item.partitionEpoch !== current.partitionEpoch) {
          m.onAlterPartitionResults([{ item, result: { error: { code: 'INVALID_UPDATE_VERSION' }, state: null } }], this.now);
          continue;
        }
        this.change({ isr: item.newIsr });
        const p = this.partition;
        m.onAlterPartitionResults([{ item, result: { error: null, state: { topicId: TOPIC_ID, partitionId: 0, leader: p.leader, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, isr: p.isr } } }], this.now);
      }
    }
    return answered;
  }

  /** One fetch round: every running, unstalled follower fetches once from its leader (no long poll), applies and flushes. */
  async pump(rounds = 1): Promise<void> {
    for (let r = 0; r < rounds; r++) {
      for (const [id, m] of this.managers) {
        if (this.stalled.has(id)) continue;
        for (const source of m.sourceBrokers()) {
          const leader = this.managers.get(source);
          const request = m.fetchRequestFor(source, this.now);
          if (leader === undefined || request === undefined) continue;
          const response = await leader.fetch({ ...request, maxWaitMs: 0 }, this.now);
          m.onFetchResponse(source, request, response, this.now);
          m.flush(this.now);
        }
      }
      for (const m of this.managers.values()) m.flush(this.now);
    }
  }

  produce(leader: number, values: readonly string[], acks: -1 | 0 | 1 = -1, timeoutMs = 1000): Promise<ProduceResponse> {
    const records = encodeRecordBatch({ records: values.map((v) => ({ key: null, value: Buffer.from(v) })) });
    return this.manager(leader).produce({ acks, timeoutMs, topics: [{ name: TOPIC, partitions: [{ partition: 0, records }] }] }, this.now);
  }

  advance(ms: number): void {
    this.now += ms;
    for (const m of this.managers.values()) m.tick(this.now);
  }

  close(): void {
    for (const m of this.managers.values()) m.close();
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** Settles pending promise callbacks (a produce's answer resolves in a microtask). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
