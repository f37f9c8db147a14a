import { LeaderReplicaState, type BecomeLeaderParams } from '../../src/replication/partition-replicas';

/** A leader (broker 1) of a 3-replica partition at leader epoch 5, all in the ISR, log end 10, HW 10. */
export function leader(overrides: Partial<BecomeLeaderParams> = {}): LeaderReplicaState {
  return new LeaderReplicaState({
    topicId: 't',
    partitionId: 0,
    leaderId: 1,
    leaderEpoch: 5,
    partitionEpoch: 7,
    replicas: [1, 2, 3],
    isr: [1, 2, 3],
    logEndOffset: 10,
    highWatermark: 10,
    minInsyncReplicas: 2,
    now: 1_000,
    ...overrides,
  });
}
