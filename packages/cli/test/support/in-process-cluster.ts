/**
 * kz nodes inside the test process (startKzNode, as `kz server` runs them), and `kz` command lines
 * run against them in-process with captured output: the commands' tests see exactly what a user
 * would, without a process per command.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { freePorts, until } from '@kz/raft/testing';
import pino from 'pino';
import type { CliIo } from '../../src/io';
import { runKz } from '../../src/kz';
import { formatDataDir, readMetaProperties } from '../../src/server/meta-properties';
import { startKzNode, type KzNode } from '../../src/server/kz-node';
import { nodeSettings } from '../../src/server/server-settings';

export interface KzRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one `kz` command line in-process. */
export async function kz(args: readonly string[], options: { stdin?: string; keepStdinOpen?: boolean; tty?: boolean; interrupt?: Promise<void> } = {}): Promise<KzRun> {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough();
  if (options.keepStdinOpen === true) stdin.write(options.stdin ?? '');
  else stdin.end(options.stdin ?? '');
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
    stdin,
    onInterrupt: () => options.interrupt ?? new Promise(() => {}),
  };
  const code = await runKz(args, io);
  return { code, stdout, stderr };
}

export class InProcessCluster {
  private constructor(
    readonly root: string,
    readonly nodes: Map<number, KzNode>,
    readonly bootstrapServer: string,
    readonly bootstrapController: string,
  ) {}

  /** `count` combined nodes, all voters, on free loopback ports. */
  static async start(count: number): Promise<InProcessCluster> {
    const root = await mkdtemp(path.join(tmpdir(), 'kz-cli-test-'));
    const ids = Array.from({ length: count }, (_, i) => i + 1);
    const ports = await freePorts(count * 4);
    const raft = (id: number) => `127.0.0.1:${ports[id - 1]!}`;
    const admin = (id: number) => `127.0.0.1:${ports[count + id - 1]!}`;
    const broker = (id: number) => `127.0.0.1:${ports[2 * count + id - 1]!}`;
    const replication = (id: number) => `127.0.0.1:${ports[3 * count + id - 1]!}`;
    const logger = pino({ level: 'silent' });
    const nodes = new Map<number, KzNode>();
    await Promise.all(
      ids.map(async (id) => {
        const dataDir = path.join(root, `node-${id}`);
        formatDataDir(dataDir, { clusterId: 'cli-test', nodeId: id });
        const settings = nodeSettings(
          {
            dataDir,
            roles: 'both',
            voters: ids.map((v) => `${v}@${raft(v)}`).join(','),
            adminListen: admin(id),
            listen: broker(id),
            replicationListen: replication(id),
            controllerAdmin: ids.map((v) => `${v}@${admin(v)}`).join(','),
            sessionTimeoutMs: 3000,
            heartbeatIntervalMs: 300,
            replicaLagTimeMaxMs: 3000,
            electionTimeoutMs: 500,
            fetchTimeoutMs: 1000,
            offsetsTopicPartitions: 3,
            groupInitialRebalanceDelayMs: 0,
            logLevel: 'silent',
          },
          readMetaProperties(dataDir),
        );
        nodes.set(id, await startKzNode(settings, logger));
      }),
    );
    const cluster = new InProcessCluster(root, nodes, broker(1), ids.map((v) => `${v}@${admin(v)}`).join(','));
    await until(`${count} active brokers`, async () => {
      const { stdout } = await kz(['cluster', 'describe', '--json', ...cluster.adminFlags()]);
      const brokers = (JSON.parse(stdout) as { brokers: { state: string }[] }).brokers;
      return brokers.length === count && brokers.every((b) => b.state === 'active') ? true : undefined;
    }, 30_000);
    return cluster;
  }

  /** The admin address of node `id`, as `--bootstrap-controller` takes it without the id. */
  adminAddress(id: number): string {
    const entry = this.bootstrapController.split(',').find((e) => e.startsWith(`${id}@`));
    if (entry === undefined) throw new Error(`no controller ${id}`);
    return entry.slice(entry.indexOf('@') + 1);
  }

  adminFlags(): string[] {
    return ['--bootstrap-controller', this.bootstrapController, '--timeout-ms', '20000'];
  }

  clientFlags(): string[] {
    return ['--bootstrap-server', this.bootstrapServer, '--timeout-ms', '20000'];
  }

  async stop(): Promise<void> {
    await Promise.all([...this.nodes.values()].map((node) => node.stop().catch(() => undefined)));
    await rm(this.root, { recursive: true, force: true });
  }
}
