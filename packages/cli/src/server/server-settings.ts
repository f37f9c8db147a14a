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
import { raftTimeouts, type DynamicVoterSettings, type LogLevel, type MetadataServerSettings } from '@kz/metadata';
import { voterAddress, type Voter } from '@kz/raft';
import { CliError, usageError } from '../cli-error';
import { hostPort, idAddressList } from '../options/addresses';
import type { MetaProperties } from './meta-properties';
import { securitySettings, type SecurityFlags, type SecuritySettings } from './security-settings';

/**
 * Dynamic voters (a directory formatted with a directory id): the bootstrap voter set, if the
 * directory has one, and the controllers to find the quorum through. Static `--voters` would
 * contradict the log's voter set, so it is refused.
 */
function dynamicVoters(flags: ServerFlags, directoryId: string, nodeId: number, bootstrapVoters: readonly Voter[] | null): DynamicVoterSettings {
  if (flags.voters !== undefined) {
    throw usageError(`--voters is for static voters; ${flags.dataDir} was formatted for dynamic voters (directory id ${directoryId}): use --quorum-bootstrap to name controllers to join through`);
  }
  const bootstrapServers = flags.quorumBootstrap === undefined ? new Map<number, string>() : idAddressList('quorum-bootstrap', flags.quorumBootstrap);
  bootstrapServers.delete(nodeId);
  if (bootstrapVoters === null && bootstrapServers.size === 0) {
    throw usageError(`${flags.dataDir} was formatted to join a running cluster: --quorum-bootstrap must name a controller's Raft address (id@host:port,...)`);
  }
  return { directoryId, bootstrapVoters, bootstrapServers, controller: flags.roles !== 'broker' };
}

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

export interface ServerFlags extends SecurityFlags {
  readonly dataDir: string;
  readonly roles: ServerRole;
  /** Checked against meta.properties when given. */
  readonly nodeId?: number | undefined;
  readonly clusterId?: string | undefined;
  /** Static voters. Default: this node alone, `<node-id>@127.0.0.1:9094`. */
  readonly voters?: string | undefined;
  /**
   * Dynamic voters: Raft addresses of controllers to find the quorum through, id@host:port,...
   * (Kafka's controller.quorum.bootstrap.servers, with ids).
   */
  readonly quorumBootstrap?: string | undefined;
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
  /** TLS, SASL and the authorizer; the broker's listener settings take the TLS identity when the node starts. */
  readonly security: SecuritySettings;
}

export function nodeSettings(flags: ServerFlags, meta: MetaProperties | null, bootstrapVoters: readonly Voter[] | null = null): NodeSettings {
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
  const security = securitySettings(flags);
  const dynamic = meta.directoryId === undefined ? undefined : dynamicVoters(flags, meta.directoryId, nodeId, bootstrapVoters);
  if (dynamic === undefined && flags.quorumBootstrap !== undefined) {
    throw usageError(`--quorum-bootstrap is for dynamic voters; ${flags.dataDir} was formatted for static --voters`);
  }
  const voters = dynamic !== undefined ? new Map<number, string>() : idAddressList('voters', flags.voters ?? `${nodeId}@127.0.0.1:${DEFAULT_RAFT_PORT}`);
  // With dynamic voters the log says who votes; the role says who may become a voter.
  const isVoter = dynamic !== undefined ? (bootstrapVoters ?? []).some((v) => v.id === nodeId) : voters.has(nodeId);
  if (dynamic === undefined && flags.roles !== 'broker' && !isVoter) throw usageError(`--roles ${flags.roles}: node ${nodeId} must be one of --voters (${[...voters.keys()].join(', ')})`);
  if (flags.roles === 'broker' && isVoter) throw usageError(`--roles broker: node ${nodeId} is one of --voters; a voter is a controller (use --roles both)`);

  const adminListen = hostPort('admin-listen', flags.adminListen ?? DEFAULT_ADMIN_LISTEN, true);
  const ownBootstrapAddress = (bootstrapVoters ?? []).find((v) => v.id === nodeId);
  const defaultRaftListen =
    dynamic === undefined
      ? voters.get(nodeId)
      : ownBootstrapAddress !== undefined
        ? voterAddress(ownBootstrapAddress)
        : flags.roles === 'broker'
          ? undefined
          : `127.0.0.1:${DEFAULT_RAFT_PORT}`;
  const raftListen = flags.raftListen === undefined ? defaultRaftListen : hostPort('raft-listen', flags.raftListen, true);
  const metadata: MetadataServerSettings = {
    nodeId,
    // Every role keeps the metadata log in DIR/metadata, so a node can gain the broker role later
    // without moving it.
    dataDir: path.join(flags.dataDir, 'metadata'),
    clusterId: meta.clusterId,
    voters,
    ...(dynamic === undefined ? {} : { dynamicVoters: dynamic }),
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
  if (flags.roles === 'controller') return { role: flags.roles, metadata: withAdmins, broker: null, metricsListen, security };

  let controllerAdmin: { id: number; address: string }[];
  if (knownAdmins !== undefined) {
    controllerAdmin = knownAdmins;
  } else if (isVoter && (dynamic !== undefined ? bootstrapVoters!.length === 1 : voters.size === 1)) {
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
    ...(security.authorization === null ? {} : { authorization: security.authorization }),
  };
  return { role: flags.roles, metadata: withAdmins, broker, metricsListen, security };
}
