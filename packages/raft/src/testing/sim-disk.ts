import { readBatchHeader } from '@kz/records';
import type { LogBatch, Snapshot } from '../core/log-batch';
import type { DurableState } from '../core/raft-core';
import { INITIAL_ELECTION_STATE, NO_NODE, type ElectionState } from '../core/quorum-state';
import { decodeElectionState, encodeElectionState } from '../storage/election-state-codec';
import { decodeOffsetKey, encodeOffsetKey } from '../storage/offset-key';
import { decodeSnapshotValue } from '../storage/snapshot-codec';
import type { SnapshotFiles } from '../storage/snapshot-files';
import { SimSnapshotFiles } from './sim-snapshot-files';
import type { EngineWrite, MetaKey, StorageEngine } from '../storage/storage-engine';
import { decodeDirectoryId } from '../storage/directory-id-codec';
import type { DirectoryId } from '../core/voter-set';
import type { LogImage } from './log-image';
import type { SeededRandom } from './seeded-random';
import type { SimClock } from './sim-scheduler';

/** What happened to one disk, for a run's coverage report. */
export interface DiskStats {
  writes: number;
  /** Writes a crash caught before their sync completed (torn ones included). */
  lostWrites: number;
  /** Crashes that left a prefix of the write in progress on the platter, its last batch cut short. */
  tornWrites: number;
  /** Syncs that failed with EIO (the write is lost, as Linux drops the dirty pages). */
  fsyncErrors: number;
  /** Bits flipped in a stored batch at rest. */
  flippedBits: number;
}

/** The first byte of a RecordBatch v2 that its CRC-32C covers (attributes onwards). */
const CRC_COVERED_FROM = 21;

/** A stored batch as the disk sees it: where it sits in its value, and what its header said when intact. */
interface StoredBatch {
  readonly position: number;
  readonly size: number;
  readonly baseOffset: number;
  readonly lastOffset: number;
  readonly epoch: number;
}

/** The first damaged batch of a value: its extent when it was intact. */
interface Damage {
  readonly offset: number;
  readonly lastOffset: number;
  readonly epoch: number;
}

interface PendingWrite {
  readonly writes: readonly EngineWrite[];
  readonly fail: boolean;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * A node's disk, as the key-value store under its RaftStorage (the StorageEngine of
 * EngineRaftStorage, which is the storage that ships): the same keys and values LevelDB would
 * hold, with a disk's failure modes. A log value holds one or more batches and is read only up to
 * the next key (log-values.ts); the disk reads it that way on its own, to know what it holds.
 *
 * - A write is accepted at once and becomes durable only when its sync completes, after a seeded
 *   latency and strictly in order; a crash loses every write whose sync had not completed.
 * - A crash may tear the write in progress: everything before its trailing log puts lands, then a
 *   byte prefix of those values — the last one kept cut short, maybe inside a batch. (LevelDB's
 *   write-ahead log would lose such a write whole; the torn tail is the harsher file-system view the
 *   recovery scan is written for, and it must cut it.)
 * - A sync may fail with EIO (`failNextSync`): the write is lost, the storage must report it.
 * - A bit may flip in a stored batch at rest (`flipBit`), inside the range its CRC covers; the
 *   recovery scan must find it at the next start.
 * - A write that would change the vote cast in an epoch is refused, whatever layer above let it
 *   through: a second vote in one epoch is how two leaders get elected (`refusals` says so).
 * - Snapshot checkpoint files sit beside the store (SimSnapshotFiles): a crash cuts partial files
 *   back, torn or not, and undoes renames whose directory sync had not completed.
 */
