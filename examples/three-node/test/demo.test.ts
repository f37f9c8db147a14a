/**
 * The demo as `./scripts/demo` runs it: the built program, as a child process, with short phases.
 * It must end with a verdict of no loss and no duplicate and exit 0, having shown a metadata leader election and a
 * partition leader moving. Nothing here depends on timing: the demo waits for states, not clocks.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertKzBuilt } from '@kz/cli/testing';

jest.setTimeout(240_000);

const PACKAGE_ROOT = path.join(__dirname, '..');
const MAIN_JS = path.join(PACKAGE_ROOT, 'dist/main.js');
const VERDICT = /^three-node: produced=(\d+) acked=(\d+) consumed=(\d+) lost=0 duplicated=0$/;

/** The demo runs its build: fail with the command to run if there is none, or it is older than the sources. */
function assertDemoBuilt(): void {
  const buildInfo = path.join(PACKAGE_ROOT, 'dist/.tsbuildinfo');
  if (!existsSync(MAIN_JS) || !existsSync(buildInfo)) throw new Error('examples/three-node/dist is missing: run `pnpm exec tsc -b` at the repository root first');
  const src = path.join(PACKAGE_ROOT, 'src');
  const newest = Math.max(...readdirSync(src).map((f) => statSync(path.join(src, f)).mtimeMs));
  if (newest > statSync(buildInfo).mtimeMs) throw new Error('examples/three-node/dist is older than its sources: run `pnpm exec tsc -b` at the repository root first');
}

function runDemo(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN_JS, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let runDir: string | undefined;

afterAll(() => {
  if (runDir !== undefined) rmSync(runDir, { recursive: true, force: true });
});

it('kills the metadata leader and the busiest broker, and loses nothing acknowledged', async () => {
  assertKzBuilt();
  assertDemoBuilt();
  runDir = mkdtempSync(path.join(tmpdir(), 'kz-three-node-test-'));
  const { code, stdout, stderr } = await runDemo(['--phase-seconds', '2', '--run-dir', runDir]);
  const lines = stdout.trimEnd().split('\n');
  // On failure, the whole narration and the error say what happened.
  if (code !== 0) throw new Error(`the demo exited with ${code}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);

  const verdict = VERDICT.exec(lines.at(-1) ?? '');
  if (verdict === null) throw new Error(`the last line is not a verdict of no loss: ${lines.at(-1)}\n--- stdout\n${stdout}`);
  const [, produced, acked, consumed] = verdict.map(Number);
  expect(acked).toBeGreaterThan(0);
  expect(produced).toBeGreaterThanOrEqual(acked!);
  // consumed counts distinct values, and every acknowledged one was read (lost=0).
  expect(consumed).toBeGreaterThanOrEqual(acked!);

  expect(lines.some((l) => /\bcontroller +node \d+ elected in epoch \d+, [\d.]+ s after the kill$/.test(l))).toBe(true);
  expect(lines.some((l) => /\bleader +events-\S+ moved \d+ → \d+/.test(l))).toBe(true);
});
