import type { ElectionState } from '../core/quorum-state';
import type { LogOp } from '../core/ready';
import type { RaftStorage } from '../storage/raft-storage';

interface PendingWrite {
  readonly persistId: number;
  readonly electionState: ElectionState | null;
  readonly logOps: readonly LogOp[];
}

/**
 * Group commit: at most one storage write (one fsync) is in flight; every Ready that asks to be
 * persisted meanwhile joins the next write. Under load this turns N proposals into one sync,
 * which is where a Raft log's throughput comes from.
 */
export class GroupCommit {
  private queued: PendingWrite[] = [];
  private writing = false;
  /** The highest persistId known durable. */
  durableId = 0;

  constructor(private readonly storage: RaftStorage) {}

  enqueue(write: PendingWrite): void {
    this.queued.push(write);
  }

  get idle(): boolean {
    return !this.writing && this.queued.length === 0;
  }

  /**
   * Starts the next write if none is in flight. Resolves with the persistId now durable, or null
   * when there was nothing to do; rejects with the storage's error (the node must stop).
   */
  async writeNext(): Promise<number | null> {
    if (this.writing || this.queued.length === 0) return null;
    const group = this.queued;
    this.queued = [];
    this.writing = true;
    try {
      let electionState: ElectionState | null = null;
      const logOps: LogOp[] = [];
      for (const write of group) {
        electionState = write.electionState ?? electionState;
        logOps.push(...write.logOps);
      }
      await this.storage.persist(electionState, logOps);
      this.durableId = group[group.length - 1]!.persistId;
      return this.durableId;
    } finally {
      this.writing = false;
    }
  }
}
