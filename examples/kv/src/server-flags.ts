/**
 * The command line of one kv node (`main.ts`): flags → validated settings, or a usage error that
 * names the flag. Parsing is node:util's parseArgs (strict: unknown flags are errors), so the
 * example needs no CLI dependency.
 */
import { parseArgs } from 'node:util';
import type { NodeId } from '@kz/raft';
import { InvalidAddressListError, parseNodeAddressList } from './node-address-list';

export const SERVER_USAGE = `Usage: kz-kv --node-id N --data-dir DIR --peers ID=HOST:PORT,... --kv-peers ID=HOST:PORT,... [options]

Runs one node of the replicated key-value store: a Raft voter (@kz/raft) and a KvService gRPC server.

Required:
  --node-id N                 this node's id; it must appear in --peers
  --data-dir DIR              Raft log, snapshots and votes (LevelDB, synced writes); created if missing
  --peers LIST                Raft address of every voter, e.g. 1=127.0.0.1:7001,2=127.0.0.1:7002,3=127.0.0.1:7003
  --kv-peers LIST             KvService address of every voter (for NOT_LEADER redirects), e.g. 1=127.0.0.1:7101,...

Options:
  --raft-listen HOST:PORT     where Raft listens (default: this node's --peers address)
  --listen HOST:PORT          where the KvService listens (default: this node's --kv-peers address)
  --cluster-id ID             checked on every Raft request (default: kz-kv)
  --request-timeout-ms MS     how long a write waits to commit before REQUEST_TIMED_OUT (default: 5000)
  --election-timeout-ms MS    Raft election timeout (default: KRaft's, 1000)
  --fetch-timeout-ms MS       Raft fetch timeout: a follower that hears nothing this long campaigns (default: 2000)
  --fetch-max-wait-ms MS      Raft long-poll bound of a fetch; at most half the fetch timeout (default: 500)
  --snapshot-every-bytes N    snapshot the map after this many committed bytes (default: 20 MiB)
  --log-level LEVEL           fatal, error, warn, info, debug, trace or silent (default: info)
  -h, --help                  show this help

Stops gracefully on SIGTERM or SIGINT.`;

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface ServerSettings {
  readonly nodeId: NodeId;
  readonly dataDir: string;
  readonly voters: readonly NodeId[];
  readonly raftListen: string;
  /** Raft addresses of the other voters. */
  readonly raftPeers: ReadonlyMap<NodeId, string>;
  readonly listen: string;
  readonly kvPeers: ReadonlyMap<NodeId, string>;
  readonly clusterId: string;
  readonly requestTimeoutMs: number;
  readonly raftConfig: { electionTimeoutMs?: number; fetchTimeoutMs?: number; fetchMaxWaitMs?: number; electionBackoffMaxMs?: number };
  readonly snapshotEveryBytes: number | undefined;
  readonly logLevel: LogLevel;
}

export type ServerCommand = { readonly kind: 'help' } | { readonly kind: 'run'; readonly settings: ServerSettings };

/** A bad command line: print it with the usage hint and exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code = 'USAGE';
}

export function parseServerFlags(argv: readonly string[]): ServerCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'node-id': { type: 'string' },
        'data-dir': { type: 'string' },
        peers: { type: 'string' },
        'kv-peers': { type: 'string' },
        'raft-listen': { type: 'string' },
        listen: { type: 'string' },
        'cluster-id': { type: 'string' },
        'request-timeout-ms': { type: 'string' },
        'election-timeout-ms': { type: 'string' },
        'fetch-timeout-ms': { type: 'string' },
        'fetch-max-wait-ms': { type: 'string' },
        'snapshot-every-bytes': { type: 'string' },
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
  const integer = (name: string, min: number): number | undefined => {
    const value = text(name);
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
    return n;
  };
  const addressList = (name: string): Map<NodeId, string> => {
    try {
      return parseNodeAddressList(required(name), `--${name}`);
    } catch (error) {
      if (error instanceof InvalidAddressListError) throw new UsageError(error.message);
      throw error;
    }
  };

  const nodeId = integer('node-id', 0);
  if (nodeId === undefined) throw new UsageError('--node-id is required');
  const dataDir = required('data-dir');
  const peers = addressList('peers');
  const kvPeers = addressList('kv-peers');
  if (!peers.has(nodeId)) throw new UsageError(`--peers must list this node (${nodeId})`);
  const voters = [...peers.keys()];
  for (const id of voters) if (!kvPeers.has(id)) throw new UsageError(`--kv-peers has no address for voter ${id}`);
  for (const id of kvPeers.keys()) if (!peers.has(id)) throw new UsageError(`--kv-peers names node ${id}, which --peers does not`);

  const raftPeers = new Map(peers);
  raftPeers.delete(nodeId);
  const logLevel = text('log-level') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);

  const raftConfig: ServerSettings['raftConfig'] = {};
  const electionTimeoutMs = integer('election-timeout-ms', 1);
  const fetchTimeoutMs = integer('fetch-timeout-ms', 1);
  const fetchMaxWaitMs = integer('fetch-max-wait-ms', 1);
  if (electionTimeoutMs !== undefined) {
    raftConfig.electionTimeoutMs = electionTimeoutMs;
    // The backoff after a lost election scales with the timeout; KRaft's 1000 ms cap would dwarf a short one.
    raftConfig.electionBackoffMaxMs = electionTimeoutMs;
  }
  if (fetchTimeoutMs !== undefined) raftConfig.fetchTimeoutMs = fetchTimeoutMs;
  if (fetchMaxWaitMs !== undefined) raftConfig.fetchMaxWaitMs = fetchMaxWaitMs;
  const effectiveFetchTimeout = fetchTimeoutMs ?? 2000;
  const effectiveMaxWait = fetchMaxWaitMs ?? Math.min(500, Math.floor(effectiveFetchTimeout / 2));
  if (effectiveMaxWait * 2 > effectiveFetchTimeout) {
    throw new UsageError(`--fetch-max-wait-ms (${effectiveMaxWait}) must be at most half of --fetch-timeout-ms (${effectiveFetchTimeout})`);
  }
  if (fetchMaxWaitMs === undefined && fetchTimeoutMs !== undefined) raftConfig.fetchMaxWaitMs = effectiveMaxWait;

  return {
    kind: 'run',
    settings: {
      nodeId,
      dataDir,
      voters,
      raftListen: text('raft-listen') ?? peers.get(nodeId)!,
      raftPeers,
      listen: text('listen') ?? kvPeers.get(nodeId)!,
      kvPeers,
      clusterId: text('cluster-id') ?? 'kz-kv',
      requestTimeoutMs: integer('request-timeout-ms', 1) ?? 5000,
      raftConfig,
      snapshotEveryBytes: integer('snapshot-every-bytes', 1),
      logLevel: logLevel as LogLevel,
    },
  };
}
