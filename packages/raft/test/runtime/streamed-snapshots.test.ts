/**
 * RaftNode with a state machine on the streaming snapshot path (writeSnapshot / restoreSnapshot):
 * the README's example as written, the capture point that lets applies go on while a snapshot is
 * written, an abandoned snapshot, and a machine with no snapshot path at all.
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LEVEL_STORAGE_LAYOUT } from '../../src/storage/level-engine';
import { MemoryRaftStorage } from '../../src/storage/memory-storage';
import { InMemoryRaftNetwork } from '../../src/transport/in-memory-transport';
import { RaftNode } from '../../src/runtime/raft-node';
import type { CommittedBatch, StateMachine } from '../../src/runtime/state-machine';
import type { SnapshotReader, SnapshotWriter } from '../../src/storage/snapshot-stream';
import type { OffsetAndEpoch } from '../../src/core/messages';
import { makeTempDir, removeDir } from '../storage/fixtures';
import { fast, quiet, until } from './support/fast-nodes';

interface KeyValueMachine extends StateMachine {
  map: Map<string, string>;
}

/** The README's streaming example, evaluated as the README shows it. */
function readmeMachine(): new () => KeyValueMachine {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const start = readme.indexOf('```js\n', readme.indexOf('## Snapshots')) + '```js\n'.length;
  const code = readme.slice(start, readme.indexOf('```\n', start));
  return new Function('require', `${code}\nreturn StreamedKeyValue;`)(require) as new () => KeyValueMachine;
}

const record = (key: string, value: string) => ({ key: Buffer.from(key), value: Buffer.from(value) });

