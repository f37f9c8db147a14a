/**
 * Model check of FileHandlePool: random appends, reads, truncations, fsyncs, nested and transient
 * uses, asynchronous uses held open across other operations, and files deleted and recreated, on
 * more files than the cap. Every result must equal an uncapped in-memory model, the descriptors
 * open must never exceed the cap, and no descriptor may close while an operation holds it.
 * Replay a failure with FC_SEED=<seed printed in the failure>; FC_RUNS=<n> runs longer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { FileHandlePool, MIN_MAX_OPEN_FILES, type PooledFile } from '@kz/broker';
import { CountingOpener, cleanupTempDirs, deferred, tempDir } from './helpers';

afterEach(cleanupTempDirs);

const FILES = 10;

type Op =
  | { kind: 'append'; file: number; bytes: number }
  | { kind: 'read'; file: number; at: number; length: number }
  | { kind: 'truncate'; file: number; to: number }
  | { kind: 'fsync'; file: number }
  | { kind: 'nested'; files: [number, number, number] }
  | { kind: 'transient'; file: number }
  | { kind: 'beginAsync'; file: number }
  | { kind: 'endAsync'; pick: number }
  | { kind: 'recreate'; file: number };

const file = fc.nat({ max: FILES - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('append' as const), file, bytes: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('read' as const), file, at: fc.nat({ max: 120 }), length: fc.integer({ min: 1, max: 60 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), file, to: fc.nat({ max: 120 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fsync' as const), file }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('nested' as const), files: fc.tuple(file, file, file) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('transient' as const), file }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('beginAsync' as const), file }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('endAsync' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('recreate' as const), file }) },
);

interface PendingAsync {
  gate: ReturnType<typeof deferred>;
  started: boolean;
  done: boolean;
  result: string | undefined;
  failure: unknown;
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function readAll(fd: number, at: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let n = 0;
  while (n < length) {
    const read = fs.readSync(fd, out, n, length - n, at + n);
    if (read === 0) break;
    n += read;
  }
  return out.subarray(0, n);
}

/** Evictions across all runs: the check is vacuous unless the pool really closed and reopened files. */
let evictions = 0;

