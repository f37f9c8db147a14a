/**
 * Partition logs on disk, one directory per partition named `<topic>-<partition>` as Kafka names
 * them, with a `partition.metadata` file holding the topic id (KIP-516). A directory whose topic id
 * differs belongs to a deleted topic of the same name and is wiped before reuse, so a recreated
 * topic never inherits an old topic's records.
 *
 * A replica new to this broker has nothing on disk until its first record (LazyPartitionLog): a
 * CreateTopics of 20,000 partitions costs the disk nothing until they are written to.
 *
 * Every file of every log here takes its descriptor from one FileHandlePool, so the replicas a
 * broker hosts are bounded by disk, not by `ulimit -n`. A replica whose files the system will not
 * open or create (out of descriptors, EACCES, ENOSPC) is refused with a typed LogFileOpenError /
 * TooManyOpenFilesError (KAFKA_STORAGE_ERROR) — an existing one when it is opened, a new one at its
 * first record — and the broker keeps running.
 *
 * The directory's high-watermark checkpoint, `replication-offset-checkpoint`, sits beside the
 * partition directories (high-watermark-checkpoint.ts has its format).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileHandlePool } from '../log/file-handle-pool';
import { asLogFileError, CorruptCheckpointError, isOutOfDescriptors, LogFileOpenError } from '../log/log-errors';
import { LazyPartitionLog } from '../log/lazy-partition-log';
import { writeFileDurably, writeFileDurablyAsync } from '../log/durable-file';
import { formatHighWatermarkCheckpoint, HIGH_WATERMARK_CHECKPOINT, parseHighWatermarkCheckpoint, type HighWatermarkEntry } from '../log/high-watermark-checkpoint';
import { cutBelowCheckpointedHighWatermark, DAMAGED_REPLICAS_CHECKPOINT, formatDamagedReplicas, parseDamagedReplicas, unionOfReplicas } from '../log/damaged-replicas-checkpoint';
import { LeaderEpochCache } from '../log/leader-epoch-cache';
import { PartitionLog } from '../log/partition-log';
import type { LogConfig } from '../log/log-config';
import type { ReplicaLog } from '../log/replica-log';
import type { DamagedReplica, LogDirectory } from '../server/replica-manager';

const PARTITION_METADATA = 'partition.metadata';

export interface DiskLogDirectoryOptions {
  /**
   * Where the logs take descriptors from. Default: the process's pool. A broker configured with
   * log.max.open.files passes `new FileHandlePool({ maxOpenFiles })`.
   */
  readonly fileHandles?: FileHandlePool;
}

export class DiskLogDirectory implements LogDirectory {
  private readonly dirs = new Map<ReplicaLog, { readonly log: PartitionLog | LazyPartitionLog; readonly dir: string }>();
  /** The pool's stats() are the broker's open-file metrics. */
  readonly fileHandles: FileHandlePool;
  readonly highWatermarkCheckpoint: string;
  /** Checkpoint writes begun, and the newest of them renamed into place (older ones in flight are then dropped). */
  private checkpointWrites = 0;
  private checkpointLanded = 0;
  /** The asynchronous checkpoint writes run one after another: they share one temp file. */
  private checkpointQueue: Promise<void> = Promise.resolve();
  /**
   * Logs recoverAtStartUp opened, by directory, until the ReplicaManager opens the same replica
   * (each log is recovered once per start) or releaseRecovered closes what it did not ask for.
   */
  private readonly recovered = new Map<string, { readonly log: PartitionLog; readonly topicId: string }>();

  constructor(
    readonly root: string,
    private readonly logConfig: Partial<LogConfig> = {},
    private readonly onRecovery?: (dir: string, log: PartitionLog) => void,
    options: DiskLogDirectoryOptions = {},
  ) {
    this.fileHandles = options.fileHandles ?? FileHandlePool.processWide();
    this.highWatermarkCheckpoint = path.join(root, HIGH_WATERMARK_CHECKPOINT);
    fs.mkdirSync(root, { recursive: true });
  }

  readHighWatermarks(): readonly HighWatermarkEntry[] {
    // A directory never checkpointed (a new broker, one upgraded from before checkpoints) has none.
    const text = this.readIfPresent(this.highWatermarkCheckpoint);
    return text === null ? [] : parseHighWatermarkCheckpoint(text, this.highWatermarkCheckpoint);
  }

  writeHighWatermarks(entries: readonly HighWatermarkEntry[]): void {
    const write = ++this.checkpointWrites;
    writeFileDurably(this.fileHandles, this.highWatermarkCheckpoint, formatHighWatermarkCheckpoint(entries));
    this.checkpointLanded = write;
  }

  writeHighWatermarksAsync(entries: readonly HighWatermarkEntry[]): Promise<void> {
    const write = ++this.checkpointWrites;
    const text = formatHighWatermarkCheckpoint(entries);
    const claim = (): boolean => {
      if (write < this.checkpointLanded) return false;
      this.checkpointLanded = write;
      return true;
    };
    const done = this.checkpointQueue.then(() => writeFileDurablyAsync(this.fileHandles, this.highWatermarkCheckpoint, `${this.highWatermarkCheckpoint}.async.tmp`, text, claim));
    this.checkpointQueue = done.then(
      () => undefined,
      () => undefined,
    );
    return done.then(() => undefined);
  }

