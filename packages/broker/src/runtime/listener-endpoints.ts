/**
 * A broker registers two endpoints with the controller, named as Kafka names listeners: PLAINTEXT,
 * its Kafka listener, which Metadata, FindCoordinator and DescribeCluster answers name to clients;
 * and REPLICATION, the gRPC service its peers' replica fetchers connect to.
 */
import type { BrokerRegistration, Endpoint } from '@kz/metadata';

export const CLIENT_LISTENER = 'PLAINTEXT';
export const REPLICATION_LISTENER = 'REPLICATION';

/** Where clients reach the broker; undefined when it registered no client endpoint. */
export function clientEndpoint(broker: Pick<BrokerRegistration, 'endpoints'> | undefined): Endpoint | undefined {
  return broker?.endpoints.find((e) => e.name === CLIENT_LISTENER);
}

/** Where replica fetchers reach the broker. */
export function replicationEndpoint(broker: Pick<BrokerRegistration, 'endpoints'> | undefined): Endpoint | undefined {
  return broker?.endpoints.find((e) => e.name === REPLICATION_LISTENER);
}
