/**
 * Where a command reads and writes. `kz` runs with the process's streams; tests run it in-process
 * with captured ones, which is why no command touches `process.stdout` itself.
 */
export interface CliIo {
  readonly stdout: {
    write(text: string): unknown;
    readonly isTTY?: boolean;
    readonly columns?: number;
    /** True once the reader is gone (EPIPE): what was written since may never have been read. */
    readonly closed?: boolean;
  };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream;
  /**
   * Resolves when the user asks the command to stop (SIGINT/SIGTERM), or when nobody reads its output
   * any more (`kz consume | head`). Only commands that stop gracefully (produce, consume: flush,
   * commit) ask; for the rest Ctrl-C ends the process at once.
   */
  onInterrupt(): Promise<void>;
}

export function processIo(): CliIo {
  let interrupted: Promise<void> | undefined;
  let stop: () => void = () => undefined;
  let stdoutGone = false;
  // EPIPE: the reader went away. Stop as Ctrl-C would, and write nothing more to a closed pipe.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && !stdoutGone) throw error;
    stdoutGone = true;
    stop();
  });
  return {
    stdout: {
      write: (text: string) => stdoutGone || process.stdout.write(text),
      get isTTY() {
        return process.stdout.isTTY;
      },
      get columns() {
        return process.stdout.columns;
      },
      get closed() {
        return stdoutGone;
      },
    },
    stderr: process.stderr,
    stdin: process.stdin,
    onInterrupt: () =>
      (interrupted ??= new Promise((resolve) => {
        // Once: a second Ctrl-C during the graceful stop gets Node's default, an immediate exit.
        stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        if (stdoutGone) stop();
      })),
  };
}
