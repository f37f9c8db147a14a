/**
 * A partition's log start offset when it lies above its first segment's base: records deleted by
 * DeleteRecords (KIP-107), or a follower's start moved up to its leader's. Kafka keeps these in one
 * `log-start-offset-checkpoint` per log directory, written every minute; kz keeps one per partition
 * directory, written before the segments below the new start are deleted and before DeleteRecords
 * is answered. A log's start must be durable before its records go: a crash that brought back an
 * older start would serve records a client was told were deleted.
 *
 * The format is a version line `0` and the offset, each ending in a newline. Parsing is strict: a
 * file this broker did not write whole is refused (CorruptCheckpointError) and the log falls back
 * to its first segment's base — nothing is lost that was not already deleted, and a follower moves
 * its start up again from its leader's next fetch answer.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileHandlePool } from './file-handle-pool';
import { writeFileDurably } from './durable-file';
import { CorruptCheckpointError, LogFileOpenError } from './log-errors';
import { LOG_START_OFFSET_CHECKPOINT } from './segment-files';

const VERSION = 0;

export function formatLogStartCheckpoint(offset: number): string {
  return `${VERSION}\n${offset}\n`;
}

/** The offset in a checkpoint's text; `file` names it in the error. Throws CorruptCheckpointError. */
export function parseLogStartCheckpoint(text: string, file: string): number {
  const fail = (reason: string): never => {
    throw new CorruptCheckpointError(file, reason);
  };
  if (!text.endsWith('\n')) fail(text.length === 0 ? 'the file is empty' : 'the last line is cut short (no newline)');
  const lines = text.slice(0, -1).split('\n');
  if (lines[0] !== String(VERSION)) fail(`unknown version ${JSON.stringify(lines[0])}`);
  if (lines.length !== 2) fail(`expected a version line and an offset line, got ${lines.length} lines`);
  const line = lines[1]!;
  if (!/^(0|[1-9][0-9]*)$/.test(line) || !Number.isSafeInteger(Number(line))) fail(`the offset is not a non-negative integer: ${JSON.stringify(line)}`);
  return Number(line);
}

export type LoadedLogStart =
  | { readonly offset: number | undefined; readonly discarded?: undefined }
  /** The file was refused (and removed): the log starts at its first segment's base. */
  | { readonly offset: undefined; readonly discarded: CorruptCheckpointError };

/** The checkpoint of the log in `dir`: its offset, none (never written), or the refusal of a corrupt one. */
export function loadLogStartCheckpoint(dir: string, files: FileHandlePool): LoadedLogStart {
  const file = path.join(dir, LOG_START_OFFSET_CHECKPOINT);
  let text: string;
  try {
    text = files.withFile(file, fs.constants.O_RDONLY, (fd) => fs.readFileSync(fd, 'utf8'));
  } catch (error) {
    if (error instanceof LogFileOpenError && error.errno === 'ENOENT') return { offset: undefined };
    throw error;
  }
  try {
    return { offset: parseLogStartCheckpoint(text, file) };
  } catch (error) {
    if (!(error instanceof CorruptCheckpointError)) throw error;
    // Reported once: what it held is lost either way, and the next start written replaces it.
    fs.rmSync(file, { force: true });
    return { offset: undefined, discarded: error };
  }
}

export function writeLogStartCheckpoint(dir: string, files: FileHandlePool, offset: number): void {
  writeFileDurably(files, path.join(dir, LOG_START_OFFSET_CHECKPOINT), formatLogStartCheckpoint(offset));
}

/**
 * Whether the checkpoint must be rewritten for the log start to survive a restart as it is: a
 * reopened log starts at max(checkpoint, first segment base), so a start above the base must be in
 * the file, and a file above the start (the log restarted lower, after an unclean election) must
 * not stay.
 */
export function logStartNeedsCheckpoint(logStart: number, firstSegmentBase: number, checkpointed: number | undefined): boolean {
  if (logStart > firstSegmentBase) return checkpointed !== logStart;
  return checkpointed !== undefined && checkpointed > logStart;
}
