/**
 * Produce requests waiting for their acknowledgement (Kafka's DelayedProduce purgatory): acks=1
 * waits for the leader's flush, acks=all for the high watermark to pass the batch. A request is
 * answered when every partition it waits on is done, or at its deadline with REQUEST_TIMED_OUT for
 * the rest. The records of a timed-out produce stay in the log: the client cannot know whether they
 * commit, which is why a retry may duplicate them.
 */
import type { ProducePartitionResponse, ProduceResponse } from '../protocol/produce';
import { DelayedPartitionRequests, type WaitStatus } from './delayed-partition-requests';
import type { KafkaErrorValue } from './error-code';

export interface ProduceWait {
  readonly key: string;
  readonly topic: string;
  readonly partition: number;
  readonly acks: 1 | -1;
  /** The leader epoch the batch was appended in; a later epoch of the same leader still counts. */
  readonly leaderEpoch: number;
  /** The batch's last offset + 1: the offset the flush or the HW must reach. */
  readonly requiredOffset: number;
  readonly baseOffset: number;
}

export class DelayedProduces {
  private readonly waits = new DelayedPartitionRequests<ProduceWait, KafkaErrorValue, ProduceResponse>();

  park(response: ProduceResponse, waits: readonly ProduceWait[], deadline: number, status: WaitStatus<ProduceWait, KafkaErrorValue>): Promise<ProduceResponse> {
    return this.waits.park(waits, deadline, status, (outcomes) => withOutcomes(response, outcomes));
  }

  /** Something about partition `key` changed (HW, flush, leadership): settle what can be settled. */
  recheck(key: string): void {
    this.waits.recheck(key);
  }

  /** The partition left this broker: its waits end with what status says now (not the leader). */
  partitionGone(key: string): void {
    this.waits.recheck(key);
  }

  nextDeadline(): number {
    return this.waits.nextDeadline();
  }

  expire(now: number, timedOut: (wait: ProduceWait) => KafkaErrorValue): void {
    this.waits.expire(now, timedOut);
  }

  failAll(error: KafkaErrorValue): void {
    this.waits.failAll(() => error);
  }
}

function withOutcomes(response: ProduceResponse, outcomes: ReadonlyMap<ProduceWait, KafkaErrorValue>): ProduceResponse {
  const byPartition = new Map<string, KafkaErrorValue>();
  for (const [wait, outcome] of outcomes) byPartition.set(`${wait.topic}\u0000${wait.partition}`, outcome);
  return {
    topics: response.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((p): ProducePartitionResponse => {
        const outcome = byPartition.get(`${topic.name}\u0000${p.partition}`);
        if (outcome === undefined || outcome.errorCode === 0) return p;
        return { ...p, errorCode: outcome.errorCode, errorMessage: outcome.errorMessage, baseOffset: -1 };
      }),
    })),
  };
}
