import { formatRatio } from './format';
import { consumeRate, megabytesPerSecond, produceRate, sizeLabel, type PointResult } from './message-workload';

/** One side's rate at one point of the sweep. */
export type PointRate = (result: PointResult) => number;

/** Where across the sweep kz's rate over NATS's is lowest, for one message size. */
export interface LowestRatio {
  readonly concurrency: number;
  readonly ratio: number;
}

/** The point of `results` with this size and number of sends in flight, if it ran. */
function pointOf(results: readonly PointResult[], sizeBytes: number, concurrency: number): PointResult | undefined {
  return results.find((r) => r.plan.sizeBytes === sizeBytes && r.plan.concurrency === concurrency);
}

/**
 * kz's rate over NATS's at every point both ran with messages of `sizeBytes`, and the lowest of
 * them: the headline is the point kz does worst, not the one it was tuned for. Points where a ratio
 * is not a number (a side measured nothing) are left out; null when none is left.
 */
export function lowestRatio(kz: readonly PointResult[], nats: readonly PointResult[], sizeBytes: number, rate: PointRate): LowestRatio | null {
  let lowest: LowestRatio | null = null;
  for (const k of kz) {
    if (k.plan.sizeBytes !== sizeBytes) continue;
    const n = pointOf(nats, sizeBytes, k.plan.concurrency);
    if (n === undefined) continue;
    const ratio = rate(k) / rate(n);
    if (!Number.isFinite(ratio)) continue;
    if (lowest === null || ratio < lowest.ratio) lowest = { concurrency: k.plan.concurrency, ratio };
  }
  return lowest;
}

/** "ratio kz/nats 1KiB    16 in flight: produce 1.65 consume 1.06", one line per point both ran. */
export function pointRatioLines(kz: readonly PointResult[], nats: readonly PointResult[]): string[] {
  const lines: string[] = [];
  for (const k of kz) {
    const n = pointOf(nats, k.plan.sizeBytes, k.plan.concurrency);
    if (n === undefined) continue;
    lines.push(
      `ratio kz/nats ${sizeLabel(k.plan.sizeBytes).padEnd(5)} ${String(k.plan.concurrency).padStart(4)} in flight: ` +
        `produce ${formatRatio(produceRate(k), produceRate(n))} consume ${formatRatio(consumeRate(k), consumeRate(n))}`,
    );
  }
  return lines;
}

/**
 * The closing lines for one direction: where the lowest ratios were, then
 * `ratio kz/nats <what>msgs/s 1KiB: X 100B: Y` with those lowest ratios.
 */
export function lowestRatioLines(kz: readonly PointResult[], nats: readonly PointResult[], sizes: readonly number[], direction: 'produce' | 'consume'): string[] {
  const rate = direction === 'produce' ? produceRate : consumeRate;
  const lowest = sizes.map((size) => ({ size, lowest: lowestRatio(kz, nats, size, rate) }));
  const where = lowest.map(({ size, lowest: l }) => `${sizeLabel(size)} at ${l === null ? 'no point' : `${l.concurrency} in flight`}`).join(', ');
  const ratios = lowest.map(({ size, lowest: l }) => `${sizeLabel(size)}: ${l === null ? 'n/a' : formatRatio(l.ratio, 1)}`).join(' ');
  return [`lowest ${direction} ratio across the sweep: ${where}`, `ratio kz/nats ${direction === 'produce' ? '' : 'consume '}msgs/s ${ratios}`];
}

/** kz's best produce rate at `sizeBytes` across the sweep, in MB/s of payload, and at which point; null when none ran. */
export function fastestProduce(kz: readonly PointResult[], sizeBytes: number): { readonly megabytes: number; readonly concurrency: number } | null {
  let best: { megabytes: number; concurrency: number } | null = null;
  for (const r of kz) {
    if (r.plan.sizeBytes !== sizeBytes) continue;
    const megabytes = megabytesPerSecond(r.produce.payloadBytes, r.produce.seconds);
    if (best === null || megabytes > best.megabytes) best = { megabytes, concurrency: r.plan.concurrency };
  }
  return best;
}
