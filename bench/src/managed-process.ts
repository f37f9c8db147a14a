import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

export interface ManagedProcessOptions {
  /** stdout and stderr go here, so a failed start can show why without flooding the bench's output. */
  readonly logFile: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * One server process the benchmark started: its output in a log file, its exit observed, and a
 * stop that asks politely (SIGTERM, so a node can flush a CPU profile) and then insists.
 */
export class ManagedProcess {
  private readonly child: ChildProcess;
  private readonly exitPromise: Promise<void>;
  private exitStatus: string | null = null;

  private constructor(
    readonly name: string,
    private readonly logFile: string,
    command: string,
    args: readonly string[],
    env: NodeJS.ProcessEnv | undefined,
  ) {
    const fd = openSync(logFile, 'a');
    try {
      this.child = spawn(command, [...args], { stdio: ['ignore', fd, fd], env: env ?? process.env });
    } finally {
      // The child holds its own copy of the descriptor.
      closeSync(fd);
    }
    this.exitPromise = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitStatus = signal !== null ? `killed by ${signal}` : `exited with code ${code}`;
        resolve();
      });
      this.child.once('error', (error) => {
        this.exitStatus = `failed to start: ${error.message}`;
        resolve();
      });
    });
  }

  static start(name: string, command: string, args: readonly string[], options: ManagedProcessOptions): ManagedProcess {
    return new ManagedProcess(name, options.logFile, command, args, options.env);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** null while running; otherwise how it ended. */
  get exited(): string | null {
    return this.exitStatus;
  }

  /** SIGTERM, then SIGKILL if it has not exited within graceMs. */
  async stop(graceMs = 5000): Promise<void> {
    if (this.exitStatus !== null) return;
    this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), graceMs);
    });
    const forced = await Promise.race([this.exitPromise.then(() => false), timedOut]);
    clearTimeout(timer);
    if (forced) {
      this.child.kill('SIGKILL');
      await this.exitPromise;
    }
  }

  /** For the process 'exit' hook, where nothing asynchronous runs any more. */
  killNow(): void {
    if (this.exitStatus === null) this.child.kill('SIGKILL');
  }

  /** The last lines of its output, to explain a failure. */
  logTail(lines = 15): string {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}
