/**
 * Runs Debian's kcat (librdkafka 2.0.2) for tests. kcat is installed by scripts/setup; a machine
 * without it fails these tests with a message saying so, rather than skipping them.
 */
import { execFile, execFileSync } from 'node:child_process';

export function assertKcatInstalled(): void {
  try {
    execFileSync('kcat', ['-V'], { stdio: 'ignore' });
  } catch {
    throw new Error('kcat is not installed: run scripts/setup (it installs Debian’s kcat, the librdkafka client these tests use)');
  }
}

export interface KcatResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs kcat with `args` (and `input` on stdin); rejects with its stderr when it exits non-zero. */
export function kcat(args: readonly string[], input?: string, timeoutMs = 30_000): Promise<KcatResult> {
  return new Promise((resolve, reject) => {
    const child = execFile('kcat', [...args], { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null) reject(new Error(`kcat ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}
