/**
 * What a process hands a kz server to be monitored: a sink for the metadata log's Raft events and
 * an observer of the MetadataAdmin service's requests. Each is optional; a server given nothing
 * reports nothing and behaves the same.
 */
import type { RaftMetricsSink } from '@kz/raft';
import type { AuthenticationObserver, RequestObserver } from '@kz/runtime';
import type { ControllerEvent } from '../controller/quorum-controller';

export interface ServerInstrumentation {
  /** What the active controller did: activations, fencings, rebalances. */
  readonly controllerEvents?: (event: ControllerEvent) => void;
  /** Elections, leaderships and commit latencies of the `__cluster_metadata` Raft node. */
  readonly raft?: RaftMetricsSink;
  /** Every request the MetadataAdmin service answered. */
  readonly adminRequests?: RequestObserver;
  /** Every authentication a service of the node decided (Raft's peers' certificates here; the broker's listener and replication too). */
  readonly authentications?: AuthenticationObserver;
}
