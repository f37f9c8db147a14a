/**
 * A kz cluster of real `kz server` processes on loopback, for the three-node demo and the failover
 * property test: each node formatted into a fresh directory, started as a combined controller +
 * broker, and killed (SIGKILL), paused (SIGSTOP), resumed and restarted at will. Every node's pino
 * log goes to `<root>/node-<id>.log` as well as into a tail kept for failure reports.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { KzClient } from '@kz/broker';
import { MetadataAdminClient } from '@kz/metadata';
import { type NodeId } from '@kz/raft';
import { TlsIdentity } from '@kz/runtime';
import { assertBuilt as assertPackageBuilt, createDevCertificates, freePorts, makeClusterRoot, NodeProcesses, type DevCertificates } from '@kz/raft/testing';
import { formatDataDir } from '../server/meta-properties';

const PACKAGE_ROOT = path.join(__dirname, '../..');
/** The built `kz` program (the processes run the build, not the sources). */
export const KZ_MAIN_JS = path.join(PACKAGE_ROOT, 'dist/main.js');

export function assertKzBuilt(): void {
  assertPackageBuilt(PACKAGE_ROOT, KZ_MAIN_JS);
}

/** Timeouts that fail over in seconds rather than Kafka's 9 s sessions and 30 s ISR lag. */
export const FAST_FAILOVER_FLAGS: readonly string[] = [
  '--session-timeout-ms=3000',
  '--heartbeat-interval-ms=500',
  '--replica-lag-time-max-ms=4000',
  '--election-timeout-ms=500',
  '--fetch-timeout-ms=1000',
  '--offsets-topic-partitions=3',
];

export interface LocalClusterOptions {
  readonly nodeIds: readonly NodeId[];
  readonly clusterId: string;
  /** Flags every node gets besides its addresses and data dir. Default FAST_FAILOVER_FLAGS. */
  readonly flags?: readonly string[];
  /** Where the run's data dirs and logs go; default a new temporary directory. */
  readonly root?: string;
  /** Leave `root` behind on destroy() (a demo's run directory). Default false. */
  readonly keepRoot?: boolean;
  /** Flags for one node only (its own certificate, say), after the common ones. */
  readonly nodeFlags?: (id: NodeId) => readonly string[];
  /**
   * TLS everywhere: a dev CA in `<root>/certs`, each node with its own certificate, mutual TLS
   * between nodes, the Kafka listener on SSL with client certificates required, ACLs enforced, and
   * `User:admin` — whose certificate the cluster's own clients use — a super user.
   */
  readonly secure?: boolean;
}

/** The flags of a node of a secure LocalCluster. */
function secureFlags(certs: DevCertificates, id: NodeId): string[] {
  const own = certs.nodes.get(id)!;
  return [
    '--inter-node-tls',
    '--security-protocol=SSL',
    '--ssl-client-auth=required',
    `--ssl-key=${own.key}`,
    `--ssl-cert=${own.cert}`,
    `--ssl-ca=${certs.ca}`,
    '--authorizer=standard',
    '--super-users=User:admin',
  ];
}

export interface NodeAddresses {
  readonly raft: string;
  readonly admin: string;
  /** The Kafka listener. */
  readonly broker: string;
  readonly replication: string;
  readonly metrics: string;
}

export class LocalCluster extends NodeProcesses {
  private constructor(
    readonly nodeIds: readonly NodeId[],
    readonly clusterId: string,
    readonly addresses: ReadonlyMap<NodeId, NodeAddresses>,
    root: string,
    flags: readonly string[],
    keepRoot: boolean,
    nodeFlags: (id: NodeId) => readonly string[] = () => [],
    /** The dev certificates of a secure cluster; null for a plaintext one. */
    readonly certificates: DevCertificates | null = null,
  ) {
    const list = (pick: (a: NodeAddresses) => string): string => [...addresses].map(([id, a]) => `${id}@${pick(a)}`).join(',');
    super({
      mainJs: KZ_MAIN_JS,
      readyMessage: 'kz node ready',
      root,
      keepRoot,
      logFile: (id) => path.join(root, `node-${id}.log`),
      args: (id) => {
        const a = addresses.get(id)!;
        return [
          'server',
          `--data-dir=${path.join(root, `node-${id}`)}`,
          '--roles=both',
          `--voters=${list((x) => x.raft)}`,
          `--controller-admin=${list((x) => x.admin)}`,
          `--admin-listen=${a.admin}`,
          `--listen=${a.broker}`,
          `--replication-listen=${a.replication}`,
          `--metrics-listen=${a.metrics}`,
          ...flags,
          ...(certificates === null ? [] : secureFlags(certificates, id)),
          ...nodeFlags(id),
        ];
      },
    });
  }

