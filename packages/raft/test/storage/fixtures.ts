import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeRecordBatch, stampBatch } from '@kz/records';
import { checkpointDataBatch, checkpointFooter, checkpointHead } from '../../src/core/checkpoint-format';
import type { LogBatch, Snapshot } from '../../src/core/log-batch';
import type { OffsetAndEpoch } from '../../src/core/messages';
import type { DurableState } from '../../src/core/raft-core';
import type { LogOp } from '../../src/core/ready';
import type { RaftStorage } from '../../src/storage/raft-storage';
import type { ElectionState } from '../../src/core/quorum-state';

/** A batch of `count` records at `baseOffset`, appended by the leader of `epoch`. */
export function batchAt(baseOffset: number, epoch: number, count = 1, tag = ''): LogBatch {
  const bytes = encodeRecordBatch({
    records: Array.from({ length: count }, (_, i) => ({ key: null, value: Buffer.from(`${tag}${epoch}:${baseOffset + i}`) })),
  });
  stampBatch(bytes, baseOffset, epoch);
  return { baseOffset, lastOffset: baseOffset + count - 1, epoch, bytes };
}

/** Consecutive single-record batches from `from`, one per epoch given. */
export function batchesFrom(from: number, epochs: readonly number[], tag = ''): LogBatch[] {
  return epochs.map((epoch, i) => batchAt(from + i, epoch, 1, tag));
}

const contents = new WeakMap<Snapshot, string>();

/** A snapshot of `content` (static voters), as the core names it; withSnapshotFiles writes its checkpoint. */
export function snapshotAt(offset: number, epoch: number, content = `state@${offset}`): Snapshot {
  const snapshot = { id: { offset, epoch }, size: checkpointOf({ offset, epoch }, content).length };
  contents.set(snapshot, content);
  return snapshot;
}

/** The checkpoint a writer makes of `content` written at once (static voters). */
export function checkpointOf(id: OffsetAndEpoch, content: string): Uint8Array {
  return Buffer.concat([...checkpointHead(id, undefined), checkpointDataBatch(Buffer.from(content), 1, id.epoch), checkpointFooter(2, id.epoch)]);
}

/**
 * What a node does around snapshot ops: a snapshot it takes has its checkpoint written through the
 * storage first; a fetched one arrives as chunks before its install. Ids no storage accepts are left alone.
 */
export async function withSnapshotFiles(storage: RaftStorage, ops: readonly LogOp[]): Promise<LogOp[]> {
  const out: LogOp[] = [];
  for (const op of ops) {
    if (op.op === 'snapshot' || op.op === 'installSnapshot') {
      const content = contents.get(op.snapshot);
      const { id } = op.snapshot;
      if (content !== undefined && id.offset >= 0 && id.epoch >= 0) {
        if (op.op === 'snapshot') {
          const writer = await storage.createSnapshot(id, undefined);
          await writer.write(Buffer.from(content));
          await writer.commit();
        } else {
          const bytes = checkpointOf(id, content);
          const half = bytes.length >> 1;
          out.push({ op: 'snapshotChunk', id, position: 0, bytes: bytes.subarray(0, half) });
          out.push({ op: 'snapshotChunk', id, position: half, bytes: bytes.subarray(half) });
        }
      }
    }
    out.push(op);
  }
  return out;
}

/** The state a stored snapshot holds, read back through its stream. */
export async function contentOf(storage: RaftStorage, id: OffsetAndEpoch): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of storage.readSnapshot(id)) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

/** A DurableState in a form jest can compare and print: bytes as hex, Buffer or Uint8Array alike. */
export function view(state: DurableState): unknown {
  return {
    electionState: { ...state.electionState },
    snapshot: state.snapshot === null ? null : { id: { ...state.snapshot.id }, size: state.snapshot.size },
    batches: state.batches.map((b) => ({ baseOffset: b.baseOffset, lastOffset: b.lastOffset, epoch: b.epoch, bytes: hex(b.bytes) })),
  };
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'kz-raft-storage-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** The expected stored log, and a source of valid random ops against it. */
export class ModelLog {
  private snapshot: Snapshot | null = null;
  private batches: LogBatch[] = [];
  private serial = 0;

  state(electionState: ElectionState): DurableState {
    return { electionState, snapshot: this.snapshot, batches: [...this.batches] };
  }

  private get start(): number {
    return this.snapshot?.id.offset ?? 0;
  }

  private get end(): number {
    const last = this.batches[this.batches.length - 1];
    return last === undefined ? this.start : last.lastOffset + 1;
  }

  randomOps(random: () => number, epoch: number): LogOp[] {
    const ops: LogOp[] = [];
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const roll = random();
      this.serial += 1;
      if (roll < 0.55) {
        const batches: LogBatch[] = [];
        for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
          const batch = batchAt(this.end, epoch, 1 + Math.floor(random() * 4), `m${this.serial}-`);
          this.batches.push(batch);
          batches.push(batch);
        }
        ops.push({ op: 'append', batches });
      } else if (roll < 0.75) {
        const keep = Math.floor(random() * (this.batches.length + 1));
        const endOffset = this.batches[keep]?.baseOffset ?? this.end;
        this.batches = this.batches.slice(0, keep);
        ops.push({ op: 'truncate', endOffset });
      } else if (roll < 0.93) {
        const upTo = Math.floor(random() * (this.batches.length + 1));
        const below = this.batches[upTo - 1];
        if (below === undefined) continue;
        const snapshot = snapshotAt(below.lastOffset + 1, below.epoch, `s${this.serial}`);
        this.batches = this.batches.slice(upTo);
        this.snapshot = snapshot;
        ops.push({ op: 'snapshot', snapshot });
      } else {
        const lastEpoch = this.batches[this.batches.length - 1]?.epoch ?? this.snapshot?.id.epoch ?? 0;
        const snapshot = snapshotAt(this.end + Math.floor(random() * 5), Math.max(lastEpoch, 0), `i${this.serial}`);
        this.batches = [];
        this.snapshot = snapshot;
        ops.push({ op: 'installSnapshot', snapshot });
      }
    }
    return ops;
  }
}

/** A small deterministic generator, so a failure replays exactly. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}
