/**
 * Eager partition assignors, as the group leader runs them: pure functions from the members'
 * subscriptions and the topics' partition counts to each member's partitions. They compute what
 * Kafka's RangeAssignor ("range") and RoundRobinAssignor ("roundrobin") compute, under the same
 * protocol names, so consumers of other libraries configured with the same assignor agree with ours
 * whichever member leads. Members are ordered by member id, as Kafka orders dynamic members.
 */
import type { TopicPartitions } from './consumer-protocol';

export interface MemberSubscription {
  readonly memberId: string;
  readonly topics: readonly string[];
}

export interface PartitionAssignor {
  /** The JoinGroup protocol name. */
  readonly name: string;
  /** Every member gets an entry (possibly empty); topics missing from `partitionCounts` are skipped. */
  assign(members: readonly MemberSubscription[], partitionCounts: ReadonlyMap<string, number>): Map<string, TopicPartitions[]>;
}

/** Per topic, consecutive ranges: the first `P mod C` subscribers get one partition more. */
export const rangeAssignor: PartitionAssignor = {
  name: 'range',
  assign(members, partitionCounts) {
    const out = new Draft(members);
    for (const topic of subscribedTopics(members)) {
      const count = partitionCounts.get(topic);
      if (count === undefined) continue;
      const subscribers = sortedMembers(members).filter((m) => m.topics.includes(topic));
      const each = Math.floor(count / subscribers.length);
      const extra = count % subscribers.length;
      subscribers.forEach((member, i) => {
        const start = each * i + Math.min(i, extra);
        const length = each + (i < extra ? 1 : 0);
        for (let p = start; p < start + length; p++) out.add(member.memberId, topic, p);
      });
    }
    return out.finish();
  },
};

/** Every subscribed partition, ordered by topic then partition, dealt round the members subscribed to its topic. */
export const roundRobinAssignor: PartitionAssignor = {
  name: 'roundrobin',
  assign(members, partitionCounts) {
    const out = new Draft(members);
    const ring = sortedMembers(members);
    let next = 0;
    for (const topic of subscribedTopics(members)) {
      const count = partitionCounts.get(topic) ?? 0;
      for (let partition = 0; partition < count; partition++) {
        // Someone is subscribed to the topic (it came from a subscription), so this ends.
        while (!ring[next % ring.length]!.topics.includes(topic)) next++;
        out.add(ring[next % ring.length]!.memberId, topic, partition);
        next++;
      }
    }
    return out.finish();
  },
};

export const ASSIGNORS: ReadonlyMap<string, PartitionAssignor> = new Map([rangeAssignor, roundRobinAssignor].map((a) => [a.name, a]));

/** An assignment being built: member → topic → partitions, in the order added. */
class Draft {
  private readonly byMember = new Map<string, Map<string, number[]>>();

  constructor(members: readonly MemberSubscription[]) {
    for (const m of members) this.byMember.set(m.memberId, new Map());
  }

  add(memberId: string, topic: string, partition: number): void {
    const topics = this.byMember.get(memberId)!;
    const partitions = topics.get(topic);
    if (partitions === undefined) topics.set(topic, [partition]);
    else partitions.push(partition);
  }

  finish(): Map<string, TopicPartitions[]> {
    return new Map([...this.byMember].map(([memberId, topics]) => [memberId, [...topics].map(([topic, partitions]) => ({ topic, partitions }))]));
  }
}

function sortedMembers(members: readonly MemberSubscription[]): MemberSubscription[] {
  return [...members].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
}

function subscribedTopics(members: readonly MemberSubscription[]): string[] {
  return [...new Set(members.flatMap((m) => m.topics))].sort();
}
