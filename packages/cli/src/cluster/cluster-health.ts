/**
 * What an operator looks at first, computed from DescribeTopics: how many partitions are offline
 * (no leader) or under-replicated (ISR smaller than the replica set), and how leaderships and
 * replicas spread over brokers — the imbalance `kz leaders rebalance` and `kz reassign` fix.
 */
import type { TopicDescription } from '@kz/metadata';

export interface BrokerLoad {
  readonly brokerId: number;
  /** Partitions this broker leads. */
  readonly leaders: number;
  /** Partitions whose preferred (first) replica is this broker. */
  readonly preferredLeaders: number;
  readonly replicas: number;
}

export interface ClusterHealth {
  readonly topics: number;
  readonly partitions: number;
  readonly offline: number;
  readonly underReplicated: number;
  /** Partitions led by another replica than their preferred one. */
  readonly notOnPreferredLeader: number;
  readonly brokers: readonly BrokerLoad[];
}

export function clusterHealth(topics: readonly TopicDescription[], brokerIds: readonly number[]): ClusterHealth {
  const loads = new Map(brokerIds.map((id) => [id, { brokerId: id, leaders: 0, preferredLeaders: 0, replicas: 0 }]));
  const load = (id: number) => {
    let entry = loads.get(id);
    if (entry === undefined) loads.set(id, (entry = { brokerId: id, leaders: 0, preferredLeaders: 0, replicas: 0 }));
    return entry;
  };
  let partitions = 0;
  let offline = 0;
  let underReplicated = 0;
  let notOnPreferredLeader = 0;
  for (const topic of topics) {
    for (const p of topic.partitions) {
      partitions += 1;
      if (p.leader === -1) offline += 1;
      else load(p.leader).leaders += 1;
      // Replicas a reassignment is still adding do not count (Kafka's replication factor leaves them out).
      if (p.isr.length < p.replicas.length - p.addingReplicas.length) underReplicated += 1;
      if (p.replicas.length > 0) {
        load(p.replicas[0]!).preferredLeaders += 1;
        if (p.leader !== p.replicas[0]) notOnPreferredLeader += 1;
      }
      for (const r of p.replicas) load(r).replicas += 1;
    }
  }
  return {
    topics: topics.length,
    partitions,
    offline,
    underReplicated,
    notOnPreferredLeader,
    brokers: [...loads.values()].sort((a, b) => a.brokerId - b.brokerId),
  };
}
