/**
 * What a process hands a kz node with the broker role to be monitored: the metadata server's
 * instrumentation (its Raft node, its admin service) and an observer of the Kafka listener's
 * requests. Each is optional; a node given nothing reports nothing and behaves the same.
 */
import type { ServerInstrumentation } from '@kz/metadata';
import type { RequestObserver } from '@kz/runtime';

export interface BrokerInstrumentation extends ServerInstrumentation {
  /** Every request the Kafka listener answered, by Kafka API name (Produce, Fetch, ...). */
  readonly brokerRequests?: RequestObserver;
  /** Every heartbeat to the controller: its round trip, and whether it was answered. */
  readonly heartbeats?: (roundTripMs: number, answered: boolean) => void;
}
