/**
 * The replicas of a log directory whose recovery cut a batch and that no registration has reported
 * yet, `damaged-replicas-checkpoint` beside the partition directories. Recovery's cut is made once:
 * a broker that cut a log at start-up and died before its registration committed finds that log
 * whole at its next start, and without this file would register as if nothing had been lost. It is
 * written (durably, replaced whole) before the broker registers and removed once a registration
 * carrying it has been answered.
 *
 * The format is the high-watermark checkpoint's shape: a version line `0`, the entry count, then one
 * `topicId partition` line per replica, each line ending in a newline. Parsing is strict: a file
 * this broker did not write whole is refused (CorruptCheckpointError), never half-read.
 */
import { formatCheckpointLines, parseCheckpointLines } from './checkpoint-lines';
import { CorruptCheckpointError } from './log-errors';
import type { DamagedReplica } from '../server/replica-manager';

export const DAMAGED_REPLICAS_CHECKPOINT = 'damaged-replicas-checkpoint';

/**
 * Whether a log that recovery cut may have lost committed records: it now ends below the high
 * watermark the broker checkpointed for it. A cut above it is the common, harmless case — a torn or
 * failed write of a tail no one acknowledged (an ISR member's HW never passes what it flushed) — and
 * taking such a replica out of its ISR could leave a partition without a leader for nothing (the
 * whole-cluster simulation found it: two brokers halted on EIO, both cut their unacknowledged tails
 * and emptied the ISR). With no checkpointed HW for the replica (`undefined`: none written yet, or
 * the file unreadable) the broker cannot tell, and counts the cut. The checkpoint trails the HW by
 * up to its interval: a flip in records committed since then is not caught (double faults inside
 * that window stay open).
 */
export function cutBelowCheckpointedHighWatermark(logEndOffset: number, checkpointedHighWatermark: number | undefined): boolean {
  return checkpointedHighWatermark === undefined || logEndOffset < checkpointedHighWatermark;
}

const VERSION = 0;

export function formatDamagedReplicas(replicas: readonly DamagedReplica[]): string {
  return formatCheckpointLines(
    VERSION,
    replicas.map((r) => `${r.topicId} ${r.partitionId}`),
  );
}

/** The replicas of a checkpoint file's text; `file` names it in the error. Throws CorruptCheckpointError. */
export function parseDamagedReplicas(text: string, file: string): DamagedReplica[] {
  const fail = (reason: string): never => {
    throw new CorruptCheckpointError(file, reason);
  };
  return parseCheckpointLines(text, file, VERSION).map((line, i) => {
    const match = /^(\S+) (\d+)$/.exec(line);
    if (match === null) return fail(`entry ${i + 1} is not "topic partition": ${JSON.stringify(line)}`);
    const partitionId = Number(match[2]);
    if (!Number.isSafeInteger(partitionId)) fail(`entry ${i + 1} has a partition out of range: ${JSON.stringify(line)}`);
    return { topicId: match[1]!, partitionId };
  });
}

/** `a` and whatever of `b` it does not already name, in that order. */
export function unionOfReplicas(a: readonly DamagedReplica[], b: readonly DamagedReplica[]): DamagedReplica[] {
  const out = [...a];
  for (const r of b) if (!out.some((o) => o.topicId === r.topicId && o.partitionId === r.partitionId)) out.push(r);
  return out;
}
