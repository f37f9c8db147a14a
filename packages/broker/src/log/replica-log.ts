/**
 * The part of a partition's log that replication uses. PartitionLog is the one on disk; the broker
 * simulation runs the same ReplicaManager over an in-memory log that loses its unflushed tail when a
 * node crashes, which is how the simulation tests what a crash may lose.
 */
import type { EpochEndOffset } from './leader-epoch-cache';
import type { OffsetAndTimestamp } from './log-segment';
import type { LogConfig } from './log-config';
import type { AppendInfo, RetentionResult } from './partition-log';
import type { ProducerEntry } from './producer-state';

export interface ReplicaLog {
  readonly logStartOffset: number;
  readonly logEndOffset: number;
  /** Everything below this offset is on stable storage (fsynced). */
  readonly recoveryPoint: number;
  /** The epoch of the last batch; undefined for an empty log. */
  readonly latestEpoch: number | undefined;
  /** Bytes of batches held (DescribeLogDirs). */
  readonly size: number;
  /**
   * Leader append: validates every batch (an idempotent one against its producer's sequence), stamps
   * base offsets and the epoch — in place, in `batchBytes` (the caller gives its buffer up: a
   * produce request's frame is not copied again). A duplicate is answered with the original's
   * offsets, unwritten.
   * Throws typed LogErrors / record errors.
   */
  append(batchBytes: Uint8Array, leaderEpoch: number): AppendInfo;
  /** Follower append of batches as the leader stamped them; they must continue the log exactly. */
  appendAsFollower(batches: Uint8Array): AppendInfo | undefined;
  /** Whole batches from the one holding `offset`, up to maxBytes (at least one batch). */
  read(offset: number, maxBytes: number): Uint8Array;
  offsetForTimestamp(timestamp: number): OffsetAndTimestamp | undefined;
  truncateTo(offset: number): number;
  truncateFullyAndStartAt(offset: number): void;
  /**
   * Moves the log start up to `offset` (DeleteRecords; a follower following its leader's start),
   * durably, deleting what lies wholly below it; false when it is already there. Past the log end:
   * OffsetOutOfRangeError.
   */
  advanceLogStartOffset(offset: number): boolean;
  endOffsetForEpoch(epoch: number): EpochEndOffset;
  /** The idempotent producers the log knows (DescribeProducers). */
  activeProducers(): readonly ProducerEntry[];
  /** Registers a new leader's epoch as starting at `startOffset` (its log end) before its first append. */
  assignEpochStartOffset(epoch: number, startOffset: number): void;
  flush(): void;
  /** flush() off the event loop, where the log can (PartitionLog); the simulation's log flushes synchronously. */
  flushAsync?(): Promise<void>;
  /** The topic's log settings changed (segment size, retention, max message size...). */
  reconfigure?(overrides: Partial<LogConfig>): void;
  /** Retention: deletes closed segments past retention.ms / retention.bytes. */
  deleteOldSegments?(): RetentionResult;
  /** Flushes first unless `flush` is false (a halt after a disk failure: nothing more may be made durable). */
  close(options?: { readonly flush?: boolean }): void;
}
