/**
 * The command line of `metadata-server-main`: flags become settings, and a bad command line is a
 * UsageError naming the flag — which the process reports with exit code 2, before touching a disk
 * or a port.
 */
import { spawnSync } from 'node:child_process';
import { parseMetadataServerFlags, parseVoters, UsageError, type MetadataServerSettings } from '../../src/runtime/metadata-server-main';
import { assertBuilt, MAIN_JS } from './support/metadata-processes';

const VOTERS = '1@127.0.0.1:9101,2@127.0.0.1:9102,3@[::1]:9103';
const REQUIRED = ['--node-id=2', '--data-dir=/var/lib/kz/2', '--cluster-id=kz-prod', `--voters=${VOTERS}`, '--admin-listen=0.0.0.0:9201'];

function settings(argv: readonly string[]): MetadataServerSettings {
  const command = parseMetadataServerFlags(argv);
  if (command.kind !== 'run') throw new Error('expected a run command');
  return command.settings;
}

function usageError(argv: readonly string[]): string {
  try {
    parseMetadataServerFlags(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`expected a UsageError for ${argv.join(' ')}`);
}

test('a voter: its Raft address defaults to its --voters entry, and KRaft defaults stand', () => {
  expect(settings(REQUIRED)).toEqual({
    nodeId: 2,
    dataDir: '/var/lib/kz/2',
    clusterId: 'kz-prod',
    voters: new Map([
      [1, '127.0.0.1:9101'],
      [2, '127.0.0.1:9102'],
      [3, '[::1]:9103'],
    ]),
    raftListen: '127.0.0.1:9102',
    adminListen: '0.0.0.0:9201',
    sessionTimeoutMs: undefined,
    requestTimeoutMs: undefined,
    raftConfig: {},
    logLevel: 'info',
  });
});

test('timeouts, an explicit Raft listen address, and the long poll shortened to fit the fetch timeout', () => {
  const s = settings([
    ...REQUIRED,
    '--raft-listen=0.0.0.0:9102',
    '--session-timeout-ms=1500',
    '--election-timeout-ms=300',
    '--fetch-timeout-ms=600',
    '--request-timeout-ms=4000',
    '--log-level=debug',
  ]);
  expect(s).toMatchObject({ raftListen: '0.0.0.0:9102', sessionTimeoutMs: 1500, requestTimeoutMs: 4000, logLevel: 'debug' });
  expect(s.raftConfig).toEqual({ electionTimeoutMs: 300, electionBackoffMaxMs: 300, fetchTimeoutMs: 600, fetchMaxWaitMs: 300 });
});

test('a node outside --voters is an observer with no Raft port of its own', () => {
  const s = settings([...REQUIRED.filter((f) => !f.startsWith('--node-id')), '--node-id=100']);
  expect(s.nodeId).toBe(100);
  expect(s.raftListen).toBeUndefined();
});

test('--help and -h ask for the usage', () => {
  expect(parseMetadataServerFlags(['--help'])).toEqual({ kind: 'help' });
  expect(parseMetadataServerFlags(['-h', '--node-id=x'])).toEqual({ kind: 'help' });
});

test('bad command lines name the flag', () => {
  expect(usageError([...REQUIRED, '--bogus'])).toContain('--bogus');
  expect(usageError(['positional', ...REQUIRED])).toContain('positional');
  expect(usageError(REQUIRED.filter((f) => !f.startsWith('--data-dir')))).toBe('--data-dir is required');
  expect(usageError(REQUIRED.filter((f) => !f.startsWith('--node-id')))).toBe('--node-id is required');
  expect(usageError(REQUIRED.filter((f) => !f.startsWith('--admin-listen')))).toBe('--admin-listen is required');
  expect(usageError([...REQUIRED, '--node-id=-1'])).toContain('--node-id');
  expect(usageError([...REQUIRED, '--admin-listen=localhost'])).toContain('--admin-listen');
  expect(usageError([...REQUIRED, '--raft-listen=host:99999'])).toContain('--raft-listen');
  expect(usageError([...REQUIRED, '--session-timeout-ms=1.5'])).toContain('--session-timeout-ms');
  expect(usageError([...REQUIRED, '--election-timeout-ms=0'])).toContain('--election-timeout-ms');
  expect(usageError([...REQUIRED, '--log-level=loud'])).toContain('--log-level');
  expect(usageError([...REQUIRED, '--cluster-id=ünïcode'])).toContain('--cluster-id');
});

test('--voters is KRaft’s id@host:port list', () => {
  expect(parseVoters(' 1@a:1 , 2@b.example:65535,')).toEqual(
    new Map([
      [1, 'a:1'],
      [2, 'b.example:65535'],
    ]),
  );
  for (const bad of ['', '1=a:1', '1@a', '1@a:0', '1@a:70000', 'x@a:1', '1@a:1,1@b:2', '01@a:1', '4294967296@a:1']) {
    expect(() => parseVoters(bad)).toThrow(UsageError);
  }
});

describe('the process', () => {
  beforeAll(() => assertBuilt());

  test('exits 2 with the reason on a bad command line, and 0 with the usage for --help', () => {
    const bad = spawnSync(process.execPath, [MAIN_JS, ...REQUIRED, '--bogus'], { encoding: 'utf8', timeout: 10_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--bogus');
    expect(bad.stderr).toContain('--help');
    expect(bad.stdout).toBe('');

    const help = spawnSync(process.execPath, [MAIN_JS, '--help'], { encoding: 'utf8', timeout: 10_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: kz-metadata-server');
    expect(help.stdout).toContain('--voters');
  });
});

describe('dynamic voters (KIP-853), the flags kz format and kz server take', () => {
  const BASE = ['--node-id=2', '--data-dir=/var/lib/kz/2', '--cluster-id=kz-prod', '--admin-listen=0.0.0.0:9201'];
  const A = 'AQIDBAUGBwgJCgsMDQ4PEA';
  const B = 'EA8ODQwLCgkIBwYFBAMCAQ';

  test('--standalone: a one-voter cluster of this node at --raft-listen; the directory id is left to the data dir', () => {
    const s = settings([...BASE, '--standalone', '--raft-listen=10.0.0.2:9102']);
    expect(s.voters).toEqual(new Map());
    expect(s.raftListen).toBe('10.0.0.2:9102');
    expect(s.dynamicVoters).toEqual({ bootstrapVoters: 'standalone', bootstrapServers: new Map(), controller: true });
    expect(settings([...BASE, '--standalone', '--raft-listen=10.0.0.2:9102', `--directory-id=${A}`]).dynamicVoters?.directoryId).toBe(A);
  });

  test('--initial-controllers: this node takes its Raft address and directory id from the list', () => {
    const s = settings([...BASE, `--initial-controllers=1@h1:9101:${A},2@[::1]:9102:${B}`]);
    expect(s.raftListen).toBe('[::1]:9102');
    expect(s.dynamicVoters).toEqual({
      directoryId: B,
      bootstrapVoters: [
        { id: 1, directoryId: A, endpoints: [{ name: 'CONTROLLER', host: 'h1', port: 9101 }] },
        { id: 2, directoryId: B, endpoints: [{ name: 'CONTROLLER', host: '::1', port: 9102 }] },
      ],
      bootstrapServers: new Map(),
      controller: true,
    });
  });

  test('--quorum-bootstrap alone: joins a running cluster as an observer through those controllers', () => {
    const s = settings([...BASE, '--quorum-bootstrap=1@h1:9101,2@h2:9102', '--raft-listen=h2:9102']);
    expect(s.dynamicVoters).toEqual({ bootstrapVoters: null, bootstrapServers: new Map([[1, 'h1:9101']]), controller: true });
  });

  test('the combinations refused, each naming why', () => {
    expect(usageError([...BASE, '--standalone', `--initial-controllers=2@h:1:${A}`])).toContain('exclude each other');
    expect(usageError([...BASE, `--initial-controllers=1@h:1:${A}`])).toContain('does not list node 2');
    expect(usageError([...BASE, `--initial-controllers=2@h:1:${A}`, `--directory-id=${B}`])).toContain(`not node 2's`);
    expect(usageError([...BASE, '--standalone'])).toContain('--raft-listen');
    expect(usageError([...BASE, '--standalone', '--raft-listen=h:0'])).toContain('--raft-listen');
    expect(usageError([...BASE, '--standalone', '--raft-listen=h:1', '--voters=2@h:1'])).toContain('--voters is for static voters');
    expect(usageError([...BASE, `--directory-id=${A}`])).toContain('--quorum-bootstrap to join');
    expect(usageError([...BASE, '--quorum-bootstrap=1@h:1', '--directory-id=short'])).toContain('--directory-id');
    expect(usageError([...BASE, '--initial-controllers=2@h:1'])).toContain('--initial-controllers');
    expect(usageError(BASE)).toBe('--voters is required');
  });
});
