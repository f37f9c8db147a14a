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

interface PendingWrite {
  readonly writes: readonly EngineWrite[];
  readonly fail: boolean;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * A node's disk, as the key-value store under its RaftStorage (the StorageEngine of
 * EngineRaftStorage, which is the storage that ships): the same keys and values LevelDB would
 * hold, with a disk's failure modes.
 *
 * - A write is accepted at once and becomes durable only when its sync completes, after a seeded
 *   latency and strictly in order; a crash loses every write whose sync had not completed.
 * - A crash may tear the write in progress: everything before its trailing batch puts lands, then a
 *   byte prefix of those batches — the last one kept cut short. (LevelDB's write-ahead log would
 *   lose such a write whole; the torn tail is the harsher file-system view the recovery scan is
 *   written for, and it must cut it.)
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
   * Log offsets whose stored value this disk damaged (torn or flipped) — what recovery must cut —
   * with the extent the intact batch had, so the invariants still see where it sat.
   */
  private readonly damagedOffsets = new Map<number, { readonly lastOffset: number; readonly epoch: number }>();
  private pending: PendingWrite[] = [];
  private lastSyncAt = -Infinity;
  /** Bumped by every crash: a sync scheduled before it never runs. */
  private generation = 0;
  private failSyncs = 0;
  private electionState: ElectionState = INITIAL_ELECTION_STATE;
  private image: LogImage | null = null;
  private snapshotCache: { readonly value: Uint8Array; readonly snapshot: Snapshot } | null = null;
  private readonly batchCache = new WeakMap<Uint8Array, LogBatch | null>();
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
    this.damagedOffsets.clear();
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
   * or if that batch is damaged already: a second flip may hit the same bit and undo the first, and
   * recovery would then rightly keep a batch the invariants expect it to cut.
   */
  flipBit(offset: number): boolean {
    const value = this.log.get(offset);
    if (value === undefined || value.length <= CRC_COVERED_FROM || this.damagedOffsets.has(offset)) return false;
    const flipped = value.slice();
    const byte = this.random.int(CRC_COVERED_FROM, flipped.length - 1);
    flipped[byte] = flipped[byte]! ^ (1 << this.random.int(0, 7));
    this.damage(offset, value, flipped);
    this.image = null;
    this.stats.flippedBits++;
    return true;
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
   * The durable log, for the invariants: every stored batch, a damaged one where its intact self
   * sat but with the bytes the disk holds now (so it is no copy of the committed batch).
   */
  get durableLog(): LogImage {
    if (this.image === null) {
      const batches: LogBatch[] = [];
      for (const offset of [...this.log.keys()].sort((a, b) => a - b)) {
        const value = this.log.get(offset)!;
        const damaged = this.damagedOffsets.get(offset);
        const batch = damaged === undefined ? this.batchOf(offset, value) : { baseOffset: offset, ...damaged, bytes: value };
        if (batch !== null) batches.push(batch);
      }
      this.image = { snapshot: this.durableSnapshot(), batches };
    }
    return this.image;
  }

  /** Offsets whose stored value is damaged (torn or flipped) and still on the disk. */
  damaged(): readonly number[] {
    return [...this.damagedOffsets.keys()].sort((a, b) => a - b);
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
    return [...this.log.keys()].sort((a, b) => a - b).map((offset) => [encodeOffsetKey(offset), this.log.get(offset)!.slice()] as const);
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
          this.damagedOffsets.delete(offset);
          break;
        }
        case 'delBatch': {
          const offset = this.offsetOf(write.key);
          this.log.delete(offset);
          this.damagedOffsets.delete(offset);
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
   * Lands everything of `writes` before its trailing batch puts, then a byte prefix of those puts:
   * whole batches up to the cut, the one it falls in cut short. False (nothing lands) when the
   * write does not end with batch puts.
   */
  private tear(writes: readonly EngineWrite[]): boolean {
    let tail = writes.length;
    while (tail > 0 && writes[tail - 1]!.type === 'putBatch') tail--;
    if (tail === writes.length) return false;
    this.apply(writes.slice(0, tail));
    const puts = writes.slice(tail) as readonly Extract<EngineWrite, { type: 'putBatch' }>[];
    let keep = this.random.int(0, puts.reduce((sum, put) => sum + put.value.length, 0) - 1);
    for (const put of puts) {
      if (keep >= put.value.length) {
        this.apply([put]);
        keep -= put.value.length;
        continue;
      }
      if (keep > 0) this.damage(this.offsetOf(put.key), put.value, put.value.slice(0, keep));
      break;
    }
    return true;
  }

  private damage(offset: number, intact: Uint8Array, damaged: Uint8Array): void {
    const batch = this.batchOf(offset, intact);
    this.log.set(offset, damaged);
    this.damagedOffsets.set(offset, { lastOffset: batch?.lastOffset ?? offset, epoch: batch?.epoch ?? 0 });
    this.image = null;
  }

  private offsetOf(key: Uint8Array): number {
    const offset = decodeOffsetKey(key);
    if (offset === null) throw new Error(`${this.name}: a write names the malformed log key ${Buffer.from(key).toString('hex')}`);
    return offset;
  }

  private batchOf(offset: number, value: Uint8Array): LogBatch | null {
    let batch = this.batchCache.get(value);
    if (batch === undefined) {
      try {
        const header = readBatchHeader(value);
        batch = { baseOffset: offset, lastOffset: header.lastOffset, epoch: header.partitionLeaderEpoch, bytes: value };
      } catch {
        batch = null;
      }
      this.batchCache.set(value, batch);
    }
    return batch;
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
