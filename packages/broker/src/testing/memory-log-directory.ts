/**
 * A simulated broker's disk: its partition logs, which outlive the ReplicaManager that uses them,
 * and its high-watermark checkpoint. A crash cuts every log back to what was flushed; the next
 * incarnation's ReplicaManager opens the same logs again, as a restarted broker finds its log
 * directories.
 *
 * The checkpoint is kept as the text DiskLogDirectory would write (high-watermark-checkpoint.ts), so
 * the simulation reads and writes Kafka's format as the broker on disk does, and a test can damage
 * it. A write replaces it whole at once: the rename that makes the disk's write atomic, already done.
 *
 * Disk faults, as SimDisk has them for Raft: with `tornTails` set, a crash's writeback may have got
 * part of a log's unflushed tail to the disk (some batches whole, the next torn), which recovery
 * must cut; `crash` may flip a bit in a flushed batch of named logs, which recovery finds by CRC
 * and cuts at; `failNextFsync` fails the next fsync with EIO, after which the disk takes no more
 * (every flush and checkpoint write fails, as Kafka takes a failed log directory offline) until the
 * process dies.
 */
import type { DamagedReplica, LogDirectory } from '../server/replica-manager';
import type { ReplicaLog } from '../log/replica-log';
import { CorruptCheckpointError } from '../log/log-errors';
import { cutBelowCheckpointedHighWatermark } from '../log/damaged-replicas-checkpoint';
import { formatHighWatermarkCheckpoint, HIGH_WATERMARK_CHECKPOINT, parseHighWatermarkCheckpoint, type HighWatermarkEntry } from '../log/high-watermark-checkpoint';
import type { SeededRandom } from '@kz/raft/testing';
import { MemoryLog, type CrashDamage } from './memory-log';

/** Torn writes at a crash: with `rate`, a log's unflushed tail reached the disk in part. */
export interface TornTailSettings {
  readonly random: SeededRandom;
  readonly rate: number;
}

/**
 * A bit to flip at a crash: in log `key`, in the flushed batch `where` of the way along (0..1) among
 * those starting at `fromOffset` or later, `at` of the way into its CRC-covered bytes.
 */
export interface BitFlip {
  readonly key: string;
  readonly fromOffset: number;
  /** The flipped batch ends below this offset (the log's checkpointed HW: a cut there is reported). */
  readonly belowOffset: number;
  readonly where: number;
  readonly at: number;
}

