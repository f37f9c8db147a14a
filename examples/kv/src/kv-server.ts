/**
 * One kv node: a RaftNode driving a KvStateMachine, and the KvService served over gRPC. Raft
 * speaks on its own port through GrpcRaftTransport (or any RaftTransport, for in-process tests),
 * clients on another.
 *
 * Durability is Raft's: with a data dir the node opens LevelRaftStorage, whose writes are synced
 * before the core counts them, so an acknowledged write survives a SIGKILL of any minority.
 */
import { Server, ServerCredentials } from '@grpc/grpc-js';
import {
  GrpcRaftTransport,
  ListenFailedError,
  RaftNode,
  type NodeId,
  type RaftNodeOptions,
  type RaftStorage,
  type RaftTransport,
} from '@kz/raft';
import pino, { type Logger } from 'pino';
import { KvService } from './kv-service';
import { KV_SERVICE_DEFINITION } from './kv-service-definition';
import { KvStateMachine } from './kv-state-machine';

/** Raft over gRPC, as a real deployment runs it. */
export interface GrpcRaftWiring {
  /** `host:port` the Raft transport serves on. */
  readonly listen: string;
  /** Raft `host:port` of every other voter. */
  readonly peers: ReadonlyMap<NodeId, string>;
  readonly clusterId: string;
}

/** Any RaftTransport (e.g. InMemoryRaftNetwork's), for tests that keep the cluster in one process. */
export interface CustomRaftWiring {
  readonly transport: RaftTransport;
}

export interface KvServerOptions {
  readonly nodeId: NodeId;
  readonly voters: readonly NodeId[];
  /** A data directory (level storage, synced writes), or any RaftStorage. */
  readonly storage: { readonly dataDir: string } | RaftStorage;
  readonly raft: GrpcRaftWiring | CustomRaftWiring;
  /** `host:port` the KvService serves on; port 0 picks a free port (see `address`). */
  readonly listen: string;
  /** KvService `host:port` of the other nodes, for NOT_LEADER redirects. */
  readonly kvPeers: ReadonlyMap<NodeId, string>;
  /** How long a write waits to commit (and a read for its barrier) before REQUEST_TIMED_OUT. Default 5000. */
  readonly requestTimeoutMs?: number;
  /** Raft protocol settings (timeouts); KRaft's defaults otherwise. */
  readonly raftConfig?: RaftNodeOptions['config'];
  /** Default: @kz/raft's (20 MiB). */
  readonly snapshotEveryBytes?: number;
  /**
   * Default 1: a snapshot also waits for as many log bytes as the last snapshot held. The whole
   * map is rewritten each time, and a map larger than snapshotEveryBytes would otherwise be
   * snapshotted more often than it is replaced (see @kz/raft's SnapshotPolicy).
   */
  readonly snapshotStateRatio?: number;
  /**
   * Default 0.5: each node's snapshot threshold stretched by up to half, by its own share, so the
   * three nodes do not encode and sync their maps at the same moment (see SnapshotPolicy).
   */
  readonly snapshotJitter?: number;
  readonly logger?: Logger;
}

export const KV_SERVER_DEFAULTS = {
  requestTimeoutMs: 5000,
  snapshotStateRatio: 1,
  snapshotJitter: 0.5,
} as const;

/** How long stop() lets in-flight calls finish before closing their connections. */
const SHUTDOWN_GRACE_MS = 1000;

export class KvServer {
  private stopping: Promise<void> | undefined;

  private constructor(
    readonly nodeId: NodeId,
    readonly node: RaftNode,
    readonly stateMachine: KvStateMachine,
    private readonly server: Server,
    private readonly service: KvService,
    private readonly host: string,
    /** The KvService port actually bound. */
    readonly port: number,
    /** The same map the service reads, so an address set later is used at once. */
    private readonly kvPeers: Map<NodeId, string>,
    private readonly log: Logger,
  ) {}

