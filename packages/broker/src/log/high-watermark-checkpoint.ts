/**
 * The high-watermark checkpoint of a log directory, `replication-offset-checkpoint` as Kafka names
 * it, in Kafka's text format: a version line `0`, the entry count, then one `topic partition offset`
 * line per partition, each line ending in a newline.
 *
 * One difference from Kafka: an entry names its topic by id (KIP-516), not by name. A topic deleted
 * and re-created under the same name between two checkpoints must not hand its high watermark to the
 * new topic's log; ids are 22 base64url characters, so they are single tokens like names.
 *
 * Parsing is strict — a file this broker did not write whole is refused (CorruptCheckpointError),
 * never half-read: a count its lines do not match (lines lost), a last line without its newline (a
 * file cut short), anything but non-negative integers where offsets go, a partition listed twice.
 */
import { formatCheckpointLines, parseCheckpointLines } from './checkpoint-lines';
import { CorruptCheckpointError } from './log-errors';

export const HIGH_WATERMARK_CHECKPOINT = 'replication-offset-checkpoint';

const VERSION = 0;

export interface HighWatermarkEntry {
  readonly topicId: string;
  readonly partitionId: number;
  readonly highWatermark: number;
}

export function formatHighWatermarkCheckpoint(entries: readonly HighWatermarkEntry[]): string {
  return formatCheckpointLines(
    VERSION,
    entries.map((e) => `${e.topicId} ${e.partitionId} ${e.highWatermark}`),
  );
}

/** The entries of a checkpoint file's text; `file` names it in the error. Throws CorruptCheckpointError. */
export function parseHighWatermarkCheckpoint(text: string, file: string): HighWatermarkEntry[] {
  const fail = (reason: string): never => {
    throw new CorruptCheckpointError(file, reason);
  };
  const seen = new Set<string>();
  return parseCheckpointLines(text, file, VERSION).map((line, i) => {
    const match = /^(\S+) (\d+) (\d+)$/.exec(line);
    if (match === null) return fail(`entry ${i + 1} is not "topic partition offset": ${JSON.stringify(line)}`);
    const [, topicId, partition, offset] = match;
    const partitionId = Number(partition);
    const highWatermark = Number(offset);
    if (!Number.isSafeInteger(partitionId) || !Number.isSafeInteger(highWatermark)) fail(`entry ${i + 1} has a number out of range: ${JSON.stringify(line)}`);
    const key = `${topicId} ${partitionId}`;
    if (seen.has(key)) fail(`partition ${topicId}-${partitionId} is listed twice`);
    seen.add(key);
    return { topicId: topicId!, partitionId, highWatermark };
  });
}
