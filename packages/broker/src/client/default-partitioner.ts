/**
 * Kafka's default partitioning: an explicit partition wins; a keyed record goes to
 * `toPositive(murmur2(key)) % numPartitions`; an unkeyed one goes to the topic's sticky
 * partition, which moves on (round robin from a random start) once `batchBytes` have been given
 * to it (KIP-480's sticky partitioner with KIP-794's uniform switching), so unkeyed records fill
 * whole batches instead of spreading thin ones over every partition.
 */
import { partitionForKey } from './murmur2';

interface Sticky {
  partition: number;
  bytes: number;
}

export class DefaultPartitioner {
  private readonly sticky = new Map<string, Sticky>();

  constructor(private readonly batchBytes: number) {}

  partition(topic: string, key: Uint8Array | null | undefined, numPartitions: number, recordBytes: number): number {
    if (key !== null && key !== undefined) return partitionForKey(key, numPartitions);
    let sticky = this.sticky.get(topic);
    if (sticky === undefined) {
      sticky = { partition: Math.floor(Math.random() * numPartitions), bytes: 0 };
      this.sticky.set(topic, sticky);
    } else if (sticky.bytes >= this.batchBytes || sticky.partition >= numPartitions) {
      sticky.partition = (sticky.partition + 1) % numPartitions;
      sticky.bytes = 0;
    }
    sticky.bytes += recordBytes;
    return sticky.partition;
  }
}
