/**
 * Everything committed in a topic once the cluster has healed: each partition read from its start
 * up to its high watermark (ListOffsets 'latest' from its leader). Reading stops at the high
 * watermark asked for, not at "no more records", so a slow fetch cannot pass for a short log.
 */
import type { ConsumedRecord, KzClient } from '@kz/broker';

const READ_TIMEOUT_MS = 60_000;

export async function readCommitted(client: KzClient, topic: string, partitions: number): Promise<ConsumedRecord[]> {
  const ids = Array.from({ length: partitions }, (_, partition) => partition);
  const ends = await client.listOffsets(ids.map((partition) => ({ topic, partition, timestamp: 'latest' as const })));
  const endOf = new Map(ends.map((e) => [e.partition, e.offset]));
  const consumer = client.consumer({ maxWaitMs: 200 });
  try {
    consumer.assign(ids.map((partition) => ({ topic, partition, from: 'earliest' as const })));
    const out: ConsumedRecord[] = [];
    const lastRead = new Map<number, number>();
    const deadline = Date.now() + READ_TIMEOUT_MS;
    const behind = (): number[] => ids.filter((p) => (lastRead.get(p) ?? -1) < (endOf.get(p) ?? 0) - 1);
    while (behind().length > 0) {
      if (Date.now() > deadline) {
        const where = behind().map((p) => `partition ${p} read to offset ${lastRead.get(p) ?? -1} of high watermark ${endOf.get(p)}`);
        throw new Error(`could not read ${topic} up to its high watermark within ${READ_TIMEOUT_MS} ms: ${where.join('; ')}`);
      }
      for (const r of await consumer.poll()) {
        if (r.offset >= (endOf.get(r.partition) ?? 0)) continue;
        out.push(r);
        lastRead.set(r.partition, r.offset);
      }
    }
    return out;
  } finally {
    await consumer.close();
  }
}
