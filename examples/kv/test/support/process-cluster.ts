/**
 * Real kv node processes (`dist/main.js`) on loopback, for tests that crash them: fresh temp data
 * dirs, free ports, start / SIGKILL / restart on the same data dir, and a destroy() that leaves no
 * process and no directory behind whatever happened before it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { describeQuorumAt, type NodeId } from '@kz/raft';
import { KV_V8_FLAGS } from '../../src/kv-v8-flags';
import { formatLogLine } from '../../src/log-line';
import { formatNodeAddressList } from '../../src/node-address-list';
import { freePorts } from '@kz/raft/testing';

const PACKAGE_ROOT = path.join(__dirname, '../..');
export const MAIN_JS = path.join(PACKAGE_ROOT, 'dist/main.js');
const LOG_TAIL_LINES = 300;

/** Fails with the command to run when dist/ is missing or older than src/: the processes run the build. */
export function assertBuilt(): void {
  const buildInfo = path.join(PACKAGE_ROOT, 'dist/.tsbuildinfo');
  if (!existsSync(MAIN_JS) || !existsSync(buildInfo)) {
    throw new Error('examples/kv/dist is missing: run `pnpm exec tsc -b` at the repository root first');
  }
  const built = statSync(buildInfo).mtimeMs;
  const src = path.join(PACKAGE_ROOT, 'src');
  const stale = readdirSync(src).filter((file) => file.endsWith('.ts') && statSync(path.join(src, file)).mtimeMs > built);
  if (stale.length > 0) {
    throw new Error(`examples/kv/dist is older than src (${stale.join(', ')}): run \`pnpm exec tsc -b\` at the repository root first`);
  }
}

interface Running {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  killedByUs: boolean;
}

export interface ProcessClusterOptions {
  readonly nodeIds: readonly NodeId[];
  readonly clusterId: string;
  /** Flags every node gets besides its identity, addresses and data dir. */
  readonly flags: readonly string[];
}

export class ProcessCluster {
  private readonly running = new Map<NodeId, Running>();
  private readonly logs = new Map<NodeId, string[]>();
  private readonly readyWaiters = new Map<NodeId, () => void>();
  /** How often each log message was printed, over all nodes and runs ("snapshot taken", ...). */
  readonly messageCounts = new Map<string, number>();
  /** Exits nobody asked for: a node that crashed by itself. */
  readonly unexpectedExits: string[] = [];
  private destroyed = false;

  private constructor(
    private readonly options: ProcessClusterOptions,
    readonly root: string,
    readonly raftAddresses: ReadonlyMap<NodeId, string>,
    readonly kvAddresses: ReadonlyMap<NodeId, string>,
  ) {
    // Belt and braces: if the test process dies without afterAll, take the nodes with it.
    process.once('exit', this.killAllNow);
  }

  static async create(options: ProcessClusterOptions): Promise<ProcessCluster> {
    const root = await mkdtemp(path.join(tmpdir(), 'kz-kv-kill-'));
    const ports = await freePorts(options.nodeIds.length * 2);
    const raft = new Map(options.nodeIds.map((id, i) => [id, `127.0.0.1:${ports[i]!}`]));
    const kv = new Map(options.nodeIds.map((id, i) => [id, `127.0.0.1:${ports[options.nodeIds.length + i]!}`]));
    return new ProcessCluster(options, root, raft, kv);
  }

  get nodeIds(): readonly NodeId[] {
    return this.options.nodeIds;
  }

  isRunning(id: NodeId): boolean {
    return this.running.has(id);
  }

