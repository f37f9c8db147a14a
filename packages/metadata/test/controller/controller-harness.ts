import { encodeRecordBatch, decodeRecordBatch } from '@kz/records';
import type { LeaderChange } from '@kz/raft';
import { MetadataLoader } from '../../src/loader/metadata-loader';
import { QuorumController, type ControllerEvent } from '../../src/controller/quorum-controller';
import { decodeMetadataRecord, toKafkaRecords } from '../../src/records/record-codec';
import type { MetadataRecord } from '../../src/records/metadata-record';
import type { ControllerApi, ControllerReply, ControllerRequestKind, ControllerResult } from '../../src/controller/controller-requests';
import type { ControllerConfig } from '../../src/controller/controller-config';

interface Appended {
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly epoch: number;
  readonly bytes: Uint8Array;
}

/**
 * One controller over a fake metadata log: appends are kept until the test commits them, which it
 * does explicitly, so a test can look at the controller between "written" and "committed".
 */
export class ControllerHarness {
  readonly loader = new MetadataLoader();
  readonly controller: QuorumController;
  readonly replies = new Map<number, ControllerReply>();
  readonly events: ControllerEvent[] = [];
  private readonly log: Appended[] = [];
  private committedCount = 0;
  private leaderEpoch = 0;
  private nextId = 1;
  now = 0;
  resigned = 0;

  /** `random` replaces the seeded generator, for a test that needs particular draws. */
  constructor(config: Omit<Partial<ControllerConfig>, 'clusterId'> = {}, seed = 7, random?: () => number) {
    let state = seed;
    this.controller = new QuorumController({
      nodeId: 1,
      config: { clusterId: 'test-cluster', noOpIntervalMs: 0, ...config },
      log: {
        append: (epoch, records) => this.append(epoch, records),
        nextOffset: () => this.endOffset,
        resign: () => {
          this.resigned++;
        },
      },
      onReply: (reply) => this.replies.set(reply.requestId, reply),
      onEvent: (event) => this.events.push(event),
      random:
        random ??
        (() => {
          state = (state * 1103515245 + 12345) % 2 ** 31;
          return state / 2 ** 31;
        }),
    });
    this.loader.subscribe({ onMetadataUpdate: (u) => this.controller.onCommitted(this.now, u.image) });
  }

  get endOffset(): number {
    const last = this.log[this.log.length - 1];
    return last === undefined ? 0 : last.lastOffset + 1;
  }

  get uncommitted(): number {
    return this.log.length - this.committedCount;
  }

  /** Record counts of the appended batches not yet committed, in order. */
  pendingBatchSizes(): number[] {
    return this.log.slice(this.committedCount).map((a) => a.lastOffset - a.baseOffset + 1);
  }

  /** Records appended but not committed, decoded. */
  pendingRecords(): MetadataRecord[] {
    return this.log.slice(this.committedCount).flatMap((a) => this.recordsOf(a));
  }

  becomeLeader(epoch: number): void {
    this.leaderEpoch = epoch;
    this.change({ role: 'leader', leaderId: 1, epoch });
  }

  loseLeadership(epoch: number, leaderId: number): void {
    this.leaderEpoch = -1;
    this.change({ role: 'follower', leaderId, epoch });
  }

  /** Becomes leader and commits the NoOp, so the controller is active. */
  activate(epoch = 1): void {
    this.becomeLeader(epoch);
    this.commitAll();
    if (!this.controller.active) throw new Error('controller did not activate');
  }

  commitAll(): void {
    while (this.committedCount < this.log.length) this.commitNext();
  }

  commitNext(): void {
    const a = this.log[this.committedCount++]!;
    const decoded = decodeRecordBatch(a.bytes);
    this.loader.apply({ baseOffset: a.baseOffset, lastOffset: a.lastOffset, epoch: a.epoch, records: decoded.records, bytes: a.bytes });
  }

  /** Drops uncommitted appends, as a new leader's log would. */
  truncateUncommitted(): void {
    this.log.splice(this.committedCount);
  }

  submit<K extends ControllerRequestKind>(kind: K, body: ControllerApi[K][0]): number {
    const id = this.nextId++;
    this.controller.submit(this.now, id, { kind, body } as Parameters<QuorumController['submit']>[2]);
    return id;
  }