  /** Starts Raft (which recovers its log and state), then serves the KvService. */
  static async start(options: KvServerOptions): Promise<KvServer> {
    // Checked before Raft starts, so a typo cannot leave a node running with no service.
    const { host } = splitHostPort(options.listen);
    const logger = options.logger ?? pino({ level: 'info' });
    const log = logger.child({ nodeId: options.nodeId });
    const transport =
      'transport' in options.raft
        ? options.raft.transport
        : new GrpcRaftTransport({
            nodeId: options.nodeId,
            clusterId: options.raft.clusterId,
            listen: options.raft.listen,
            peers: options.raft.peers,
            // The transport names its node itself where it matters; a child would say it twice.
            logger,
          });
    const stateMachine = new KvStateMachine();
    const node = await RaftNode.start({
      nodeId: options.nodeId,
      voters: options.voters,
      storage: options.storage,
      transport,
      stateMachine,
      logger,
      ...(options.raftConfig === undefined ? {} : { config: options.raftConfig }),
      ...(options.snapshotEveryBytes === undefined ? {} : { snapshotEveryBytes: options.snapshotEveryBytes }),
      snapshotStateRatio: options.snapshotStateRatio ?? KV_SERVER_DEFAULTS.snapshotStateRatio,
      snapshotJitter: options.snapshotJitter ?? KV_SERVER_DEFAULTS.snapshotJitter,
    });

    const kvPeers = new Map(options.kvPeers);
    const service = new KvService({
      node,
      stateMachine,
      // Through the map the server owns, so addresses learnt later (port 0) are used at once.
      kvAddressOf: (id) => kvPeers.get(id),
      requestTimeoutMs: options.requestTimeoutMs ?? KV_SERVER_DEFAULTS.requestTimeoutMs,
      logger: log,
    });
    // No channelz: nothing here reads it, and with it on grpc-js tracks every call (a Put each).
    const server = new Server({ 'grpc.enable_channelz': 0 });
    server.addService(KV_SERVICE_DEFINITION, service.implementation());
    let port: number;
    try {
      port = await new Promise<number>((resolve, reject) =>
        server.bindAsync(options.listen, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
      );
    } catch (error) {
      server.forceShutdown();
      await node.stop();
      throw new ListenFailedError(options.listen, error);
    }
    const kv = new KvServer(options.nodeId, node, stateMachine, server, service, host, port, kvPeers, log);
    // Our own entry is only used if we are named leader by a stale view; keep one given explicitly.
    if (!kvPeers.has(options.nodeId)) kvPeers.set(options.nodeId, kv.address);
    log.info({ listen: kv.address, kvPeers: Object.fromEntries(kvPeers) }, 'kv service listening');
    return kv;
  }

  /** `host:port` the KvService is bound to. */
  get address(): string {
    return this.host.includes(':') ? `[${this.host}]:${this.port}` : `${this.host}:${this.port}`;
  }

  /** Sets where redirects send clients for `nodeId` (tests whose servers bind port 0 learn it late). */
  setKvPeerAddress(nodeId: NodeId, address: string): void {
    this.kvPeers.set(nodeId, address);
  }

  /**
   * Stops taking requests, fails those waiting on Raft (a write's outcome is then unknown to its
   * client), lets their answers go out, and stops the Raft node, which finishes its durable writes.
   */
  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  private async shutDown(): Promise<void> {
    const drained = new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, SHUTDOWN_GRACE_MS);
      this.server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
    await this.node.stop();
    // Open Pipeline streams would hold the graceful shutdown for the whole grace period; each ends
    // once the answers of what it was serving (now failed by the stopped node) are out.
    this.service.endPipelines();
    await drained;
    this.log.info('kv server stopped');
  }
}

function splitHostPort(address: string): { host: string } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):\d+$/.exec(address);
  const host = match?.[1] ?? match?.[2];
  if (host === undefined) throw new ListenFailedError(address, new Error('expected host:port'));
  return { host };
}
