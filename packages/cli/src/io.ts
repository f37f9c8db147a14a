/**
 * Where a command reads and writes. `kz` runs with the process's streams; tests run it in-process
 * with captured ones, which is why no command touches `process.stdout` itself.
 */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  /**
   * Resolves when the user asks the command to stop (SIGINT/SIGTERM). Only commands that stop
   * gracefully (produce, consume: flush, commit) ask; for the rest Ctrl-C ends the process at once.
   */
  onInterrupt(): Promise<void>;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    onInterrupt: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
  };
}