export class SimDisk {
  private readonly log = new Map<number, Uint8Array>();
  private readonly meta = new Map<MetaKey, Uint8Array>();
  /**
   * Values (by key) this disk damaged (torn or flipped), with the first damaged batch — what recovery
   * must cut — and the extent it had intact, so the invariants still see where it sat.
   */
  private readonly damagedValues = new Map<number, Damage>();
  private pending: PendingWrite[] = [];
  private lastSyncAt = -Infinity;
  /** Bumped by every crash: a sync scheduled before it never runs. */
  private generation = 0;
  private failSyncs = 0;
  private electionState: ElectionState = INITIAL_ELECTION_STATE;
  private image: LogImage | null = null;
  private snapshotCache: { readonly value: Uint8Array; readonly snapshot: Snapshot } | null = null;
  private readonly batchCache = new WeakMap<Uint8Array, readonly StoredBatch[]>();
  private readonly injected = new WeakSet<object>();
  readonly stats: DiskStats = { writes: 0, lostWrites: 0, tornWrites: 0, fsyncErrors: 0, flippedBits: 0 };
  /** Writes refused since the simulation last looked (it clears them after each step). */
  readonly refusals: string[] = [];
  /** The checkpoint files (snapshots) on this disk. */
  readonly snapshotFiles: SimSnapshotFiles;

  constructor(
    readonly name: string,
    private readonly clock: SimClock,
    private readonly random: SeededRandom,
    /** The range of sync latencies, in ms. */
    private readonly syncLatency: { readonly min: number; readonly max: number },
    /** The checkpoint files' own stream, so that their draws leave the store's sequence as it was. */
    filesRandom: SeededRandom = random,
  ) {
    this.snapshotFiles = new SimSnapshotFiles(clock, filesRandom, syncLatency);
  }

  /** The engine one incarnation of the node's process uses; it dies with the process (`kill`). */
  open(): SimDiskEngine {
    return new SimDiskEngine(this);
  }

  // ------------------------------------------------------------------ faults

  /** Power loss: every unsynced write is gone, except — if `torn` — a prefix of the one in progress. */
  crash(torn: boolean): { readonly lost: number; readonly torn: boolean } {
    const pending = this.pending;
    this.pending = [];
    this.lastSyncAt = -Infinity;
    this.generation++;
    const tore = torn && pending.length > 0 && this.tear(pending[0]!.writes);
    this.snapshotFiles.crash(torn);
    if (tore) this.stats.tornWrites++;
    this.stats.lostWrites += pending.length;
    return { lost: pending.length, torn: tore };
  }

  /**
   * The disk is replaced by an empty one (an operator wiped it, or the machine was rebuilt): every
   * write, durable or not, is gone. Only while no process runs on it.
   */
  wipe(): void {
    this.crash(false);
    this.snapshotFiles.wipe();
    this.log.clear();
    this.meta.clear();
    this.damagedValues.clear();
    this.electionState = INITIAL_ELECTION_STATE;
    this.image = null;
    this.snapshotCache = null;
  }

  /** The next sync fails with EIO. */
  failNextSync(): void {
    this.failSyncs++;
  }

  /** Disarms the failures still armed (the faults heal). */
  clearFaults(): void {
    this.failSyncs = 0;
  }

