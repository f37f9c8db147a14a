/**
 * What `kz server` runs, decided from its flags (or config file) and the data directory's
 * meta.properties — a pure function, so every combination of roles and flags is tested without
 * starting a node.
 *
 * Roles follow Kafka's `process.roles`: a controller is a voter of the metadata quorum; a broker
 * stores partitions and follows the metadata log as an observer; `both` is a combined node, one
 * process for each role, which is how small clusters (and the demo) run.
 */
import * as path from 'node:path';
import type { BrokerServerSettings } from '@kz/broker';
import { raftTimeouts, type LogLevel, type MetadataServerSettings } from '@kz/metadata';
import { CliError, usageError } from '../cli-error';
import { hostPort, idAddressList } from '../options/addresses';
import type { MetaProperties } from './meta-properties';

export const SERVER_ROLES = ['controller', 'broker', 'both'] as const;
export type ServerRole = (typeof SERVER_ROLES)[number];

/**
 * Kafka's ports: 9092 for Kafka clients; kz puts the controller's admin service on 9093, Raft on
 * 9094 and broker-to-broker replication on 9095.
 */
export const DEFAULT_LISTEN = '127.0.0.1:9092';
export const DEFAULT_REPLICATION_LISTEN = '127.0.0.1:9095';
export const DEFAULT_ADMIN_LISTEN = '127.0.0.1:9093';
export const DEFAULT_RAFT_PORT = 9094;

export interface ServerFlags {
  readonly dataDir: string;
  readonly roles: ServerRole;
  /** Checked against meta.properties when given. */
  readonly nodeId?: number | undefined;
  readonly clusterId?: string | undefined;
  /** Default: this node alone, `<node-id>@127.0.0.1:9094`. */
  readonly voters?: string | undefined;
  readonly raftListen?: string | undefined;
  readonly adminListen?: string | undefined;
  readonly listen?: string | undefined;
  readonly replicationListen?: string | undefined;
  readonly autoCreateTopics?: boolean | undefined;
  readonly controllerAdmin?: string | undefined;
  readonly advertisedHost?: string | undefined;
  readonly rack?: string | undefined;
  readonly metricsListen?: string | undefined;
  readonly sessionTimeoutMs?: number | undefined;
  readonly electionTimeoutMs?: number | undefined;
  readonly fetchTimeoutMs?: number | undefined;
  readonly requestTimeoutMs?: number | undefined;
  readonly replicaLagTimeMaxMs?: number | undefined;
  readonly heartbeatIntervalMs?: number | undefined;
  readonly offsetsTopicPartitions?: number | undefined;
  readonly groupInitialRebalanceDelayMs?: number | undefined;
  readonly logLevel: LogLevel;
}

export interface NodeSettings {
  readonly role: ServerRole;
  readonly metadata: MetadataServerSettings;
  /** null for a controller-only node. */
  readonly broker: BrokerServerSettings | null;
  readonly metricsListen: string | null;
}

export function nodeSettings(flags: ServerFlags, meta: MetaProperties | null): NodeSettings {
  if (meta === null) {
    throw new CliError('NOT_FORMATTED', `${flags.dataDir} is not formatted: run \`kz format --data-dir ${flags.dataDir} --node-id N\` first`);
  }
  if (flags.nodeId !== undefined && flags.nodeId !== meta.nodeId) {
    throw new CliError('INCONSISTENT_NODE_ID', `--node-id ${flags.nodeId} does not match ${flags.dataDir}, formatted for node ${meta.nodeId}`);
  }
  if (flags.clusterId !== undefined && flags.clusterId !== meta.clusterId) {
    throw new CliError('INCONSISTENT_CLUSTER_ID', `--cluster-id ${flags.clusterId} does not match ${flags.dataDir}, formatted for cluster ${meta.clusterId}`);
  }
  const nodeId = meta.nodeId;
  const voters = idAddressList('voters', flags.voters ?? `${nodeId}@127.0.0.1:${DEFAULT_RAFT_PORT}`);
  const isVoter = voters.has(nodeId);
  if (flags.roles !== 'broker' && !isVoter) throw usageError(`--roles ${flags.roles}: node ${nodeId} must be one of --voters (${[...voters.keys()].join(', ')})`);
  if (flags.roles === 'broker' && isVoter) throw usageError(`--roles broker: node ${nodeId} is one of --voters; a voter is a controller (use --roles both)`);

  const adminListen = hostPort('admin-listen', flags.adminListen ?? DEFAULT_ADMIN_LISTEN, true);
  const raftListen = flags.raftListen === undefined ? voters.get(nodeId) : hostPort('raft-listen', flags.raftListen, true);
  const metadata: MetadataServerSettings = {
    nodeId,
    // Every role keeps the metadata log in DIR/metadata, so a node can gain the broker role later
    // without moving it.
    dataDir: path.join(flags.dataDir, 'metadata'),
    clusterId: meta.clusterId,
    voters,
    raftListen,
    adminListen,
    sessionTimeoutMs: flags.sessionTimeoutMs,
    requestTimeoutMs: flags.requestTimeoutMs,
    raftConfig: raftTimeouts(flags.electionTimeoutMs, flags.fetchTimeoutMs),
    logLevel: flags.logLevel,
  };
  const metricsListen = flags.metricsListen === undefined ? null : hostPort('metrics-listen', flags.metricsListen, true);
  // A controller given every controller's admin address tells clients where the others are (KIP-919).
  const knownAdmins = flags.controllerAdmin === undefined ? undefined : [...idAddressList('controller-admin', flags.controllerAdmin)].map(([id, address]) => ({ id, address }));
  const withAdmins: MetadataServerSettings = knownAdmins === undefined ? metadata : { ...metadata, controllerAdmin: knownAdmins };
  if (flags.roles === 'controller') return { role: flags.roles, metadata: withAdmins, broker: null, metricsListen };

  let controllerAdmin: { id: number; address: string }[];
  if (knownAdmins !== undefined) {
    controllerAdmin = knownAdmins;
  } else if (voters.size === 1 && isVoter) {
    controllerAdmin = [{ id: nodeId, address: adminListen }];
  } else {
    throw usageError('--controller-admin is required (the admin address of every controller, e.g. 1@127.0.0.1:9093,...) unless this node is the only voter');
  }
  const broker: BrokerServerSettings = {
    metadata: withAdmins,
    listen: hostPort('listen', flags.listen ?? DEFAULT_LISTEN, true),
    replicationListen: hostPort('replication-listen', flags.replicationListen ?? DEFAULT_REPLICATION_LISTEN, true),
    autoCreateTopics: flags.autoCreateTopics ?? false,
    controllerAdmin,
    advertisedHost: flags.advertisedHost,
    rack: flags.rack ?? null,
    logDir: path.join(flags.dataDir, 'logs'),
    replicaLagTimeMaxMs: flags.replicaLagTimeMaxMs,
    heartbeatIntervalMs: flags.heartbeatIntervalMs,
    offsetsTopicPartitions: flags.offsetsTopicPartitions,
    groupInitialRebalanceDelayMs: flags.groupInitialRebalanceDelayMs,
  };
  return { role: flags.roles, metadata: withAdmins, broker, metricsListen };
}
