/**
 * The process side of big-snapshot.test.ts, in plain JavaScript so that it runs under a heap limit
 * (`node --max-old-space-size=64`) without a TypeScript loader, against the built package (dist).
 *
 * Three voters in this one process, on LevelDB data dirs: 1 and 2 commit a record and both snapshot
 * a state of `megabytes` MiB that their machines stream from a generator (both, so that whichever
 * leads serves it), then 3 starts with an empty disk, fetches the leader's snapshot chunk by chunk
 * and restores it by hashing the stream. It prints one
 * JSON line: the hash and size 3 restored, the generator's own hash, and the peak heap and Buffer
 * memory seen.
 */
'use strict';
const { createHash } = require('node:crypto');
const { join } = require('node:path');
const pino = require('pino');
const { InMemoryRaftNetwork, RaftNode } = require('../../../dist/index.js');

const [dir, megabytes] = process.argv.slice(2);
const TOTAL = Number(megabytes) * 1024 * 1024;
const CHUNK = 1024 * 1024;

/** The state: TOTAL pseudo-random bytes (xorshift32), generated a chunk at a time. */
function* generate() {
  let x = 0x9e3779b9;
  for (let at = 0; at < TOTAL; at += CHUNK) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, TOTAL - at));
    for (let i = 0; i + 4 <= chunk.length; i += 4) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      chunk.writeUInt32LE(x >>> 0, i);
    }
    yield chunk;
  }
}

class StreamedMachine {
  constructor() {
    this.restored = null;
  }
  apply() {}
  async writeSnapshot(writer) {
    for (const chunk of generate()) await writer.write(chunk);
  }
  async restoreSnapshot(reader, id) {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of reader) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    this.restored = { hash: hash.digest('hex'), bytes, offset: id.offset };
  }
}

// The heap is bounded by --max-old-space-size (exceeding it kills the process); Buffers live
// outside it, so their peak is what shows whether anything held the snapshot whole.
const peak = { heapBytes: 0, bufferBytes: 0 };
const sample = () => {
  const usage = process.memoryUsage();
  peak.heapBytes = Math.max(peak.heapBytes, usage.heapUsed);
  peak.bufferBytes = Math.max(peak.bufferBytes, usage.arrayBuffers);
};
const sampler = setInterval(sample, 10);

const until = async (what, condition, withinMs = 50_000) => {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** Proposes through whichever node leads, again if leadership moves before it commits. */
async function proposeOnce(nodes, records) {
  const retriable = new Set(['NotLeaderError', 'ProposalLostError', 'RequestTimedOutError']);
  for (;;) {
    await until('a leader', () => nodes.some((node) => node.status().role === 'leader'));
    try {
      return await nodes.find((node) => node.status().role === 'leader').propose(records);
    } catch (error) {
      if (!retriable.has(error.name)) throw error;
    }
  }
}

async function main() {
  const network = new InMemoryRaftNetwork();
  const voters = [1, 2, 3];
  const machines = new Map(voters.map((id) => [id, new StreamedMachine()]));
  const start = (nodeId) =>
    RaftNode.start({
      nodeId,
      voters,
      storage: { dataDir: join(dir, `node-${nodeId}`) },
      transport: network.transport(nodeId),
      stateMachine: machines.get(nodeId),
      logger: pino({ level: 'warn' }),
      // A snapshot as soon as anything is committed.
      snapshotEveryBytes: 1,
    });
  const nodes = [await start(1), await start(2)];
  await until('a leader', () => nodes.some((node) => node.status().role === 'leader'));
  await proposeOnce(nodes, [{ key: null, value: Buffer.from('one record') }]);
  await until('nodes 1 and 2 to compact onto their snapshots', () => nodes.every((node) => node.status().logStartOffset > 0));
  nodes.push(await start(3));
  await until('node 3 to restore the snapshot', () => machines.get(3).restored !== null);

  const expected = createHash('sha256');
  for (const chunk of generate()) expected.update(chunk);
  sample();
  clearInterval(sampler);
  const result = { restored: machines.get(3).restored, expectedHash: expected.digest('hex'), totalBytes: TOTAL, ...peak };
  await Promise.all(nodes.map((node) => node.stop()));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