describe('RaftNode with a streaming state machine', () => {
  test("the README's example: a follower that starts late restores the leader's snapshot from its own checkpoint file", async () => {
    const StreamedKeyValue = readmeMachine();
    const dir = await makeTempDir();
    const network = new InMemoryRaftNetwork();
    const voters = [1, 2, 3];
    const machines = new Map(voters.map((id) => [id, new StreamedKeyValue()]));
    const start = (nodeId: number): Promise<RaftNode> =>
      RaftNode.start({
        nodeId,
        voters,
        storage: { dataDir: join(dir, `node-${nodeId}`) },
        transport: network.transport(nodeId),
        stateMachine: machines.get(nodeId)!,
        logger: quiet,
        // Chunks of 4 KiB: the snapshot travels in many, cutting entries at their boundaries.
        config: { ...fast, snapshotChunkBytes: 4096 },
        snapshotEveryBytes: 16 * 1024,
      });
    const nodes = [await start(1), await start(2)];
    try {
      await until(() => nodes.some((node) => node.status().role === 'leader'));
      const leader = nodes.find((node) => node.status().role === 'leader')!;
      // Values long enough that entries straddle the chunks; a key written twice keeps the later value.
      for (let i = 0; i < 300; i++) await leader.propose([record(`key-${i % 250}`, `value-${i}-${'x'.repeat(200)}`)]);
      await until(() => nodes.every((node) => node.status().logStartOffset > 0));
      nodes.push(await start(3));
      await until(() => machines.get(3)!.map.size === 250);
      await leader.readBarrier();
      expect([...machines.get(3)!.map]).toEqual([...machines.get(leader.status().nodeId)!.map]);
      expect(machines.get(3)!.map.get('key-10')).toBe(`value-260-${'x'.repeat(200)}`);
      expect(nodes[2]!.status().logStartOffset).toBeGreaterThan(0);
      // The follower's snapshot is a checkpoint file, and nothing partial is left behind.
      const files = await readdir(join(dir, 'node-3', LEVEL_STORAGE_LAYOUT.snapshotDir));
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^\d{20}-\d{10}\.checkpoint$/);
    } finally {
      await Promise.all(nodes.map((node) => node.stop()));
      await removeDir(dir);
    }
  });

  test('applies go on while a snapshot is being written; the snapshot holds the state at its capture', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    class GatedMachine implements StateMachine {
      values: string[] = [];
      /** What each writeSnapshot captured, and where it said the snapshot ends. */
      captures: { id: OffsetAndEpoch; values: string[] }[] = [];
      restored: string[] | null = null;
      apply(batch: CommittedBatch): void {
        for (const r of batch.records) this.values.push(Buffer.from(r.value ?? []).toString());
      }
      async writeSnapshot(writer: SnapshotWriter): Promise<void> {
        const captured = [...this.values];
        this.captures.push({ id: writer.id, values: captured });
        await gate;
        await writer.write(Buffer.from(JSON.stringify(captured)));
      }
      async restoreSnapshot(reader: SnapshotReader): Promise<void> {
        const chunks: Uint8Array[] = [];
        for await (const chunk of reader) chunks.push(chunk);
        this.restored = JSON.parse(Buffer.concat(chunks).toString()) as string[];
        this.values = [...this.restored];
      }
    }
    const storage = new MemoryRaftStorage();
    const network = new InMemoryRaftNetwork();
    const first = new GatedMachine();
    const options = { nodeId: 1, voters: [1], logger: quiet, config: fast, snapshotEveryBytes: 1 };
    let node = await RaftNode.start({ ...options, transport: network.transport(1), storage, stateMachine: first });
    try {
      await until(() => node.status().role === 'leader');
      const a = await node.propose([{ key: null, value: Buffer.from('a') }]);
      await until(() => first.captures.length === 1);
      // The write waits on the gate; proposals still commit and reach the machine.
      await node.propose([{ key: null, value: Buffer.from('b') }]);
      await node.propose([{ key: null, value: Buffer.from('c') }]);
      expect(first.values).toEqual(['a', 'b', 'c']);
      expect(node.status().snapshotId).toBeNull();
      release();
      await until(() => node.status().snapshotId !== null);
      // The snapshot that waited holds only what was applied when it began (the leader's first
      // batch is a control batch, so it may have begun before 'a'), and ends where that state does.
      const [waited] = first.captures;
      expect(waited!.id).toEqual(waited!.values.length === 0 ? { offset: a.baseOffset, epoch: a.epoch } : { offset: a.lastOffset + 1, epoch: a.epoch });
      expect(['a'].slice(0, waited!.values.length)).toEqual(waited!.values);
      expect(node.status().snapshotId!.offset).toBeGreaterThanOrEqual(waited!.id.offset);
      await node.stop();

      // A restart loads that snapshot, then the log above it.
      const second = new GatedMachine();
      node = await RaftNode.start({ ...options, transport: network.transport(1), storage: storage.reopen(), stateMachine: second });
      await until(() => node.status().role === 'leader');
      await node.readBarrier();
      expect(second.restored).not.toBeNull();
      expect(second.values).toEqual(['a', 'b', 'c']);
    } finally {
      await node.stop();
    }
  });

  test('a writeSnapshot that rejects abandons that snapshot; the node goes on and takes the next', async () => {
    class FlakyMachine implements StateMachine {
      values: string[] = [];
      failing = true;
      failures = 0;
      apply(batch: CommittedBatch): void {
        for (const r of batch.records) this.values.push(Buffer.from(r.value ?? []).toString());
      }
      async writeSnapshot(writer: SnapshotWriter): Promise<void> {
        const failing = this.failing;
        await writer.write(Buffer.from(JSON.stringify(this.values)));
        if (failing) {
          this.failures++;
          throw new Error('the state could not be read');
        }
      }
      async restoreSnapshot(reader: SnapshotReader, _id: OffsetAndEpoch): Promise<void> {
        const chunks: Uint8Array[] = [];
        for await (const chunk of reader) chunks.push(chunk);
        this.values = JSON.parse(Buffer.concat(chunks).toString()) as string[];
      }
    }
    const dir = await makeTempDir();
    const machine = new FlakyMachine();
    const network = new InMemoryRaftNetwork();
    const node = await RaftNode.start({ nodeId: 1, voters: [1], storage: { dataDir: dir }, transport: network.transport(1), stateMachine: machine, logger: quiet, config: fast, snapshotEveryBytes: 1 });
    try {
      await until(() => node.status().role === 'leader');
      await node.propose([{ key: null, value: Buffer.from('first') }]);
      await until(() => machine.failures > 0);
      // Abandoned: no snapshot in force, the log whole, and its partial file dropped.
      const snapshots = join(dir, LEVEL_STORAGE_LAYOUT.snapshotDir);
      let left: string[] = ['?'];
      for (const deadline = Date.now() + 10_000; left.length > 0 && Date.now() < deadline; await new Promise((r) => setTimeout(r, 5))) left = await readdir(snapshots);
      expect(left).toEqual([]);
      expect(node.status().snapshotId).toBeNull();
      expect(node.status().logStartOffset).toBe(0);
      machine.failing = false;
      await node.propose([{ key: null, value: Buffer.from('second') }]);
      await until(() => node.status().logStartOffset > 0);
      expect(node.status().snapshotId).not.toBeNull();
      expect(machine.values).toEqual(['first', 'second']);
      expect(await readdir(snapshots)).toEqual([expect.stringMatching(/^\d{20}-\d{10}\.checkpoint$/)]);
    } finally {
      await node.stop();
      await removeDir(dir);
    }
  });

  test('RaftNode.start refuses a state machine with neither snapshot path', async () => {
    const network = new InMemoryRaftNetwork();
    const start = RaftNode.start({ nodeId: 1, voters: [1], storage: new MemoryRaftStorage(), transport: network.transport(1), stateMachine: { apply: () => undefined }, logger: quiet });
    await expect(start).rejects.toThrow(TypeError);
    await expect(start).rejects.toThrow(/snapshot\(\) and restore\(\), or writeSnapshot\(\) and restoreSnapshot\(\)/);
  });
});
