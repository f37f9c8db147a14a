/**
 * Whether every node holds the same metadata image. Each node answers DescribeCluster and
 * DescribeTopics from its own committed image, tagged with the image's offset; two nodes that have
 * replayed the same log up to the same offset must describe the same cluster, field for field.
 *
 * The active controller writes a NoOp every 500 ms, so the offsets never stand still: rather than
 * wait for a quiet moment, the answers are sampled repeatedly and filed by offset until one offset
 * has an answer from every node, and those are compared. Per-node fields (who answered, who it
 * thinks the controller is) are dropped; lists are sorted so that only content is compared.
 */
import type { ClusterDescription, MetadataAdminClient, TopicsDescription } from '@kz/metadata';
import { sleep } from '@kz/raft/testing';

const SAMPLING_TIMEOUT_MS = 30_000;

export interface Agreement {
  readonly offset: number;
  /** Node id → canonical image (JSON), at `offset`. */
  readonly images: ReadonlyMap<number, string>;
  /** Empty when all images are identical; otherwise how they differ, in words. */
  readonly differences: readonly string[];
}

/** The image as content only: no answering node, no controller, no offset; brokers and topics sorted. */
export function canonicalImage(cluster: ClusterDescription, topics: TopicsDescription): string {
  const brokers = [...cluster.brokers].sort((a, b) => a.id - b.id);
  const sortedTopics = [...topics.topics]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((t) => ({
      name: t.name,
      topicId: t.topicId,
      error: t.error === null ? null : t.error.code,
      partitions: [...t.partitions].sort((a, b) => a.partitionId - b.partitionId),
    }));
  return JSON.stringify({ clusterId: cluster.clusterId, metadataEpoch: cluster.metadataEpoch, brokers, topics: sortedTopics }, null, 1);
}

/** Samples every node until they have all answered at one common offset, and compares those answers. */
export async function compareImages(admin: MetadataAdminClient, nodeIds: readonly number[]): Promise<Agreement> {
  const byOffset = new Map<number, Map<number, string>>();
  const seen = new Map<number, number[]>();
  const deadline = Date.now() + SAMPLING_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await Promise.all(
      nodeIds.map(async (nodeId) => {
        try {
          // Both reads in parallel, so they usually land on the same image; a pair that straddles a
          // NoOp is simply not used.
          const [cluster, topics] = await Promise.all([admin.describeCluster({ nodeId }), admin.describeTopics(null, { nodeId })]);
          seen.set(nodeId, [...(seen.get(nodeId) ?? []), cluster.metadataOffset]);
          if (cluster.metadataOffset !== topics.metadataOffset) return;
          let atOffset = byOffset.get(cluster.metadataOffset);
          if (atOffset === undefined) byOffset.set(cluster.metadataOffset, (atOffset = new Map()));
          atOffset.set(nodeId, canonicalImage(cluster, topics));
        } catch {
          // A node that does not answer this round is asked again in the next.
        }
      }),
    );
    for (const [offset, images] of [...byOffset].sort(([a], [b]) => b - a)) {
      if (images.size === nodeIds.length) return { offset, images, differences: differencesOf(images) };
    }
    await sleep(50);
  }
  const offsets = nodeIds.map((id) => `node ${id} answered at offsets ${(seen.get(id) ?? []).slice(-10).join(',') || '(none)'}`);
  throw new Error(`the nodes never answered at one common metadata offset within ${SAMPLING_TIMEOUT_MS} ms: ${offsets.join('; ')}`);
}

function differencesOf(images: ReadonlyMap<number, string>): string[] {
  const [first, ...rest] = [...images];
  if (first === undefined) return [];
  const [refId, ref] = first;
  const refLines = ref.split('\n');
  const out: string[] = [];
  for (const [id, image] of rest) {
    if (image === ref) continue;
    const lines = image.split('\n');
    const at = lines.findIndex((line, i) => line !== refLines[i]);
    const from = Math.max(0, at - 3);
    out.push(
      `node ${id} differs from node ${refId} at line ${at + 1}:\n` +
        `  node ${refId}: ${refLines.slice(from, at + 4).join(' ')}\n` +
        `  node ${id}: ${lines.slice(from, at + 4).join(' ')}`,
    );
  }
  return out;
}
