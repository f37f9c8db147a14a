/**
 * The ISR as the leader holds it: committed by the controller, or with one change in flight
 * (KIP-497's PendingExpandIsr / PendingShrinkIsr). Only one AlterPartition per partition is in
 * flight: the request is a compare-and-set on the partition epoch, so a second one based on the
 * same epoch would be refused anyway.
 */
import type { BrokerId } from '@kz/metadata';

export type IsrState =
  | { readonly kind: 'committed'; readonly isr: readonly BrokerId[]; readonly partitionEpoch: number }
  | {
      readonly kind: 'pending-expand';
      readonly isr: readonly BrokerId[];
      readonly partitionEpoch: number;
      readonly adding: readonly BrokerId[];
      readonly proposedIsr: readonly BrokerId[];
    }
  | {
      readonly kind: 'pending-shrink';
      readonly isr: readonly BrokerId[];
      readonly partitionEpoch: number;
      readonly removing: readonly BrokerId[];
      readonly proposedIsr: readonly BrokerId[];
    };

/**
 * The ISR the high watermark waits for (KIP-497's maximalIsr): while an expansion is pending the
 * new members already count, because a larger ISR only makes the HW stricter; while a shrink is
 * pending the old members still count, because advancing the HW past a removed follower before the
 * controller agrees would commit records that the (possibly still) ISR follower lacks, if the
 * change then fails.
 */
export function maximalIsr(state: IsrState): readonly BrokerId[] {
  return state.kind === 'pending-expand' ? [...state.isr, ...state.adding] : state.isr;
}

export function isIsrChangeInFlight(state: IsrState): boolean {
  return state.kind !== 'committed';
}

/** A change to propose to the controller, decided by isrToShrink / isrToExpand. */
export type IsrChangeProposal = IsrExpandProposal | IsrShrinkProposal;
export interface IsrExpandProposal {
  readonly kind: 'expand';
  readonly adding: readonly BrokerId[];
  readonly newIsr: readonly BrokerId[];
}
export interface IsrShrinkProposal {
  readonly kind: 'shrink';
  readonly removing: readonly BrokerId[];
  readonly newIsr: readonly BrokerId[];
}
