/**
 * The reads of the admin API — DescribeCluster, DescribeTopics, DescribeConfigs — as TypeScript
 * values, and how a node computes them from its committed image. They change nothing and go through
 * no controller, so any node answers them; a follower's answer is as fresh as its image (the answer
 * says which offset that is).
 */
import type { DirectoryId, Endpoint, QuorumDescription } from '@kz/raft';
import { describeConfigs, type DescribedConfig } from '../controller/config-control';
import type { ConfigResourceRef } from '../controller/controller-requests';
import { apiError, type ApiError } from '../errors/api-error';
import type { BrokerRegistration } from '../image/broker-registration';
import type { MetadataImage } from '../image/metadata-image';
import type { PartitionRegistration } from '../image/partition-registration';

export type DescribeClusterRequest = Record<string, never>;

export interface ClusterDescription {
  readonly clusterId: string;
  /** The Raft leader of the metadata log, which is the active controller; -1 when unknown. */
  readonly controllerId: number;
  /** The node that answered. */
  readonly nodeId: number;
  /** Every registered broker, by id. */
  readonly brokers: readonly BrokerRegistration[];
  /** The last offset in the answering node's image (-1: empty), and its epoch. */
  readonly metadataOffset: number;
  readonly metadataEpoch: number;
  /**
   * Every controller's admin address as the answering node knows them (KIP-919): a client given
   * any one controller finds the others, and so the active one, through it.
   */
  readonly controllers: readonly { readonly id: number; readonly address: string }[];
  /**
   * How many replicas each broker said it cannot serve (their logs will not open), as the active
   * controller last heard in heartbeats; empty when another node answered.
   */
  readonly offlineReplicas: readonly { readonly brokerId: number; readonly count: number }[];
  /**
   * KIP-853: the answering node's replica — its directory id (ZERO_DIRECTORY_ID with static
   * voters) and where its Raft listens — what AddRaftVoter needs to add it.
   */
  readonly directoryId: DirectoryId;
  readonly raftEndpoints: readonly Endpoint[];
}

export interface DescribeTopicsRequest {
  /** null: every topic. */
  readonly names: readonly string[] | null;
}

export interface PartitionDescription extends PartitionRegistration {
  readonly partitionId: number;
}

export interface TopicDescription {
  readonly name: string;
  /** UNKNOWN_TOPIC_OR_PARTITION when the image holds no such topic. */
  readonly error: ApiError | null;
  readonly topicId: string | null;
  readonly partitions: readonly PartitionDescription[];
}

export interface TopicsDescription {
  /** In the order asked, or by name when every topic was asked for. */
  readonly topics: readonly TopicDescription[];
  readonly metadataOffset: number;
}

export interface DescribeConfigsRequest {
  readonly resources: readonly ConfigResourceRef[];
}

export interface ResourceConfigs extends ConfigResourceRef {
  readonly error: ApiError | null;
  readonly configs: readonly DescribedConfig[];
}

export interface ConfigsDescription {
  readonly resources: readonly ResourceConfigs[];
}

export type DescribeQuorumRequest = Record<string, never>;
export type { QuorumDescription };

/** What the image does not hold about the cluster: who is asking, who leads, which cluster, where the controllers are. */
export interface ClusterFacts {
  readonly clusterId: string;
  readonly controllerId: number;
  readonly nodeId: number;
  readonly controllers: readonly { readonly id: number; readonly address: string }[];
  readonly offlineReplicas: readonly { readonly brokerId: number; readonly count: number }[];
  readonly directoryId: DirectoryId;
  readonly raftEndpoints: readonly Endpoint[];
}

export function clusterDescription(image: MetadataImage, facts: ClusterFacts): ClusterDescription {
  return {
    ...facts,
    brokers: [...image.brokers.values()].sort((a, b) => a.id - b.id),
    metadataOffset: image.offset,
    metadataEpoch: image.provenance.epoch,
  };
}

export function topicsDescription(image: MetadataImage, request: DescribeTopicsRequest): TopicsDescription {
  const names = request.names ?? [...image.topicIdsByName.keys()].sort();
  const topics = names.map((name): TopicDescription => {
    const topic = image.topic(name);
    if (topic === undefined) {
      return { name, error: apiError('UNKNOWN_TOPIC_OR_PARTITION', `topic ${name} does not exist`), topicId: null, partitions: [] };
    }
    return { name, error: null, topicId: topic.id, partitions: topic.partitions.map((p, partitionId) => ({ partitionId, ...p })) };
  });
  return { topics, metadataOffset: image.offset };
}

const INT32_MAX = 2 ** 31 - 1;
const EMPTY_CONFIGS: ReadonlyMap<string, string> = new Map();

/**
 * DescribeConfigs over the image, with Kafka's precedence (config-control). A topic the image does
 * not hold is UNKNOWN_TOPIC_OR_PARTITION; a broker resource must be "" or a broker id.
 */
export function configsDescription(
  image: MetadataImage,
  request: DescribeConfigsRequest,
  staticBrokerConfigs?: ReadonlyMap<string, string>,
): ConfigsDescription {
  const lookup = (key: string): ReadonlyMap<string, string> => image.configs.get(key) ?? EMPTY_CONFIGS;
  const resources = request.resources.map((resource): ResourceConfigs => {
    const ref = { type: resource.type, name: resource.name };
    const error = resourceError(image, ref);
    if (error !== null) return { ...ref, error, configs: [] };
    return { ...ref, error: null, configs: describeConfigs(lookup, ref, staticBrokerConfigs) };
  });
  return { resources };
}

function resourceError(image: MetadataImage, resource: ConfigResourceRef): ApiError | null {
  if (resource.type === 'topic') {
    if (resource.name === '') return apiError('INVALID_REQUEST', 'a topic config resource needs a topic name');
    return image.topic(resource.name) === undefined ? apiError('UNKNOWN_TOPIC_OR_PARTITION', `topic ${resource.name} does not exist`) : null;
  }
  // The form the image files broker configs under ("7", not "07"): any other spelling finds nothing.
  if (resource.name === '' || (/^(0|[1-9]\d*)$/.test(resource.name) && Number(resource.name) <= INT32_MAX)) return null;
  return apiError('INVALID_REQUEST', `broker config resource name must be "" or a broker id, not "${resource.name}"`);
}
