/**
 * A small seedable PRNG (mulberry32). Every random choice a simulation makes — message fates,
 * sync latencies, election jitter, which node a client asks — comes from one of these, so one seed
 * replays a whole run exactly. Each consumer gets its own stream (`deriveSeed`), so adding a draw in
 * one place does not shift the choices made everywhere else.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. A probability of 0 never draws, so a calm network consumes no randomness. */
  chance(p: number): boolean {
    if (p <= 0) return false;
    if (p >= 1) return true;
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** A plain `() => number` view, the shape RaftConfig.random wants. */
  asFunction(): () => number {
    return () => this.next();
  }
}

/** A seed for an independent stream, from a parent seed and a label naming the consumer. */
export function deriveSeed(seed: number, ...labels: readonly (string | number)[]): number {
  // FNV-1a over the text, then murmur3's finaliser to spread nearby seeds apart.
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of labels.join('/')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
