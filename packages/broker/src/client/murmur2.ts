/**
 * Kafka's murmur2 (org.apache.kafka.common.utils.Utils.murmur2): MurmurHash2, 32-bit, seed
 * 0x9747b28c, little-endian 4-byte blocks. The default partitioner puts a keyed record in
 * `toPositive(murmur2(key)) % numPartitions`; matching it bit for bit means a key lands where a
 * Java, librdkafka (murmur2_random) or kafkajs (Java-compatible) producer would put it.
 */
const SEED = 0x9747b28c;
const M = 0x5bd1e995;
const R = 24;

/** The hash as Java's signed int. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = SEED ^ length;
  const blocks = length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // Java folds the tail with a falling-through switch; the same, without the fall-through.
  const tail = length & 3;
  if (tail > 0) {
    if (tail === 3) h ^= data[blocks + 2]! << 16;
    if (tail >= 2) h ^= data[blocks + 1]! << 8;
    h ^= data[blocks]!;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's Utils.toPositive: clears the sign bit (not Math.abs, which maps INT_MIN to itself). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** The partition Kafka's default partitioner gives a keyed record. */
export function partitionForKey(key: Uint8Array, numPartitions: number): number {
  return toPositive(murmur2(key)) % numPartitions;
}
