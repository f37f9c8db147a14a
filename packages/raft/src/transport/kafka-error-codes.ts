/**
 * Kafka's numbers for the error names the quorum protocol uses (Kafka `Errors.java`). The wire
 * carries the numbers, so a kz node and a Kafka-literate tool read the same code the same way.
 */
import { KafkaErrorCode } from '@kz/runtime';
import type { RaftErrorCode } from '../core/messages';

export const KAFKA_ERROR_NUMBERS: { readonly [C in RaftErrorCode]: number } = {
  NONE: KafkaErrorCode.NONE,
  NOT_LEADER_OR_FOLLOWER: KafkaErrorCode.NOT_LEADER_OR_FOLLOWER,
  REQUEST_TIMED_OUT: KafkaErrorCode.REQUEST_TIMED_OUT,
  BROKER_NOT_AVAILABLE: KafkaErrorCode.BROKER_NOT_AVAILABLE,
  UNSUPPORTED_VERSION: KafkaErrorCode.UNSUPPORTED_VERSION,
  INVALID_REQUEST: KafkaErrorCode.INVALID_REQUEST,
  FENCED_LEADER_EPOCH: KafkaErrorCode.FENCED_LEADER_EPOCH,
  UNKNOWN_LEADER_EPOCH: KafkaErrorCode.UNKNOWN_LEADER_EPOCH,
  SNAPSHOT_NOT_FOUND: KafkaErrorCode.SNAPSHOT_NOT_FOUND,
  POSITION_OUT_OF_RANGE: KafkaErrorCode.POSITION_OUT_OF_RANGE,
  INVALID_VOTER_KEY: KafkaErrorCode.INVALID_VOTER_KEY,
  DUPLICATE_VOTER: KafkaErrorCode.DUPLICATE_VOTER,
  VOTER_NOT_FOUND: KafkaErrorCode.VOTER_NOT_FOUND,
};

const NAME_OF_NUMBER: ReadonlyMap<number, RaftErrorCode> = new Map(
  (Object.entries(KAFKA_ERROR_NUMBERS) as [RaftErrorCode, number][]).map(([name, number]) => [number, name]),
);

/** The error name for a number off the wire, or undefined for one the protocol does not use. */
export function raftErrorCodeOf(number: number): RaftErrorCode | undefined {
  return NAME_OF_NUMBER.get(number);
}
