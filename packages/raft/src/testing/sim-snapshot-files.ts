/**
 * The checkpoint files on a simulated disk (SimDisk), with a file system's failure modes around
 * the temp file + fsync + rename + directory fsync protocol (fs-snapshot-files.ts):
 *
 * - appends land in the page cache at once and reach the platter only when the file is synced;
 *   a crash cuts a partial file back to what was synced — or, torn, to some prefix of what was
 *   written beyond it;
 * - a rename is durable only once the directory sync after it completes: a crash before that
 *   undoes it, leaving the complete file under its partial name;
 * - a deletion is durable at once (what reappears after a crash would be unreferenced anyway).
 *
 * Syncs take a seeded latency on the simulated clock; a crash kills every sync in flight.
 */
import type { OffsetAndEpoch } from '../core/messages';
import { checkpointFileName, type SnapshotFileSink, type SnapshotFileSource, type SnapshotFiles } from '../storage/snapshot-files';
import { SnapshotNotFoundError } from '../storage/storage-errors';
import type { SeededRandom } from './seeded-random';
import type { SimClock } from './sim-scheduler';

interface PartialFile {
  readonly id: OffsetAndEpoch;
  chunks: Uint8Array[];
  size: number;
  synced: number;
}

interface CompleteFile {
  readonly id: OffsetAndEpoch;
  readonly bytes: Uint8Array;
  /** The directory sync after its rename completed: a crash keeps it. */
  renameDurable: boolean;
  /** Its partial name, to which a crash before the directory sync returns it. */
  readonly partialName: string;
}

/** What happened to a disk's snapshot files, for a run's coverage report. */
export interface SnapshotFileStats {
  /** Partial files a crash cut back (torn or to their synced length). */
  cutPartials: number;
  /** Renames a crash undid before their directory sync. */
  undoneRenames: number;
}

export class SimSnapshotFiles {
  private readonly partials = new Map<string, PartialFile>();
  private readonly complete = new Map<string, CompleteFile>();
  private names = 0;
  private generation = 0;
  readonly stats: SnapshotFileStats = { cutPartials: 0, undoneRenames: 0 };

  constructor(
    private readonly clock: SimClock,
    private readonly random: SeededRandom,
    private readonly syncLatency: { readonly min: number; readonly max: number },
  ) {}

  /** Power loss: partial files keep what was synced (a torn one a little more), undurable renames are undone. */
  crash(torn: boolean): void {
    this.generation++;
    for (const [name, file] of [...this.complete]) {
      if (file.renameDurable) continue;
      this.complete.delete(name);
      this.partials.set(file.partialName, { id: file.id, chunks: [file.bytes], size: file.bytes.length, synced: file.bytes.length });
      this.stats.undoneRenames++;
    }
    for (const file of this.partials.values()) {
      if (file.size === file.synced) continue;
      const keep = torn ? this.random.int(file.synced, file.size) : file.synced;
      const bytes = Buffer.concat(file.chunks).subarray(0, keep);
      file.chunks = [bytes];
      file.size = keep;
      file.synced = keep;
      this.stats.cutPartials++;
    }
  }

  wipe(): void {
    this.generation++;
    this.partials.clear();
    this.complete.clear();
  }

  /** The durable checkpoint of `id`, for the invariants and tests. */
  durableBytes(id: OffsetAndEpoch): Uint8Array | null {
    const file = this.complete.get(checkpointFileName(id));
    return file !== undefined && file.renameDurable ? file.bytes : null;
  }

  get partialCount(): number {
    return this.partials.size;
  }

  /** The engine's side: what one process sees; `alive` false makes every call hang (a dead process). */
  view(alive: () => boolean): SnapshotFiles {
    const guard = <T>(run: () => Promise<T>): Promise<T> => (alive() ? run() : new Promise<T>(() => undefined));
    return {
      list: () => guard(async () => [...this.complete.values()].map((file) => file.id)),
      create: (id) => guard(async () => this.create(id, guard)),
      open: (id) => guard(async () => this.open(id, guard)),
      remove: (id) =>
        guard(async () => {
          this.complete.delete(checkpointFileName(id));
        }),
      removePartial: () =>
        guard(async () => {
          this.partials.clear();
        }),
    };
  }

  private create(id: OffsetAndEpoch, guard: <T>(run: () => Promise<T>) => Promise<T>): SnapshotFileSink {
    const name = `${checkpointFileName(id)}-${++this.names}.part`;
    const file: PartialFile = { id, chunks: [], size: 0, synced: 0 };
    this.partials.set(name, file);
    return {
      get size() {
        return file.size;
      },
      append: (bytes) =>
        guard(async () => {
          if (this.partials.get(name) !== file) throw new Error(`${name} is gone`);
          file.chunks.push(new Uint8Array(bytes));
          file.size += bytes.length;
        }),
      commit: () =>
        guard(async () => {
          await this.sync();
          if (this.partials.get(name) !== file) throw new Error(`${name} is gone`);
          file.synced = file.size;
          this.partials.delete(name);
          const complete: CompleteFile = { id, bytes: Buffer.concat(file.chunks), renameDurable: false, partialName: name };
          this.complete.set(checkpointFileName(id), complete);
          await this.sync();
          complete.renameDurable = true;
        }),
      abort: () =>
        guard(async () => {
          this.partials.delete(name);
        }),
    };
  }

  private open(id: OffsetAndEpoch, guard: <T>(run: () => Promise<T>) => Promise<T>): SnapshotFileSource {
    const file = this.complete.get(checkpointFileName(id));
    if (file === undefined) throw new SnapshotNotFoundError(`no snapshot ${id.offset}-${id.epoch} on the simulated disk`);
    // An open file stays readable when deleted, as on a POSIX file system.
    const bytes = file.bytes;
    return {
      size: bytes.length,
      read: (position, length) => guard(async () => new Uint8Array(bytes.subarray(position, position + length))),
      close: () => guard(async () => undefined),
    };
  }

  /** One fsync: settles after a seeded latency, never if a crash comes first. */
  private sync(): Promise<void> {
    const generation = this.generation;
    return new Promise<void>((resolve) => {
      this.clock.at(this.clock.now() + this.random.int(this.syncLatency.min, this.syncLatency.max), resolve, () => generation === this.generation);
    });
  }
}