async function runOps(maxOpenFiles: number, ops: Op[]): Promise<void> {
  const dir = tempDir();
  const opener = new CountingOpener();
  const pool = new FileHandlePool({ maxOpenFiles, opener });
  const paths = Array.from({ length: FILES }, (_, i) => path.join(dir, `f${i}`));
  const model: Buffer[] = paths.map(() => Buffer.alloc(0));
  const handles: PooledFile[] = paths.map((p) => {
    const h = pool.file(p, fs.constants.O_RDWR);
    h.create();
    return h;
  });
  const pending: PendingAsync[] = [];
  let fill = 0;

  const finish = async (p: PendingAsync): Promise<void> => {
    p.gate.resolve();
    for (let i = 0; i < 10 && !p.done; i++) await settle();
  };

  for (const op of ops) {
    switch (op.kind) {
      case 'append': {
        const bytes = Buffer.alloc(op.bytes, fill++ % 251);
        const at = model[op.file]!.length;
        handles[op.file]!.use((fd) => fs.writeSync(fd, bytes, 0, bytes.length, at));
        model[op.file] = Buffer.concat([model[op.file]!, bytes]);
        break;
      }
      case 'read':
        expect(handles[op.file]!.use((fd) => readAll(fd, op.at, op.length))).toEqual(model[op.file]!.subarray(op.at, op.at + op.length));
        break;
      case 'truncate': {
        const to = Math.min(op.to, model[op.file]!.length);
        handles[op.file]!.use((fd) => fs.ftruncateSync(fd, to));
        model[op.file] = model[op.file]!.subarray(0, to);
        break;
      }
      case 'fsync':
        handles[op.file]!.use((fd) => fs.fsyncSync(fd));
        break;
      case 'nested': {
        const [a, b, c] = op.files;
        const sizes = handles[a]!.use((fa) => handles[b]!.use((fb) => handles[c]!.use((fc2) => [fa, fb, fc2].map((fd) => fs.fstatSync(fd).size))));
        expect(sizes).toEqual([a, b, c].map((i) => model[i]!.length));
        break;
      }
      case 'transient':
        expect(pool.withFile(paths[op.file]!, fs.constants.O_RDONLY, (fd) => fs.readFileSync(fd))).toEqual(model[op.file]);
        break;
      case 'beginAsync': {
        const p: PendingAsync = { gate: deferred(), started: false, done: false, result: undefined, failure: undefined };
        const expectedPath = paths[op.file]!;
        handles[op.file]!
          .useAsync(async (fd) => {
            p.started = true;
            const serial = opener.serialOf(fd);
            await p.gate.promise;
            // Still the same open: a descriptor closed and its number reused by a later open has another serial.
            if (serial === undefined || opener.serialOf(fd) !== serial || opener.live.get(fd) !== expectedPath) {
              throw new Error(`descriptor ${fd} of ${expectedPath} was closed while pinned`);
            }
            fs.fsyncSync(fd);
            return 'fsynced';
          })
          .then(
            (r) => {
              p.result = r;
              p.done = true;
            },
            (e: unknown) => {
              p.failure = e;
              p.done = true;
            },
          );
        pending.push(p);
        await settle();
        break;
      }
      case 'endAsync': {
        const waiting = pending.filter((p) => !p.done);
        // Only a started use can finish on its own; one still waiting for a slot needs a started one to end first.
        const started = waiting.filter((p) => p.started);
        const p = started[op.pick % Math.max(1, started.length)];
        if (p !== undefined) await finish(p);
        break;
      }
      case 'recreate': {
        handles[op.file]!.close();
        fs.unlinkSync(paths[op.file]!);
        const h = pool.file(paths[op.file]!, fs.constants.O_RDWR);
        h.create();
        handles[op.file] = h;
        model[op.file] = Buffer.alloc(0);
        break;
      }
    }
    expect(opener.live.size).toBeLessThanOrEqual(maxOpenFiles);
    expect(pool.stats().openFiles).toBe(opener.live.size);
    expect(pool.stats().pinnedFiles).toBe(pending.filter((p) => p.started && !p.done).length);
  }

  // Drain: finish every started use; each frees a slot for the next waiter.
  for (let guard = 0; pending.some((p) => !p.done) && guard < 1000; guard++) {
    const next = pending.find((p) => p.started && !p.done);
    if (next === undefined) break;
    await finish(next);
  }
  expect(pending.filter((p) => !p.done)).toEqual([]);
  for (const p of pending) {
    expect(p.failure).toBeUndefined();
    // A use that never started was waiting when its handle closed: it is skipped, not run on a closed file.
    expect(p.result).toBe(p.started ? 'fsynced' : undefined);
  }
  expect(opener.maxLive).toBeLessThanOrEqual(maxOpenFiles);
  evictions += pool.stats().evictions;
  for (const h of handles) h.close();
  expect(opener.live.size).toBe(0);
  for (let i = 0; i < FILES; i++) expect(fs.readFileSync(paths[i]!)).toEqual(model[i]);
}

describe('FileHandlePool against an uncapped model', () => {
  it('gives every operation the model\'s result without exceeding the cap or closing a pinned descriptor', async () => {
    const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: MIN_MAX_OPEN_FILES, max: MIN_MAX_OPEN_FILES + 3 }), fc.array(opArb, { maxLength: 60 }), async (cap, ops) => {
          await runOps(cap, ops);
          cleanupTempDirs();
        }),
        { seed, numRuns: Number(process.env.FC_RUNS ?? 200) },
      );
    } catch (e) {
      throw new Error(`property failed; replay with FC_SEED=${seed}\n${(e as Error).message}`);
    }
    expect(evictions).toBeGreaterThan(0);
  });
});
