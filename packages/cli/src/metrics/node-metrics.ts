/**
 * Prometheus metrics of one kz node: its metadata log's Raft state, its partitions and its
 * services' requests, in a registry of its own (several nodes may share a process, in tests).
 *
 * ```ts
 * const metrics = new NodeMetrics({ nodeId });
 * const running = await startBrokerServer(settings, logger, metrics.instrumentation);
 * metrics.watch({ metadata: running.metadata.node, broker: running.broker });
 * const address = await metrics.serve('0.0.0.0:9308', logger);   // GET http://address/metrics
 * ...
 * await metrics.stop();
 * ```
 *
 * Events (elections, commit latencies, requests) are counted as they happen through
 * `instrumentation`; state (offsets, epochs, ISR sizes) is read from the watched node on each
 * scrape, so no timer runs.
 */
import type { ControllerEvent } from '@kz/metadata';
import type { RaftMetricsSink } from '@kz/raft';
import type { AuthenticationObserver, RequestObserver } from '@kz/runtime';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { AuthenticationMetrics } from './authentication-metrics';
import { MetricsServer } from './metrics-server';
import { NodeHealthMetrics } from './node-health-metrics';
import { PartitionMetricsCollector } from './partition-metrics-collector';
import { RaftMetricsCollector } from './raft-metrics-collector';
import { RequestMetrics } from './request-metrics';
import type { WatchedNode } from './watched-node';

export interface NodeMetricsOptions {
  readonly nodeId: number;
  /** Also export the process's CPU, memory, event-loop lag and GC metrics, prefixed `kz_` (default: true). */
  readonly processMetrics?: boolean;
}

/** What startBrokerServer / startMetadataServer take to report to these metrics. */
export interface NodeInstrumentation {
  readonly raft: RaftMetricsSink;
  readonly adminRequests: RequestObserver;
  readonly brokerRequests: RequestObserver;
  readonly heartbeats: (roundTripMs: number, answered: boolean) => void;
  readonly controllerEvents: (event: ControllerEvent) => void;
  /** Each sampled event-loop delay (an EventLoopMonitor's onDelay). */
  readonly eventLoopDelay: (delayMs: number) => void;
  /** Every authentication the node's listener and services decided. */
  readonly authentications: AuthenticationObserver;
}

export class NodeMetrics {
  /** The prom-client registry holding every metric of this node (not prom-client's global one). */
  readonly registry = new Registry();
  readonly instrumentation: NodeInstrumentation;
  private watched: WatchedNode | null = null;
  private server: MetricsServer | null = null;

  constructor(options: NodeMetricsOptions) {
    // Every series says which node it is from, so that nodes sharing a process or a scrape job differ.
    this.registry.setDefaultLabels({ node_id: String(options.nodeId) });
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'kz_' });
    const watched = (): WatchedNode | null => this.watched;
    const raft = new RaftMetricsCollector(this.registry, watched);
    new PartitionMetricsCollector(this.registry, watched);
    const requests = new RequestMetrics(this.registry);
    const health = new NodeHealthMetrics(this.registry, watched);
    const authentications = new AuthenticationMetrics(this.registry);
    this.instrumentation = {
      raft: raft.sink,
      adminRequests: requests.observer('admin'),
      brokerRequests: requests.observer('broker'),
      heartbeats: health.heartbeats,
      controllerEvents: health.controllerEvents,
      eventLoopDelay: health.eventLoopDelay,
      authentications: authentications.observer,
    };
  }

  /**
   * The started node whose state is read on each scrape. Until called, the state gauges without
   * labels read 0 (prom-client's initial value; the leader id reads -1) and the labelled ones are absent.
   */
  watch(node: WatchedNode): void {
    this.watched = node;
  }

  /** Serves GET /metrics on `listen` (`host:port`, port 0 picks one); resolves with the `host:port` bound. */
  async serve(listen: string, logger: Logger): Promise<string> {
    if (this.server !== null) throw new Error(`NodeMetrics: already serving on ${this.server.address}`);
    this.server = await MetricsServer.start(this.registry, listen, logger);
    return this.server.address;
  }

  /** Stops serving and lets go of the watched node. The metrics keep their values. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.watched = null;
    await server?.stop();
  }
}
