/** "12 ms ago", "3.4 s ago", or "never" for Kafka's -1 timestamps. */
export function ago(timestampMs: number, now = Date.now()): string {
  if (timestampMs < 0) return 'never';
  const elapsed = Math.max(0, now - timestampMs);
  return elapsed < 1000 ? `${Math.round(elapsed)} ms ago` : elapsed < 120_000 ? `${(elapsed / 1000).toFixed(1)} s ago` : `${Math.round(elapsed / 60_000)} min ago`;
}
