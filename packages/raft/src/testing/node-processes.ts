/**
 * Real node processes on loopback, for tests that crash them: start one with its flags, wait for
 * its "ready" log line, SIGKILL / signal it, read the tail of what it printed, and a destroy() that
 * leaves no process and no directory behind whatever happened before it. The metadata server's and
 * the broker's process tests share it; each says what its nodes run and how they say they are up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import type { NodeId } from '../core/config';

const LOG_TAIL_LINES = 200;

function newestSource(dir: string): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const candidate = entry.isDirectory() ? newestSource(full) : entry.name.endsWith('.ts') ? { file: full, mtimeMs: statSync(full).mtimeMs } : newest;
    if (candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

/** Fails with the command to run when a package's dist/ is missing or older than its src/: the processes run the build. */
export function assertBuilt(packageRoot: string, mainJs: string): void {
  const name = path.basename(packageRoot);
  const buildInfo = path.join(packageRoot, 'dist/.tsbuildinfo');
  if (!existsSync(mainJs) || !existsSync(buildInfo)) {
    throw new Error(`packages/${name}/dist is missing: run \`pnpm exec tsc -b\` at the repository root first`);
  }
  const newest = newestSource(path.join(packageRoot, 'src'));
  if (newest.mtimeMs > statSync(buildInfo).mtimeMs) {
    throw new Error(`packages/${name}/dist is older than ${path.relative(packageRoot, newest.file)}: run \`pnpm exec tsc -b\` at the repository root first`);
  }
}

/** Ports the OS says are free right now (bound together, so distinct, then released). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  return ports;
}

/** Makes a fresh temporary directory for a test cluster's data. */
export function makeClusterRoot(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

export interface NodeProcessesSpec {
  /** The program every node runs. */
  readonly mainJs: string;
  /** The `msg` of the log line a node prints once it serves. */
  readonly readyMessage: string;
  /** Where the nodes' data dirs live; removed by destroy(). */
  readonly root: string;
  /** The command line of node `id` (after the program). */
  args(id: NodeId): readonly string[];
  /** Also append everything node `id` prints to this file (kept across restarts). */
  logFile?(id: NodeId): string;
  /** destroy() kills the nodes but leaves `root` for a person to read (a demo's run directory). */
  readonly keepRoot?: boolean;
}

interface Running {
  readonly child: ChildProcess;
  /** The exit code, or the signal's name. */
  readonly exited: Promise<number | NodeJS.Signals>;
}

export class NodeProcesses {
  private readonly running = new Map<NodeId, Running>();
  private readonly logs = new Map<NodeId, string[]>();
  private readonly readyWaiters = new Map<NodeId, (line: Record<string, unknown>) => void>();

  constructor(private readonly spec: NodeProcessesSpec) {
    // If the test process dies without afterAll, take the nodes with it.
    process.once('exit', this.killAllNow);
  }

  get root(): string {
    return this.spec.root;
  }

  /** Starts node `id` and resolves with its ready log line. */
  async start(id: NodeId, readyTimeoutMs = 15_000): Promise<Record<string, unknown>> {
    if (this.running.has(id)) throw new Error(`node ${id} is already running`);
    const child = spawn(process.execPath, [this.spec.mainJs, ...this.spec.args(id)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ready = new Promise<Record<string, unknown>>((resolve) => this.readyWaiters.set(id, resolve));
    const logFile = this.spec.logFile === undefined ? undefined : createWriteStream(this.spec.logFile(id), { flags: 'a' });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        logFile?.write(`${line}\n`);
        this.onLine(id, line);
      });
    }
    child.once('close', () => logFile?.end());
    const exited = new Promise<number | NodeJS.Signals>((resolve) => {
      child.once('exit', (code, signal) => {
        if (this.running.get(id)?.child === child) this.running.delete(id);
        this.note(id, `[process exited: ${signal ?? `code ${code}`}]`);
        resolve(signal ?? code ?? -1);
      });
    });
    this.running.set(id, { child, exited });
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), readyTimeoutMs).unref());
    const outcome = await Promise.race([ready, exited.then(() => 'exited' as const), timeout]);
    this.readyWaiters.delete(id);
    if (outcome === 'exited' || outcome === 'timeout') throw new Error(`node ${id} did not start (${outcome}):\n${this.tail(id, 30).join('\n')}`);
    return outcome;
  }

  isRunning(id: NodeId): boolean {
    return this.running.has(id);
  }

  /** SIGKILL: no shutdown path runs, exactly like a crash of the process. */
  async kill(id: NodeId): Promise<number | NodeJS.Signals> {
    return this.signal(id, 'SIGKILL');
  }

  /** SIGSTOP: the process stays, its sockets stay open, and it answers nothing — a stalled node. */
  pause(id: NodeId): void {
    this.send(id, 'SIGSTOP');
  }

  /** SIGCONT after pause(). */
  resume(id: NodeId): void {
    this.send(id, 'SIGCONT');
  }

  private send(id: NodeId, signal: NodeJS.Signals): void {
    const entry = this.running.get(id);
    if (entry === undefined) throw new Error(`node ${id} is not running`);
    this.note(id, `[${signal}]`);
    entry.child.kill(signal);
  }

  /** Sends a signal and resolves with how the process exited. */
  async signal(id: NodeId, signal: NodeJS.Signals): Promise<number | NodeJS.Signals> {
    const entry = this.running.get(id);
    if (entry === undefined) throw new Error(`node ${id} is not running`);
    this.note(id, `[${signal}]`);
    entry.child.kill(signal);
    return entry.exited;
  }

  /** The last lines a node printed, for failure reports. */
  tail(id: NodeId, lines = LOG_TAIL_LINES): string[] {
    return (this.logs.get(id) ?? []).slice(-lines);
  }

  /** Kills every node (SIGKILL) and removes the data dirs (unless `keepRoot`). Safe to call more than once. */
  async destroy(): Promise<void> {
    // A paused node dies of SIGKILL as well; SIGCONT first anyway, so nothing is left stopped if that ever changes.
    for (const entry of this.running.values()) entry.child.kill('SIGCONT');
    await Promise.all([...this.running.keys()].map((id) => this.kill(id)));
    process.removeListener('exit', this.killAllNow);
    if (this.spec.keepRoot !== true) await rm(this.spec.root, { recursive: true, force: true });
  }

  private readonly killAllNow = (): void => {
    for (const entry of this.running.values()) entry.child.kill('SIGKILL');
  };

  private onLine(id: NodeId, line: string): void {
    this.note(id, line);
    if (!line.includes(`"msg":"${this.spec.readyMessage}"`)) return;
    try {
      this.readyWaiters.get(id)?.(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // Not JSON after all: keep waiting; the timeout reports the log.
    }
  }

  private note(id: NodeId, line: string): void {
    let log = this.logs.get(id);
    if (log === undefined) this.logs.set(id, (log = []));
    log.push(line);
    if (log.length > LOG_TAIL_LINES * 2) log.splice(0, log.length - LOG_TAIL_LINES);
  }
}
