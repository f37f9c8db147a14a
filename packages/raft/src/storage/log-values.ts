/**
 * How the log lies in the engine's key space: which stored value holds which batches. A persist's
 * contiguous appended batches are stored as one value (up to MAX_VALUE_BYTES), keyed by the first
 * one's base offset, so a persist of many small batches is one engine put, not one per batch. A
 * value with one batch is the layout older versions wrote, and it reads the same way.
 *
 * Values are never rewritten. A later key cuts the value before it: the value is read only below the
 * next key's offset. So:
 * - a truncation inside a value puts an empty value (a cut) at the new end, unless the same persist
 *   appends there — the new value's key is the cut;
 * - a snapshot inside a value leaves the value as it is: its batches below the snapshot are leftovers
 *   that recovery skips, and it is deleted once the whole of it is below a snapshot;
 * - values wholly outside the log are deleted.
 * Bytes already durable are thus never written again: a torn write can only lose what that write
 * added, never batches an earlier persist made durable (and the leader may have counted).
 *
 * A key that a persist deletes is never also put by it (the put alone replaces the value), so a
 * write cut short never leaves a key deleted without its replacement.
 */
import type { LogBatch } from '../core/log-batch';

/** Values are closed at this many bytes (a batch larger than it is a value of its own). */
export const MAX_VALUE_BYTES = 4 * 1024 * 1024;

/** A value holding batches: those of the log are [start, end); `beyond` when bytes past `end` follow (cut off). */
export interface BatchesValue {
  readonly kind: 'batches';
  readonly key: number;
  readonly start: number;
  readonly end: number;
  readonly beyond: boolean;
}

/** An empty value: the value before it ends at `key`. */
export interface CutValue {
  readonly kind: 'cut';
  readonly key: number;
}

export type StoredValue = BatchesValue | CutValue;

/** The range of offsets, before a persist, that the log still holds after it; from === to when none. */
export interface Retained {
  readonly from: number;
  readonly to: number;
}

export interface ValuesPlan {
  /** Keys to delete; none of them is among the puts. */
  readonly deletes: readonly number[];
  /** Values to put, in key order: the appended batches, or a cut. */
  readonly puts: readonly { readonly key: number; readonly value: Uint8Array }[];
  /** Makes the planned layout this layout, once the writes are durable. */
  commit(): void;
}

const EMPTY = new Uint8Array(0);

export class LogValues {
  /** In key order. A cut is only ever last, after the value it cuts, whose `end` is the cut's key. */
  private readonly values: StoredValue[];
  /** Bumped by every commit, so a plan made against an older layout cannot be committed. */
  private generation = 0;

  /** `values` are taken over, not copied. */
  constructor(values: StoredValue[]) {
    this.values = values;
  }

  get layout(): readonly StoredValue[] {
    return this.values;
  }

  /**
   * The writes that take the stored values from the log before a persist to the log after it: of the
   * batches there were, those in `retained` stay; `appended` (contiguous, starting at `retained.to`
   * when anything is retained) follow them. Only the values at either end are looked at, so a
   * persist costs the same however long the log is.
   */
  plan(retained: Retained, appended: readonly LogBatch[]): ValuesPlan {
    const values = this.values;
    const deletes: number[] = [];
    let lo = 0;
    let hi = values.length;
    if (retained.from >= retained.to) {
      for (const value of values) deletes.push(value.key);
      lo = hi;
    } else {
      // In front: values wholly below what is retained (a cut there has lost its value too).
      while (lo < hi && (values[lo]!.kind === 'cut' || (values[lo] as BatchesValue).end <= retained.from)) deletes.push(values[lo++]!.key);
      // Behind: values wholly past it, and a cut past its end (a cut at the end itself may stay).
      while (hi > lo) {
        const last = values[hi - 1]!;
        if (last.kind === 'cut' ? last.key <= retained.to : last.start < retained.to) break;
        deletes.push(last.key);
        hi--;
      }
    }
    // values[lo, keptEnd) stay, the first and last holding batches possibly narrowed.
    let keptEnd = hi;
    let cutAtEnd = hi > lo && values[hi - 1]!.kind === 'cut';
    if (cutAtEnd && appended.length > 0) {
      // The new value at the end replaces the cut there (a put, not a delete): it cuts as well.
      keptEnd -= 1;
      cutAtEnd = false;
    }
    const lastIndex = cutAtEnd ? keptEnd - 2 : keptEnd - 1;
    let first: BatchesValue | undefined;
    let last: BatchesValue | undefined;
    if (lastIndex >= lo) {
      first = values[lo] as BatchesValue;
      if (first.start < retained.from) first = { ...first, start: retained.from };
      last = lastIndex === lo ? first : (values[lastIndex] as BatchesValue);
      if (last.end > retained.to) last = { ...last, end: retained.to, beyond: true };
    }
    const puts: { key: number; value: Uint8Array }[] = [];
    const added: StoredValue[] = [];
    if (last?.beyond === true && !cutAtEnd && appended.length === 0) {
      // Nothing would stop a read of `last` at its end any more: put a cut there.
      puts.push({ key: last.end, value: EMPTY });
      added.push({ kind: 'cut', key: last.end });
    }
    for (const group of groups(appended)) {
      const key = group[0]!.baseOffset;
      puts.push({ key, value: group.length === 1 ? group[0]!.bytes : concat(group) });
      added.push({ kind: 'batches', key, start: key, end: group[group.length - 1]!.lastOffset + 1, beyond: false });
    }
    const putKeys = puts.length === 0 ? null : new Set(puts.map((put) => put.key));
    const generation = this.generation;
    return {
      deletes: putKeys === null ? deletes : deletes.filter((key) => !putKeys.has(key)),
      puts,
      commit: () => {
        if (generation !== this.generation) throw new Error('a value layout plan was committed after another one');
        values.length = keptEnd;
        if (first !== undefined && last !== undefined) {
          values[lo] = first;
          values[lastIndex] = last;
        }
        if (lo > 0) values.splice(0, lo);
        for (const value of added) values.push(value);
        this.generation += 1;
      },
    };
  }
}

/** Contiguous batches split into values of at most MAX_VALUE_BYTES (a larger batch alone). */
function groups(batches: readonly LogBatch[]): LogBatch[][] {
  const result: LogBatch[][] = [];
  let current: LogBatch[] = [];
  let size = 0;
  for (const batch of batches) {
    if (current.length > 0 && size + batch.bytes.length > MAX_VALUE_BYTES) {
      result.push(current);
      current = [];
      size = 0;
    }
    current.push(batch);
    size += batch.bytes.length;
  }
  if (current.length > 0) result.push(current);
  return result;
}

function concat(batches: readonly LogBatch[]): Uint8Array {
  let size = 0;
  for (const batch of batches) size += batch.bytes.length;
  const out = Buffer.allocUnsafe(size);
  let position = 0;
  for (const batch of batches) {
    out.set(batch.bytes, position);
    position += batch.bytes.length;
  }
  return out;
}
