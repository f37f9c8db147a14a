/**
 * The metrics that tell whether a node keeps up: how long its event loop was held (every process
 * runs Raft, the controller and the broker on one loop, so a long turn is a missed heartbeat or
 * fetch for a peer), its brokers' heartbeat round trips, the fencings its controller decided, and
 * the partition logs' file descriptors against their cap.
 */
import type { ControllerEvent } from '@kz/metadata';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { WatchedNode } from './watched-node';

/** Seconds. A healthy loop is held for milliseconds; a storm without slicing held it for seconds. */
const DELAY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export class NodeHealthMetrics {
  readonly eventLoopDelay: (delayMs: number) => void;
  readonly heartbeats: (roundTripMs: number, answered: boolean) => void;
  readonly controllerEvents: (event: ControllerEvent) => void;

  constructor(registry: Registry, watched: () => WatchedNode | null) {
    const registers = [registry];
    const delay = new Histogram({
      name: 'kz_event_loop_delay_seconds',
      help: 'How late a 10 ms timer fired: how long the event loop was held by other work (sampled every 10 ms).',
      buckets: DELAY_BUCKETS,
      registers,
    });
    const delayMax = new Gauge({ name: 'kz_event_loop_delay_max_seconds', help: 'The longest event-loop delay since the process started.', registers });
    let worstDelay = 0;
    this.eventLoopDelay = (ms) => {
      delay.observe(ms / 1000);
      if (ms > worstDelay) {
        worstDelay = ms;
        delayMax.set(ms / 1000);
      }
    };

    const roundTrip = new Histogram({
      name: 'kz_broker_heartbeat_round_trip_seconds',
      help: "Seconds from this broker sending a heartbeat to the controller's answer (or the call's failure).",
      labelNames: ['outcome'],
      buckets: DELAY_BUCKETS,
      registers,
    });
    const roundTripMax = new Gauge({ name: 'kz_broker_heartbeat_round_trip_max_seconds', help: 'The longest heartbeat round trip since the process started.', registers });
    let worstRoundTrip = 0;
    this.heartbeats = (ms, answered) => {
      roundTrip.observe({ outcome: answered ? 'answered' : 'failed' }, ms / 1000);
      if (ms > worstRoundTrip) {
        worstRoundTrip = ms;
        roundTripMax.set(ms / 1000);
      }
    };

    const fencings = new Counter({
      name: 'kz_controller_broker_fencings_total',
      help: "Brokers this node's controller fenced because their session expired.",
      registers,
    });
    this.controllerEvents = (event) => {
      if (event.kind === 'fenced') fencings.inc();
    };

    const files = (): ReturnType<NonNullable<NonNullable<WatchedNode['broker']>['fileHandleStats']>> | null => watched()?.broker?.fileHandleStats?.() ?? null;
    new Gauge({
      name: 'kz_log_open_files',
      help: 'File descriptors the partition logs hold (segments and indexes, opened lazily and closed least recently used first).',
      registers,
      collect() {
        const stats = files();
        if (stats !== null) this.set(stats.openFiles);
      },
    });
    new Gauge({
      name: 'kz_log_offline_replicas',
      help: 'Replicas assigned to this broker whose logs will not open or be created (out of descriptors, no space): the controller moves their leadership away.',
      registers,
      collect() {
        const count = watched()?.broker?.offlineReplicaCount?.();
        if (count !== undefined) this.set(count);
      },
    });
    new Gauge({
      name: 'kz_log_max_open_files',
      help: 'The cap on the partition logs\' file descriptors (log.max.open.files; default half the process limit).',
      registers,
      collect() {
        const stats = files();
        if (stats !== null) this.set(stats.maxOpenFiles);
      },
    });
  }
}
