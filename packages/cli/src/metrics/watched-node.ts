/**
 * What the metrics read on each scrape: the node's metadata quorum member and, on a node with the
 * broker role, its broker. Only the read-only parts are named, so that a test can stand in for them.
 */
import type { HostedPartitionState } from '@kz/broker';
import type { MetadataImage } from '@kz/metadata';
import type { QuorumDescription, RaftStatus } from '@kz/raft';

export interface WatchedNode {
  /** A MetadataNode: its Raft node on `__cluster_metadata` and its committed image. */
  readonly metadata: {
    readonly raft: { status(): RaftStatus; describeQuorum(): QuorumDescription };
    readonly image: Pick<MetadataImage, 'topicsById'>;
  };
  /** A BrokerNode, or null on a controller-only node. */
  readonly broker: { partitionStates(): readonly HostedPartitionState[]; fileHandleStats?(): { readonly openFiles: number; readonly maxOpenFiles: number }; offlineReplicaCount?(): number } | null;
}
