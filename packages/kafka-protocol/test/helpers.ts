import fc from 'fast-check';

/**
 * Runs a property with a seed that is printed on failure; replay with
 * FC_SEED=<seed> (and FC_RUNS to change the number of runs).
 */
export function checkProperty<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, runs = 50): void {
  const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  try {
    fc.assert(
      fc.property(arb, (v) => {
        predicate(v);
      }),
      { seed, numRuns: Number(process.env.FC_RUNS ?? runs) },
    );
  } catch (e) {
    throw new Error(`property failed; replay with FC_SEED=${seed}\n${(e as Error).message}`);
  }
}

/** Deep copy with every Uint8Array (Buffers included) replaced by its hex, so views and copies compare equal. */
export function plain(x: unknown): unknown {
  if (x instanceof Uint8Array) return `bytes:${Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex')}`;
  if (Array.isArray(x)) return x.map(plain);
  if (x !== null && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = plain(v);
    return out;
  }
  return x;
}

export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Captures a thrown value so tests can assert on its type and fields. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw');
}
