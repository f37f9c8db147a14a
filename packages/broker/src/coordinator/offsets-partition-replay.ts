/**
 * Reading one `__consumer_offsets` partition back: what a broker does when it becomes the
 * partition's leader and so the coordinator of its groups (Kafka's GroupMetadataManager
 * loadGroupsAndOffsets). Committed offsets go into a CommittedOffsets; each group's latest
 * membership record is returned, a tombstoned group not at all.
 */
import { decodeRecordBatch, iterateBatches } from '@kz/records';
import type { CommittedOffsets } from './committed-offsets';
import { decodeGroupMetadataValue, decodeOffsetCommitValue, decodeOffsetsRecordKey, type GroupMetadata } from './consumer-offsets-records';

/** The part of a partition's log replay reads. */
export interface ReadableLog {
  readonly logStartOffset: number;
  readonly logEndOffset: number;
  read(offset: number, maxBytes: number): Uint8Array;
}

export interface ReplayedPartition {
  /** Each group's latest membership record. */
  readonly groups: Map<string, GroupMetadata>;
  readonly records: number;
}

const CHUNK_BYTES = 1024 * 1024;

export function replayOffsetsPartition(log: ReadableLog, offsets: CommittedOffsets): ReplayedPartition {
  const groups = new Map<string, GroupMetadata>();
  let offset = log.logStartOffset;
  let records = 0;
  while (offset < log.logEndOffset) {
    const bytes = log.read(offset, CHUNK_BYTES);
    if (bytes.length === 0) break;
    for (const { at, header } of iterateBatches(bytes)) {
      for (const record of decodeRecordBatch(bytes, at).records) {
        if (record.key === null) continue;
        const key = decodeOffsetsRecordKey(record.key);
        if (key === undefined) continue;
        records++;
        if (key.kind === 'offsetCommit') {
          offsets.apply(key.key.group, key.key.topic, key.key.partition, record.value === null ? null : decodeOffsetCommitValue(record.value), record.offset);
        } else if (record.value === null) {
          groups.delete(key.group);
        } else {
          groups.set(key.group, decodeGroupMetadataValue(record.value));
        }
      }
      offset = header.lastOffset + 1;
    }
  }
  return { groups, records };
}
