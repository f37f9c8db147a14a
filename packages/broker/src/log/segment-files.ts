/**
 * File naming inside a partition directory: segments are named by their base
 * offset, zero-padded to 20 digits (the width of Long.MAX_VALUE) so that a
 * lexical listing is also offset order.
 */
import * as path from 'node:path';

export const LOG_SUFFIX = '.log';
export const INDEX_SUFFIX = '.index';
export const TIME_INDEX_SUFFIX = '.timeindex';
export const LEADER_EPOCH_CHECKPOINT = 'leader-epoch-checkpoint';
export const LOG_START_OFFSET_CHECKPOINT = 'log-start-offset-checkpoint';
export const PRODUCER_SNAPSHOT_SUFFIX = '.snapshot';

export function segmentFileStem(baseOffset: number): string {
  return String(baseOffset).padStart(20, '0');
}

export interface SegmentPaths {
  log: string;
  index: string;
  timeIndex: string;
}

export function segmentPaths(dir: string, baseOffset: number): SegmentPaths {
  const stem = path.join(dir, segmentFileStem(baseOffset));
  return { log: stem + LOG_SUFFIX, index: stem + INDEX_SUFFIX, timeIndex: stem + TIME_INDEX_SUFFIX };
}

/** Base offset of a `<20 digits>.log` file name, or undefined for any other file. */
export function parseSegmentLogName(fileName: string): number | undefined {
  const m = /^(\d{20})\.log$/.exec(fileName);
  if (!m?.[1]) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Offset of a `<20 digits>.snapshot` producer-state snapshot file name, or undefined for any other file. */
export function parseProducerSnapshotName(fileName: string): number | undefined {
  const m = /^(\d{20})\.snapshot$/.exec(fileName);
  if (!m?.[1]) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : undefined;
}
