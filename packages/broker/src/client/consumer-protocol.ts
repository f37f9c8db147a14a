/**
 * The consumer protocol ("consumer" groups): a member's subscription travels in its JoinGroup
 * protocol metadata, and the leader's assignment for it comes back in SyncGroup. Both are the
 * versioned structures every Kafka client library reads (ConsumerProtocolSubscription and
 * ConsumerProtocolAssignment), so kz consumers can share a group with Java, librdkafka or kafkajs
 * consumers that use the same assignor. A newer version than we know is read with the newest
 * layout we know, as Kafka's ConsumerProtocol does (its versions only append fields).
 */
import { ConsumerProtocolAssignment, ConsumerProtocolSubscription, decodeVersioned, encodeVersioned, KafkaErrorCode, ProtocolError } from '@kz/kafka-protocol';
import { KzClientError } from './kz-client-error';

export const CONSUMER_PROTOCOL_TYPE = 'consumer';

/** Version 0 carries topics and user data: all an eager assignor reads. */
const SUBSCRIPTION_VERSION = 0;
const ASSIGNMENT_VERSION = 0;

export interface TopicPartitions {
  readonly topic: string;
  readonly partitions: readonly number[];
}

export function encodeSubscription(topics: readonly string[]): Uint8Array {
  return encodeVersioned(ConsumerProtocolSubscription, { topics: [...topics].sort(), userData: null }, SUBSCRIPTION_VERSION);
}

export function decodeSubscription(bytes: Uint8Array, memberId: string): { readonly topics: readonly string[] } {
  return { topics: read(() => decodeVersioned(ConsumerProtocolSubscription, bytes, { newerAsLatest: true }).value.topics, `the subscription of member ${memberId}`) };
}

export function encodeAssignment(assigned: readonly TopicPartitions[]): Uint8Array {
  return encodeVersioned(ConsumerProtocolAssignment, { assignedPartitions: assigned.map((a) => ({ topic: a.topic, partitions: [...a.partitions] })), userData: null }, ASSIGNMENT_VERSION);
}

/** An empty answer is an empty assignment (what a coordinator sends a member the leader left out). */
export function decodeAssignment(bytes: Uint8Array): readonly TopicPartitions[] {
  if (bytes.length === 0) return [];
  return read(() => decodeVersioned(ConsumerProtocolAssignment, bytes, { newerAsLatest: true }).value.assignedPartitions, 'the assignment from the group leader');
}

function read<T>(decode: () => T, what: string): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof ProtocolError) throw new KzClientError('INCONSISTENT_GROUP_PROTOCOL', KafkaErrorCode.INCONSISTENT_GROUP_PROTOCOL, `${what} is not a consumer protocol structure: ${error.message}`, undefined, undefined, { cause: error });
    throw error;
  }
}
