/**
 * Leader-epoch cache (KIP-101): for each leader epoch, the first offset
 * written in it, persisted as `leader-epoch-checkpoint` in Kafka's text
 * format: a version line `0`, the entry count, then `epoch startOffset`
 * lines. The file is only ever replaced by a temp file that was fsynced
 * before its rename (then the directory is fsynced), so a crash leaves either
 * an old or a new checkpoint, never a torn one.
 *
 * When it is written: every change — a new leader's epoch, a batch of a new
 * epoch, a truncation — is made in memory and written by the log's next flush
 * (`persistSync` / `persistAsync`), before the recovery point moves past it.
 * An fsync per partition on becoming leader (or on truncating an epoch never
 * written in) made a broker handed thousands of leaderships at once spend
 * seconds in fsyncs. Why it is safe: an epoch matters once records of it are
 * durable, and the flush that makes them durable writes the checkpoint first
 * (a roll, which fsyncs a segment, too); recovery finds the epochs of the
 * active segment's batches in the batches themselves; and a checkpoint naming
 * epochs past or before what the recovered log holds is truncated to it when
 * the log is opened (as Kafka 3.8 relies on, KAFKA-16541). What a crash can
 * lose is an epoch nothing durable was written in.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileHandlePool } from './file-handle-pool';
import { FencedLeaderEpochError, KafkaStorageError, LogFileOpenError } from './log-errors';
import { LEADER_EPOCH_CHECKPOINT } from './segment-files';
import { writeFileDurably } from './durable-file';

export interface EpochEntry {
  epoch: number;
  startOffset: number;
}

/** Answer of endOffsetForEpoch; both -1 (UNDEFINED) when the epoch cannot be placed. */
export interface EpochEndOffset {
  epoch: number;
  endOffset: number;
}

export const UNDEFINED_EPOCH = -1;
export const UNDEFINED_EPOCH_OFFSET = -1;

const CHECKPOINT_VERSION = 0;

let cacheInstances = 0;

export class LeaderEpochCache {
  private entries: EpochEntry[];
  readonly path: string;
  /** Bumped by every change of the entries. */
  private version = 0;
  /** The version the checkpoint file holds (renamed into place). */
  private writtenVersion = 0;
  /** The version known durable (its rename's directory fsync done). */
  private durableVersion = 0;
  /**
   * Temp files of asynchronous writes are named per cache instance as well as per version: a log
   * reopened while its previous instance's write is still in flight starts counting versions
   * again, and the two must not write, fsync or rename each other's file.
   */
  private readonly tmpPrefix: string;
  /** The asynchronous write in progress, if any. */
  private persisting: { readonly version: number; readonly done: Promise<void> } | null = null;

  private constructor(
    dir: string,
    private readonly files: FileHandlePool,
    entries: EpochEntry[],
  ) {
    this.path = path.join(dir, LEADER_EPOCH_CHECKPOINT);
    this.tmpPrefix = `${this.path}.${++cacheInstances}-`;
    this.entries = entries;
  }

  /** The cache of a log just created: no checkpoint to read. */
  static empty(dir: string, files: FileHandlePool = FileHandlePool.processWide()): LeaderEpochCache {
    return new LeaderEpochCache(dir, files, []);
  }

  static load(dir: string, files: FileHandlePool = FileHandlePool.processWide()): LeaderEpochCache {
    const file = path.join(dir, LEADER_EPOCH_CHECKPOINT);
    let text: string;
    try {
      text = files.withFile(file, fs.constants.O_RDONLY, (fd) => fs.readFileSync(fd, 'utf8'));
    } catch (e) {
      if (e instanceof LogFileOpenError && e.errno === 'ENOENT') return new LeaderEpochCache(dir, files, []);
      throw e;
    }
    return new LeaderEpochCache(dir, files, parseCheckpoint(text, file));
  }

  get all(): readonly EpochEntry[] {
    return this.entries;
  }

  get latest(): EpochEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  /**
   * Registers `epoch` as starting at `startOffset` (LeaderEpochFileCache.assign):
   * a no-op for the latest epoch unless it moves its start earlier; otherwise
   * entries that would break monotonicity (epoch >= epoch or start >= start)
   * are dropped first.
   */
  assign(epoch: number, startOffset: number): void {
    if (epoch < 0 || startOffset < 0) return;
    const latest = this.latest;
    if (latest && latest.epoch === epoch && latest.startOffset <= startOffset) return;
    this.change([...this.entries.filter((e) => e.epoch < epoch && e.startOffset < startOffset), { epoch, startOffset }]);
  }

  /**
   * A new leader registers its epoch as starting at its log end before any append (Kafka's
   * maybeAssignEpochStartOffset); an epoch older than the latest is a deposed leader's, refused.
   */
  assignLeaderEpoch(epoch: number, startOffset: number): void {
    const latest = this.latest;
    if (latest !== undefined && epoch < latest.epoch) throw new FencedLeaderEpochError(epoch, latest.epoch);
    this.assign(epoch, startOffset);
  }

  /** Assignments not yet durable in the checkpoint. */
  get needsPersist(): boolean {
    return this.durableVersion < this.version;
  }

  /** Writes the entries durably now if an assignment is not yet on disk (a roll, a synchronous flush, close). */
  persistSync(): void {
    if (!this.needsPersist) return;
    this.replace(this.entries);
  }