  /**
   * Recovers every partition log in the directory, as the broker starts and before it registers,
   * and returns those whose recovery cut a batch (RegisterBrokerRequest.damagedReplicas), with those
   * an earlier start found and never reported (damaged-replicas-checkpoint.ts). Each cut is recorded
   * there at once, before anything flushes its log (a cut that did not reach the disk is found and
   * made again); only a writeback of the truncation within those few milliseconds, then a crash,
   * could hide it from the next start. The logs stay open for the ReplicaManager's open of the same
   * replica, so that a start recovers each once; releaseRecovered closes the rest. A directory
   * without a readable topic id, or whose log will not open, is left to that later open, which
   * refuses it as it would have.
   */
  recoverAtStartUp(): DamagedReplica[] {
    try {
      return this.recoverEach();
    } catch (error) {
      this.releaseRecovered();
      throw error;
    }
  }

  /** The ReplicaManager has opened every replica assigned here: the logs recovered at start-up that it did not ask for are closed. */
  releaseRecovered(): void {
    for (const { log } of this.recovered.values()) log.close({ flush: false });
    this.recovered.clear();
  }

  private recoverEach(): DamagedReplica[] {
    let all = this.readDamagedReplicas();
    const highWatermarks = this.checkpointedHighWatermarks();
    for (const entry of fs.readdirSync(this.root, { withFileTypes: true })) {
      const partitionId = entry.isDirectory() ? partitionOfDirectory(entry.name) : undefined;
      if (partitionId === undefined) continue;
      const dir = path.join(this.root, entry.name);
      const topicId = this.readTopicId(path.join(dir, PARTITION_METADATA));
      if (topicId === undefined) continue;
      let log: PartitionLog;
      try {
        log = this.fileHandles.retryingOnEmfile(() => PartitionLog.open(dir, this.logConfig, this.fileHandles));
      } catch {
        continue;
      }
      this.recovered.set(dir, { log, topicId });
      if (log.recovery.length > 0 || log.discardedSnapshots.length > 0 || log.discardedLogStartCheckpoint !== null) this.onRecovery?.(dir, log);
      const known = all.length;
      if (log.recovery.length > 0 && cutBelowCheckpointedHighWatermark(log.logEndOffset, highWatermarks.get(`${topicId}/${partitionId}`))) {
        all = unionOfReplicas(all, [{ topicId, partitionId }]);
      }
      if (all.length > known) writeFileDurably(this.fileHandles, this.damagedReplicasFile, formatDamagedReplicas(all));
    }
    return all;
  }

  damageReported(replicas: readonly DamagedReplica[]): void {
    const left = this.readDamagedReplicas().filter((r) => !replicas.some((o) => o.topicId === r.topicId && o.partitionId === r.partitionId));
    if (left.length > 0) writeFileDurably(this.fileHandles, this.damagedReplicasFile, formatDamagedReplicas(left));
    else fs.rmSync(this.damagedReplicasFile, { force: true });
  }

  /** The checkpointed HWs by `topicId/partition`; none when the checkpoint is missing or unreadable (every cut then counts). */
  private checkpointedHighWatermarks(): Map<string, number> {
    try {
      return new Map(this.readHighWatermarks().map((e) => [`${e.topicId}/${e.partitionId}`, e.highWatermark]));
    } catch (error) {
      if (error instanceof CorruptCheckpointError || error instanceof LogFileOpenError) return new Map();
      throw error;
    }
  }

  private get damagedReplicasFile(): string {
    return path.join(this.root, DAMAGED_REPLICAS_CHECKPOINT);
  }

  private readDamagedReplicas(): DamagedReplica[] {
    const text = this.readIfPresent(this.damagedReplicasFile);
    return text === null ? [] : parseDamagedReplicas(text, this.damagedReplicasFile);
  }

  /** A checkpoint file's text, null when there is none; any other failure as a typed log file error. */
  private readIfPresent(file: string): string | null {
    try {
      return this.fileHandles.withFile(file, fs.constants.O_RDONLY, (fd) => fs.readFileSync(fd, 'utf8'));
    } catch (error) {
      const typed = asLogFileError(error, file);
      if (typed instanceof LogFileOpenError && typed.errno === 'ENOENT') return null;
      throw typed;
    }
  }

