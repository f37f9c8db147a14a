import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BROKER_V8_FLAGS, type KzClientOptions } from '@kz/broker';
import { MetadataAdminClient, type ControllerAddress } from '@kz/metadata';
import { createDevCertificates, type DevCertificates } from '@kz/raft/testing';
import { TlsIdentity } from '@kz/runtime';
import type { CleanupScope } from './cleanup-scope';
import { freeLoopbackPorts } from './free-ports';
import { ManagedProcess } from './managed-process';
import { waitUntil } from './wait-until';

const NODES = 3;
const READY_TIMEOUT_MS = 60_000;
export const KZ_BROKER_BENCH_CLUSTER_ID = 'kz-bench-broker';

interface BrokerNode {
  readonly id: number;
  readonly adminAddress: string;
  /** host:port of its Kafka-protocol listener, for clients. */
  readonly brokerAddress: string;
  readonly process: ManagedProcess;
}

export class KzBrokerClusterError extends Error {
  override readonly name = 'KzBrokerClusterError';
}

/** @kz/broker's server entry point, found through the workspace package. */
export function kzBrokerEntry(): string {
  return join(dirname(require.resolve('@kz/broker/package.json')), 'dist', 'runtime', 'broker-server-main.js');
}

/**
 * A 3-node kz cluster on loopback: three `broker-server-main` processes, each a metadata
 * controller voter (Raft over gRPC, its admin service) and a broker (partition logs, replication,
 * the client listener), each with a fresh data dir.
 */
export class KzBrokerCluster {
  private constructor(
    private readonly nodes: readonly BrokerNode[],
    private readonly scope: CleanupScope,
    /** A dev CA and certificates when TLS is on everywhere; null for PLAINTEXT. */
    private readonly certificates: DevCertificates | null,
  ) {}

