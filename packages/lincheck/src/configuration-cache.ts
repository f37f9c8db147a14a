import { Bitset } from './bitset.js';
import type { Model } from './model.js';

interface Configuration<S> {
  linearized: Bitset;
  state: S;
}

/**
 * Lowe's memoisation: the future of the search depends only on which
 * operations are linearized and on the model state, not on the order that got
 * there. Reaching a (set, state) pair a second time means its whole subtree has
 * already been explored (and failed), so it is pruned.
 *
 * The set is hashed incrementally (Zobrist: XOR of a random word per
 * operation), so probing costs O(1) plus a word-wise compare on a hit.
 */
export class ConfigurationCache<S> {
  private readonly buckets = new Map<string, Configuration<S>[]>();
  private readonly keys: Uint32Array;
  private readonly linearized: Bitset;
  private setHash = 0;
  private readonly stateHash: (state: S) => string;
  private readonly stateEqual: (a: S, b: S) => boolean;

  constructor(size: number, model: Pick<Model<S, unknown, unknown>, 'hash' | 'equal'>) {
    this.linearized = new Bitset(size);
    this.keys = zobristKeys(size);
    const hash = model.hash;
    const equal = model.equal;
    this.stateHash = hash ? (s) => hash.call(model, s) : () => '';
    // With only a hash, it is trusted as a canonical key: re-comparing would need an equality we do not have.
    this.stateEqual = equal ? (a, b) => equal.call(model, a, b) : hash ? () => true : Object.is;
  }

  mark(op: number): void {
    this.linearized.set(op);
    this.setHash ^= this.keys[op]!;
  }

  unmark(op: number): void {
    this.linearized.clear(op);
    this.setHash ^= this.keys[op]!;
  }

  /** Records (current set, state); false if that configuration was already seen. */
  add(state: S): boolean {
    const key = `${this.setHash}:${this.stateHash(state)}`;
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = [];
      this.buckets.set(key, bucket);
    } else {
      for (const seen of bucket) {
        if (seen.linearized.equals(this.linearized) && this.stateEqual(seen.state, state)) return false;
      }
    }
    bucket.push({ linearized: this.linearized.clone(), state });
    return true;
  }
}

/** Deterministic per-operation keys, so a run is reproducible. */
function zobristKeys(size: number): Uint32Array {
  const keys = new Uint32Array(size);
  let x = 0x9e3779b9;
  for (let i = 0; i < size; i++) {
    // xorshift32: cheap, full-period, good enough to spread set hashes over buckets.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    keys[i] = x >>> 0;
  }
  return keys;
}
