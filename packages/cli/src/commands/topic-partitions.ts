/**
 * The partitions of a topic, asked of the brokers before a client command starts: an unreachable
 * cluster or a missing topic is then one clear error within --timeout-ms, instead of a producer
 * retrying for its whole delivery timeout.
 */
import type { KzClient } from '@kz/broker';
import { CliError } from '../cli-error';

export async function topicPartitions(client: KzClient, topic: string, bootstrap: string): Promise<number[]> {
  let metadata: Awaited<ReturnType<KzClient['metadata']>>;
  try {
    metadata = await client.metadata([topic]);
  } catch (error) {
    throw new CliError('NETWORK_EXCEPTION', `cannot reach a broker at ${bootstrap}: ${(error as Error).message}; is the cluster running? (--bootstrap-server)`, 1, { cause: error });
  }
  const found = metadata.topics.find((t) => t.name === topic);
  if (found === undefined || found.errorCode !== 0 || found.partitions.length === 0) throw new CliError('UNKNOWN_TOPIC_OR_PARTITION', `topic ${topic} does not exist`);
  return found.partitions.map((p) => p.partition).sort((a, b) => a - b);
}
