#!/usr/bin/env node
/**
 * `kz-metadata-server`: one node of the metadata quorum as a process — a GrpcRaftTransport, a
 * MetadataNode on it (with the quorum controller when the node is a voter), and the MetadataAdmin
 * gRPC service. See METADATA_SERVER_USAGE for flags.
 *
 * Exit codes: 0 after a graceful stop (SIGTERM / SIGINT), 1 when the node cannot start or its Raft
 * node halts (a failed disk must not leave a process that only answers errors), 2 on a bad command
 * line.
 */
import { parseArgs } from 'node:util';
import {
  checkDirectoryId,
  GrpcRaftTransport,
  LevelRaftStorage,
  newDirectoryId,
  parseHostPort,
  voterAddress,
  type DirectoryId,
  type Endpoint,
  type NodeId,
  type Voter,
} from '@kz/raft';
import { randomBytes } from 'node:crypto';
import { type TlsIdentity } from '@kz/runtime';
import { StandardAuthorizer } from '../security/standard-authorizer';
import { EventLoopMonitor } from '@kz/runtime';
import pino from 'pino';
import { MetadataAdminServer } from '../service/metadata-admin-server';
import { MetadataNode } from './metadata-node';
import { RAFT_LISTENER_NAME, standaloneVoters, voterBootstrap } from './dynamic-voter-flags';
import { UsageError } from './usage-error';
import type { ServerInstrumentation } from './server-instrumentation';
import { stopOnSignals } from './stop-on-signals';

export const METADATA_SERVER_USAGE = `Usage: kz-metadata-server --node-id N --data-dir DIR --cluster-id ID --voters ID@HOST:PORT,... --admin-listen HOST:PORT [options]
       kz-metadata-server --node-id N --data-dir DIR --cluster-id ID --admin-listen HOST:PORT
                          (--standalone | --initial-controllers LIST | --quorum-bootstrap LIST) [options]

Runs one node of the kz metadata quorum (KRaft without Kafka): the __cluster_metadata Raft log, the
quorum controller on voters, and the MetadataAdmin gRPC service.

Required:
  --node-id N                  this node's id; a node not in --voters is an observer (no controller)
  --data-dir DIR               Raft log, snapshots and votes (LevelDB, synced writes); created if missing
  --cluster-id ID              the cluster's id, checked on every Raft request and broker registration
  --voters LIST                static voters: Raft address of every controller, e.g. 1@127.0.0.1:9101,2@127.0.0.1:9102,3@127.0.0.1:9103
  --admin-listen HOST:PORT     where the MetadataAdmin service listens (port 0 picks a free port)

Dynamic voters (KIP-853), instead of --voters; the data dir keeps this replica's directory id:
  --standalone                 a new cluster whose only voter is this node, listed at --raft-listen
                               (required); it grows with \`kz quorum add-controller\`
  --initial-controllers LIST   a new cluster of these voters, id@host:port:directory-id,... (the same
                               list on each; this node takes its address and directory id from it)
  --quorum-bootstrap LIST      Raft addresses of controllers to find the quorum through, id@host:port,...;
                               alone, this node joins a running cluster as an observer until added
  --directory-id ID            this replica's directory id (22 characters of base64url); default: the
                               one the data dir holds, else a new one (a wiped dir is a new replica)

Options:
  --raft-listen HOST:PORT      where Raft listens (default for a voter: its --voters address; an
                               observer needs none, since replies come back on its own calls)
  --controller-admin LIST      every controller's MetadataAdmin address, e.g. 1@127.0.0.1:9201,2@...:
                               DescribeCluster tells clients where they are, so a client given one
                               controller reaches the active one (default: only this node's own)
  --session-timeout-ms MS      a broker silent this long is fenced (default: 9000)
  --election-timeout-ms MS     Raft election timeout (default: 1000)
  --fetch-timeout-ms MS        a follower that hears nothing from the leader this long campaigns (default: 2000)
  --request-timeout-ms MS      how long a controller request waits to commit before REQUEST_TIMED_OUT (default: 30000)
  --log-level LEVEL            fatal, error, warn, info, debug, trace or silent (default: info)
  -h, --help                   show this help

Stops gracefully on SIGTERM or SIGINT (a second signal exits at once).`;