  /** Starts node `id` on its data dir (new or left by an earlier run) and waits until it serves. */
  async start(id: NodeId, readyTimeoutMs = 15_000): Promise<void> {
    if (this.destroyed) throw new Error('cluster destroyed');
    if (this.running.has(id)) throw new Error(`node ${id} is already running`);
    const args = [
      ...KV_V8_FLAGS,
      MAIN_JS,
      `--node-id=${id}`,
      `--data-dir=${path.join(this.root, `node-${id}`)}`,
      `--peers=${formatNodeAddressList(this.raftAddresses)}`,
      `--kv-peers=${formatNodeAddressList(this.kvAddresses)}`,
      `--cluster-id=${this.options.clusterId}`,
      ...this.options.flags,
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const ready = new Promise<void>((resolve) => this.readyWaiters.set(id, resolve));
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => this.onLine(id, line));
    }
    const entry: Running = {
      child,
      killedByUs: false,
      exited: new Promise<void>((resolve) => {
        child.once('exit', (code, signal) => {
          if (this.running.get(id) === entry) this.running.delete(id);
          this.note(id, `[process exited: ${signal ?? `code ${code}`}]`);
          if (!entry.killedByUs) this.unexpectedExits.push(`node ${id} exited by itself (${signal ?? `code ${code}`})`);
          resolve();
        });
      }),
    };
    this.running.set(id, entry);
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), readyTimeoutMs).unref());
    const outcome = await Promise.race([ready.then(() => 'ready' as const), entry.exited.then(() => 'exited' as const), timeout]);
    this.readyWaiters.delete(id);
    if (outcome !== 'ready') throw new Error(`node ${id} did not start (${outcome}):\n${this.tail(id, 30).join('\n')}`);
  }

  /** SIGKILL: no shutdown path runs, exactly like a crash or power loss of the process. */
  async kill(id: NodeId): Promise<void> {
    const entry = this.running.get(id);
    if (entry === undefined) throw new Error(`node ${id} is not running`);
    entry.killedByUs = true;
    this.note(id, '[SIGKILL]');
    entry.child.kill('SIGKILL');
    await entry.exited;
  }

  /**
   * The leader as the running nodes report it (DescribeQuorum answers only on a leader); the one
   * with the highest epoch if a deposed leader has not noticed yet.
   */
  async leader(timeoutMs = 10_000): Promise<NodeId> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const answers = await Promise.all(
        [...this.running.keys()].map((id) =>
          describeQuorumAt({ address: this.raftAddresses.get(id)!, clusterId: this.options.clusterId, timeoutMs: 500 }).then(
            (q) => q,
            () => undefined,
          ),
        ),
      );
      let best: { leaderId: NodeId; epoch: number } | undefined;
      for (const answer of answers) if (answer !== undefined && (best === undefined || answer.epoch > best.epoch)) best = answer;
      if (best !== undefined) return best.leaderId;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no leader within ${timeoutMs} ms`);
  }

  /** The last lines a node printed (formatted), for failure reports. */
  tail(id: NodeId, lines = LOG_TAIL_LINES): string[] {
    return (this.logs.get(id) ?? []).slice(-lines);
  }

  /** Kills every node (SIGKILL) and removes the data dirs. Safe to call more than once. */
  async destroy(): Promise<void> {
    this.destroyed = true;
    const exits = [...this.running.values()].map((entry) => {
      entry.killedByUs = true;
      entry.child.kill('SIGKILL');
      return entry.exited;
    });
    await Promise.all(exits);
    process.removeListener('exit', this.killAllNow);
    await rm(this.root, { recursive: true, force: true });
  }

  private readonly killAllNow = (): void => {
    for (const entry of this.running.values()) entry.child.kill('SIGKILL');
  };

  private onLine(id: NodeId, line: string): void {
    this.note(id, formatLogLine(line));
    const msg = /"msg":"([^"]*)"/.exec(line)?.[1];
    if (msg === undefined) return;
    this.messageCounts.set(msg, (this.messageCounts.get(msg) ?? 0) + 1);
    if (msg === 'kv service listening') this.readyWaiters.get(id)?.();
  }

  private note(id: NodeId, line: string): void {
    let log = this.logs.get(id);
    if (log === undefined) this.logs.set(id, (log = []));
    log.push(line);
    if (log.length > LOG_TAIL_LINES * 2) log.splice(0, log.length - LOG_TAIL_LINES);
  }
}
