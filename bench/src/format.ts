/** Number formats shared by every benchmark's output, so lines from different runs compare by eye. */

export function formatRate(perSecond: number): string {
  return Number.isFinite(perSecond) ? Math.round(perSecond).toString() : 'n/a';
}

export function formatMs(ms: number): string {
  return Number.isFinite(ms) ? ms.toFixed(2) : 'n/a';
}

/** A ratio with two decimals; "n/a" when the divisor is zero or either side is missing. */
export function formatRatio(numerator: number, denominator: number): string {
  const ratio = numerator / denominator;
  return Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a';
}

/** A count with thousands separators. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';
}