  /** Lets paused work go on (the node's timer would, at nextDeadline) until none waits; returns how many ticks it took. */
  runPendingWork(): number {
    let ticks = 0;
    while (this.controller.busy) {
      this.controller.tick(this.now);
      ticks++;
    }
    return ticks;
  }

  /** Submits, lets paused work finish, commits everything, and returns the result. */
  call<K extends ControllerRequestKind>(kind: K, body: ControllerApi[K][0]): ControllerResult<K> {
    const id = this.submit(kind, body);
    this.runPendingWork();
    this.commitAll();
    const reply = this.replies.get(id);
    if (reply === undefined) throw new Error(`no reply to ${kind}`);
    return reply.result as ControllerResult<K>;
  }

  /** As call, for a request that must succeed. */
  ok<K extends ControllerRequestKind>(kind: K, body: ControllerApi[K][0]): ControllerApi[K][1] {
    const result = this.call(kind, body);
    if (!result.ok) throw new Error(`${kind} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  tick(now: number): void {
    this.now = now;
    this.controller.tick(now);
    this.runPendingWork();
    this.commitAll();
  }

  /** Registers brokers (racks a, b, c, ...) and unfences them. */
  addBrokers(ids: readonly number[], racks: readonly (string | null)[] = []): Map<number, number> {
    const epochs = new Map<number, number>();
    for (const [i, id] of ids.entries()) {
      const { brokerEpoch } = this.ok('registerBroker', {
        brokerId: id,
        clusterId: 'test-cluster',
        incarnationId: `inc-${id}-${this.nextId}`,
        endpoints: [{ name: 'PLAINTEXT', host: 'localhost', port: 9000 + id }],
        rack: racks[i] ?? null,
      });
      epochs.set(id, brokerEpoch);
    }
    for (const [id, brokerEpoch] of epochs) this.heartbeat(id, brokerEpoch);
    return epochs;
  }

  heartbeat(brokerId: number, brokerEpoch: number, extra: Partial<ControllerApi['brokerHeartbeat'][0]> = {}): ControllerResult<'brokerHeartbeat'> {
    return this.call('brokerHeartbeat', {
      brokerId,
      brokerEpoch,
      currentMetadataOffset: this.loader.image.offset,
      wantFence: false,
      wantShutDown: false,
      ...extra,
    });
  }

  private change(change: LeaderChange): void {
    this.controller.onLeaderChange(this.now, change);
  }

  private append(epoch: number, batches: readonly (readonly MetadataRecord[])[]): { baseOffset: number; lastOffset: number } | null {
    if (epoch !== this.leaderEpoch) return null;
    const baseOffset = this.endOffset;
    for (const records of batches) {
      const base = this.endOffset;
      const bytes = encodeRecordBatch({ records: toKafkaRecords(records), baseOffset: base, partitionLeaderEpoch: epoch });
      this.log.push({ baseOffset: base, lastOffset: base + records.length - 1, epoch, bytes });
    }
    return { baseOffset, lastOffset: this.endOffset - 1 };
  }

  private recordsOf(a: Appended): MetadataRecord[] {
    return decodeRecordBatch(a.bytes).records.map((r) => decodeMetadataRecordValue(r.value));
  }
}

function decodeMetadataRecordValue(value: Uint8Array | null): MetadataRecord {
  if (value === null) throw new Error('metadata record without a value');
  return decodeMetadataRecord(value);
}

/**
 * Broker 1, leading partition 0 of `topicName` (replicas [1, 2]), shrinks its ISR to [1]; then it
 * goes silent while broker 2 heartbeats, and at 1500 ms its session (sessionTimeoutMs 1000) has
 * expired: broker 1 is fenced with the partition's only in-sync replica.
 */
export function silenceOnlyInSyncReplica(h: ControllerHarness, epochs: ReadonlyMap<number, number>, topicName: string): void {
  const t = h.loader.image.topic(topicName);
  const p = t?.partitions[0];
  if (t === undefined || p === undefined) throw new Error(`no partition ${topicName}-0`);
  h.ok('alterPartition', { brokerId: 1, brokerEpoch: epochs.get(1)!, partitions: [{ topicId: t.id, partitionId: 0, leaderEpoch: p.leaderEpoch, partitionEpoch: p.partitionEpoch, newIsr: [1] }] });
  h.now = 900;
  h.heartbeat(2, epochs.get(2)!);
  h.tick(1500);
}
