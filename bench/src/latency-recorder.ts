/**
 * Per-request latencies, kept whole and sorted once at the end. A run records at most a few
 * hundred thousand samples, so exact percentiles cost a few MB and one sort — simpler and more
 * exact than fixed buckets, and the same code measures every system side by side.
 */
export class LatencyRecorder {
  private samples = new Float64Array(1 << 16);
  private length = 0;
  private sorted = false;

  /** One request's latency in milliseconds. */
  record(ms: number): void {
    if (this.length === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.length++] = ms;
    this.sorted = false;
  }

  get count(): number {
    return this.length;
  }

  /** The latency at quantile q in [0, 1] (nearest rank), or NaN with no samples. */
  quantile(q: number): number {
    if (this.length === 0) return Number.NaN;
    if (!this.sorted) {
      this.samples.subarray(0, this.length).sort();
      this.sorted = true;
    }
    const rank = Math.min(this.length - 1, Math.max(0, Math.ceil(q * this.length) - 1));
    return this.samples[rank]!;
  }

  mean(): number {
    if (this.length === 0) return Number.NaN;
    let sum = 0;
    for (let i = 0; i < this.length; i++) sum += this.samples[i]!;
    return sum / this.length;
  }
}
