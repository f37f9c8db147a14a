/**
 * @kz/raft as a stranger installs it: `pnpm pack` of @kz/records, @kz/runtime and @kz/raft, the
 * tarballs installed with npm into an empty app outside the workspace (registry dependencies come
 * from the registry), and the README's gRPC + LevelDB example run there as written. Also what the
 * tarballs must not carry: build info, and fast-check as a runtime dependency (it is an optional
 * peer, needed only by @kz/raft/testing).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { assertBuilt, freePorts } from '../../src/testing/node-processes';

jest.setTimeout(120_000);

const run = promisify(execFile);
const PACKAGES = path.join(__dirname, '../../..');
const PACKED = ['records', 'runtime', 'raft'];

let root: string;
let app: string;
const tarballs = new Map<string, string>();

beforeAll(async () => {
  for (const name of PACKED) assertBuilt(path.join(PACKAGES, name), path.join(PACKAGES, name, 'dist/index.js'));
  root = mkdtempSync(path.join(tmpdir(), 'kz-packed-'));
  for (const name of PACKED) {
    const { stdout } = await run('pnpm', ['pack', '--pack-destination', root], { cwd: path.join(PACKAGES, name) });
    tarballs.set(name, stdout.trim().split('\n').pop()!.trim());
  }
  app = path.join(root, 'app');
  await run('mkdir', ['-p', app]);
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'raft-app', version: '1.0.0', private: true }));
  // All three tarballs in one install: @kz/raft's dependency on @kz/records 0.1.0 is met by the local one.
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...PACKED.map((name) => tarballs.get(name)!), 'pino@10.4.0'], { cwd: app, timeout: 90_000 });
});

afterAll(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

test('the tarballs hold no build info, and @kz/raft does not depend on fast-check', async () => {
  for (const name of PACKED) {
    const { stdout } = await run('tar', ['tzf', tarballs.get(name)!]);
    const files = stdout.trim().split('\n');
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/README.md');
    expect(files.filter((f) => f.includes('tsbuildinfo'))).toEqual([]);
  }
  const manifest = JSON.parse(readFileSync(path.join(app, 'node_modules/@kz/raft/package.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  expect(Object.keys(manifest['dependencies']!)).not.toContain('fast-check');
  expect(manifest['peerDependenciesMeta']).toEqual({ 'fast-check': { optional: true } });
  await expect(run('node', ['-e', "require.resolve('fast-check')"], { cwd: app })).rejects.toThrow(/Cannot find module 'fast-check'/);
});

test("the README's gRPC + LevelDB example runs in the app as written", async () => {
  const readme = readFileSync(path.join(PACKAGES, 'raft/README.md'), 'utf8');
  const start = readme.indexOf('```js\n', readme.indexOf('## Three nodes over gRPC, logs in LevelDB')) + '```js\n'.length;
  writeFileSync(path.join(app, 'example.js'), readme.slice(start, readme.indexOf('```\n', start)));
  const ports = await freePorts(3);
  const { stdout } = await run('node', ['example.js'], { cwd: app, timeout: 60_000, env: { ...process.env, RAFT_PORTS: ports.join(',') } });
  expect(stdout).toMatch(/^leader [123] committed greeting=hello at offset \d+\n$/);
});