  /**
   * `profileDir`: each node writes a V8 CPU profile there when it stops (`--profile`). `tls`: every
   * listener on TLS, as a secured cluster runs: the Kafka listener on SSL with required client
   * certificates, mutual TLS for Raft, the admin service and replication (no authorizer: what is
   * measured is the encryption, not ACL checks).
   */
  static async start(root: string, scope: CleanupScope, profileDir?: string, tls = false): Promise<KzBrokerCluster> {
    const entry = kzBrokerEntry();
    if (!existsSync(entry)) throw new KzBrokerClusterError(`${entry} does not exist: build packages/broker first (pnpm exec tsc -b)`);
    const ports = await freeLoopbackPorts(4 * NODES);
    const ids = Array.from({ length: NODES }, (_, i) => i + 1);
    const raftAddress = (i: number): string => `127.0.0.1:${ports[4 * i + 1]!}`;
    const adminAddress = (i: number): string => `127.0.0.1:${ports[4 * i]!}`;
    const voters = ids.map((id, i) => `${id}@${raftAddress(i)}`).join(',');
    // The broker half of each node registers and heartbeats through the controllers' admin services.
    const controllerAdmin = ids.map((id, i) => `${id}@${adminAddress(i)}`).join(',');
    const certificates = tls ? createDevCertificates(join(root, 'certs'), { nodes: ids, users: ['bench'] }) : null;
    const tlsFlags = (id: number): string[] => {
      if (certificates === null) return [];
      const own = certificates.nodes.get(id)!;
      return [`--tls-key=${own.key}`, `--tls-cert=${own.cert}`, `--tls-ca=${certificates.ca}`];
    };
    const nodes = ids.map((id, i): BrokerNode => {
      const name = `kz-broker-${id}`;
      const dataDir = join(root, name);
      mkdirSync(dataDir, { recursive: true });
      const brokerAddress = `127.0.0.1:${ports[4 * i + 2]!}`;
      const args = [
        ...(profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]),
        // What kz-broker-server's first line gives node: the brokers run as users run them.
        ...BROKER_V8_FLAGS,
        entry,
        '--node-id', String(id),
        '--data-dir', dataDir,
        '--cluster-id', KZ_BROKER_BENCH_CLUSTER_ID,
        '--voters', voters,
        '--raft-listen', raftAddress(i),
        '--admin-listen', adminAddress(i),
        '--controller-admin', controllerAdmin,
        '--listen', brokerAddress,
        '--replication-listen', `127.0.0.1:${ports[4 * i + 3]!}`,
        '--log-level', 'warn',
        ...tlsFlags(id),
      ];
      const child = scope.track(ManagedProcess.start(name, process.execPath, args, { logFile: join(root, `${name}.log`) }));
      return { id, adminAddress: adminAddress(i), brokerAddress, process: child };
    });
    const cluster = new KzBrokerCluster(nodes, scope, certificates);
    const admin = cluster.admin();
    try {
      await waitUntil('kz brokers registered and unfenced', READY_TIMEOUT_MS, () => cluster.checkBrokersActive(admin), { fatal: () => cluster.deadNode(), pauseMs: 250 });
    } catch (error) {
      const dead = nodes.find((n) => n.process.exited !== null) ?? nodes[0]!;
      throw new KzBrokerClusterError(`${error instanceof Error ? error.message : String(error)}\n--- kz-broker-${dead.id} log ---\n${dead.process.logTail()}`);
    } finally {
      admin.close();
    }
    return cluster;
  }

  get controllers(): readonly ControllerAddress[] {
    return this.nodes.map((n) => ({ id: n.id, address: n.adminAddress }));
  }

  /** Every broker's client address, for a client's bootstrap list. */
  get bootstrap(): string[] {
    return this.nodes.map((n) => n.brokerAddress);
  }

  /** Node pids, node 1 first. */
  get pids(): number[] {
    return this.nodes.flatMap((n) => (n.process.pid === undefined ? [] : [n.process.pid]));
  }

  /** An admin client of the controller quorum: it finds the active controller and follows it. */
  admin(timeoutMs = 60_000): MetadataAdminClient {
    const user = this.certificates?.users.get('bench');
    const tls = user === undefined ? {} : { tls: new TlsIdentity({ keyFile: user.key, certFile: user.cert, caFile: this.certificates!.ca }) };
    return new MetadataAdminClient({ controllers: this.controllers, timeoutMs, attemptTimeoutMs: 10_000, retryBackoffMs: 20, ...tls });
  }

  /** What a Kafka client needs to reach the brokers: their addresses and, with TLS on, a client certificate. */
  clientOptions(): KzClientOptions {
    const user = this.certificates?.users.get('bench');
    if (user === undefined) return { bootstrap: this.bootstrap };
    return { bootstrap: this.bootstrap, tls: { ca: readFileSync(this.certificates!.ca), cert: readFileSync(user.cert), key: readFileSync(user.key) } };
  }

  /**
   * Resolves once every partition of `topic` has a leader and all three replicas in its ISR, so
   * the first acks=all send is not measured against a partition still being set up; to each
   * partition's leader (node id), partition 0 first.
   */
  async waitTopicReady(admin: MetadataAdminClient, topic: string): Promise<number[]> {
    return waitUntil(`kz topic ${topic} led with a full ISR`, READY_TIMEOUT_MS, async () => {
      const described = (await admin.describeTopics([topic])).topics[0];
      if (described === undefined || described.error !== null) throw new KzBrokerClusterError(`${topic}: ${described?.error?.message ?? 'not described'}`);
      const notReady = described.partitions.filter((p) => p.leader < 0 || p.isr.length < NODES);
      if (notReady.length > 0) throw new KzBrokerClusterError(`${topic}: ${notReady.length} partitions without a leader or a full ISR`);
      return [...described.partitions].sort((a, b) => a.partitionId - b.partitionId).map((p) => p.leader);
    }, { fatal: () => this.deadNode() });
  }

  /** Stops every node (SIGTERM, then SIGKILL after 5 s); the scope removes the data dirs. */
  async stop(): Promise<void> {
    await this.scope.stopProcesses(this.nodes.map((n) => n.process));
  }

  /** Serving = all three brokers registered with the quorum and none fenced. */
  private async checkBrokersActive(admin: MetadataAdminClient): Promise<void> {
    const { brokers } = await admin.describeCluster();
    const active = brokers.filter((b) => !b.fenced && !b.inControlledShutdown).length;
    if (active < NODES) throw new KzBrokerClusterError(`${active} of ${NODES} brokers registered and unfenced`);
  }

  private deadNode(): string | null {
    const dead = this.nodes.find((n) => n.process.exited !== null);
    return dead === undefined ? null : `kz-broker-${dead.id} ${dead.process.exited}`;
  }
}
