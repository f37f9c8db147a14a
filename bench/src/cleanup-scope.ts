import { rmSync } from 'node:fs';
import type { ManagedProcess } from './managed-process';

/**
 * Everything a benchmark run must undo — the server processes it started and the temp dirs it
 * made — undone however the run ends: normally, by an error, by Ctrl-C / SIGTERM, or (as a last
 * resort, synchronously) when the bench process exits.
 */
export class CleanupScope {
  private readonly processes = new Set<ManagedProcess>();
  private readonly dirs = new Set<string>();
  private closing: Promise<void> | null = null;
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    console.error(`\n${signal}: stopping every process the bench started and removing its temp dirs`);
    void this.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  private readonly onExit = (): void => {
    for (const p of this.processes) p.killNow();
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  };

  constructor() {
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
    process.once('exit', this.onExit);
  }

  track(child: ManagedProcess): ManagedProcess {
    this.processes.add(child);
    return child;
  }

  trackDir(dir: string): string {
    this.dirs.add(dir);
    return dir;
  }

  /** Stops these processes now (the rest stay tracked), e.g. one cluster before the next starts. */
  async stopProcesses(processes: readonly ManagedProcess[]): Promise<void> {
    await Promise.all(processes.map((p) => p.stop()));
    for (const p of processes) this.processes.delete(p);
  }

  /** Stops every tracked process and removes every tracked dir; safe to call more than once. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.stopProcesses([...this.processes]);
      for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
      this.dirs.clear();
      process.removeListener('SIGINT', this.onSignal);
      process.removeListener('SIGTERM', this.onSignal);
      process.removeListener('exit', this.onExit);
    })();
    return this.closing;
  }
}