  /**
   * persistSync with the fsyncs on libuv's thread pool. Concurrent calls, and synchronous writes
   * meanwhile, are ordered by version: a write never renames an older checkpoint over a newer one.
   */
  persistAsync(): Promise<void> {
    if (!this.needsPersist) return Promise.resolve();
    const version = this.version;
    // Two flushes of one version share the write: each writing the same temp file, one's rename
    // would pull it from under the other's fsync.
    if (this.persisting?.version === version) return this.persisting.done;
    const done = this.writeAsync(version);
    const persisting = { version, done };
    this.persisting = persisting;
    const clear = (): void => {
      if (this.persisting === persisting) this.persisting = null;
    };
    done.then(clear, clear);
    return done;
  }

  private async writeAsync(version: number): Promise<void> {
    const contents = render(this.entries);
    const tmp = `${this.tmpPrefix}${version}.tmp`;
    const { O_WRONLY, O_CREAT, O_TRUNC } = fs.constants;
    this.files.withFile(tmp, O_WRONLY | O_CREAT | O_TRUNC, (fd) => fs.writeFileSync(fd, contents));
    await this.files.fsyncAsync(tmp);
    if (this.writtenVersion >= version) {
      fs.rmSync(tmp, { force: true });
      return;
    }
    fs.renameSync(tmp, this.path);
    this.writtenVersion = version;
    await this.files.fsyncAsync(path.dirname(this.path));
    this.durableVersion = Math.max(this.durableVersion, version);
  }

  /** After log truncation to `endOffset`: forget epochs that start at or after it. */
  truncateFromEnd(endOffset: number): void {
    const kept = this.entries.filter((e) => e.startOffset < endOffset);
    if (kept.length === this.entries.length) return;
    this.change(kept);
  }

  /**
   * After the log start moves to `startOffset` (retention): drop epochs that
   * end before it, and move the start of the epoch that spans it up to it.
   */
  truncateFromStart(startOffset: number): void {
    // As LeaderEpochFileCache.truncateFromStart: entries starting at or before the new start go,
    // and the last of them comes back starting exactly there.
    let lastAtOrBelow = -1;
    this.entries.forEach((e, i) => {
      if (e.startOffset <= startOffset) lastAtOrBelow = i;
    });
    if (lastAtOrBelow < 0) return;
    const spanning = this.entries[lastAtOrBelow]!;
    if (lastAtOrBelow === 0 && spanning.startOffset === startOffset) return;
    this.change([{ epoch: spanning.epoch, startOffset }, ...this.entries.slice(lastAtOrBelow + 1)]);
  }

  clear(): void {
    if (this.entries.length === 0) return;
    this.change([]);
  }

  /**
   * KIP-279 lookup (LeaderEpochFileCache.endOffsetFor): the largest epoch <=
   * `requested` and where it ends, which is the start of the next higher
   * epoch, or the log end for the latest epoch. A requested epoch below every
   * known one answers (requested, start of the first epoch) so the follower
   * truncates everything the leader did not write; one above the latest is
   * UNDEFINED.
   */
  endOffsetFor(requested: number, logEndOffset: number): EpochEndOffset {
    const undefinedAnswer = { epoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET };
    const latest = this.latest;
    if (requested === UNDEFINED_EPOCH || latest === undefined) return undefinedAnswer;
    if (latest.epoch === requested) return { epoch: requested, endOffset: logEndOffset };
    const higherIndex = this.entries.findIndex((e) => e.epoch > requested);
    if (higherIndex < 0) return undefinedAnswer;
    const higher = this.entries[higherIndex]!;
    const floor = this.entries[higherIndex - 1];
    return floor === undefined
      ? { epoch: requested, endOffset: higher.startOffset }
      : { epoch: floor.epoch, endOffset: higher.startOffset };
  }

  /** In memory only: the next flush of the log writes it (see the file comment). */
  private change(entries: EpochEntry[]): void {
    this.entries = entries;
    this.version++;
  }

  /** Writes the entries durably (a write that fails leaves the file as it was, and the change pending). */
  private replace(entries: EpochEntry[]): void {
    const version = this.version;
    writeFileDurably(this.files, this.path, render(entries));
    this.writtenVersion = version;
    this.durableVersion = version;
  }
}

function render(entries: readonly EpochEntry[]): string {
  const lines = [String(CHECKPOINT_VERSION), String(entries.length), ...entries.map((e) => `${e.epoch} ${e.startOffset}`)];
  return lines.join('\n') + '\n';
}

function parseCheckpoint(text: string, file: string): EpochEntry[] {
  const lines = text.split('\n').filter((l) => l.length > 0);
  const fail = (why: string): never => {
    throw new KafkaStorageError(`malformed leader-epoch checkpoint ${file}: ${why}`);
  };
  if (lines[0] !== String(CHECKPOINT_VERSION)) fail(`unknown version ${JSON.stringify(lines[0])}`);
  const count = Number(lines[1]);
  if (!Number.isSafeInteger(count) || count !== lines.length - 2) fail(`entry count ${lines[1]} does not match ${lines.length - 2} lines`);
  return lines.slice(2).map((line) => {
    const [epoch, startOffset] = line.split(' ').map(Number);
    if (!Number.isSafeInteger(epoch) || !Number.isSafeInteger(startOffset)) fail(`bad entry ${JSON.stringify(line)}`);
    return { epoch: epoch!, startOffset: startOffset! };
  });
}
