import { formatLogLine } from '../src/log-line';
import { formatNodeAddressList, parseNodeAddressList } from '../src/node-address-list';
import { parseServerFlags, UsageError, type ServerSettings } from '../src/server-flags';

const base = ['--node-id=2', '--data-dir=/tmp/kv-2', '--peers=1=127.0.0.1:7001,2=127.0.0.1:7002,3=127.0.0.1:7003', '--kv-peers=1=127.0.0.1:7101,2=127.0.0.1:7102,3=127.0.0.1:7103'];

function settings(argv: string[]): ServerSettings {
  const command = parseServerFlags(argv);
  if (command.kind !== 'run') throw new Error('expected a run command');
  return command.settings;
}

describe('server flags', () => {
  test('the minimal command line fills in the rest from the peer lists', () => {
    const s = settings(base);
    expect(s.nodeId).toBe(2);
    expect(s.voters).toEqual([1, 2, 3]);
    expect(s.raftListen).toBe('127.0.0.1:7002');
    expect(s.listen).toBe('127.0.0.1:7102');
    expect([...s.raftPeers.keys()]).toEqual([1, 3]);
    expect(s.kvPeers.get(3)).toBe('127.0.0.1:7103');
    expect(s.raftConfig).toEqual({});
    expect(s.requestTimeoutMs).toBe(5000);
    expect(s.clusterId).toBe('kz-kv');
  });

  test('short Raft timeouts', () => {
    const s = settings([...base, '--election-timeout-ms', '300', '--fetch-timeout-ms', '600', '--fetch-max-wait-ms', '150']);
    expect(s.raftConfig).toEqual({ electionTimeoutMs: 300, electionBackoffMaxMs: 300, fetchTimeoutMs: 600, fetchMaxWaitMs: 150 });
  });

  test('a fetch timeout alone brings the long poll down with it', () => {
    expect(settings([...base, '--fetch-timeout-ms=400']).raftConfig).toEqual({ fetchTimeoutMs: 400, fetchMaxWaitMs: 200 });
  });

  test('--help needs nothing else', () => {
    expect(parseServerFlags(['--help'])).toEqual({ kind: 'help' });
    expect(parseServerFlags(['-h'])).toEqual({ kind: 'help' });
  });

  test.each<[string, string[]]>([
    ['an unknown flag', [...base, '--bogus']],
    ['a positional argument', [...base, 'extra']],
    ['a missing node id', base.slice(1)],
    ['a missing data dir', [base[0]!, ...base.slice(2)]],
    ['a node id that is not a number', [...base, '--node-id=two']],
    ['a node missing from --peers', [...base, '--node-id=4']],
    ['a voter without a kv address', [...base, '--kv-peers=1=127.0.0.1:7101,2=127.0.0.1:7102']],
    ['a kv address of a non-voter', [...base, '--kv-peers=1=a:1,2=a:2,3=a:3,4=a:4']],
    ['a malformed peer entry', [...base, '--peers=1=127.0.0.1']],
    ['a bad log level', [...base, '--log-level=loud']],
    ['a long poll over half the fetch timeout', [...base, '--fetch-timeout-ms=600', '--fetch-max-wait-ms=400']],
    ['a zero timeout', [...base, '--request-timeout-ms=0']],
  ])('rejects %s with a usage error', (_, argv) => {
    expect(() => parseServerFlags(argv)).toThrow(UsageError);
  });
});

describe('node address lists', () => {
  test('parse and format are inverse', () => {
    const text = '1=127.0.0.1:7001,2=[::1]:7002,10=node-10.local:9093';
    const list = parseNodeAddressList(text, 'peers');
    expect([...list]).toEqual([
      [1, '127.0.0.1:7001'],
      [2, '[::1]:7002'],
      [10, 'node-10.local:9093'],
    ]);
    expect(formatNodeAddressList(list)).toBe(text);
  });

  test.each(['', '1=a:1,1=b:2', '1=a:0', '1=a:70000', 'x=a:1', '01=a:1', '1:a:1'])('rejects %j', (text) => {
    expect(() => parseNodeAddressList(text, 'peers')).toThrow(/peers/);
  });
});

describe('log lines for the terminal', () => {
  test('a pino line becomes time, level, message and fields', () => {
    const line = JSON.stringify({ level: 30, time: Date.UTC(2025, 0, 1, 12, 0, 1, 234), pid: 1, nodeId: 2, role: 'leader', epoch: 3, msg: 'quorum state changed' });
    expect(formatLogLine(line)).toBe('12:00:01.234 INFO  quorum state changed role=leader epoch=3');
  });

  test('anything else passes through', () => {
    expect(formatLogLine('plain text')).toBe('plain text');
    expect(formatLogLine('{"no":"msg"}')).toBe('{"no":"msg"}');
  });
});
