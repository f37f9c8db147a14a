/**
 * The run directory: where one demo run keeps its nodes' data dirs and pino logs, left behind
 * afterwards so the logs can be read. A fresh one per run (a node must be formatted into an empty
 * directory), named for when the run began so runs sort by time.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Creates the run directory: `dir` if given (it must be missing or empty), else a new one under the OS's temporary directory. */
export function createRunDirectory(dir: string | undefined, now = new Date()): string {
  if (dir !== undefined) {
    const resolved = path.resolve(dir);
    mkdirSync(resolved, { recursive: true });
    if (readdirSync(resolved).length > 0) throw new Error(`--run-dir ${resolved} is not empty: give a new or empty directory`);
    return resolved;
  }
  const base = path.join(tmpdir(), `kz-three-node-${stamp(now)}`);
  // Two runs started within the same second get -2, -3, ...
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    try {
      mkdirSync(candidate);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Where node `id` logs, as LocalCluster names it. */
export function nodeLogPattern(runDir: string): string {
  return path.join(runDir, 'node-<id>.log');
}

/** YYYYMMDD-HHMMSS in local time: what a person looking for "the run I just did" expects. */
function stamp(d: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}`;
}
