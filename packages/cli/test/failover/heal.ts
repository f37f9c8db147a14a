/**
 * Bringing the cluster back after a fault sequence: every paused node resumed, every killed node
 * restarted, and then waiting until the cluster says it is whole — the running process of every
 * node registered and unfenced in the controller's image, and every partition of the topic led with
 * all three replicas in its ISR.
 * Only then are the producer's outstanding sends sure to settle and the checks fair: a check run on
 * a cluster still recovering would blame kz for being slow rather than for being wrong.
 */
import type { LocalCluster } from '@kz/cli/testing';
import type { MetadataAdminClient, TopicsDescription } from '@kz/metadata';
import { until } from '@kz/raft/testing';

/** Generous: a node restarted after SIGKILL replays its logs, registers, and catches up every partition. */
const HEAL_TIMEOUT_MS = 60_000;
const POLL_MS = 250;

export async function heal(cluster: LocalCluster, admin: MetadataAdminClient, topic: string | undefined): Promise<void> {
  for (const id of cluster.nodeIds) {
    // SIGCONT is harmless to a running process, so resume without tracking who is stopped.
    if (cluster.isRunning(id)) cluster.resume(id);
  }
  for (const id of cluster.nodeIds) {
    if (!cluster.isRunning(id)) await cluster.start(id, 30_000);
  }
  await waitUntilWhole(cluster, admin, topic);
}

export async function waitUntilWhole(cluster: LocalCluster, admin: MetadataAdminClient, topic: string | undefined): Promise<void> {
  // Each probe throws what it saw when the cluster is not whole yet: the timeout's message names the last of it.
  await until(
    `${cluster.nodeIds.length} unfenced brokers, each the incarnation now running`,
    async () => {
      const { brokers } = await admin.describeCluster();
      const running = new Map(cluster.nodeIds.map((id) => [id, cluster.runningIncarnation(id)]));
      const up = brokers.filter((b) => !b.fenced && !b.inControlledShutdown && b.incarnationId === running.get(b.id));
      if (cluster.nodeIds.every((id) => up.some((b) => b.id === id))) return true;
      const seen = brokers.map((b) => ({ id: b.id, incarnation: b.incarnationId, fenced: b.fenced, shuttingDown: b.inControlledShutdown }));
      throw new Error(`registered ${JSON.stringify(seen)}; running incarnations ${JSON.stringify(Object.fromEntries(running))}`);
    },
    HEAL_TIMEOUT_MS,
    POLL_MS,
  );
  if (topic === undefined) return;
  await until(
    `every partition of ${topic} led, with all ${cluster.nodeIds.length} replicas in its ISR`,
    async () => {
      const described = await admin.describeTopics([topic]);
      const t = described.topics[0];
      if (t !== undefined && t.error === null && t.partitions.every((p) => p.leader >= 0 && p.isr.length === cluster.nodeIds.length)) return true;
      throw new Error(partitionsInWords(described));
    },
    HEAL_TIMEOUT_MS,
    POLL_MS,
  );
}

function partitionsInWords(described: TopicsDescription): string {
  return described.topics
    .flatMap((t) => t.partitions.map((p) => `${t.name}-${p.partitionId}: leader ${p.leader} epoch ${p.leaderEpoch} isr [${p.isr.join(',')}]`))
    .join('; ');
}
