/**
 * A simulated broker's disk: its partition logs, which outlive the ReplicaManager that uses them.
 * A crash cuts every log back to what was flushed; the next incarnation's ReplicaManager opens the
 * same logs again, as a restarted broker finds its log directories.
 */
import type { LogDirectory } from '../server/replica-manager.js';
import type { ReplicaLog } from '../log/replica-log.js';
import { MemoryLog } from './memory-log.js';

export function logKey(topicId: string, partitionId: number): string {
  return `${topicId}:${partitionId}`;
}

export class MemoryLogDirectory implements LogDirectory {
  private readonly logs = new Map<string, MemoryLog>();
  private fsync: MemoryLog['fsync'] = null;

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

  /** The log of one partition, if this disk has one. */
  log(topicId: string, partitionId: number): MemoryLog | undefined {
    return this.logs.get(logKey(topicId, partitionId));
  }

  /** Power loss: every log loses what it had not flushed. */
  crash(): void {
    for (const log of this.logs.values()) log.crash();
  }
}
