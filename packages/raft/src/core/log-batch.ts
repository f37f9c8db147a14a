import { CorruptRecordError, readBatchHeader, verifyBatchCrc } from '@kz/records';
import type { OffsetAndEpoch } from './messages';
import type { VoterSet } from './voter-set';

/** One RecordBatch v2 in a Raft log, with the three header fields the protocol reads. */
export interface LogBatch {
  readonly baseOffset: number;
  readonly lastOffset: number;
  /** partitionLeaderEpoch: the epoch of the leader that appended it. */
  readonly epoch: number;
  readonly bytes: Uint8Array;
}

/**
 * Reads and checks one batch arriving from outside (a proposal, a fetch response): exactly one
 * whole batch whose CRC holds, as Kafka checks before appending. Throws @kz/records' typed errors.
 */
export function toLogBatch(bytes: Uint8Array): LogBatch {
  const header = readBatchHeader(bytes);
  if (header.sizeInBytes !== bytes.length) {
    throw new CorruptRecordError(`expected one batch of ${header.sizeInBytes} bytes, got ${bytes.length} bytes`, 0);
  }
  verifyBatchCrc(bytes);
  return { baseOffset: header.baseOffset, lastOffset: header.lastOffset, epoch: header.partitionLeaderEpoch, bytes };
}

/**
 * A stored snapshot, as the protocol knows it: it covers every offset below `id.offset`; `id.epoch`
 * is the epoch of the batch at offset - 1. Its content — the state machine's bytes — lives in a
 * checkpoint file (checkpoint-format.ts) the storage keeps; nothing here holds it, so a state of
 * any size streams from disk to disk and never sits whole in memory.
 */
export interface Snapshot {
  readonly id: OffsetAndEpoch;
  /** Bytes of the checkpoint: what FetchSnapshot serves. */
  readonly size: number;
  /**
   * The voter set in force at the snapshot's end (KIP-853 keeps a VotersRecord in every snapshot,
   * since the log that held it is gone). Absent with static voters.
   */
  readonly voters?: VoterSet | undefined;
}
