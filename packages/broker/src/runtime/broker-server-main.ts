#!/usr/bin/env -S node --initial-heap-size=256
/**
 * `kz-broker-server`: one kz node with the broker role — the metadata node (a controller when its id
 * is among --voters, an observer otherwise) with its MetadataAdmin service, and the broker on it.
 * It takes every kz-metadata-server flag plus the broker's own (BROKER_FLAGS_USAGE).
 *
 * Exit codes: 0 after a graceful stop (SIGTERM / SIGINT: controlled shutdown first), 1 when the
 * node cannot start or its Raft node halts, 2 on a bad command line.
 *
 * The first line gives node BROKER_V8_FLAGS (a larger initial heap: see broker-v8-flags.ts); run as
 * `node <this file>`, pass them yourself.
 */
import { DEFAULT_GROUP_CONFIG } from '../coordinator/classic-group';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CONTROLLER_DEFAULTS,
  MetadataAdminClient,
  METADATA_SERVER_USAGE,
  parseMetadataServerFlags,
  parseVoters,
  startMetadataServer,
  stopOnSignals,
  UsageError,
  type MetadataServer,
  type MetadataServerSettings,
} from '@kz/metadata';
import { EventLoopMonitor, TlsIdentity } from '@kz/runtime';
import pino from 'pino';
import type { BrokerInstrumentation } from './broker-instrumentation';
import { BrokerNode, type AuthorizationSettings, type BrokerNodeOptions } from './broker-node';

export const BROKER_FLAGS_USAGE = `Broker options (besides the metadata node's, below):
  --listen HOST:PORT           the Kafka listener clients connect to (required)
  --replication-listen HOST:PORT
                               where peers replicate from (gRPC; default: the --listen host, port 9095)
  --auto-create-topics         Metadata for an unknown topic creates it (auto.create.topics.enable)
  --controller-admin LIST      every controller's MetadataAdmin address, e.g. 1@127.0.0.1:9201,2@...
                               (required unless this node is the only voter)
  --advertised-host HOST       the host clients and peers are told to connect to (default: each listener's host)
  --rack RACK                  this broker's rack, for rack-aware replica placement
  --replica-lag-time-max-ms MS a follower not caught up this long leaves the ISR (default: 30000)
  --heartbeat-interval-ms MS   broker heartbeat interval (default: 2000)
  --offsets-topic-partitions N partitions of __consumer_offsets when it is created (default: 50)
  --group-initial-rebalance-delay-ms MS  a new consumer group waits this long for more members before its first assignment (default: 3000)
  --tls-key FILE --tls-cert FILE --tls-ca FILE
                               TLS everywhere with this node's PEM key and certificate (CN kz-node-<id>): the Kafka
                               listener on SSL asking clients for certificates from the CA, mutual TLS for Raft, the
                               admin service and replication (kz server has the full set of security flags)

Data: partition logs in DIR/logs, the metadata log in DIR/metadata (DIR from --data-dir).`;

export interface BrokerServerSettings {
  readonly metadata: MetadataServerSettings;
  readonly listen: string;
  readonly replicationListen: string;
  readonly autoCreateTopics: boolean;
  readonly controllerAdmin: readonly { readonly id: number; readonly address: string }[];
  readonly advertisedHost: string | undefined;
  readonly rack: string | null;
  readonly logDir: string;
  readonly replicaLagTimeMaxMs: number | undefined;
  readonly heartbeatIntervalMs: number | undefined;
  readonly offsetsTopicPartitions: number | undefined;
  /** Kafka's group.initial.rebalance.delay.ms. */
  readonly groupInitialRebalanceDelayMs?: number | undefined;
  /** How the Kafka listener is secured; absent: PLAINTEXT. */
  readonly listenerSecurity?: BrokerNodeOptions['listenerSecurity'];
  /** The StandardAuthorizer's settings; absent: no authorizer. */
  readonly authorization?: AuthorizationSettings;
}

export type BrokerServerCommand = { readonly kind: 'help' } | { readonly kind: 'run'; readonly settings: BrokerServerSettings };

/** The replication service's port when --replication-listen is not given (Kafka's 9092, kz's 9093-9095). */
export const DEFAULT_REPLICATION_PORT = 9095;