/** An fsync error as the operating system reports it (what fs.fsync's callback gets). */
export function simulatedEio(what: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EIO: i/o error, fsync (simulated: ${what})`), { code: 'EIO', errno: -5, syscall: 'fsync' });
}

export function logKey(topicId: string, partitionId: number): string {
  return `${topicId}:${partitionId}`;
}

function replicaOfKey(key: string): DamagedReplica {
  const at = key.lastIndexOf(':');
  return { topicId: key.slice(0, at), partitionId: Number(key.slice(at + 1)) };
}

export class MemoryLogDirectory implements LogDirectory {
  private readonly logs = new Map<string, MemoryLog>();
  private fsync: MemoryLog['fsync'] = null;
  private failNext = false;
  private failure: Error | null = null;
  /** Torn writes at crashes; none when null. */
  tornTails: TornTailSettings | null = null;
  /** fsyncs failed with EIO, for coverage. */
  fsyncFailures = 0;
  /** Bits flipped in flushed batches at crashes, for coverage. */
  bitsFlipped = 0;
  /** The checkpoint file's contents; null while there is none. */
  checkpointText: string | null = null;
  /** Checkpoints written, for coverage. */
  checkpointWrites = 0;
  /** Power losses so far (the invariants note what each restart must start from). */
  crashes = 0;
  /**
   * Logs that recovery cut at a crash and that no registration has reported yet, by logKey (as
   * DiskLogDirectory keeps them in its damaged-replicas checkpoint): every start reports them until
   * one's registration is answered.
   */
  private readonly unreported = new Map<string, DamagedReplica>();

  /** The fsync of the process now running on this disk (its timers die with it); null syncs at once. */
  useFsync(fsync: MemoryLog['fsync']): void {
    this.fsync = fsync === null ? null : (done) => fsync((error) => done(error ?? this.takeInjectedFailure()));
    for (const log of this.logs.values()) log.fsync = this.fsync;
  }

  /** The next fsync on this disk fails with EIO; the disk takes no more I/O after it until the process dies. */
  failNextFsync(): void {
    this.failNext = true;
  }

  /** An fsync failure armed and not yet hit will not happen (a failure already hit stays until the crash). */
  cancelFsyncFailure(): void {
    this.failNext = false;
  }

  /** The EIO a failed disk gives, once failed (null while it works). */
  get failed(): Error | null {
    return this.failure;
  }

  private takeInjectedFailure(): Error | undefined {
    if (this.failure !== null) return this.failure;
    if (!this.failNext) return undefined;
    this.failNext = false;
    this.fsyncFailures++;
    this.failure = simulatedEio('the disk failed a write-back');
    for (const log of this.logs.values()) log.failure = this.failure;
    return this.failure;
  }

  open(topicId: string, _topicName: string, partitionId: number): ReplicaLog {
    const key = logKey(topicId, partitionId);
    let log = this.logs.get(key);
    if (log === undefined) {
      log = new MemoryLog();
      log.fsync = this.fsync;
      log.failure = this.failure;
      this.logs.set(key, log);
    }
    return log;
  }

  /** Recovery ran at the crash (MemoryLog.crash): the replicas it cut and no registration has reported. */
  recoverAtStartUp(): readonly DamagedReplica[] {
    return [...this.unreported.values()];
  }

  /** True while recovery has cut this replica's log and no registration has reported it (the controller cannot know yet). */
  damageUnreported(topicId: string, partitionId: number): boolean {
    return this.unreported.has(logKey(topicId, partitionId));
  }

  damageReported(replicas: readonly DamagedReplica[]): void {
    for (const r of replicas) this.unreported.delete(logKey(r.topicId, r.partitionId));
  }

  remove(log: ReplicaLog, topicId: string, partitionId: number): void {
    const key = logKey(topicId, partitionId);
    if (this.logs.get(key) === log) this.logs.delete(key);
  }

  readHighWatermarks(): readonly HighWatermarkEntry[] {
    return this.checkpointText === null ? [] : parseHighWatermarkCheckpoint(this.checkpointText, `memory:${HIGH_WATERMARK_CHECKPOINT}`);
  }

  writeHighWatermarks(entries: readonly HighWatermarkEntry[]): void {
    if (this.failure !== null) throw this.failure;
    this.checkpointText = formatHighWatermarkCheckpoint(entries);
    this.checkpointWrites++;
  }

  /** The checkpoint's HWs by logKey, for the invariants; none when there is none or it does not parse. */
  checkpointedHighWatermarks(): Map<string, number> {
    try {
      return new Map(this.readHighWatermarks().map((e) => [logKey(e.topicId, e.partitionId), e.highWatermark]));
    } catch (error) {
      if (error instanceof CorruptCheckpointError) return new Map();
      throw error;
    }
  }

  /** Every log on this disk. */
  allLogs(): readonly MemoryLog[] {
    return [...this.logs.values()];
  }

  /** The log of one partition, if this disk has one. */
  log(topicId: string, partitionId: number): MemoryLog | undefined {
    return this.logs.get(logKey(topicId, partitionId));
  }

  /**
   * Power loss: every log loses what it had not flushed, but for what a torn write kept; each log
   * named in `flips` with a flushed batch has a bit flipped in one. The next process
   * finds a working disk (the failed one was replaced, or the fault was transient).
   */
  crash(flips: readonly BitFlip[] = []): void {
    this.crashes++;
    const highWatermarks = this.checkpointedHighWatermarks();
    this.failNext = false;
    this.failure = null;
    for (const [key, log] of this.logs) {
      const damage: { -readonly [K in keyof CrashDamage]: CrashDamage[K] } = {};
      const unflushed = log.storedBatches.filter((b) => b.lastOffset >= log.recoveryPoint);
      const torn = this.tornTails;
      if (torn !== null && unflushed.length > 0 && torn.random.chance(torn.rate)) {
        damage.keptUnflushed = torn.random.int(0, unflushed.length - 1);
        const next = unflushed[damage.keptUnflushed]!;
        damage.tornBytes = torn.random.int(1, next.bytes.length - 1);
      }
      const flushed = log.storedBatches.length - unflushed.length;
      const flip = flips.find((f) => f.key === key);
      const first = flip === undefined ? flushed : log.storedBatches.findIndex((b) => b.baseOffset >= flip.fromOffset);
      const end = flip === undefined ? flushed : Math.min(flushed, log.storedBatches.filter((b) => b.lastOffset < flip.belowOffset).length);
      if (flip !== undefined && first >= 0 && first < end) {
        damage.flippedBit = { batch: first + Math.min(end - first - 1, Math.floor(flip.where * (end - first))), at: flip.at };
        this.bitsFlipped++;
      }
      if (log.crash(damage) && cutBelowCheckpointedHighWatermark(log.logEndOffset, highWatermarks.get(key))) this.unreported.set(key, replicaOfKey(key));
      log.failure = null;
    }
  }
}