export { RAFT_LISTENER_NAME } from './dynamic-voter-flags';
export { UsageError } from './usage-error';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface MetadataServerSettings {
  readonly nodeId: NodeId;
  readonly dataDir: string;
  readonly clusterId: string;
  /** Static voters: the Raft address of every voter. Empty with `dynamicVoters`. */
  readonly voters: ReadonlyMap<NodeId, string>;
  /** Dynamic voters (KIP-853), for a data dir formatted with a directory id; `voters` is then empty. */
  readonly dynamicVoters?: DynamicVoterSettings;
  /** undefined: an observer that serves no Raft port. */
  readonly raftListen: string | undefined;
  readonly adminListen: string;
  /** Every controller's admin address, reported by DescribeCluster (KIP-919); absent: only this node's own. */
  readonly controllerAdmin?: readonly { readonly id: number; readonly address: string }[];
  readonly sessionTimeoutMs: number | undefined;
  readonly requestTimeoutMs: number | undefined;
  readonly raftConfig: { electionTimeoutMs?: number; electionBackoffMaxMs?: number; fetchTimeoutMs?: number; fetchMaxWaitMs?: number };
  readonly logLevel: LogLevel;
  /** Mutual TLS for Raft and the admin service, with this node's identity (CN kz-node-<id>). */
  readonly tls?: TlsIdentity;
  /** With TLS: the StandardAuthorizer for user certificates on the admin service; absent: any certificate may. */
  readonly authorization?: { readonly superUsers: readonly string[]; readonly allowEveryoneIfNoAclFound: boolean };
}

export interface DynamicVoterSettings {
  /** This replica's directory id; absent: the one the data dir holds, else a new one (kz-metadata-server, which has no format step). */
  readonly directoryId?: DirectoryId;
  /**
   * The voter set a new cluster starts from (a bootstrap checkpoint, `--initial-controllers`), or
   * 'standalone': this node alone, at its Raft address, with its directory id; null for a node that
   * joins a running cluster.
   */
  readonly bootstrapVoters: readonly Voter[] | 'standalone' | null;
  /** Raft addresses of controllers to find the quorum through (Kafka's controller.quorum.bootstrap.servers). */
  readonly bootstrapServers: ReadonlyMap<NodeId, string>;
  /** Whether this node runs the quorum controller (a controller that is not a voter yet waits as an observer). */
  readonly controller: boolean;
}

export type MetadataServerCommand = { readonly kind: 'help' } | { readonly kind: 'run'; readonly settings: MetadataServerSettings };

const VOTER = /^(0|[1-9][0-9]{0,9})@((?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):([0-9]{1,5}))$/;
const HOST_PORT = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):([0-9]{1,5})$/;
const INT32_MAX = 2 ** 31 - 1;
/** KRaft's fetch long-poll bound, capped so that two fit in one fetch timeout (KIP-1236). */
const DEFAULT_FETCH_MAX_WAIT_MS = 500;

/** `1@host:port,2@host:port`: KRaft's controller.quorum.voters (`flag` names it in errors). */
export function parseVoters(text: string, flag = '--voters'): Map<NodeId, string> {
  const voters = new Map<NodeId, string>();
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const match = VOTER.exec(entry);
    const port = Number(match?.[3]);
    if (match === null || !(port >= 1 && port <= 65535)) throw new UsageError(`${flag}: expected id@host:port, got ${JSON.stringify(entry)}`);
    const id = Number(match[1]);
    if (id > INT32_MAX) throw new UsageError(`${flag}: node id ${id} is too large`);
    if (voters.has(id)) throw new UsageError(`${flag}: node ${id} is listed twice`);
    voters.set(id, match[2]!);
  }
  if (voters.size === 0) throw new UsageError(`${flag}: no entries`);
  return voters;
}

