/**
 * Kafka's numbers for the error names the quorum protocol uses (Kafka `Errors.java`). The wire
 * carries the numbers, so a kz node and a Kafka-literate tool read the same code the same way.
 */
import type { RaftErrorCode } from '../core/messages';

export const KAFKA_ERROR_NUMBERS: { readonly [C in RaftErrorCode]: number } = {
  NONE: 0,
  NOT_LEADER_OR_FOLLOWER: 6,
  REQUEST_TIMED_OUT: 7,
  BROKER_NOT_AVAILABLE: 8,
  UNSUPPORTED_VERSION: 35,
  INVALID_REQUEST: 42,
  FENCED_LEADER_EPOCH: 74,
  UNKNOWN_LEADER_EPOCH: 75,
  SNAPSHOT_NOT_FOUND: 98,
  POSITION_OUT_OF_RANGE: 99,
  INVALID_VOTER_KEY: 125,
  DUPLICATE_VOTER: 126,
  VOTER_NOT_FOUND: 127,
};

const NAME_OF_NUMBER: ReadonlyMap<number, RaftErrorCode> = new Map(
  (Object.entries(KAFKA_ERROR_NUMBERS) as [RaftErrorCode, number][]).map(([name, number]) => [number, name]),
);

/** The error name for a number off the wire, or undefined for one the protocol does not use. */
export function raftErrorCodeOf(number: number): RaftErrorCode | undefined {
  return NAME_OF_NUMBER.get(number);
}
