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

/** Pairs of kz's and NATS's result at each point of `sizeBytes` both ran, in kz's order. */
function pairsAt(kz: readonly PointResult[], nats: readonly PointResult[], sizeBytes: number): { readonly kz: PointResult; readonly nats: PointResult }[] {
  return kz.flatMap((k) => {
    if (k.plan.sizeBytes !== sizeBytes) return [];
    const n = pointOf(nats, sizeBytes, k.plan.concurrency);
    return n === undefined ? [] : [{ kz: k, nats: n }];
  });
}

/**
 * kz's rate over NATS's at every point both ran with messages of `sizeBytes` and `counts` accepts
 * on both sides, and the lowest of them: the headline is the point kz does worst, not the one it
 * was tuned for. Ratios that are not a number (a side measured nothing) are left out; null when
 * none is left.
 */
export function lowestRatio(kz: readonly PointResult[], nats: readonly PointResult[], sizeBytes: number, rate: PointRate, counts: (r: PointResult) => boolean = () => true): LowestRatio | null {
  let lowest: LowestRatio | null = null;
  for (const pair of pairsAt(kz, nats, sizeBytes)) {
    if (!counts(pair.kz) || !counts(pair.nats)) continue;
    const ratio = rate(pair.kz) / rate(pair.nats);
    if (!Number.isFinite(ratio)) continue;
    if (lowest === null || ratio < lowest.ratio) lowest = { concurrency: pair.kz.plan.concurrency, ratio };
  }
  return lowest;
}

/** "ratio kz/nats 1KiB    16 in flight: produce 1.65 consume 1.06", one line per point both ran. */
export function pointRatioLines(kz: readonly PointResult[], nats: readonly PointResult[], label = 'kz/nats'): string[] {
  const lines: string[] = [];
  for (const k of kz) {
    const n = pointOf(nats, k.plan.sizeBytes, k.plan.concurrency);
    if (n === undefined) continue;
    lines.push(
      `ratio ${label} ${sizeLabel(k.plan.sizeBytes).padEnd(5)} ${String(k.plan.concurrency).padStart(4)} in flight: ` +
        `produce ${formatRatio(produceRate(k), produceRate(n))} consume ${formatRatio(consumeRate(k), consumeRate(n))}`,
    );
  }
  return lines;
}

/**
 * The closing lines for one direction: where the lowest ratios were, then
 * `ratio kz/nats msgs/s 1KiB: X 100B: Y` (produce) or `ratio kz/nats consume msgs/s ...` with
 * those lowest ratios. A consume figure counts only from a point whose consumers both read at
 * least `minConsumeMessages`: a point whose producer was stopped early by the time limit leaves
 * so little to read that the consumer's start-up, not its throughput, is what gets timed.
 */
export function lowestRatioLines(
  kz: readonly PointResult[],
  nats: readonly PointResult[],
  sizes: readonly number[],
  direction: 'produce' | 'consume',
  minConsumeMessages = 0,
  label = 'kz/nats',
): string[] {
  const rate = direction === 'produce' ? produceRate : consumeRate;
  const counts = direction === 'produce' ? () => true : (r: PointResult) => r.consume.messages >= minConsumeMessages;
  const lowest = sizes.map((size) => ({ size, lowest: lowestRatio(kz, nats, size, rate, counts) }));
  const where = lowest.map(({ size, lowest: l }) => `${sizeLabel(size)} at ${l === null ? 'no point' : `${l.concurrency} in flight`}`).join(', ');
  const leftOut = sizes.flatMap((size) =>
    pairsAt(kz, nats, size)
      .filter((pair) => !counts(pair.kz) || !counts(pair.nats))
      .map((pair) => `${sizeLabel(size)} at ${pair.kz.plan.concurrency} in flight`),
  );
  const note = leftOut.length === 0 ? '' : ` (left out, a side read fewer than ${minConsumeMessages} messages: ${leftOut.join(', ')})`;
  const ratios = lowest.map(({ size, lowest: l }) => `${sizeLabel(size)}: ${l === null ? 'n/a' : formatRatio(l.ratio, 1)}`).join(' ');
  return [`lowest ${direction} ratio across the sweep: ${where}${note}`, `ratio ${label} ${direction === 'produce' ? '' : 'consume '}msgs/s ${ratios}`];
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