/** The Raft settings that follow from the two timeouts an operator sets (undefined: Raft's default). */
export function raftTimeouts(electionTimeoutMs: number | undefined, fetchTimeoutMs: number | undefined): MetadataServerSettings['raftConfig'] {
  const raftConfig: { electionTimeoutMs?: number; electionBackoffMaxMs?: number; fetchTimeoutMs?: number; fetchMaxWaitMs?: number } = {};
  if (electionTimeoutMs !== undefined) {
    raftConfig.electionTimeoutMs = electionTimeoutMs;
    // The backoff after a lost election scales with the timeout; KRaft's 1000 ms cap would dwarf a short one.
    raftConfig.electionBackoffMaxMs = electionTimeoutMs;
  }
  if (fetchTimeoutMs !== undefined) {
    raftConfig.fetchTimeoutMs = fetchTimeoutMs;
    // Raft refuses a long poll longer than half the fetch timeout; shorten it with the timeout.
    raftConfig.fetchMaxWaitMs = Math.min(DEFAULT_FETCH_MAX_WAIT_MS, Math.floor(fetchTimeoutMs / 2));
  }
  return raftConfig;
}

interface DynamicVoterFlags {
  readonly standalone: boolean;
  readonly initialControllers: string | undefined;
  readonly quorumBootstrap: string | undefined;
  readonly directoryId: string | undefined;
}

/** kz-metadata-server's dynamic-voter flags as settings; undefined when none is given (static --voters). */
function dynamicVoterFlags(nodeId: NodeId, flags: DynamicVoterFlags): DynamicVoterSettings | undefined {
  if (!flags.standalone && flags.initialControllers === undefined && flags.quorumBootstrap === undefined && flags.directoryId === undefined) return undefined;
  const bootstrap = voterBootstrap({ nodeId, standalone: flags.standalone, initialControllers: flags.initialControllers });
  const bootstrapServers = flags.quorumBootstrap === undefined ? new Map<NodeId, string>() : parseVoters(flags.quorumBootstrap, '--quorum-bootstrap');
  bootstrapServers.delete(nodeId);
  if (bootstrap === null && bootstrapServers.size === 0) {
    throw new UsageError('dynamic voters: give --standalone or --initial-controllers for a new cluster, or --quorum-bootstrap to join a running one');
  }
  let directoryId: DirectoryId | undefined;
  if (flags.directoryId !== undefined) {
    try {
      directoryId = checkDirectoryId(flags.directoryId);
    } catch (error) {
      throw new UsageError(`--directory-id: ${(error as Error).message}`);
    }
  }
  if (bootstrap?.kind === 'initial-controllers') {
    if (directoryId !== undefined && directoryId !== bootstrap.self.directoryId) {
      throw new UsageError(`--directory-id ${directoryId} is not node ${nodeId}'s in --initial-controllers (${bootstrap.self.directoryId})`);
    }
    directoryId = bootstrap.self.directoryId;
  }
  return {
    ...(directoryId === undefined ? {} : { directoryId }),
    bootstrapVoters: bootstrap === null || bootstrap.kind === 'join' ? null : bootstrap.kind === 'standalone' ? 'standalone' : bootstrap.voters,
    bootstrapServers,
    // A metadata server is a controller: one that joins as an observer takes over when it leads.
    controller: true,
  };
}

