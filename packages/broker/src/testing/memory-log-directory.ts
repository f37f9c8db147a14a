/**
 * A simulated broker's disk: its partition logs, which outlive the ReplicaManager that uses them,
 * and its high-watermark checkpoint. A crash cuts every log back to what was flushed; the next
 * incarnation's ReplicaManager opens the same logs again, as a restarted broker finds its log
 * directories.
 *
 * The checkpoint is kept as the text DiskLogDirectory would write (high-watermark-checkpoint.ts), so
 * the simulation reads and writes Kafka's format as the broker on disk does, and a test can damage
 * it. A write replaces it whole at once: the rename that makes the disk's write atomic, already done.
 */
import type { LogDirectory } from '../server/replica-manager';
import type { ReplicaLog } from '../log/replica-log';
import { CorruptCheckpointError } from '../log/log-errors';
import { formatHighWatermarkCheckpoint, HIGH_WATERMARK_CHECKPOINT, parseHighWatermarkCheckpoint, type HighWatermarkEntry } from '../log/high-watermark-checkpoint';
import { MemoryLog } from './memory-log';

export function logKey(topicId: string, partitionId: number): string {
  return `${topicId}:${partitionId}`;
}

export class MemoryLogDirectory implements LogDirectory {
  private readonly logs = new Map<string, MemoryLog>();
  private fsync: MemoryLog['fsync'] = null;
  /** The checkpoint file's contents; null while there is none. */
  checkpointText: string | null = null;
  /** Checkpoints written, for coverage. */
  checkpointWrites = 0;
  /** Power losses so far (the invariants note what each restart must start from). */
  crashes = 0;

  /** The fsync of the process now running on this disk (its timers die with it); null syncs at once. */
  useFsync(fsync: MemoryLog['fsync']): void {
    this.fsync = fsync;
    for (const log of this.logs.values()) log.fsync = fsync;
  }

  open(topicId: string, _topicName: string, partitionId: number): ReplicaLog {
    const key = logKey(topicId, partitionId);
    let log = this.logs.get(key);
    if (log === undefined) {
      log = new MemoryLog();
      log.fsync = this.fsync;
      this.logs.set(key, log);
    }
    return log;
  }

  remove(log: ReplicaLog, topicId: string, partitionId: number): void {
    const key = logKey(topicId, partitionId);
    if (this.logs.get(key) === log) this.logs.delete(key);
  }

  readHighWatermarks(): readonly HighWatermarkEntry[] {
    return this.checkpointText === null ? [] : parseHighWatermarkCheckpoint(this.checkpointText, `memory:${HIGH_WATERMARK_CHECKPOINT}`);
  }

  writeHighWatermarks(entries: readonly HighWatermarkEntry[]): void {
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

  /** The log of one partition, if this disk has one. */
  log(topicId: string, partitionId: number): MemoryLog | undefined {
    return this.logs.get(logKey(topicId, partitionId));
  }

  /** Power loss: every log loses what it had not flushed. */
  crash(): void {
    this.crashes++;
    for (const log of this.logs.values()) log.crash();
  }
}
