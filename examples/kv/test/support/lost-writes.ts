/**
 * The durability check, stated on its own (the linearizability check implies it when the final
 * reads are in the history, but this one names the write that was lost): every acknowledged write
 * must either be what the final read sees, or have been overwritten by another write that could
 * have come after it — one that had not returned before it was called, acknowledged or of unknown
 * outcome.
 */
import type { KvInput, KvOutput, Operation } from '@kz/lincheck';

type KvOperation = Operation<KvInput, KvOutput>;

/** The value a write leaves behind if it takes effect, or undefined for a get / a write with no effect. */
function effect(op: KvOperation): { value: string | null; acknowledged: boolean } | undefined {
  const { input, output } = op;
  if (input.op === 'get') return undefined;
  const unknown = 'unknown' in output;
  if (!unknown && !('ok' in output && output.ok)) return undefined;
  return { value: input.op === 'delete' ? null : input.value, acknowledged: !unknown };
}

/** Descriptions of acknowledged writes the final state contradicts; empty when none was lost. */
export function lostAcknowledgedWrites(history: readonly KvOperation[], finalValues: ReadonlyMap<string, string | null>): string[] {
  const lost: string[] = [];
  for (const [key, final] of finalValues) {
    const writes = history.filter((op) => op.input.key === key && effect(op) !== undefined);
    for (const write of writes) {
      const done = effect(write)!;
      if (!done.acknowledged || done.value === final) continue;
      const overwritten = writes.some((other) => other !== write && other.return > write.call);
      if (!overwritten) {
        lost.push(`${JSON.stringify(write.input)} acknowledged at ${write.return.toFixed(1)} ms, but ${key} ends as ${JSON.stringify(final)} and no later write could explain it`);
      }
    }
  }
  return lost;
}
