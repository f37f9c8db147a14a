/**
 * DeleteRecords requests waiting for the replicas (Kafka's DelayedDeleteRecords purgatory): the
 * leader moved its log start up at once; each partition's answer waits until the low watermark has
 * reached the offset — every live follower has reported, in a fetch, a log start at or above it —
 * or ends with REQUEST_TIMED_OUT at the request's deadline (the deletion stands: the followers
 * still follow the leader's start), or NOT_LEADER_OR_FOLLOWER if the leadership moves first.
 */
import type { DeleteRecordsPartitionResponse, DeleteRecordsResponse } from '../protocol/delete-records';
import { DelayedPartitionRequests, type WaitStatus } from './delayed-partition-requests';
import type { KafkaErrorValue } from './error-code';

export interface DeleteRecordsWait {
  readonly key: string;
  readonly topic: string;
  readonly partition: number;
  /** The leader epoch the log start moved in. */
  readonly leaderEpoch: number;
  /** The new log start the low watermark must reach. */
  readonly offset: number;
}

/** How a partition's wait ended: its error (NONE when done) and the low watermark to answer with. */
export interface DeleteRecordsOutcome {
  readonly error: KafkaErrorValue;
  readonly lowWatermark: number;
}

export class DelayedDeleteRecords {
  private readonly waits = new DelayedPartitionRequests<DeleteRecordsWait, DeleteRecordsOutcome, DeleteRecordsResponse>();

  park(response: DeleteRecordsResponse, waits: readonly DeleteRecordsWait[], deadline: number, status: WaitStatus<DeleteRecordsWait, DeleteRecordsOutcome>): Promise<DeleteRecordsResponse> {
    return this.waits.park(waits, deadline, status, (outcomes) => withOutcomes(response, outcomes));
  }

  /** The partition's low watermark or leadership may have changed. */
  recheck(key: string): void {
    this.waits.recheck(key);
  }

  nextDeadline(): number {
    return this.waits.nextDeadline();
  }

  expire(now: number, timedOut: (wait: DeleteRecordsWait) => DeleteRecordsOutcome): void {
    this.waits.expire(now, timedOut);
  }

  failAll(outcome: (wait: DeleteRecordsWait) => DeleteRecordsOutcome): void {
    this.waits.failAll(outcome);
  }
}

function withOutcomes(response: DeleteRecordsResponse, outcomes: ReadonlyMap<DeleteRecordsWait, DeleteRecordsOutcome>): DeleteRecordsResponse {
  const byPartition = new Map<string, DeleteRecordsOutcome>();
  for (const [wait, outcome] of outcomes) byPartition.set(`${wait.topic}\u0000${wait.partition}`, outcome);
  return {
    topics: response.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((p): DeleteRecordsPartitionResponse => {
        const outcome = byPartition.get(`${topic.name}\u0000${p.partition}`);
        if (outcome === undefined) return p;
        return { partition: p.partition, errorCode: outcome.error.errorCode, errorMessage: outcome.error.errorMessage, lowWatermark: outcome.lowWatermark };
      }),
    })),
  };
}