const BROKER_OPTIONS = {
  listen: { type: 'string' },
  'replication-listen': { type: 'string' },
  'auto-create-topics': { type: 'boolean' },
  'controller-admin': { type: 'string' },
  'advertised-host': { type: 'string' },
  rack: { type: 'string' },
  'replica-lag-time-max-ms': { type: 'string' },
  'heartbeat-interval-ms': { type: 'string' },
  'offsets-topic-partitions': { type: 'string' },
  'group-initial-rebalance-delay-ms': { type: 'string' },
  'tls-key': { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-ca': { type: 'string' },
} as const;

export function parseBrokerServerFlags(argv: readonly string[]): BrokerServerCommand {
  // The broker's flags are taken out; everything else is the metadata node's, parsed by its parser.
  const brokerArgs: string[] = [];
  const metadataArgs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = /^--([a-z-]+)/.exec(arg)?.[1];
    if (name !== undefined && name in BROKER_OPTIONS) {
      brokerArgs.push(arg);
      const isBoolean = BROKER_OPTIONS[name as keyof typeof BROKER_OPTIONS].type === 'boolean';
      if (!isBoolean && !arg.includes('=') && i + 1 < argv.length) brokerArgs.push(argv[++i]!);
    } else {
      metadataArgs.push(arg);
    }
  }
  const metadataCommand = parseMetadataServerFlags(metadataArgs);
  if (metadataCommand.kind === 'help') return { kind: 'help' };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: brokerArgs, strict: true, allowPositionals: false, options: BROKER_OPTIONS }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const root = metadataCommand.settings.dataDir;
  const hostPort = (flag: string, value: string | boolean | undefined): string => {
    if (typeof value !== 'string' || !/^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):[0-9]{1,5}$/.test(value)) {
      throw new UsageError(`--${flag}: expected host:port, got ${JSON.stringify(value ?? '')}`);
    }
    return value;
  };
  const listen = hostPort('listen', values.listen);
  const replicationListen =
    values['replication-listen'] === undefined ? `${listen.slice(0, listen.lastIndexOf(':'))}:${DEFAULT_REPLICATION_PORT}` : hostPort('replication-listen', values['replication-listen']);
  const integer = (name: keyof typeof BROKER_OPTIONS, min: number): number | undefined => {
    const text = values[name];
    if (typeof text === 'boolean') throw new UsageError(`--${name} takes a value`);
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got ${JSON.stringify(text)}`);
    return n;
  };
  const voters = metadataCommand.settings.voters;
  let controllerAdmin: { id: number; address: string }[];
  const adminText = values['controller-admin'];
  if (typeof adminText === 'string') {
    controllerAdmin = [...parseVoters(adminText, '--controller-admin')].map(([id, address]) => ({ id, address }));
  } else if (voters.size === 1 && voters.has(metadataCommand.settings.nodeId)) {
    controllerAdmin = [{ id: metadataCommand.settings.nodeId, address: metadataCommand.settings.adminListen }];
  } else {
    throw new UsageError('--controller-admin is required (the MetadataAdmin address of every controller)');
  }
  const tlsFiles = [values['tls-key'], values['tls-cert'], values['tls-ca']];
  if (tlsFiles.some((f) => f !== undefined) && !tlsFiles.every((f) => typeof f === 'string')) {
    throw new UsageError('--tls-key, --tls-cert and --tls-ca go together');
  }
  const tls = typeof values['tls-key'] === 'string' ? new TlsIdentity({ keyFile: values['tls-key'], certFile: String(values['tls-cert']), caFile: String(values['tls-ca']) }) : undefined;
  return {
    kind: 'run',
    settings: {
      metadata: { ...metadataCommand.settings, dataDir: path.join(root, 'metadata'), controllerAdmin, ...(tls === undefined ? {} : { tls }) },
      ...(tls === undefined ? {} : { listenerSecurity: { protocol: 'SSL', tls, clientAuth: 'required' } as const }),
      listen,
      replicationListen,
      autoCreateTopics: values['auto-create-topics'] === true,
      controllerAdmin,
      advertisedHost: typeof values['advertised-host'] === 'string' ? values['advertised-host'] : undefined,
      rack: typeof values.rack === 'string' ? values.rack : null,
      logDir: path.join(root, 'logs'),
      replicaLagTimeMaxMs: integer('replica-lag-time-max-ms', 1),
      heartbeatIntervalMs: integer('heartbeat-interval-ms', 1),
      offsetsTopicPartitions: integer('offsets-topic-partitions', 1),
      groupInitialRebalanceDelayMs: integer('group-initial-rebalance-delay-ms', 0),
    },
  };
}

const USAGE = `Usage: kz-broker-server --node-id N --data-dir DIR --cluster-id ID --voters ID@HOST:PORT,... --admin-listen HOST:PORT --listen HOST:PORT [options]

${BROKER_FLAGS_USAGE}

${METADATA_SERVER_USAGE.slice(METADATA_SERVER_USAGE.indexOf('Required:'))}`;

/** A running kz node with the broker role: its metadata server and the broker on it. */
export interface RunningBroker {
  readonly metadata: MetadataServer;
  readonly broker: BrokerNode;
  /** Controlled shutdown of the broker, then the admin service and the metadata node. */
  stop(): Promise<void>;
}

/**
 * Starts the metadata server the settings describe (a controller when the node is a voter) and the
 * broker on it. A halted Raft node or broker is the caller's to watch (`metadata.node.raft.halted`,
 * `broker.halted`): a process should exit on either. What started is stopped if a later step fails.
 * `instrumentation` is told of the Raft node's events and both services' requests (for metrics).
 */
export async function startBrokerServer(
  settings: BrokerServerSettings,
  logger: pino.Logger,
  instrumentation: BrokerInstrumentation = {},
): Promise<RunningBroker> {
  let admin: MetadataAdminClient | undefined;
  let metadata: MetadataServer | undefined;
  try {
    metadata = await startMetadataServer(settings.metadata, logger, instrumentation);
    // A lone voter told to pick its admin port (--admin-listen host:0) names itself by the port it
    // got: the address it was given would reach nothing.
    const bound = metadata.server.address;
    const controllers = settings.controllerAdmin.map((c) =>
      c.id === settings.metadata.nodeId && c.address === settings.metadata.adminListen && c.address.endsWith(':0') ? { id: c.id, address: bound } : c,
    );
    // One heartbeat stuck on a controller that stopped answering (SIGSTOP, a long GC) must not outlive
    // the broker's session: the next controller would fence a live broker. So no call to a
    // controller lasts more than a third of the session (found by the failover property test).
    const sessionTimeoutMs = settings.metadata.sessionTimeoutMs ?? CONTROLLER_DEFAULTS.sessionTimeoutMs;
    const attemptTimeoutMs = Math.min(5000, Math.max(500, Math.floor(sessionTimeoutMs / 3)));
    admin = new MetadataAdminClient({ controllers, timeoutMs: 10_000, attemptTimeoutMs, logger, ...(settings.metadata.tls === undefined ? {} : { tls: settings.metadata.tls }) });
    const broker = await BrokerNode.start({
      nodeId: settings.metadata.nodeId,
      clusterId: settings.metadata.clusterId,
      logDir: settings.logDir,
      metadata: metadata.node,
      controllers: admin,
      admin,
      listen: settings.listen,
      replicationListen: settings.replicationListen,
      autoCreateTopics: settings.autoCreateTopics,
      ...(settings.advertisedHost === undefined ? {} : { advertisedHost: settings.advertisedHost }),
      rack: settings.rack,
      ...(settings.replicaLagTimeMaxMs === undefined ? {} : { replica: { replicaLagTimeMaxMs: settings.replicaLagTimeMaxMs } }),
      ...(settings.heartbeatIntervalMs === undefined ? {} : { heartbeatIntervalMs: settings.heartbeatIntervalMs }),
      ...(settings.offsetsTopicPartitions === undefined ? {} : { offsetsTopicPartitions: settings.offsetsTopicPartitions }),
      ...(settings.groupInitialRebalanceDelayMs === undefined ? {} : { groups: { ...DEFAULT_GROUP_CONFIG, initialRebalanceDelayMs: settings.groupInitialRebalanceDelayMs } }),
      ...(instrumentation.brokerRequests === undefined ? {} : { observeRequest: instrumentation.brokerRequests }),
      ...(instrumentation.heartbeats === undefined ? {} : { onHeartbeat: instrumentation.heartbeats }),
      ...(instrumentation.authentications === undefined ? {} : { observeAuthentication: instrumentation.authentications }),
      ...(settings.listenerSecurity === undefined ? {} : { listenerSecurity: settings.listenerSecurity }),
      ...(settings.authorization === undefined ? {} : { authorization: settings.authorization }),
      ...(settings.metadata.tls === undefined ? {} : { interNodeTls: settings.metadata.tls }),
      logger,
    });
    const started = metadata;
    const controllerClient = admin;
    return {
      metadata: started,
      broker,
      async stop() {
        // Whatever the controlled shutdown does, the services and the Raft node still stop.
        try {
          await broker.stop({ controlled: true, timeoutMs: 10_000 });
        } finally {
          await started.server.stop();
          await started.node.stop();
          controllerClient.close();
        }
      },
    };
  } catch (error) {
    if (metadata !== undefined) {
      await metadata.server.stop();
      await metadata.node.stop();
    }
    admin?.close();
    throw error;
  }
}

async function main(): Promise<void> {
  let command: BrokerServerCommand;
  try {
    command = parseBrokerServerFlags(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kz-broker-server: ${error.message}\nRun kz-broker-server --help for usage.\n`);
    process.exit(2);
  }
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const settings = command.settings;
  const logger = pino({ level: settings.metadata.logLevel, base: { pid: process.pid } });
  // A turn that held the loop too long is logged with what ran in it (the process lives as long as the node).
  EventLoopMonitor.start({ logger: logger.child({ nodeId: settings.metadata.nodeId, component: 'event-loop' }) });
  const log = logger.child({ nodeId: settings.metadata.nodeId });
  let started: RunningBroker;
  try {
    started = await startBrokerServer(settings, logger);
  } catch (error) {
    log.fatal({ err: error }, 'node failed to start');
    process.stderr.write(`kz-broker-server: cannot start node ${settings.metadata.nodeId}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const { metadata, broker } = started;
  void metadata.node.raft.halted.then((error) => {
    log.fatal({ err: error }, 'raft node halted; exiting');
    process.exit(1);
  });
  void broker.halted.then((error) => {
    log.fatal({ err: error }, 'broker halted; exiting');
    process.exit(1);
  });
  log.info(
    {
      listen: settings.listen,
      port: broker.port,
      replicationPort: broker.replicationPort,
      adminListen: metadata.server.address,
      role: metadata.node.controller === null ? 'broker' : 'controller+broker',
      incarnationId: broker.lifecycle?.incarnationId ?? null,
    },
    'kz node ready',
  );
  stopOnSignals(log, () => started.stop());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`kz-broker-server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
