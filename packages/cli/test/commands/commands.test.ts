/**
 * Every `kz` command against a real three-node cluster (in this process), the way an operator
 * would use them: create a topic, write and read it, look at the quorum and the cluster, move
 * replicas and leaders. Both renderings are checked: the human table and --json.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { until } from '@kz/raft/testing';
import { InProcessCluster, kz } from '../support/in-process-cluster';

jest.setTimeout(120_000);

let cluster: InProcessCluster;
let admin: string[];
let client: string[];

beforeAll(async () => {
  cluster = await InProcessCluster.start(3);
  admin = cluster.adminFlags();
  client = cluster.clientFlags();
});

afterAll(async () => {
  await cluster?.stop();
});

interface DescribedTopic {
  name: string;
  partitions: { partitionId: number; leader: number; replicas: number[]; isr: number[]; eligibleLeaderReplicas: number[] }[];
  configs: Record<string, string>;
}

async function describe1(topic: string): Promise<DescribedTopic> {
  const run = await kz(['topics', 'describe', topic, '--json', ...admin]);
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { topics: DescribedTopic[] }).topics[0]!;
}

describe('kz topics', () => {
  it('creates, lists, describes, configures and deletes a topic', async () => {
    const created = await kz(['topics', 'create', 'orders', '--partitions', '3', '--replication-factor', '3', '--config', 'min.insync.replicas=2', ...admin]);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toMatch(/^Created topic orders \(3 partitions, replication factor 3, id \S+\)\.\n$/);

    const again = await kz(['topics', 'create', 'orders', '--partitions', '3', ...admin]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('TOPIC_ALREADY_EXISTS');
    expect((await kz(['topics', 'create', 'orders', '--if-not-exists', ...admin])).code).toBe(0);

    const list = await kz(['topics', 'list', ...admin]);
    expect(list.stdout.split('\n')[0]).toMatch(/^TOPIC\s+PARTITIONS\s+RF\s+ID$/);
    expect(list.stdout).toMatch(/\norders\s+3\s+3\s+\S+\n/);

    const described = await describe1('orders');
    expect(described.partitions.map((p) => p.partitionId)).toEqual([0, 1, 2]);
    expect(described.configs).toEqual({ 'min.insync.replicas': '2' });
    for (const p of described.partitions) expect([...p.replicas].sort()).toEqual([1, 2, 3]);
    for (const p of described.partitions) expect(p.eligibleLeaderReplicas).toEqual([]);
    const human = await kz(['topics', 'describe', 'orders', ...admin]);
    expect(human.stdout).toContain('configs min.insync.replicas=2');
    expect(human.stdout).toMatch(/ISR\s+ELR\s+REASSIGNING/);
    expect(human.stdout).toMatch(/orders\s+0\s+\d\s+\d+\s+\d,\d,\d\s+\d,\d,\d/);

    expect((await kz(['topics', 'alter-config', 'orders', '--set', 'retention.ms=60000', '--delete', 'min.insync.replicas', ...admin])).code).toBe(0);
    expect((await describe1('orders')).configs).toEqual({ 'retention.ms': '60000' });
    const badConfig = await kz(['topics', 'alter-config', 'orders', '--set', 'no.such.config=1', ...admin]);
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr).toMatch(/INVALID_CONFIG/);

    expect((await kz(['topics', 'delete', 'orders', ...admin])).stdout).toBe('Deleted topic orders.\n');
    const gone = await kz(['topics', 'describe', 'orders', ...admin]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('UNKNOWN_TOPIC_OR_PARTITION');
    expect((await kz(['topics', 'delete', 'orders', '--if-exists', ...admin])).code).toBe(0);
  });

  it('grows a topic, and refuses to shrink one', async () => {
    expect((await kz(['topics', 'create', 'growing', '--partitions', '2', '--replication-factor', '2', ...admin])).code).toBe(0);
    const grown = await kz(['topics', 'add-partitions', 'growing', '--partitions', '4', ...admin]);
    expect(grown.code).toBe(0);
    expect(grown.stdout).toContain('Topic growing now has 4 partitions');
    expect((await describe1('growing')).partitions.map((p) => p.replicas.length)).toEqual([2, 2, 2, 2]);
    const shrunk = await kz(['topics', 'add-partitions', 'growing', '--partitions', '3', ...admin]);
    expect(shrunk.code).toBe(1);
    expect(shrunk.stderr).toContain('INVALID_PARTITIONS');
  });

  it('takes an explicit replica assignment, Kafka style', async () => {
    const run = await kz(['topics', 'create', 'placed', '--replica-assignment', '1:2,2:3', ...admin]);
    expect(run.code).toBe(0);
    expect((await describe1('placed')).partitions.map((p) => p.replicas)).toEqual([
      [1, 2],
      [2, 3],
    ]);
    const bad = await kz(['topics', 'create', 'x', '--replica-assignment', '1:a', ...admin]);
    expect(bad.code).toBe(2);
  });
});

describe('kz produce and kz consume', () => {
  beforeAll(async () => {
    expect((await kz(['topics', 'create', 'lines', '--partitions', '2', '--replication-factor', '3', ...admin])).code).toBe(0);
  });

  it('writes stdin lines with keys and reads them back from the earliest offset', async () => {
    const produced = await kz(['produce', '--topic', 'lines', '--partition', '0', '--key-separator', ':', ...client], { stdin: 'a:apple\nb:banana\nc:cherry\n' });
    expect(produced).toMatchObject({ code: 0, stdout: '' });
    expect(produced.stderr).toBe('produced 3 of 3 record(s) to lines\n');

    const human = await kz(['consume', '--topic', 'lines', '--partition', '0', '--from', 'earliest', '--max-messages', '2', '--print-key', '--print-offset', ...client]);
    expect(human.code).toBe(0);
    expect(human.stdout).toBe('0:0\ta\tapple\n0:1\tb\tbanana\n');

    const json = await kz(['consume', '--topic', 'lines', '--partition', '0', '--from', '1', '--max-messages', '2', '--json', ...client]);
    expect(json.stdout.trim().split('\n').map((line) => JSON.parse(line) as { offset: number; key: string; value: string })).toMatchObject([
      { offset: 1, key: 'b', value: 'banana' },
      { offset: 2, key: 'c', value: 'cherry' },
    ]);
  });

  it('generates load and reports what was acknowledged', async () => {
    const run = await kz(['produce', '--topic', 'lines', '--num-records', '500', '--record-size', '64', '--json', ...client]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { sent: number; acked: number; failed: number; latencyMs: { p50: number } };
    expect(summary).toMatchObject({ sent: 500, acked: 500, failed: 0 });
    expect(summary.latencyMs.p50).toBeGreaterThan(0);
  });

  it('reads as a group from its committed offsets, committing what it printed', async () => {
    expect((await kz(['topics', 'create', 'ledger', '--partitions', '2', '--replication-factor', '3', ...admin])).code).toBe(0);
    await kz(['produce', '--topic', 'ledger', ...client], { stdin: 'e1\ne2\ne3\ne4\n' });
    const read = (extra: string[] = []) =>
      kz(['consume', '--topic', 'ledger', '--group', 'audit', '--from', 'earliest', '--idle-timeout-ms', '1500', ...extra, ...client]);

    const first = await read(['--max-messages', '3']);
    expect(first.stdout.trim().split('\n')).toHaveLength(3);
    const second = await read();
    // The fourth record, and only it: the first reader committed exactly what it printed.
    expect(second.stdout.trim().split('\n')).toHaveLength(1);
    expect(new Set([...first.stdout.trim().split('\n'), ...second.stdout.trim().split('\n')])).toEqual(new Set(['e1', 'e2', 'e3', 'e4']));
    expect((await read()).stdout).toBe('');

    await kz(['produce', '--topic', 'ledger', ...client], { stdin: 'e5\n' });
    // --no-commit reads without moving the group: the next reader gets the same record.
    expect((await read(['--no-commit'])).stdout).toBe('e5\n');
    expect((await read()).stdout).toBe('e5\n');
    expect((await read()).stdout).toBe('');
  });

  it('cut across partitions by --max-messages, a group commits exactly what was printed', async () => {
    expect((await kz(['topics', 'create', 'split-ledger', '--partitions', '2', '--replication-factor', '3', ...admin])).code).toBe(0);
    await kz(['produce', '--topic', 'split-ledger', '--partition', '0', ...client], { stdin: 'p0-a\np0-b\np0-c\n' });
    await kz(['produce', '--topic', 'split-ledger', '--partition', '1', ...client], { stdin: 'p1-a\np1-b\np1-c\n' });
    const read = (extra: string[]) =>
      kz(['consume', '--topic', 'split-ledger', '--group', 'cutter', '--from', 'earliest', '--idle-timeout-ms', '1500', ...extra, ...client]);
    const lines = (run: { stdout: string }) => run.stdout.split('\n').filter((l) => l !== '');
    const first = lines(await read(['--max-messages', '4']));
    const second = lines(await read([]));
    expect(first).toHaveLength(4);
    expect([...first, ...second].sort()).toEqual(['p0-a', 'p0-b', 'p0-c', 'p1-a', 'p1-b', 'p1-c']);
  });

  it('ends on Ctrl-C, even with stdin still open, and summarizes what it did', async () => {
    const produced = await kz(['produce', '--topic', 'lines', ...client], { keepStdinOpen: true, interrupt: Promise.resolve() });
    expect(produced).toMatchObject({ code: 0, stderr: 'produced 0 of 0 record(s) to lines\n' });
    const consumed = await kz(['consume', '--topic', 'lines', '--group', 'stopped', ...client], { interrupt: Promise.resolve() });
    expect(consumed).toMatchObject({ code: 0, stderr: 'consumed 0 record(s) from lines as group stopped\n' });
  });

  it('deletes the records below an offset, by flags or by Kafka’s offsets file; earliest then starts there', async () => {
    expect((await kz(['topics', 'create', 'trimmed', '--partitions', '2', '--replication-factor', '3', ...admin])).code).toBe(0);
    expect((await kz(['produce', '--topic', 'trimmed', '--partition', '0', ...client], { stdin: 'r0\nr1\nr2\nr3\nr4\n' })).code).toBe(0);
    expect((await kz(['produce', '--topic', 'trimmed', '--partition', '1', ...client], { stdin: 's0\ns1\ns2\n' })).code).toBe(0);

    const byFlags = await kz(['topics', 'delete-records', '--topic', 'trimmed', '--partition', '0', '--offset', '2', ...client]);
    expect(byFlags).toMatchObject({ code: 0, stderr: '' });
    expect(byFlags.stdout).toMatch(/^TOPIC\s+PARTITION\s+LOW WATERMARK\ntrimmed\s+0\s+2\n$/);
    const consumed = await kz(['consume', '--topic', 'trimmed', '--partition', '0', '--from', 'earliest', '--max-messages', '3', '--print-offset', ...client]);
    expect(consumed.stdout).toBe('0:2\tr2\n0:3\tr3\n0:4\tr4\n');

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kz-offsets-')), 'offsets.json');
    fs.writeFileSync(file, JSON.stringify({ partitions: [{ topic: 'trimmed', partition: 1, offset: -1 }], version: 1 }));
    const byFile = await kz(['topics', 'delete-records', '--offset-json-file', file, '--json', ...client]);
    expect(byFile.code).toBe(0);
    expect(JSON.parse(byFile.stdout)).toEqual({ partitions: [{ topic: 'trimmed', partition: 1, lowWatermark: 3 }] });

    const pastEnd = await kz(['topics', 'delete-records', '--topic', 'trimmed', '--partition', '0', '--offset', '99', ...client]);
    expect(pastEnd.code).toBe(1);
    expect(pastEnd.stderr).toContain('OFFSET_OUT_OF_RANGE');
    const both = await kz(['topics', 'delete-records', '--offset-json-file', file, '--topic', 'trimmed', ...client]);
    expect(both.code).toBe(2);
    fs.writeFileSync(file, '{"partitions":[{"topic":"trimmed","partition":0,"offset":1},{"topic":"trimmed","partition":0,"offset":2}]}');
    const twice = await kz(['topics', 'delete-records', '--offset-json-file', file, ...client]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('trimmed-0 is listed twice');
  });

  it('refuses a topic or partition that does not exist, naming it', async () => {
    const topic = await kz(['consume', '--topic', 'nope', ...client]);
    expect(topic).toMatchObject({ code: 1 });
    expect(topic.stderr).toBe('kz: topic nope does not exist\n');
    const partition = await kz(['produce', '--topic', 'lines', '--partition', '9', ...client], { stdin: 'x\n' });
    expect(partition.code).toBe(1);
    expect(partition.stderr).toContain('lines has no partition 9 (it has 2)');
  });
});

describe('kz groups', () => {
  it('shows a group’s committed offsets and lag, and resets them (a dry run unless --execute)', async () => {
    expect((await kz(['topics', 'create', 'audit', '--partitions', '1', '--replication-factor', '3', ...admin])).code).toBe(0);
    await kz(['produce', '--topic', 'audit', ...client], { stdin: 'a1\na2\na3\na4\n' });
    const group = (extra: string[]) => kz(['groups', ...extra, '--topic', 'audit', '--json', ...client]);
    const committed = async (): Promise<{ committed: number; logEnd: number; lag: number | null }> =>
      (JSON.parse((await group(['describe', 'readers'])).stdout) as { partitions: { committed: number; logEnd: number; lag: number | null }[] }).partitions[0]!;

    expect(await committed()).toEqual(expect.objectContaining({ committed: -1, logEnd: 4, lag: null }));
    await kz(['consume', '--topic', 'audit', '--group', 'readers', '--from', 'earliest', '--max-messages', '3', ...client]);
    expect(await committed()).toEqual(expect.objectContaining({ committed: 3, logEnd: 4, lag: 1 }));
    const human = await kz(['groups', 'describe', 'readers', ...client]);
    expect(human.stdout).toMatch(/^Group readers: Empty, 0 member\(s\)\n/);
    expect(human.stdout).toMatch(/readers\s+audit\s+0\s+3\s+4\s+1\s+-\s+-\s+-\n/);

    const dryRun = await group(['reset-offsets', 'readers', '--to', 'earliest']);
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ executed: false, partitions: [{ from: 3, to: 0 }] });
    expect((await committed()).committed).toBe(3);

    expect((await group(['reset-offsets', 'readers', '--to', 'earliest', '--execute'])).code).toBe(0);
    expect((await committed()).committed).toBe(0);
    const replay = await kz(['consume', '--topic', 'audit', '--group', 'readers', '--idle-timeout-ms', '1500', ...client]);
    expect(replay.stdout).toBe('a1\na2\na3\na4\n');

    // An offset past the end is clamped to it, as Kafka clamps.
    expect(JSON.parse((await group(['reset-offsets', 'readers', '--to', '99', '--execute'])).stdout)).toMatchObject({ partitions: [{ to: 4 }] });
    expect((await group(['reset-offsets', 'readers', '--to', 'yesterday'])).code).toBe(2);

    const listed = JSON.parse((await kz(['groups', 'list', '--json', ...client])).stdout) as { groups: { groupId: string; state: string }[] };
    expect(listed.groups).toContainEqual(expect.objectContaining({ groupId: 'readers', state: 'Empty' }));
    expect((await kz(['groups', 'delete', 'readers', ...client])).stdout).toBe('Deleted group readers.\n');
    expect((JSON.parse((await kz(['groups', 'list', '--json', ...client])).stdout) as { groups: { groupId: string }[] }).groups.map((g) => g.groupId)).not.toContain('readers');
  });

  it('two `kz consume --group` split the partitions as members of the group; together they print every record', async () => {
    expect((await kz(['topics', 'create', 'shared', '--partitions', '4', '--replication-factor', '3', ...admin])).code).toBe(0);
    for (let p = 0; p < 4; p++) {
      await kz(['produce', '--topic', 'shared', '--partition', String(p), ...client], { stdin: Array.from({ length: 10 }, (_, i) => `p${p}-${i}`).join('\n') + '\n' });
    }
    const reader = () => kz(['consume', '--topic', 'shared', '--group', 'splitters', '--from', 'earliest', '--idle-timeout-ms', '4000', ...client]);
    const runs = Promise.all([reader(), reader()]);
    type Described = { state: string; members: { memberId: string; assignment: { topic: string; partitions: number[] }[] }[]; partitions: { partition: number; member: string | null }[] };
    const described = await until('both consumers own two partitions each', async () => {
      const d = JSON.parse((await kz(['groups', 'describe', 'splitters', '--json', ...client])).stdout) as Described;
      const shares = d.members.map((m) => m.assignment.reduce((n, t) => n + t.partitions.length, 0));
      return d.state === 'Stable' && shares.length === 2 && shares.every((n) => n === 2) ? d : undefined;
    });
    expect(new Set(described.partitions.map((p) => p.member)).size).toBe(2);
    const [a, b] = await runs;
    expect(a!.code).toBe(0);
    expect(b!.code).toBe(0);
    const printed = [...a!.stdout.split('\n'), ...b!.stdout.split('\n')].filter((l) => l !== '');
    const expected = Array.from({ length: 4 }, (_, p) => Array.from({ length: 10 }, (_, i) => `p${p}-${i}`)).flat();
    expect([...new Set(printed)].sort()).toEqual(expected.sort());
    // Both left the group on the way out.
    expect((JSON.parse((await kz(['groups', 'describe', 'splitters', '--json', ...client])).stdout) as Described).state).toBe('Empty');
  });
});

describe('kz quorum describe and kz cluster describe', () => {
  it('shows the leader, epoch and every voter’s lag', async () => {
    const run = await kz(['quorum', 'describe', '--json', ...admin]);
    const quorum = JSON.parse(run.stdout) as { leaderId: number; epoch: number; highWatermark: number; replicas: { nodeId: number; role: string; lag: number }[] };
    expect([1, 2, 3]).toContain(quorum.leaderId);
    expect(quorum.epoch).toBeGreaterThanOrEqual(1);
    expect(quorum.replicas.map((r) => r.nodeId).sort()).toEqual([1, 2, 3]);
    expect(quorum.replicas.filter((r) => r.role === 'leader').map((r) => r.nodeId)).toEqual([quorum.leaderId]);
    const human = await kz(['quorum', 'describe', ...admin]);
    expect(human.stdout).toMatch(new RegExp(`^Leader ${quorum.leaderId}  epoch \\d+  high watermark \\d+  max voter lag \\d+\\n`));
    expect(human.stdout).toContain('LAST CAUGHT UP');
  });

  it('given any one controller, plain host:port, reaches the leader: quorum describe and a write both follow the redirect', async () => {
    const leader = (JSON.parse((await kz(['quorum', 'describe', '--json', ...admin])).stdout) as { leaderId: number }).leaderId;
    const follower = [1, 2, 3].find((id) => id !== leader)!;
    const only = ['--bootstrap-controller', cluster.adminAddress(follower)];
    const quorum = await kz(['quorum', 'describe', '--json', ...only]);
    expect(quorum).toMatchObject({ code: 0, stderr: '' });
    expect((JSON.parse(quorum.stdout) as { leaderId: number }).leaderId).toBe(leader);
    const created = await kz(['topics', 'create', 'via-follower', '--partitions', '1', '--replication-factor', '1', ...only]);
    expect(created).toMatchObject({ code: 0, stderr: '' });
  });

  it('shows every broker and the health of the partitions', async () => {
    const run = await kz(['cluster', 'describe', '--json', ...admin]);
    const described = JSON.parse(run.stdout) as { clusterId: string; brokers: { id: number; state: string; offlineReplicas: number | null }[]; offline: number; partitions: number };
    expect(described.clusterId).toBe('cli-test');
    // Every replica's log opens: none offline, as the active controller heard from each broker.
    expect(described.brokers.map((b) => [b.id, b.state, b.offlineReplicas])).toEqual([
      [1, 'active', 0],
      [2, 'active', 0],
      [3, 'active', 0],
    ]);
    const human = await kz(['cluster', 'describe', ...admin]);
    expect(human.stdout).toMatch(/BROKER\s+ADDRESS\s+RACK\s+STATE\s+EPOCH\s+LEADERS\s+REPLICAS\s+OFFLINE\n/);
    expect(described.offline).toBe(0);
    expect(described.partitions).toBeGreaterThan(0);
  });
});

describe('kz reassign and kz leaders rebalance', () => {
  it('plans, executes and verifies a move, then puts leaders back on their preferred replicas', async () => {
    expect((await kz(['topics', 'create', 'moving', '--replica-assignment', '1:2,1:2', ...admin])).code).toBe(0);
    const planFile = path.join(cluster.root, 'plan.json');

    const planned = await kz(['reassign', 'plan', '--topics', 'moving', '--brokers', '2,3', '--output', planFile, ...admin]);
    expect(planned.code).toBe(0);
    const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as { version: number; partitions: { partition: number; replicas: number[] }[] };
    expect(plan.version).toBe(1);
    // Broker 2 keeps its replicas; only broker 1's move, to 3, the one broker with room.
    for (const p of plan.partitions) expect([...p.replicas].sort()).toEqual([2, 3]);

    const unknownBroker = await kz(['reassign', 'plan', '--topics', 'moving', '--brokers', '2,99', ...admin]);
    expect(unknownBroker).toMatchObject({ code: 1, stderr: 'kz: --brokers: 99 is not a registered broker\n' });

    const unverified = await kz(['reassign', 'verify', '--plan', planFile, ...admin]);
    expect(unverified.code).toBe(1);
    expect(unverified.stdout).toContain('not started');

    const executed = await kz(['reassign', 'execute', '--plan', planFile, '--wait', '--json', ...admin]);
    expect(executed.code).toBe(0);
    expect((JSON.parse(executed.stdout) as { status: string }[]).map((s) => s.status)).toEqual(['complete', 'complete']);
    expect((await kz(['reassign', 'verify', '--plan', planFile, ...admin])).code).toBe(0);
    expect((await describe1('moving')).partitions.map((p) => [...p.replicas].sort())).toEqual([
      [2, 3],
      [2, 3],
    ]);

    // Now make 3 the preferred leader of partition 0 without moving leadership there.
    fs.writeFileSync(planFile, JSON.stringify({ version: 1, partitions: [{ topic: 'moving', partition: 0, replicas: [3, 2] }] }));
    expect((await kz(['reassign', 'execute', '--plan', planFile, '--wait', ...admin])).code).toBe(0);
    await until('full ISRs', async () => ((await describe1('moving')).partitions.every((p) => p.isr.length === 2) ? true : undefined), 30_000);
    // Leadership stayed with 2, which the first move elected when it took 1 away.
    expect((await describe1('moving')).partitions[0]!.leader).toBe(2);
    const rebalanced = await kz(['leaders', 'rebalance', '--topic', 'moving', '--json', ...admin]);
    expect(rebalanced.code).toBe(0);
    expect((JSON.parse(rebalanced.stdout) as { moves: { partitionId: number; from: number; to: number }[] }).moves).toEqual([{ topic: 'moving', partitionId: 0, from: 2, to: 3 }]);
    expect((await describe1('moving')).partitions[0]!.leader).toBe(3);
    const nothing = await kz(['leaders', 'rebalance', '--topic', 'moving', ...admin]);
    expect(nothing.stdout).toContain('nothing to move');
  });

  it('refuses a plan file that is not a plan', async () => {
    const bad = path.join(cluster.root, 'bad.json');
    fs.writeFileSync(bad, '{"partitions": 3}');
    const run = await kz(['reassign', 'execute', '--plan', bad, ...admin]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected {"version":1');
  });
});