export function parseMetadataServerFlags(argv: readonly string[]): MetadataServerCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'node-id': { type: 'string' },
        'data-dir': { type: 'string' },
        'cluster-id': { type: 'string' },
        voters: { type: 'string' },
        standalone: { type: 'boolean' },
        'initial-controllers': { type: 'string' },
        'quorum-bootstrap': { type: 'string' },
        'directory-id': { type: 'string' },
        'raft-listen': { type: 'string' },
        'admin-listen': { type: 'string' },
        'controller-admin': { type: 'string' },
        'session-timeout-ms': { type: 'string' },
        'election-timeout-ms': { type: 'string' },
        'fetch-timeout-ms': { type: 'string' },
        'request-timeout-ms': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) return { kind: 'help' };

  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const required = (name: string): string => {
    const value = text(name);
    if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
    return value;
  };
  const integer = (name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new UsageError(`--${name} must be an integer in [${min}, ${max}], got ${JSON.stringify(value)}`);
    }
    return n;
  };
  const address = (name: string, allowPortZero: boolean): string | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    const port = Number(HOST_PORT.exec(value)?.[1]);
    if (!(port >= (allowPortZero ? 0 : 1) && port <= 65535)) throw new UsageError(`--${name}: expected host:port, got ${JSON.stringify(value)}`);
    return value;
  };

  const nodeId = integer('node-id', 0, INT32_MAX);
  if (nodeId === undefined) throw new UsageError('--node-id is required');
  const dataDir = required('data-dir');
  const clusterId = required('cluster-id');
  // It travels as gRPC metadata on every Raft request: printable ASCII only.
  if (!/^[\x20-\x7e]+$/.test(clusterId)) throw new UsageError('--cluster-id must be printable ASCII');
  const adminListen = address('admin-listen', true);
  if (adminListen === undefined) throw new UsageError('--admin-listen is required');
  const dynamicVoters = dynamicVoterFlags(nodeId, {
    standalone: values.standalone === true,
    initialControllers: text('initial-controllers'),
    quorumBootstrap: text('quorum-bootstrap'),
    directoryId: text('directory-id'),
  });
  const votersText = text('voters');
  if (dynamicVoters !== undefined && votersText !== undefined) {
    throw new UsageError('--voters is for static voters; --standalone, --initial-controllers, --quorum-bootstrap and --directory-id are for dynamic voters');
  }
  const voters = dynamicVoters === undefined ? parseVoters(required('voters')) : new Map<NodeId, string>();
  const ownBootstrap = Array.isArray(dynamicVoters?.bootstrapVoters) ? dynamicVoters.bootstrapVoters.find((v) => v.id === nodeId) : undefined;
  const raftListen = address('raft-listen', true) ?? voters.get(nodeId) ?? (ownBootstrap === undefined ? undefined : voterAddress(ownBootstrap));
  if (dynamicVoters?.bootstrapVoters === 'standalone' && (raftListen === undefined || raftEndpoints(raftListen).length === 0)) {
    throw new UsageError('--standalone lists this node where its Raft listens: give --raft-listen HOST:PORT (not port 0)');
  }
  const adminText = text('controller-admin');
  const controllerAdmin = adminText === undefined ? undefined : [...parseVoters(adminText, '--controller-admin')].map(([id, address]) => ({ id, address }));

  const logLevel = text('log-level') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);

  const raftConfig = raftTimeouts(integer('election-timeout-ms', 1), integer('fetch-timeout-ms', 2));

  return {
    kind: 'run',
    settings: {
      nodeId,
      dataDir,
      clusterId,
      voters,
      ...(dynamicVoters === undefined ? {} : { dynamicVoters }),
      raftListen,
      adminListen,
      ...(controllerAdmin === undefined ? {} : { controllerAdmin }),
      sessionTimeoutMs: integer('session-timeout-ms', 1),
      requestTimeoutMs: integer('request-timeout-ms', 1),
      raftConfig,
      logLevel: logLevel as LogLevel,
    },
  };
}

/** A running metadata server: the Raft transport, the metadata node on it and its admin service. */
export interface MetadataServer {
  readonly node: MetadataNode;
  readonly transport: GrpcRaftTransport;
  readonly server: MetadataAdminServer;
}

