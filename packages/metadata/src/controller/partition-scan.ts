import type { MetadataDelta } from '../image/metadata-delta';
import { isActive } from '../image/broker-registration';
import type { PartitionRegistration } from '../image/partition-registration';
import type { BrokerId } from '../records/metadata-record';
import { configResourceKey } from '../image/config-resource';
import { ELIGIBLE_LEADER_REPLICAS_VERSION, eligibleLeaderReplicasEnabled } from '../image/feature-levels';
import { effectiveBrokerConfig, effectiveTopicConfig } from './config-control';
import type { ElectionContext } from './partition-change-builder';

export interface PartitionRef {
  readonly topicId: string;
  readonly topicName: string;
  readonly partitionId: number;
  readonly partition: PartitionRegistration;
}

/** Every partition of the view for which `pick` holds, in topic-map then partition order. */
export function partitionsWhere(view: MetadataDelta, pick: (p: PartitionRegistration) => boolean): PartitionRef[] {
  const out: PartitionRef[] = [];
  for (const topic of view.allTopics().values()) {
    const partitions = topic.partitions;
    for (let i = 0; i < partitions.length; i++) {
      const partition = partitions[i]!;
      if (pick(partition)) out.push({ topicId: topic.id, topicName: topic.name, partitionId: i, partition });
    }
  }
  return out;
}

/** Partitions a broker leads or sits in the ISR of: what fencing or shutting it down touches. */
export function partitionsWithBroker(view: MetadataDelta, broker: BrokerId): PartitionRef[] {
  return partitionsWhere(view, (p) => p.leader === broker || p.isr.includes(broker));
}

/** The view's reading of the configs, for the config functions. */
export function configLookup(view: MetadataDelta): (key: string) => ReadonlyMap<string, string> {
  return (key) => view.configsOf(key);
}

/**
 * The election context of one topic: who may lead, and whether its unclean.leader.election.enable
 * is on. `unavailable` brokers are treated as inactive (the one being fenced, say).
 */
export function electionContext(view: MetadataDelta, topicName: string, unavailable: ReadonlySet<BrokerId> = NO_BROKERS, available: ReadonlySet<BrokerId> = NO_BROKERS): ElectionContext {
  const configs = configLookup(view);
  const unclean = effectiveTopicConfig(configs, topicName, 'unclean.leader.election.enable') === 'true';
  return {
    uncleanAllowed: unclean,
    isActive: (id) => !unavailable.has(id) && (available.has(id) || isActive(view.broker(id))),
    eligibleLeaderReplicas: eligibleLeaderReplicasEnabled(view.feature(ELIGIBLE_LEADER_REPLICAS_VERSION)),
    minInsyncReplicas: topicMinInsyncReplicas(configs, topicName),
  };
}

/** The topic's min.insync.replicas as the broker reads it: a bad value counts as 1 (ReplicaManager does the same). */
export function topicMinInsyncReplicas(configs: (key: string) => ReadonlyMap<string, string>, topicName: string): number {
  const value = Number(effectiveTopicConfig(configs, topicName, 'min.insync.replicas'));
  return Number.isSafeInteger(value) && value >= 1 ? value : 1;
}

/**
 * electionContext per topic, each built once: an operation over thousands of partitions of the same
 * topics (fencing a broker) would otherwise look up the topic's configs once per partition.
 */
export function electionContexts(view: MetadataDelta, unavailable: ReadonlySet<BrokerId> = NO_BROKERS, available: ReadonlySet<BrokerId> = NO_BROKERS): (topicName: string) => ElectionContext {
  const built = new Map<string, ElectionContext>();
  return (topicName) => {
    let context = built.get(topicName);
    if (context === undefined) {
      context = electionContext(view, topicName, unavailable, available);
      built.set(topicName, context);
    }
    return context;
  };
}


const NO_BROKERS: ReadonlySet<BrokerId> = new Set();

/**
 * A cluster-wide broker setting as the controller acts on it: the dynamic cluster default, else the
 * static one (server.properties), else Kafka's default.
 */
export function clusterSetting(view: MetadataDelta, staticConfigs: ReadonlyMap<string, string>, name: string): string {
  const dynamic = view.configsOf(configResourceKey({ type: 'broker', name: '' })).get(name);
  return dynamic ?? staticConfigs.get(name) ?? effectiveBrokerConfig(configLookup(view), '', name);
}
