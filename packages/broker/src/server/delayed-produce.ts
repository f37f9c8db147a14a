/**
 * Produce requests waiting for their acknowledgement (Kafka's DelayedProduce purgatory): acks=1
 * waits for the leader's flush, acks=all for the high watermark to pass the batch. A request is
 * answered when every partition it waits on is done, or at its deadline with REQUEST_TIMED_OUT for
 * the rest. The records of a timed-out produce stay in the log: the client cannot know whether they
 * commit, which is why a retry may duplicate them.
 */
import type { ProducePartitionResponse, ProduceResponse } from '../protocol/produce.js';
import type { KafkaErrorValue } from './error-code.js';

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

type WaitStatus = (wait: ProduceWait) => KafkaErrorValue | 'waiting';

interface Parked {
  readonly response: ProduceResponse;
  readonly waiting: Set<ProduceWait>;
  readonly outcomes: Map<ProduceWait, KafkaErrorValue>;
  readonly deadline: number;
  readonly status: WaitStatus;
  readonly resolve: (response: ProduceResponse) => void;
}

export class DelayedProduces {
  private readonly byKey = new Map<string, Set<Parked>>();
  private readonly all = new Set<Parked>();

  park(response: ProduceResponse, waits: readonly ProduceWait[], deadline: number, status: WaitStatus): Promise<ProduceResponse> {
    return new Promise((resolve) => {
      const parked: Parked = { response, waiting: new Set(waits), outcomes: new Map(), deadline, status, resolve };
      this.all.add(parked);
      for (const wait of waits) {
        const set = this.byKey.get(wait.key) ?? new Set();
        set.add(parked);
        this.byKey.set(wait.key, set);
      }
      for (const wait of waits) this.check(parked, wait);
    });
  }

  /** Something about partition `key` changed (HW, flush, leadership): settle what can be settled. */
  recheck(key: string): void {
    const set = this.byKey.get(key);
    if (set === undefined) return;
    for (const parked of [...set]) for (const wait of [...parked.waiting]) if (wait.key === key) this.check(parked, wait);
  }

  /** The partition left this broker: its waits end with what status says now (not the leader). */
  partitionGone(key: string): void {
    this.recheck(key);
  }

  nextDeadline(): number {
    let at = Number.POSITIVE_INFINITY;
    for (const parked of this.all) at = Math.min(at, parked.deadline);
    return at;
  }

  expire(now: number, timedOut: (wait: ProduceWait) => KafkaErrorValue): void {
    for (const parked of [...this.all]) {
      if (parked.deadline > now) continue;
      for (const wait of [...parked.waiting]) this.settle(parked, wait, timedOut(wait));
    }
  }

  failAll(error: KafkaErrorValue): void {
    for (const parked of [...this.all]) for (const wait of [...parked.waiting]) this.settle(parked, wait, error);
  }

  private check(parked: Parked, wait: ProduceWait): void {
    const status = parked.status(wait);
    if (status !== 'waiting') this.settle(parked, wait, status);
  }

  private settle(parked: Parked, wait: ProduceWait, outcome: KafkaErrorValue): void {
    if (!parked.waiting.delete(wait)) return;
    parked.outcomes.set(wait, outcome);
    const set = this.byKey.get(wait.key);
    if (set !== undefined && ![...parked.waiting].some((w) => w.key === wait.key)) {
      set.delete(parked);
      if (set.size === 0) this.byKey.delete(wait.key);
    }
    if (parked.waiting.size > 0) return;
    this.all.delete(parked);
    parked.resolve(withOutcomes(parked.response, parked.outcomes));
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
