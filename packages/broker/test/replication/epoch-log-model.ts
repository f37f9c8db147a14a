/**
 * A replica log modelled as an array of {offset, epoch}, with Kafka's leader-epoch cache derived from
 * it (LeaderEpochFileCache: epoch → first offset written in it), for testing the fetch decisions
 * without files.
 */
import type { EpochEndOffset } from '../../src/log/leader-epoch-cache';
import type { LeaderFetchView } from '../../src/replication/fetch-validation';
import type { FollowerLogView } from '../../src/replication/follower-truncation';

export interface ModelRecord {
  readonly offset: number;
  readonly epoch: number;
}

export interface ModelLog {
  /** The log start offset: the offset of records[0], or the log end when empty. */
  start: number;
  records: ModelRecord[];
  /**
   * Epochs registered without records: a new leader assigns its epoch at its log end when elected
   * (Partition.makeLeader), before it appends anything.
   */
  emptyEpoch?: number;
}

/** A log from `start` holding one record per epoch in `epochs`. */
export function modelLog(epochs: readonly number[], start = 0, emptyEpoch?: number): ModelLog {
  const log: ModelLog = { start, records: epochs.map((epoch, i) => ({ offset: start + i, epoch })) };
  if (emptyEpoch !== undefined) log.emptyEpoch = emptyEpoch;
  return log;
}

export function logEnd(log: ModelLog): number {
  return log.start + log.records.length;
}

export function latestEpoch(log: ModelLog): number | undefined {
  const entries = epochEntries(log);
  return entries[entries.length - 1]?.epoch;
}

/** The epoch cache: one entry per epoch, at the offset of its first record. */
export function epochEntries(log: ModelLog): { epoch: number; startOffset: number }[] {
  const entries: { epoch: number; startOffset: number }[] = [];
  for (const r of log.records) {
    if (entries[entries.length - 1]?.epoch !== r.epoch) entries.push({ epoch: r.epoch, startOffset: r.offset });
  }
  const last = entries[entries.length - 1];
  if (log.emptyEpoch !== undefined && (last === undefined || log.emptyEpoch > last.epoch)) {
    entries.push({ epoch: log.emptyEpoch, startOffset: logEnd(log) });
  }
  return entries;
}

/** LeaderEpochFileCache.endOffsetFor, written out independently of the broker's cache. */
export function modelEndOffsetFor(log: ModelLog, requested: number): EpochEndOffset {
  const undef = { epoch: -1, endOffset: -1 };
  const entries = epochEntries(log);
  const latest = entries[entries.length - 1];
  if (requested === -1 || latest === undefined) return undef;
  if (latest.epoch === requested) return { epoch: requested, endOffset: logEnd(log) };
  if (requested > latest.epoch) return undef;
  let floor = -1;
  while (floor + 1 < entries.length && entries[floor + 1]!.epoch <= requested) floor++;
  const next = entries[floor + 1]!;
  return floor < 0 ? { epoch: requested, endOffset: next.startOffset } : { epoch: entries[floor]!.epoch, endOffset: next.startOffset };
}

export function leaderView(log: ModelLog, leaderEpoch: number): LeaderFetchView {
  return {
    leaderEpoch,
    logStartOffset: log.start,
    logEndOffset: logEnd(log),
    endOffsetForEpoch: (epoch) => modelEndOffsetFor(log, epoch),
  };
}

export function followerView(log: ModelLog, highWatermark = 0): FollowerLogView {
  return { logEndOffset: logEnd(log), highWatermark, endOffsetForEpoch: (epoch) => modelEndOffsetFor(log, epoch) };
}

/** PartitionLog.truncateTo at record granularity: drops offsets ≥ `to`; below the start, restarts there. */
export function truncateModel(log: ModelLog, to: number): void {
  if (to < log.start) {
    restartModelAt(log, to);
    return;
  }
  log.records = log.records.filter((r) => r.offset < to);
  delete log.emptyEpoch;
}

/** PartitionLog.truncateFullyAndStartAt. */
export function restartModelAt(log: ModelLog, offset: number): void {
  log.start = offset;
  log.records = [];
  delete log.emptyEpoch;
}
