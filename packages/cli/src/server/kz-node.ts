/**
 * A kz node as `kz server` runs it: the metadata server (a voter runs the quorum controller), the
 * broker on it unless the node is a controller only, and the Prometheus endpoint when asked for.
 */
import { startBrokerServer, TlsIdentity, type RunningBroker } from '@kz/broker';
import { startMetadataServer, type MetadataServer } from '@kz/metadata';
import { EventLoopMonitor } from '@kz/runtime';
import type { Logger } from 'pino';
import { NodeMetrics } from '../metrics/node-metrics';
import type { NodeSettings } from './server-settings';

export interface KzNode {
  readonly settings: NodeSettings;
  readonly metadata: MetadataServer;
  readonly broker: RunningBroker | null;
  /** Where GET /metrics is served; null without --metrics-listen. */
  readonly metricsAddress: string | null;
  /** Resolves with the error that stopped the node on its own (a failed disk): the process must exit. */
  readonly halted: Promise<Error>;
  /** The node's TLS identity (null without one): `reload()` reads its PEM files again (SIGHUP). */
  readonly tls: TlsIdentity | null;
  /** Graceful stop: a broker's controlled shutdown first, then the metadata node. */
  stop(): Promise<void>;
}

export async function startKzNode(settings: NodeSettings, logger: Logger): Promise<KzNode> {
  // Counters start before the node does, so the first election is counted.
  const metrics = new NodeMetrics({ nodeId: settings.metadata.nodeId });
  const loop = EventLoopMonitor.start({
    logger: logger.child({ nodeId: settings.metadata.nodeId, component: 'event-loop' }),
    onDelay: metrics.instrumentation.eventLoopDelay,
  });
  let metadata: MetadataServer;
  let broker: RunningBroker | null = null;
  const security = settings.security;
  // Read (and checked) before anything listens: a bad key or certificate stops the start here.
  const tls = security.tls === null ? null : new TlsIdentity(security.tls);
  if (settings.broker === null) {
    metadata = await startMetadataServer(settings.metadata, logger, metrics.instrumentation);
  } else {
    const listenerSecurity = {
      protocol: security.protocol,
      ...(tls === null ? {} : { tls }),
      clientAuth: security.clientAuth,
      saslMechanisms: security.saslMechanisms,
      maxReauthMs: security.maxReauthMs,
    };
    broker = await startBrokerServer({ ...settings.broker, listenerSecurity }, logger, metrics.instrumentation);
    metadata = broker.metadata;
  }
  const stopNode = async (): Promise<void> => {
    loop.stop();
    if (broker !== null) {
      await broker.stop();
    } else {
      await metadata.server.stop();
      await metadata.node.stop();
    }
  };
  metrics.watch({ metadata: metadata.node, broker: broker?.broker ?? null });
  let metricsAddress: string | null = null;
  if (settings.metricsListen !== null) {
    try {
      metricsAddress = await metrics.serve(settings.metricsListen, logger);
    } catch (error) {
      await stopNode();
      throw error;
    }
  }
  return {
    settings,
    metadata,
    broker,
    metricsAddress,
    tls,
    halted: broker === null ? metadata.node.raft.halted : Promise.race([metadata.node.raft.halted, broker.broker.halted]),
    async stop() {
      await metrics.stop();
      await stopNode();
    },
  };
}
