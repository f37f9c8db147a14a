import { ControlRecordType, decodeControlRecord, decodeRecordBatch } from '@kz/records';
import type { LogBatch } from '../core/log-batch';

const decoder = new TextDecoder();

/** One line for a log listing: "LeaderChange: node 2 leads (votes 1,2)" or "data: 2 records [7.0, 7.1]". */
export function describeBatch(batch: LogBatch): string {
  const decoded = decodeRecordBatch(batch.bytes);
  if (decoded.header.isControl) {
    const first = decoded.records[0];
    if (first === undefined) return 'control: empty';
    try {
      const control = decodeControlRecord(first);
      if (control.type === ControlRecordType.LeaderChange) {
        return `LeaderChange: node ${control.message.leaderId} leads (votes from ${control.message.grantingVoters.join(',')})`;
      }
      return `control: ${ControlRecordType[control.type]}`;
    } catch {
      return 'control: (undecoded)';
    }
  }
  const values = decoded.records.map((r) => (r.value === null ? 'null' : decoder.decode(r.value)));
  return `data: ${values.length} record${values.length === 1 ? '' : 's'} [${values.join(', ')}]`;
}
