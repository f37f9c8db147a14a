/**
 * Request rate, latency and outcome of a node's client-facing services — the broker's Kafka listener
 * (by Kafka API name) and the controllers' MetadataAdmin gRPC service — fed by their request
 * observers. The `error` label is the request-level Kafka error name, or "none"; what counts as the
 * request's outcome (not its partitions') is each service's `observeRequest` documentation.
 */
import type { RequestObserver } from '@kz/runtime';
import { Counter, Histogram, type Registry } from 'prom-client';

export type ServiceName = 'broker' | 'admin';

/** Seconds. A Fetch long-polls up to its max wait (500 ms by default); controller writes wait for a commit. */
const REQUEST_DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class RequestMetrics {
  private readonly duration: Histogram<'service' | 'api'>;
  private readonly requests: Counter<'service' | 'api' | 'error'>;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: 'kz_request_duration_seconds',
      help: 'Seconds from a request arriving at a kz service (service="broker": the Kafka listener; "admin": the MetadataAdmin service) to its answer, by API.',
      labelNames: ['service', 'api'] as const,
      buckets: REQUEST_DURATION_BUCKETS,
      registers: [registry],
    });
    this.requests = new Counter({
      name: 'kz_requests_total',
      help: 'Requests answered by a kz service (the Kafka listener, the MetadataAdmin service), by API and request-level outcome (error: a Kafka error name, or "none"; per-partition errors are not counted).',
      labelNames: ['service', 'api', 'error'] as const,
      registers: [registry],
    });
  }

  observer(service: ServiceName): RequestObserver {
    return (api, durationMs, errorName) => {
      this.duration.observe({ service, api }, durationMs / 1000);
      this.requests.inc({ service, api, error: errorName ?? 'none' });
    };
  }
}