  /**
   * Flips one bit of the stored batch at `offset`, somewhere its CRC covers. False if there is none,
   * or if its value is damaged already: a second flip may hit the same bit and undo the first, and
   * recovery would then rightly keep a batch the invariants expect it to cut.
   */
  flipBit(offset: number): boolean {
    const keys = this.sortedKeys();
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = this.log.get(key)!;
      const bound = keys[i + 1] ?? Number.POSITIVE_INFINITY;
      const batch = this.batchesOf(key, value).find((b) => b.baseOffset === offset && b.baseOffset < bound);
      if (batch === undefined) continue;
      if (batch.size <= CRC_COVERED_FROM || this.damagedValues.has(key)) return false;
      const flipped = value.slice();
      const byte = batch.position + this.random.int(CRC_COVERED_FROM, batch.size - 1);
      flipped[byte] = flipped[byte]! ^ (1 << this.random.int(0, 7));
      this.log.set(key, flipped);
      this.damagedValues.set(key, { offset, lastOffset: batch.lastOffset, epoch: batch.epoch });
      this.image = null;
      this.stats.flippedBits++;
      return true;
    }
    return false;
  }

  /** Whether `error` (or its cause) is a failure this disk injected. */
  injectedFailure(error: unknown): boolean {
    if (typeof error !== 'object' || error === null) return false;
    if (this.injected.has(error)) return true;
    const cause = (error as { cause?: unknown }).cause;
    return typeof cause === 'object' && cause !== null && this.injected.has(cause);
  }

  // ------------------------------------------------------------------ setup

  /** Puts `state` (without a snapshot: that needs its checkpoint file) on the disk, durably, as if an earlier life of the node had written it (for stories). */
  preload(state: DurableState): void {
    if (state.snapshot !== null) throw new Error(`${this.name}: preload cannot place a snapshot without its checkpoint`);
    const writes: EngineWrite[] = [{ type: 'putMeta', key: 'election', value: encodeElectionState(state.electionState) }];
    for (const batch of state.batches) writes.push({ type: 'putBatch', key: encodeOffsetKey(batch.baseOffset), value: batch.bytes.slice() });
    this.apply(writes);
  }

  // ------------------------------------------------------------------ what is durable

  get durableElectionState(): ElectionState {
    return this.electionState;
  }

  /** The directory id the storage on this disk was given (KIP-853); null before, and after a wipe. */
  get durableDirectoryId(): DirectoryId | null {
    const value = this.meta.get('directory');
    return value === undefined ? null : decodeDirectoryId(value);
  }

  /**
   * The durable log, for the invariants: every stored batch of the log (each value read up to the
   * next key, leftovers below the snapshot left out), a damaged one where its intact self sat but
   * with the bytes the disk holds now (so it is no copy of the committed batch).
   */
  get durableLog(): LogImage {
    if (this.image === null) {
      const snapshot = this.durableSnapshot();
      const start = snapshot?.id.offset ?? 0;
      const batches: LogBatch[] = [];
      const keys = this.sortedKeys();
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const value = this.log.get(key)!;
        const bound = keys[i + 1] ?? Number.POSITIVE_INFINITY;
        const damage = this.damagedValues.get(key);
        let readTo = 0;
        for (const batch of this.batchesOf(key, value)) {
          if (batch.baseOffset >= bound || (damage !== undefined && batch.baseOffset >= damage.offset)) break;
          readTo = batch.position + batch.size;
          if (batch.lastOffset < start) continue;
          batches.push({ baseOffset: batch.baseOffset, lastOffset: batch.lastOffset, epoch: batch.epoch, bytes: value.subarray(batch.position, readTo) });
        }
        // The damaged batch where it sat intact, with what the disk holds from there on (its header may no longer read).
        if (damage !== undefined && damage.offset < bound) {
          batches.push({ baseOffset: damage.offset, lastOffset: damage.lastOffset, epoch: damage.epoch, bytes: value.subarray(readTo) });
        }
      }
      this.image = { snapshot, batches };
    }
    return this.image;
  }

  /** Offsets of the first damaged (torn or flipped) batch of each damaged value whose damage the log still reads. */
  damaged(): readonly number[] {
    const keys = this.sortedKeys();
    const offsets: number[] = [];
    for (let i = 0; i < keys.length; i++) {
      const damage = this.damagedValues.get(keys[i]!);
      if (damage !== undefined && damage.offset < (keys[i + 1] ?? Number.POSITIVE_INFINITY)) offsets.push(damage.offset);
    }
    return offsets;
  }

  get pendingWrites(): number {
    return this.pending.length;
  }

  // ------------------------------------------------------------------ the engine's side

  /** @internal A metadata value, copied. */
  readMeta(key: MetaKey): Uint8Array | undefined {
    return this.meta.get(key)?.slice();
  }

  /** @internal Every log entry in key order, copied. */
  readLog(): (readonly [Uint8Array, Uint8Array])[] {
    return this.sortedKeys().map((offset) => [encodeOffsetKey(offset), this.log.get(offset)!.slice()] as const);
  }

  /** @internal Accepts one atomic write; settles when its sync completes (never, if a crash comes first). */
  submit(writes: readonly EngineWrite[]): Promise<void> {
    const refusal = this.voteChange(writes);
    if (refusal !== null) {
      this.refusals.push(refusal);
      return Promise.reject(new Error(`${this.name} refused a write: ${refusal}`));
    }
    this.stats.writes++;
    // Copy the bytes: what is on disk must not change if the caller's buffers later do.
    const copied = writes.map((w) => (w.type === 'delBatch' ? w : { ...w, value: w.value.slice() }));
    const fail = this.failSyncs > 0;
    if (fail) this.failSyncs--;
    const syncAt = Math.max(this.clock.now() + this.random.int(this.syncLatency.min, this.syncLatency.max), this.lastSyncAt);
    this.lastSyncAt = syncAt;
    return new Promise<void>((resolve, reject) => {
      const write: PendingWrite = { writes: copied, fail, resolve, reject };
      this.pending.push(write);
      const generation = this.generation;
      this.clock.at(syncAt, () => this.synced(write), () => generation === this.generation);
    });
  }

  private synced(write: PendingWrite): void {
    // Syncs complete in submission order: their times never decrease and ties keep queue order.
    if (this.pending[0] !== write) throw new Error(`${this.name}: a sync completed out of order`);
    this.pending.shift();
    if (write.fail) {
      this.stats.fsyncErrors++;
      const error = new Error(`EIO: fsync of ${this.name} failed (simulated); the write is lost`);
      this.injected.add(error);
      write.reject(error);
      return;
    }
    this.apply(write.writes);
    write.resolve();
  }

  /** A vote once cast in an epoch stays: judged against the last election state written, synced or not. */
  private voteChange(writes: readonly EngineWrite[]): string | null {
    let current = this.latestElectionState();
    for (const write of writes) {
      if (write.type !== 'putMeta' || write.key !== 'election') continue;
      const next = decodeElectionState(write.value);
      if (next.epoch === current.epoch && current.votedFor !== NO_NODE && next.votedFor !== current.votedFor) {
        return `the vote of epoch ${current.epoch} would change from node ${current.votedFor} to ${next.votedFor === NO_NODE ? 'none' : `node ${next.votedFor}`}`;
      }
      current = next;
    }
    return null;
  }

  private latestElectionState(): ElectionState {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const writes = this.pending[i]!.writes;
      for (let j = writes.length - 1; j >= 0; j--) {
        const write = writes[j]!;
        if (write.type === 'putMeta' && write.key === 'election') return decodeElectionState(write.value);
      }
    }
    return this.electionState;
  }

  private apply(writes: readonly EngineWrite[]): void {
    for (const write of writes) {
      switch (write.type) {
        case 'putBatch': {
          const offset = this.offsetOf(write.key);
          this.log.set(offset, write.value);
          this.damagedValues.delete(offset);
          break;
        }
        case 'delBatch': {
          const offset = this.offsetOf(write.key);
          this.log.delete(offset);
          this.damagedValues.delete(offset);
          break;
        }
        case 'putMeta':
          this.meta.set(write.key, write.value);
          if (write.key === 'election') this.electionState = decodeElectionState(write.value);
          break;
      }
    }
    this.image = null;
  }

  /**
   * Lands everything of `writes` before its trailing log puts, then a byte prefix of those puts:
   * whole values up to the cut, the one it falls in cut short (inside a batch, or between two).
   * False (nothing lands) when the write does not end with log puts holding bytes.
   */
  private tear(writes: readonly EngineWrite[]): boolean {
    let tail = writes.length;
    while (tail > 0 && writes[tail - 1]!.type === 'putBatch') tail--;
    const puts = writes.slice(tail) as readonly Extract<EngineWrite, { type: 'putBatch' }>[];
    const bytes = puts.reduce((sum, put) => sum + put.value.length, 0);
    if (bytes === 0) return false;
    this.apply(writes.slice(0, tail));
    let keep = this.random.int(0, bytes - 1);
    for (const put of puts) {
      if (keep >= put.value.length) {
        this.apply([put]);
        keep -= put.value.length;
        continue;
      }
      if (keep > 0) this.tearValue(this.offsetOf(put.key), put.value, keep);
      break;
    }
    return true;
  }

  /** Lands the first `keep` bytes of a value: its batches up to there whole, the one the cut falls in damaged. */
  private tearValue(key: number, intact: Uint8Array, keep: number): void {
    this.log.set(key, intact.slice(0, keep));
    this.damagedValues.delete(key);
    const cut = this.batchesOf(key, intact).find((batch) => batch.position < keep && batch.position + batch.size > keep);
    if (cut !== undefined) this.damagedValues.set(key, { offset: cut.baseOffset, lastOffset: cut.lastOffset, epoch: cut.epoch });
    this.image = null;
  }

  private offsetOf(key: Uint8Array): number {
    const offset = decodeOffsetKey(key);
    if (offset === null) throw new Error(`${this.name}: a write names the malformed log key ${Buffer.from(key).toString('hex')}`);
    return offset;
  }

  private sortedKeys(): number[] {
    return [...this.log.keys()].sort((a, b) => a - b);
  }

  /** The batches whose headers read, in order from the start of the value, up to the first that does not. */
  private batchesOf(key: number, value: Uint8Array): readonly StoredBatch[] {
    let batches = this.batchCache.get(value);
    if (batches === undefined) {
      const found: StoredBatch[] = [];
      let position = 0;
      let next = key;
      while (position < value.length) {
        let header;
        try {
          header = readBatchHeader(value, position);
        } catch {
          break;
        }
        if (header.baseOffset !== next) break;
        found.push({ position, size: header.sizeInBytes, baseOffset: next, lastOffset: header.lastOffset, epoch: header.partitionLeaderEpoch });
        position += header.sizeInBytes;
        next = header.lastOffset + 1;
      }
      batches = found;
      this.batchCache.set(value, batches);
    }
    return batches;
  }

  private durableSnapshot(): Snapshot | null {
    const value = this.meta.get('snapshot');
    if (value === undefined) return null;
    if (this.snapshotCache?.value !== value) {
      const stored = decodeSnapshotValue(value);
      const snapshot = stored.kind === 'pointer' ? stored.pointer : { id: stored.snapshot.id, size: stored.snapshot.bytes.length };
      this.snapshotCache = { value, snapshot };
    }
    return this.snapshotCache.snapshot;
  }
}

/** SimDisk as one process sees it: once the process is dead (`kill`), its calls never settle. */
export class SimDiskEngine implements StorageEngine {
  private alive = true;
  readonly snapshots: SnapshotFiles;

  constructor(private readonly disk: SimDisk) {
    this.snapshots = disk.snapshotFiles.view(() => this.alive);
  }

  get location(): string {
    return this.disk.name;
  }

  getMeta(key: MetaKey): Promise<Uint8Array | undefined> {
    return this.alive ? Promise.resolve(this.disk.readMeta(key)) : never();
  }

  async *logEntries(): AsyncIterable<readonly [Uint8Array, Uint8Array]> {
    if (!this.alive) await never();
    yield* this.disk.readLog();
  }

  write(writes: readonly EngineWrite[]): Promise<void> {
    return this.alive ? this.disk.submit(writes) : never();
  }

  close(): Promise<void> {
    this.alive = false;
    return Promise.resolve();
  }

  kill(): void {
    this.alive = false;
  }
}

/** What a call into a dead process returns: nothing, ever. */
function never(): Promise<never> {
  return new Promise<never>(() => undefined);
}