  /**
   * Opens the replica's log, creating it if new. Throws LogFileOpenError (TooManyOpenFilesError for
   * EMFILE/ENFILE) when a file will not open; then a directory this call created is removed again,
   * so a retry starts from nothing, and an existing one is left as it was (its records matter more
   * than tidiness; a retry recovers it as any restart would).
   */
  open(topicId: string, topicName: string, partitionId: number): ReplicaLog {
    const dir = path.join(this.root, `${topicName}-${partitionId}`);
    if (!fs.existsSync(dir)) {
      // New here: nothing on disk until its first record (LazyPartitionLog).
      const lazy = new LazyPartitionLog(dir, this.logConfig, (overrides) => this.create(dir, topicId, overrides), LeaderEpochCache.empty(dir, this.fileHandles));
      this.dirs.set(lazy, { log: lazy, dir });
      return lazy;
    }
    try {
      // Directory listings and removals take descriptors outside the pool.
      return this.fileHandles.retryingOnEmfile(() => this.openOnce(dir, topicId));
    } catch (error) {
      throw asLogFileError(error, dir);
    }
  }

  remove(log: ReplicaLog, _topicId: string, _partitionId: number): void {
    const opened = this.dirs.get(log);
    this.dirs.delete(log);
    if (opened === undefined) {
      log.close();
      return;
    }
    // The data is going: no flush first (a deleted topic of thousands of partitions would fsync each).
    opened.log.close({ flush: false });
    fs.rmSync(opened.dir, { recursive: true, force: true });
  }

  private openOnce(dir: string, topicId: string): ReplicaLog {
    const kept = this.recovered.get(dir);
    if (kept !== undefined) {
      this.recovered.delete(dir);
      if (kept.topicId === topicId) {
        this.dirs.set(kept.log, { log: kept.log, dir });
        return kept.log;
      }
      // Another topic's log under the same name (deleted, re-created): wiped below.
      kept.log.close({ flush: false });
    }
    const metadataFile = path.join(dir, PARTITION_METADATA);
    const recorded = this.readTopicId(metadataFile);
    if (recorded !== undefined && recorded !== topicId) fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    if (recorded !== topicId) this.writeTopicId(metadataFile, topicId);
    const log = PartitionLog.open(dir, this.logConfig, this.fileHandles);
    // A new replica's files and directory entry become durable with its first flush: a broker
    // creating thousands of replicas at once must not fsync each, and one holding no durable
    // record has nothing to lose. A torn partition.metadata after a crash reads as none, and is
    // written again.
    if (recorded !== topicId) log.syncWithNextFlush([metadataFile, dir, this.root]);
    if (log.recovery.length > 0 || log.discardedSnapshots.length > 0 || log.discardedLogStartCheckpoint !== null) this.onRecovery?.(dir, log);
    this.dirs.set(log, { log, dir });
    return log;
  }

  /**
   * A replica's log on disk, at its first record: its directory, partition.metadata and first
   * segment, in a handful of syscalls (no old topic id to compare, no log to recover). If a file
   * will not be created, the directory is removed again and LogFileOpenError thrown: the next
   * record tries again from nothing.
   */
  private create(dir: string, topicId: string, overrides: Partial<LogConfig>): PartitionLog {
    try {
      return this.fileHandles.retryingOnEmfile(() => {
        fs.mkdirSync(dir);
        const metadataFile = path.join(dir, PARTITION_METADATA);
        // Written in place: in a directory just made a torn file can only be this one, which reads
        // as no topic id and is written again.
        const { O_WRONLY, O_CREAT, O_EXCL } = fs.constants;
        this.fileHandles.withFile(metadataFile, O_WRONLY | O_CREAT | O_EXCL, (fd) => fs.writeSync(fd, topicIdFile(topicId)));
        const log = PartitionLog.createInEmptyDir(dir, overrides, this.fileHandles);
        // Its directory entry and partition.metadata become durable with the flush of that first record.
        log.syncWithNextFlush([metadataFile, dir, this.root]);
        return log;
      });
    } catch (error) {
      removeQuietly(dir);
      throw asLogFileError(error, dir);
    }
  }

  private readTopicId(file: string): string | undefined {
    let text: string;
    try {
      text = this.fileHandles.withFile(file, fs.constants.O_RDONLY, (fd) => fs.readFileSync(fd, 'utf8'));
    } catch (e) {
      if (isOutOfDescriptors(e)) throw e;
      return undefined;
    }
    return /^topic_id: (\S+)$/m.exec(text)?.[1];
  }

  private writeTopicId(file: string, topicId: string): void {
    const tmp = `${file}.tmp`;
    const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
    this.fileHandles.withFile(tmp, O_WRONLY | O_CREAT | O_TRUNC, (fd) => fs.writeSync(fd, topicIdFile(topicId)));
    fs.renameSync(tmp, file);
  }
}

/** The partition of a `<topic>-<partition>` directory; undefined for any other name. */
function partitionOfDirectory(name: string): number | undefined {
  const match = /^.+-(\d+)$/.exec(name);
  if (match === null) return undefined;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id <= 0x7fffffff ? id : undefined;
}

function topicIdFile(topicId: string): string {
  return `version: 0\ntopic_id: ${topicId}\n`;
}

/** Best effort: if even the removal fails, what is left opens as an empty replica of the same topic. */
function removeQuietly(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // The open failure is the error to report.
  }
}
