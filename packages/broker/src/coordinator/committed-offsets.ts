/**
 * The committed offsets of the groups one `__consumer_offsets` partition holds, as its log says
 * them: the latest record for a (group, topic, partition) wins and a tombstone removes it — what
 * log compaction keeps, so replaying a compacted log and an uncompacted one agree.
 */
import type { OffsetCommitValueFields } from './consumer-offsets-records';

export interface CommittedOffset extends OffsetCommitValueFields {
  readonly topic: string;
  readonly partition: number;
  /** The record's offset in `__consumer_offsets`: a later record for the same key replaces it. */
  readonly logOffset: number;
}

export class CommittedOffsets {
  /** By group, then by `topic\0partition`. */
  private readonly byGroup = new Map<string, Map<string, CommittedOffset>>();

  /** Applies a record of the log: a commit, or with `value` null a tombstone. */
  apply(group: string, topic: string, partition: number, value: OffsetCommitValueFields | null, logOffset: number): void {
    const key = slot(topic, partition);
    let offsets = this.byGroup.get(group);
    const current = offsets?.get(key);
    // Appends answered out of order must not let an older record overwrite a newer one.
    if (current !== undefined && current.logOffset > logOffset) return;
    if (value === null) {
      offsets?.delete(key);
      if (offsets?.size === 0) this.byGroup.delete(group);
      return;
    }
    if (offsets === undefined) {
      offsets = new Map();
      this.byGroup.set(group, offsets);
    }
    offsets.set(key, { offset: value.offset, leaderEpoch: value.leaderEpoch, metadata: value.metadata, commitTimestamp: value.commitTimestamp, topic, partition, logOffset });
  }

  get(group: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.byGroup.get(group)?.get(slot(topic, partition));
  }

  /** Everything the group committed. */
  ofGroup(group: string): readonly CommittedOffset[] {
    return [...(this.byGroup.get(group)?.values() ?? [])];
  }

  hasGroup(group: string): boolean {
    return this.byGroup.has(group);
  }

  groups(): IterableIterator<string> {
    return this.byGroup.keys();
  }

  /** Forgets the group's offsets (its tombstones are written by the caller). */
  deleteGroup(group: string): void {
    this.byGroup.delete(group);
  }
}

function slot(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}