/**
 * Starts the node the settings describe: the transport, the MetadataNode (a voter runs the
 * controller) and the MetadataAdmin service. What started is stopped again if a later step fails.
 * `kz-broker-server` runs the same thing under its broker. `instrumentation` is told of the Raft
 * node's events and the admin service's requests (for a metrics endpoint).
 */
export async function startMetadataServer(
  settings: MetadataServerSettings,
  logger: pino.Logger,
  instrumentation: ServerInstrumentation = {},
): Promise<MetadataServer> {
  const resolved = settings.dynamicVoters === undefined ? undefined : await resolveDynamicVoters(settings);
  const dynamic = resolved?.dynamic;
  const peers = new Map(settings.voters);
  if (dynamic !== undefined) {
    for (const [id, address] of dynamic.bootstrapServers) peers.set(id, address);
    for (const voter of dynamic.bootstrapVoters ?? []) {
      const address = voterAddress(voter);
      if (address !== undefined) peers.set(voter.id, address);
    }
  }
  peers.delete(settings.nodeId);
  const transport = new GrpcRaftTransport({
    nodeId: settings.nodeId,
    clusterId: settings.clusterId,
    ...(settings.raftListen === undefined ? {} : { listen: settings.raftListen }),
    peers,
    // The transport names its node itself where it matters; a child would say it twice.
    logger,
    ...(settings.tls === undefined ? {} : { tls: settings.tls }),
    ...(instrumentation.authentications === undefined ? {} : { observeAuthentication: instrumentation.authentications }),
  });
  const storage = resolved?.storage ?? { dataDir: settings.dataDir };
  const node = await startOrClose(resolved?.storage, () => MetadataNode.start({
    nodeId: settings.nodeId,
    ...(dynamic === undefined
      ? { voters: [...settings.voters.keys()] }
      : {
          dynamic: {
            directoryId: dynamic.directoryId,
            ...(dynamic.bootstrapVoters === null ? {} : { bootstrapVoters: dynamic.bootstrapVoters }),
            bootstrapServers: [...dynamic.bootstrapServers.keys()].filter((id) => id !== settings.nodeId),
            endpoints: raftEndpoints(settings.raftListen),
            controller: dynamic.controller,
          },
        }),
    storage,
    transport,
    clusterId: settings.clusterId,
    raft: settings.raftConfig,
    ...(settings.sessionTimeoutMs === undefined ? {} : { controller: { sessionTimeoutMs: settings.sessionTimeoutMs } }),
    ...(settings.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: settings.requestTimeoutMs }),
    ...(instrumentation.raft === undefined ? {} : { raftMetrics: instrumentation.raft }),
    ...(instrumentation.controllerEvents === undefined ? {} : { onControllerEvent: instrumentation.controllerEvents }),
    logger,
  }));
  try {
    const server = await MetadataAdminServer.start({
      node,
      listen: settings.adminListen,
      clusterId: settings.clusterId,
      ...(settings.controllerAdmin === undefined ? {} : { controllers: settings.controllerAdmin }),
      raftEndpoints: raftEndpoints(transport.listenAddress),
      logger,
      ...(instrumentation.adminRequests === undefined ? {} : { observeRequest: instrumentation.adminRequests }),
      ...(settings.tls === undefined ? {} : { tls: settings.tls }),
      ...(settings.authorization === undefined
        ? {}
        : { authorizer: new StandardAuthorizer({ acls: () => node.image.acls, superUsers: settings.authorization.superUsers, allowEveryoneIfNoAclFound: settings.authorization.allowEveryoneIfNoAclFound }) }),
    });
    return { node, transport, server };
  } catch (error) {
    await node.stop();
    throw error;
  }
}

interface ResolvedDynamicVoters {
  readonly dynamic: DynamicVoterSettings & { readonly directoryId: DirectoryId; readonly bootstrapVoters: readonly Voter[] | null };
  /** The storage opened to read the directory id it holds; the node starts on it. */
  readonly storage?: LevelRaftStorage;
}

