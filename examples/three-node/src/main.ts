#!/usr/bin/env node
/**
 * `./scripts/demo` (the root's `pnpm demo`): three kz nodes on loopback, killed with SIGKILL under
 * an acks=all workload, narrated as it happens. The last line is the verdict:
 *
 *   three-node: produced=N acked=A consumed=C lost=L duplicated=D
 *
 * and the exit code is 1 if anything acknowledged was lost or stored twice (or the demo could not run).
 */
import { parseArgs } from 'node:util';
import { createRunDirectory, nodeLogPattern } from './run-directory';
import { runThreeNodeDemo } from './three-node-demo';
import { Timeline } from './timeline';

const USAGE = `Usage: kz-three-node [--phase-seconds N] [--run-dir DIR]

Starts three kz nodes (controller + broker each) on loopback and runs a producer (acks=all) and a
consumer. Kills the metadata leader with SIGKILL and restarts it, then does the same to the broker
leading the most partitions, and checks that every acknowledged record was read back.

  --phase-seconds N  how long the workload runs between steps (default 6)
  --run-dir DIR      where the nodes' data and logs go (default: a new kz-three-node-<time>
                     directory under the system's temporary directory); kept afterwards
  -h, --help         show this help`;

function usageError(message: string): never {
  process.stderr.write(`three-node: ${message}\nRun with --help for usage.\n`);
  process.exit(2);
}

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: {
        'phase-seconds': { type: 'string' },
        'run-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const phaseSeconds = Number(values['phase-seconds'] ?? '6');
  if (!(Number.isFinite(phaseSeconds) && phaseSeconds > 0 && phaseSeconds <= 600)) usageError('--phase-seconds must be a number of seconds between 0 and 600');

  const runDir = createRunDirectory(values['run-dir']);
  const logs = nodeLogPattern(runDir);
  process.stdout.write(`three-node: run directory ${runDir}\nthree-node: node logs ${logs}\n`);
  // Ctrl-C: exit through process.exit, whose 'exit' handlers SIGKILL the nodes (LocalCluster registers one).
  const interrupted = (code: number) => (): void => {
    process.stderr.write(`\nthree-node: interrupted; node logs ${logs}\n`);
    process.exit(code);
  };
  process.once('SIGINT', interrupted(130));
  process.once('SIGTERM', interrupted(143));

  try {
    const result = await runThreeNodeDemo({ runDir, phaseMs: phaseSeconds * 1000, timeline: new Timeline() });
    process.stdout.write(`three-node: node logs ${logs}\n`);
    if (result.lost > 0) process.stderr.write(`three-node: ${result.lost} acknowledged records were never read back, e.g. ${result.lostExamples.join(', ')}\n`);
    if (result.duplicated > 0) process.stderr.write(`three-node: ${result.duplicated} records were stored twice although the producer is idempotent\n`);
    process.stdout.write(`three-node: produced=${result.produced} acked=${result.acked} consumed=${result.consumed} lost=${result.lost} duplicated=${result.duplicated}\n`);
    return result.lost > 0 || result.duplicated > 0 ? 1 : 0;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`three-node: the demo failed: ${message}\nthree-node: node logs ${logs}\n`);
    return 1;
  }
}

// Exit rather than wait for the event loop to drain: after a failure part-way, a client's retry
// timers could keep the process alive, and the demo must end with its verdict either way.
void main().then((code) => process.exit(code));
