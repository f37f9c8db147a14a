/**
 * The bootstrap checkpoint: the voter set a new dynamic-voter cluster starts from, as a KIP-853
 * control batch (KRaftVersionRecord + VotersRecord) written at format time — what Kafka's
 * `kafka-storage format --standalone` / `--initial-controllers` leave in `bootstrap.checkpoint`.
 * A node passes the decoded set to `RaftNode.start` as `bootstrapVoters` on every start: the log's
 * own VotersRecords override it once there are any.
 */
import { CorruptRecordError, readBatchHeader } from '@kz/records';
import { toLogBatch } from './log-batch';
import { votersIn } from './voter-history';
import { encodeVotersBatch, type VoterSet } from './voter-set';

/** The checkpoint's bytes: one control batch naming `voters` at kraft.version 1. */
export function encodeBootstrapCheckpoint(voters: VoterSet, timestamp = Date.now()): Uint8Array {
  return encodeVotersBatch(voters, true, timestamp);
}

/**
 * The voter set in a checkpoint's bytes. Bytes that are not one CRC-valid control batch holding a
 * VotersRecord throw (CorruptRecordError or the batch decoder's own errors): a node must not start
 * from a voter set it cannot trust.
 */
export function decodeBootstrapCheckpoint(bytes: Uint8Array): VoterSet {
  const batch = toLogBatch(bytes);
  if (!readBatchHeader(bytes).isControl) throw new CorruptRecordError('bootstrap checkpoint: not a control batch', 0);
  const voters = votersIn(batch);
  if (voters === null || voters.length === 0) throw new CorruptRecordError('bootstrap checkpoint: no voters record', 0);
  return voters;
}
