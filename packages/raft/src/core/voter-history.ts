/**
 * Which voter set is in force at each point of the log (KRaft's KRaftControlRecordStateMachine).
 * KIP-853's rule: the latest VotersRecord in the log is in force the moment it is appended,
 * committed or not — so a truncation that removes it must put the one before back in force. The
 * history keeps every voter set from the snapshot (or the bootstrap set) up to the log end.
 */
import { ControlRecordType, decodeControlRecord, decodeRecordBatch, readBatchHeader } from '@kz/records';
import type { LogBatch } from './log-batch';
import { fromVotersRecord, type VoterSet } from './voter-set';

interface HistoryEntry {
  /** Offset of the batch holding the VotersRecord; below the log start for a base entry. */
  readonly offset: number;
  readonly voters: VoterSet;
  /** A VotersRecord of the log, as opposed to the set the log starts from. */
  readonly inLog: boolean;
}

/** Where the voter set below the log comes from. */
export type VoterBase = 'static' | 'bootstrap' | 'snapshot' | 'none';

export class VoterHistory {
  private entries: HistoryEntry[] = [];
  private baseKind: VoterBase;

  /** `voters`: the set in force below the log (the static list, the bootstrap set, a snapshot's). */
  constructor(baseKind: VoterBase, voters: VoterSet | null, offset = -1) {
    this.baseKind = voters === null ? 'none' : baseKind;
    if (voters !== null) this.entries.push({ offset, voters, inLog: false });
  }

  /** The voter set in force now; null when none is known (a replica joining as an observer). */
  get latest(): VoterSet | null {
    return this.entries[this.entries.length - 1]?.voters ?? null;
  }

  /** Offset of the latest VotersRecord in the log; -1 when the set in force comes from below the log. */
  get latestRecordOffset(): number {
    const last = this.entries[this.entries.length - 1];
    return last !== undefined && last.inLog ? last.offset : -1;
  }

  /** True when no VotersRecord was ever replicated: only the bootstrap set (format time) is known. */
  get onlyBootstrap(): boolean {
    return this.baseKind === 'bootstrap' && this.entries.length === 1;
  }

  /** The voter set in force for everything below `end` (what a snapshot ending there must carry). */
  at(end: number): VoterSet | null {
    for (let i = this.entries.length - 1; i >= 0; i--) if (!this.entries[i]!.inLog || this.entries[i]!.offset < end) return this.entries[i]!.voters;
    return null;
  }

  /** Notes the voter set a batch just appended to the log puts in force, if it holds one; returns it. */
  appended(batch: LogBatch): VoterSet | null {
    const voters = votersIn(batch);
    if (voters !== null) this.entries.push({ offset: batch.baseOffset, voters, inLog: true });
    return voters;
  }

  /** Batches at and above `end` left the log: their voter sets are no longer in force. */
  truncateTo(end: number): void {
    while (this.entries.length > 0 && this.entries[this.entries.length - 1]!.inLog && this.entries[this.entries.length - 1]!.offset >= end) this.entries.pop();
  }

  /** The log below `end` was replaced by a snapshot: the set in force there becomes the base. */
  compactTo(end: number): void {
    let base = -1;
    for (let i = 0; i < this.entries.length; i++) if (!this.entries[i]!.inLog || this.entries[i]!.offset < end) base = i;
    if (base < 0 || !this.entries[base]!.inLog) return;
    const entry = this.entries[base]!;
    this.entries = [{ offset: end - 1, voters: entry.voters, inLog: false }, ...this.entries.slice(base + 1)];
    this.baseKind = 'snapshot';
  }

  /** A snapshot from the leader replaced the whole log. */
  reset(voters: VoterSet | null, snapshotEnd: number): void {
    this.entries = voters === null ? [] : [{ offset: snapshotEnd - 1, voters, inLog: false }];
    this.baseKind = voters === null ? 'none' : 'snapshot';
  }
}

/** The voter set a batch puts in force: its last VotersRecord, when it is a control batch holding one. */
export function votersIn(batch: LogBatch): VoterSet | null {
  if (!readBatchHeader(batch.bytes).isControl) return null;
  let voters: VoterSet | null = null;
  for (const record of decodeRecordBatch(batch.bytes).records) {
    let control;
    try {
      control = decodeControlRecord(record);
    } catch {
      continue; // a control type this version does not know (it passed the batch CRC): not a voter set
    }
    if (control.type === ControlRecordType.KRaftVoters) voters = fromVotersRecord(control.record);
  }
  return voters;
}