/**
 * The directory id and bootstrap voter set the node starts with. Without a directory id in the
 * settings (kz-metadata-server has no format step), it is the one the data dir holds — read from the
 * storage, which the node then starts on — or a new one for an empty dir, so the same command line
 * restarts the same replica and a wiped dir is a new one.
 */
async function resolveDynamicVoters(settings: MetadataServerSettings): Promise<ResolvedDynamicVoters> {
  const given = settings.dynamicVoters!;
  let storage: LevelRaftStorage | undefined;
  let directoryId = given.directoryId;
  if (directoryId === undefined) {
    storage = await LevelRaftStorage.open(settings.dataDir);
    directoryId = storage.storedDirectoryId ?? newDirectoryId(secureRandom);
  }
  const bootstrapVoters = given.bootstrapVoters === 'standalone' ? standaloneVoters(settings.nodeId, directoryId, settings.raftListen!) : given.bootstrapVoters;
  return { dynamic: { ...given, directoryId, bootstrapVoters }, ...(storage === undefined ? {} : { storage }) };
}

/** Starts the node; a storage opened for it is closed again if it does not start. */
async function startOrClose<T>(storage: LevelRaftStorage | undefined, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    await storage?.close().catch(() => undefined);
    throw error;
  }
}

function secureRandom(): number {
  return randomBytes(4).readUInt32BE(0) / 2 ** 32;
}

/** The endpoint a voter set names for this node: where its Raft listens (none while it picks a free port). */
export function raftEndpoints(raftListen: string | undefined): Endpoint[] {
  if (raftListen === undefined) return [];
  const { host, port } = parseHostPort(raftListen, 'raft-listen', true);
  return port === 0 ? [] : [{ name: RAFT_LISTENER_NAME, host, port }];
}

async function main(): Promise<void> {
  let command: MetadataServerCommand;
  try {
    command = parseMetadataServerFlags(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`kz-metadata-server: ${error.message}\nRun kz-metadata-server --help for usage.\n`);
    process.exit(2);
  }
  if (command.kind === 'help') {
    process.stdout.write(`${METADATA_SERVER_USAGE}\n`);
    return;
  }
  const settings = command.settings;
  const logger = pino({ level: settings.logLevel, base: { pid: process.pid } });
  // A turn that held the loop too long is logged with what ran in it (the process lives as long as the node).
  EventLoopMonitor.start({ logger: logger.child({ nodeId: settings.nodeId, component: 'event-loop' }) });
  const log = logger.child({ nodeId: settings.nodeId });

  let started: MetadataServer;
  try {
    started = await startMetadataServer(settings, logger);
  } catch (error) {
    // Locked or corrupt data dir, port taken, bad address: say which, and fail the process.
    log.fatal({ err: error }, 'metadata server failed to start');
    process.stderr.write(`kz-metadata-server: cannot start node ${settings.nodeId}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const { node, transport, server } = started;

  // A halted Raft node (its disk failed) must not leave a process that only answers errors.
  void node.raft.halted.then((error) => {
    log.fatal({ err: error }, 'raft node halted; exiting');
    process.exit(1);
  });

  log.info(
    {
      raftListen: transport.listenAddress ?? null,
      adminListen: server.address,
      voters: Object.fromEntries(settings.voters),
      ...(settings.dynamicVoters === undefined ? {} : { directoryId: node.raft.status().directoryId, isVoter: node.raft.status().isVoter }),
      role: node.controller === null ? 'observer' : 'voter',
      clusterId: settings.clusterId,
    },
    'metadata server ready',
  );

  stopOnSignals(
    log,
    async () => {
      await server.stop();
      await node.stop();
    },
    'metadata server stopped',
  );
}

// Run only as a program: tests import the flag parser without starting a node.
if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`kz-metadata-server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
