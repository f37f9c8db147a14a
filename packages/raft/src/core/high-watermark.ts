/**
 * The offset a majority of voters have durably reached: sort the voters' end offsets descending
 * and take the one at index floor(n/2) (KRaft LeaderState.maybeUpdateHighWatermark).
 */
export function majorityEndOffset(voterEndOffsets: readonly number[]): number {
  const sorted = [...voterEndOffsets].sort((a, b) => b - a);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The leader's next high watermark. It only counts once it passes the start of the leader's own
 * epoch (the Raft paper's Figure 8: a majority holding an entry of an older epoch does not commit
 * it; only an entry of the current epoch does, and with it everything before), and it never
 * moves backwards.
 */
export function nextHighWatermark(current: number, majorityEnd: number, epochStartOffset: number): number {
  return majorityEnd > epochStartOffset && majorityEnd > current ? majorityEnd : current;
}
