/** A fixed-size set of small integers: which operations are already linearized. */
export class Bitset {
  private readonly words: Uint32Array;

  constructor(size: number);
  constructor(words: Uint32Array);
  constructor(sizeOrWords: number | Uint32Array) {
    this.words = typeof sizeOrWords === 'number' ? new Uint32Array(Math.ceil(sizeOrWords / 32)) : sizeOrWords;
  }

  set(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
  }

  clear(i: number): void {
    this.words[i >>> 5]! &= ~(1 << (i & 31));
  }

  clone(): Bitset {
    return new Bitset(this.words.slice());
  }

  equals(other: Bitset): boolean {
    const a = this.words;
    const b = other.words;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
}
