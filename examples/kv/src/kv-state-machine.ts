/**
 * The replicated map: every node applies the same committed commands in the same order and so
 * holds the same map. `apply` depends on nothing but the map and the record (no clock, no
 * randomness, no node id), which is what makes the replicas agree.
 *
 * A CAS only learns whether it matched when it is applied, long after the proposing server handed
 * it to Raft. So apply also records each command's outcome by its offset, and the server that
 * proposed it takes the outcome once `propose` resolves with that offset. RaftNode resolves the
 * proposal right after applying its batch, before it applies anything else, so the outcome is
 * there to be taken; outcomes no one takes (on followers, or for proposals whose caller gave up)
 * are dropped oldest first beyond a bound.
 */
import type { CommittedBatch, SnapshotReader, SnapshotWriter, StateMachine } from '@kz/raft';
import { decodeCommand, MalformedCommandError, type KvCommand } from './kv-command';
import { decodeKvSnapshot, encodeKvSnapshot, kvSnapshotChunks, type KvEntry } from './kv-snapshot';

/** What applying one command did: `unmatched` is a CAS whose expected value did not match. */
export type ApplyOutcome = 'applied' | 'unmatched' | 'malformed';

export interface KvStateMachineOptions {
  /** Outcomes kept for the proposer to take; the oldest are dropped beyond this. Default 100 000. */
  readonly maxRetainedOutcomes?: number;
}

const DEFAULT_MAX_RETAINED_OUTCOMES = 100_000;
/** About a millisecond of encoding per chunk on this machine; the file write between yields the loop. */
const SNAPSHOT_CHUNK_BYTES = 256 * 1024;

export class KvStateMachine implements StateMachine {
  /** Keyed by the key's bytes as a latin1 string: Map keys must be strings to compare by content. */
  private entries = new Map<string, KvEntry>();
  private readonly outcomes = new Map<number, ApplyOutcome>();
  /** Where eviction has got to in `outcomes` (see remember). */
  private oldestOutcomes: IterableIterator<number> = this.outcomes.keys();
  private readonly maxRetainedOutcomes: number;

  constructor(options: KvStateMachineOptions = {}) {
    this.maxRetainedOutcomes = options.maxRetainedOutcomes ?? DEFAULT_MAX_RETAINED_OUTCOMES;
    if (!Number.isInteger(this.maxRetainedOutcomes) || this.maxRetainedOutcomes < 1) {
      throw new RangeError(`maxRetainedOutcomes must be a positive integer, got ${this.maxRetainedOutcomes}`);
    }
  }

  /** The current value of `key`, or undefined when absent. Linearizable only after a read barrier. */
  get(key: Uint8Array): Uint8Array | undefined {
    return this.entries.get(idOf(key))?.value;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every entry, in no particular order. */
  *items(): IterableIterator<KvEntry> {
    yield* this.entries.values();
  }

  apply(batch: CommittedBatch): void {
    for (const record of batch.records) {
      let outcome: ApplyOutcome;
      try {
        outcome = this.execute(decodeCommand(record));
      } catch (error) {
        // Same bytes on every replica, so skipping them keeps the replicas equal. Our server
        // never proposes such a record; another writer to the same log might.
        if (!(error instanceof MalformedCommandError)) throw error;
        outcome = 'malformed';
      }
      this.remember(record.offset, outcome);
    }
  }

  /**
   * The outcome of the command committed at `offset`, removed on the way out; undefined if it was
   * never applied here or was dropped (only after maxRetainedOutcomes newer commands).
   */
  takeOutcome(offset: number): ApplyOutcome | undefined {
    const outcome = this.outcomes.get(offset);
    this.outcomes.delete(offset);
    return outcome;
  }

  /** The whole map as snapshot bytes at once (what `writeSnapshot` streams). */
  snapshot(): Uint8Array {
    return encodeKvSnapshot(this.entries.values());
  }

  /**
   * Raft's snapshot path: the entries are captured now, before the first await (each entry is
   * immutable: a write replaces it, never changes it), then written a chunk at a time, so the
   * event loop keeps serving while a large map goes to the file.
   */
  async writeSnapshot(writer: SnapshotWriter): Promise<void> {
    const entries = [...this.entries.values()];
    for (const chunk of kvSnapshotChunks(entries, SNAPSHOT_CHUNK_BYTES)) await writer.write(chunk);
  }

  /** The map fits in memory anyway, so the chunks are gathered and decoded at once. */
  async restoreSnapshot(reader: SnapshotReader): Promise<void> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of reader) chunks.push(chunk);
    this.restore(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
  }

  restore(snapshot: Uint8Array): void {
    const entries = new Map<string, KvEntry>();
    for (const { key, value } of decodeKvSnapshot(snapshot)) {
      entries.set(idOf(key), ownedEntry(key, value));
    }
    this.entries = entries;
    // Outcomes are local bookkeeping for proposers, not state: what they referred to is void now.
    this.outcomes.clear();
  }

  /**
   * Keeps the command's arrays without copying them: a committed record's key and value are
   * copies of their own (decodeRecordBatch copies each out of the batch), and the command's value
   * is a view of the record's that pins one byte more. Copying again cost two ArrayBuffers a write.
   */
  private execute(command: KvCommand): ApplyOutcome {
    const id = idOf(command.key);
    switch (command.op) {
      case 'put':
        this.entries.set(id, { key: command.key, value: command.value });
        return 'applied';
      case 'delete':
        this.entries.delete(id);
        return 'applied';
      case 'cas': {
        const current = this.entries.get(id)?.value;
        const matches = command.expected === null ? current === undefined : current !== undefined && Buffer.compare(current, command.expected) === 0;
        if (!matches) return 'unmatched';
        this.entries.set(id, { key: command.key, value: command.value });
        return 'applied';
      }
    }
  }

  private remember(offset: number, outcome: ApplyOutcome): void {
    this.outcomes.set(offset, outcome);
    // Maps iterate in insertion order and offsets only grow, so the iterator's next key is the
    // oldest. One iterator lives across calls: a fresh keys() walks every deleted slot V8 keeps at
    // the front of the table until its next rehash, which on a full map of 100 000 cost ~90 µs per
    // apply on every follower (their outcomes are never taken) once that many writes were applied.
    while (this.outcomes.size > this.maxRetainedOutcomes) {
      let oldest = this.oldestOutcomes.next();
      if (oldest.done === true) {
        this.oldestOutcomes = this.outcomes.keys();
        oldest = this.oldestOutcomes.next();
        if (oldest.done === true) break;
      }
      this.outcomes.delete(oldest.value);
    }
  }
}

/** One byte per char, so distinct keys give distinct strings; half the length of hex and cheaper to make. */
function idOf(key: Uint8Array): string {
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('latin1');
}

/**
 * Key and value copied out of a snapshot (the decoded arrays are views of its whole buffer) into
 * one ArrayBuffer rather than one each: V8 tracks every ArrayBuffer's backing store. Not Node's
 * shared pool (Buffer.allocUnsafe): one live entry would keep a whole 8 KiB slab alive.
 */
function ownedEntry(key: Uint8Array, value: Uint8Array): KvEntry {
  const bytes = new Uint8Array(key.length + value.length);
  bytes.set(key, 0);
  bytes.set(value, key.length);
  return { key: bytes.subarray(0, key.length), value: bytes.subarray(key.length) };
}
