/**
 * The command line itself, with no cluster: help on every command, bad flags (exit 2 with the
 * usage hint), and an unreachable cluster (exit 1, one line saying what could not be reached).
 */
import { kz } from '../support/in-process-cluster';

jest.setTimeout(30_000);

const COMMANDS = [
  ['format'],
  ['server'],
  ['topics'],
  ['topics', 'create'],
  ['topics', 'list'],
  ['topics', 'describe'],
  ['topics', 'delete'],
  ['topics', 'add-partitions'],
  ['topics', 'alter-config'],
  ['topics', 'delete-records'],
  ['produce'],
  ['consume'],
  ['groups'],
  ['groups', 'list'],
  ['groups', 'describe'],
  ['groups', 'reset-offsets'],
  ['groups', 'delete'],
  ['quorum'],
  ['quorum', 'describe'],
  ['cluster'],
  ['cluster', 'describe'],
  ['leaders'],
  ['leaders', 'rebalance'],
  ['reassign'],
  ['reassign', 'plan'],
  ['reassign', 'execute'],
  ['reassign', 'verify'],
  ['reassign', 'cancel'],
];

describe('kz --help', () => {
  it('lists every command', async () => {
    const run = await kz(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['format', 'server', 'topics', 'produce', 'consume', 'groups', 'quorum', 'cluster', 'leaders', 'reassign']) {
      expect(run.stdout).toMatch(new RegExp(`\\n\\s+kz ${command}\\b`));
    }
  });

  it.each(COMMANDS.map((c) => [c.join(' '), c]))('kz %s --help describes its options', async (_name, command) => {
    const run = await kz([...command, '--help']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`kz ${command.join(' ')}`);
    expect(run.stdout).toContain('--help');
  });
});

describe('bad command lines', () => {
  it.each([
    [['bogus'], 'Unknown argument: bogus'],
    [[], 'say which command'],
    [['topics'], 'Not enough non-option arguments'],
    [['topics', 'create'], 'Not enough non-option arguments'],
    [['topics', 'create', 'x', '--partitions', 'abc'], '--partitions must be an integer'],
    [['topics', 'create', 'x', '--partitions', '0'], '--partitions must be an integer in [1, 1000000], got 0'],
    [['topics', 'create', 'x', '--config', 'novalue'], '--config: expected key=value'],
    [['topics', 'list', '--bootstrap-controller', 'nohost'], '--bootstrap-controller: expected host:port'],
    [['topics', 'delete-records', '--topic', 't'], 'say what to delete: --topic and --offset'],
    [['topics', 'delete-records', '--topic', 't', '--offset', '-2'], '--offset must be an integer in [-1,'],
    [['topics', 'delete-records', '--offset-json-file', '/nonexistent/offsets.json'], '--offset-json-file /nonexistent/offsets.json: ENOENT'],
    [['produce'], 'Missing required argument: topic'],
    [['produce', '--topic', 't', '--acks', '2'], 'Invalid values'],
    [['consume', '--topic', 't', '--from', 'yesterday'], '--from: expected earliest, latest or an offset'],
    [['consume', '--topic', 't', '--group', 'g', '--partition', '1'], '--group reads every partition'],
    [['server'], 'Missing required argument: data-dir'],
    [['server', '--data-dir', '/tmp/x', '--roles', 'observer'], 'Invalid values'],
    [['format', '--data-dir', '/tmp/x'], 'Missing required argument: node-id'],
    [['reassign', 'plan', '--topics', 't', '--brokers', 'one,two'], '--brokers: expected ids'],
  ])('kz %j exits 2: %s', async (args, message) => {
    const run = await kz(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Run with --help for usage.');
    expect(run.stdout).toBe('');
  });
});

describe('an unreachable cluster', () => {
  it('admin commands exit 1 naming the controllers they could not reach', async () => {
    const run = await kz(['topics', 'list', '--bootstrap-controller', '127.0.0.1:1', '--timeout-ms', '1000']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^kz: cannot reach a controller at 127\.0\.0\.1:1 .*is the cluster running\? \(--bootstrap-controller\)\n$/);
  });

  it('client commands exit 1 naming the brokers they could not reach', async () => {
    const run = await kz(['produce', '--topic', 't', '--num-records', '1', '--bootstrap-server', '127.0.0.1:1', '--timeout-ms', '1000']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^kz: cannot reach a broker at 127\.0\.0\.1:1: .*is the cluster running\? \(--bootstrap-server\)\n$/);
  });
});

describe('SASL flags of client commands', () => {
  it.each([
    [['--sasl-username', 'alice', '--sasl-password', 'pw'], /--sasl-username and --sasl-password need --sasl-mechanism/],
    [['--sasl-mechanism', 'GSSAPI', '--sasl-username', 'alice', '--sasl-password', 'pw'], /--sasl-mechanism: "GSSAPI" is not one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512/],
    [['--sasl-mechanism', 'SCRAM-SHA-512', '--sasl-username', 'alice'], /--sasl-mechanism SCRAM-SHA-512 needs --sasl-username and --sasl-password/],
  ])('%j is a usage error (exit 2), before any connection', async (flags, message) => {
    const run = await kz(['produce', '--topic', 't', '--num-records', '1', '--bootstrap-server', '127.0.0.1:1', '--timeout-ms', '1000', ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
