/**
 * A kz node as `kz server` runs it: the metadata server (a voter runs the quorum controller), the
 * broker on it unless the node is a controller only, and the Prometheus endpoint when asked for.
 */
import { startBrokerServer, TlsIdentity, type RunningBroker } from '@kz/broker';
import { X509Certificate } from 'node:crypto';
import { startMetadataServer, type MetadataServer, type MetadataServerSettings } from '@kz/metadata';
import { nodeCommonName } from '@kz/runtime';
import { CliError } from '../cli-error';
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
  if (tls !== null && security.interNodeTls) checkNodeCertificate(tls, settings.metadata.nodeId);
  const metadataSettings: MetadataServerSettings =
    tls === null || !security.interNodeTls
      ? settings.metadata
      : { ...settings.metadata, tls, ...(security.authorization === null ? {} : { authorization: security.authorization }) };
  if (settings.broker === null) {
    metadata = await startMetadataServer(metadataSettings, logger, metrics.instrumentation);
  } else {
    const listenerSecurity = {
      protocol: security.protocol,
      ...(tls === null ? {} : { tls }),
      clientAuth: security.clientAuth,
      saslMechanisms: security.saslMechanisms,
      maxReauthMs: security.maxReauthMs,
    };
    broker = await startBrokerServer({ ...settings.broker, metadata: { ...settings.broker.metadata, ...(metadataSettings.tls === undefined ? {} : { tls: metadataSettings.tls, ...(metadataSettings.authorization === undefined ? {} : { authorization: metadataSettings.authorization }) }) }, listenerSecurity }, logger, metrics.instrumentation);
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

/**
 * Peers accept a node only as the node its certificate names: a certificate for another id would
 * have every request refused, so say so at start, not as a stream of refusals.
 */
function checkNodeCertificate(tls: TlsIdentity, nodeId: number): void {
  const subject = new X509Certificate(tls.material.cert).subject;
  const cn = /(?:^|\n)CN=([^\n]*)/.exec(subject)?.[1] ?? null;
  if (cn !== nodeCommonName(nodeId)) {
    throw new CliError('INVALID_CONFIG', `--inter-node-tls: ${tls.files.certFile} names ${cn === null ? 'no common name' : `CN=${cn}`}; node ${nodeId}'s certificate must be CN=${nodeCommonName(nodeId)}`);
  }
}
