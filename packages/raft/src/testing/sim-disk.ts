import type { DurableState } from '../core/raft-core';
import type { LogBatch, Snapshot } from '../core/log-batch';
import type { ElectionState } from '../core/quorum-state';
import { INITIAL_ELECTION_STATE } from '../core/quorum-state';
import type { LogOp } from '../core/ready';
import { applyLogOp, EMPTY_LOG_IMAGE, type LogImage } from './log-image';

/** One Ready's worth of writes, waiting for its sync. */
export interface PendingWrite {
  readonly persistId: number;
  readonly electionState: ElectionState | null;
  readonly logOps: readonly LogOp[];
  readonly syncAt: number;
}

/**
 * A node's disk: the quorum-state file and the log (snapshot + batches). Writes are accepted at once
 * but become durable only when their sync completes, after a simulated latency and strictly in
 * order (a later write never becomes durable before an earlier one). A crash loses every write not
 * yet synced — log and quorum state alike — and keeps exactly what was.
 */
export class SimDisk {
  private electionState: ElectionState = INITIAL_ELECTION_STATE;
  private image: LogImage = EMPTY_LOG_IMAGE;
  private pending: PendingWrite[] = [];
  private lastSyncAt = -Infinity;
  /** Shape errors in the ops the core asked for (see applyLogOp); each one is a violation. */
  readonly errors: string[] = [];

  /** Accepts a Ready's writes; returns the time their sync completes. */
  write(now: number, persistId: number, electionState: ElectionState | null, logOps: readonly LogOp[], latencyMs: number): number {
    const syncAt = Math.max(now + latencyMs, this.lastSyncAt);
    this.lastSyncAt = syncAt;
    // Copy the bytes: what is on disk must not change if the caller's buffers later do.
    this.pending.push({ persistId, electionState, logOps: logOps.map(copyOp), syncAt });
    return syncAt;
  }

  /** Makes every pending write up to and including `persistId` durable; returns how many. */
  syncThrough(persistId: number): number {
    let count = 0;
    while (this.pending.length > 0 && this.pending[0]!.persistId <= persistId) {
      const write = this.pending.shift()!;
      if (write.electionState !== null) this.electionState = write.electionState;
      for (const op of write.logOps) {
        const { image, error } = applyLogOp(this.image, op);
        this.image = image;
        if (error !== null) this.errors.push(`durable log: ${error}`);
      }
      count++;
    }
    return count;
  }

  /** Power loss: every unsynced write is gone. Returns how many were lost. */
  crash(): number {
    const lost = this.pending.length;
    this.pending = [];
    this.lastSyncAt = -Infinity;
    return lost;
  }

  /** What a restarting node reads back. */
  durableState(): DurableState {
    return { electionState: this.electionState, snapshot: this.image.snapshot, batches: [...this.image.batches] };
  }

  get durableElectionState(): ElectionState {
    return this.electionState;
  }

  get durableLog(): LogImage {
    return this.image;
  }

  get pendingWrites(): number {
    return this.pending.length;
  }
}

function copyBatch(batch: LogBatch): LogBatch {
  return { ...batch, bytes: batch.bytes.slice() };
}

function copySnapshot(snapshot: Snapshot): Snapshot {
  return { id: snapshot.id, bytes: snapshot.bytes.slice() };
}

function copyOp(op: LogOp): LogOp {
  switch (op.op) {
    case 'truncate':
      return op;
    case 'append':
      return { op: 'append', batches: op.batches.map(copyBatch) };
    case 'snapshot':
    case 'installSnapshot':
      return { op: op.op, snapshot: copySnapshot(op.snapshot) };
  }
}
