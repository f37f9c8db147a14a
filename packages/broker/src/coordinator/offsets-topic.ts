/**
 * The internal topic that holds consumer groups' committed offsets, and which of its partitions a
 * group lives in. The mapping is Kafka's (GroupMetadataManager.partitionFor: Utils.abs of Java's
 * String.hashCode of the group id, modulo the partition count), so a group lands in the partition a
 * Kafka operator would expect.
 */
export const OFFSETS_TOPIC = '__consumer_offsets';

/** offsets.topic.num.partitions and offsets.topic.replication.factor: Kafka's defaults. */
export const DEFAULT_OFFSETS_TOPIC_PARTITIONS = 50;
export const DEFAULT_OFFSETS_TOPIC_REPLICATION_FACTOR = 3;

/** offset.metadata.max.bytes: Kafka's default. */
export const OFFSET_METADATA_MAX_BYTES = 4096;

/** java.lang.String.hashCode: 31·h + c over UTF-16 code units, in 32-bit two's complement. */
export function javaStringHashCode(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}

export function offsetsPartitionFor(groupId: string, partitionCount: number): number {
  // Kafka's Utils.abs is `n & 0x7fffffff`, not Math.abs: Integer.MIN_VALUE maps to 0.
  return (javaStringHashCode(groupId) & 0x7fffffff) % partitionCount;
}