  static async create(options: LocalClusterOptions): Promise<LocalCluster> {
    const root = options.root ?? (await makeClusterRoot('kz-local-'));
    const n = options.nodeIds.length;
    const ports = await freePorts(n * 5);
    const addresses = new Map(
      options.nodeIds.map((id, i) => {
        const at = (k: number) => `127.0.0.1:${ports[k * n + i]!}`;
        return [id, { raft: at(0), admin: at(1), broker: at(2), metrics: at(3), replication: at(4) }];
      }),
    );
    for (const id of options.nodeIds) formatDataDir(path.join(root, `node-${id}`), { clusterId: options.clusterId, nodeId: id });
    const certificates = options.secure === true ? createDevCertificates(path.join(root, 'certs'), { nodes: options.nodeIds, users: ['admin'] }) : null;
    return new LocalCluster(options.nodeIds, options.clusterId, addresses, root, options.flags ?? FAST_FAILOVER_FLAGS, options.keepRoot ?? false, options.nodeFlags, certificates);
  }

  private readonly incarnations = new Map<NodeId, string>();

  /** Starts node `id` and resolves with its ready log line, remembering its broker incarnation. */
  override async start(id: NodeId, readyTimeoutMs?: number): Promise<Record<string, unknown>> {
    const ready = await super.start(id, readyTimeoutMs);
    const incarnationId = ready['incarnationId'];
    if (typeof incarnationId === 'string') this.incarnations.set(id, incarnationId);
    return ready;
  }

  /**
   * The broker incarnation id of node `id`'s running process; undefined while it is down. A
   * restarted node's previous registration stays unfenced until its session expires, so "every
   * broker unfenced" must be checked against these, not against a count.
   */
  runningIncarnation(id: NodeId): string | undefined {
    return this.isRunning(id) ? this.incarnations.get(id) : undefined;
  }

  /** `1@host:port,...` of every controller's admin service, as `--bootstrap-controller` takes it. */
  get bootstrapController(): string {
    return [...this.addresses].map(([id, a]) => `${id}@${a.admin}`).join(',');
  }

  get bootstrapServers(): string[] {
    return [...this.addresses.values()].map((a) => a.broker);
  }

  /** The super user's TLS identity on a secure cluster. */
  get adminIdentity(): TlsIdentity | undefined {
    const admin = this.certificates?.users.get('admin');
    return admin === undefined ? undefined : new TlsIdentity({ keyFile: admin.key, certFile: admin.cert, caFile: this.certificates!.ca });
  }

  adminClient(timeoutMs = 30_000): MetadataAdminClient {
    const tls = this.adminIdentity;
    return new MetadataAdminClient({ controllers: [...this.addresses].map(([id, a]) => ({ id, address: a.admin })), timeoutMs, ...(tls === undefined ? {} : { tls }) });
  }

  brokerClient(requestTimeoutMs = 10_000): KzClient {
    const admin = this.certificates?.users.get('admin');
    const tls = admin === undefined ? undefined : { ca: fs.readFileSync(this.certificates!.ca), cert: fs.readFileSync(admin.cert), key: fs.readFileSync(admin.key) };
    return new KzClient({ bootstrap: this.bootstrapServers, requestTimeoutMs, ...(tls === undefined ? {} : { tls }) });
  }

  /** `--bootstrap-controller` and, on a secure cluster, the super user's certificate flags, for `kz` admin commands. */
  adminFlags(): string[] {
    const admin = this.certificates?.users.get('admin');
    return [
      '--bootstrap-controller',
      this.bootstrapController,
      ...(admin === undefined ? [] : ['--ssl-cert', admin.cert, '--ssl-key', admin.key, '--ssl-ca', this.certificates!.ca]),
    ];
  }

  logFile(id: NodeId): string {
    return path.join(this.root, `node-${id}.log`);
  }

  /** Where node `id` keeps partition `topic-partition`. */
  partitionDir(id: NodeId, topic: string, partition: number): string {
    return path.join(this.root, `node-${id}`, 'logs', `${topic}-${partition}`);
  }
}
