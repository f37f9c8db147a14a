/**
 * Kafka's protocol errors as values (clients/.../protocol/Errors.java): a name, its numeric code,
 * and a message for people. Controller and admin answers carry these; nothing is thrown across the
 * wire as a string.
 */
export const KAFKA_ERROR_CODES = {
  UNKNOWN_SERVER_ERROR: -1,
  OFFSET_OUT_OF_RANGE: 1,
  CORRUPT_MESSAGE: 2,
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  LEADER_NOT_AVAILABLE: 5,
  NOT_LEADER_OR_FOLLOWER: 6,
  REQUEST_TIMED_OUT: 7,
  BROKER_NOT_AVAILABLE: 8,
  MESSAGE_TOO_LARGE: 10,
  OFFSET_METADATA_TOO_LARGE: 12,
  NETWORK_EXCEPTION: 13,
  COORDINATOR_LOAD_IN_PROGRESS: 14,
  COORDINATOR_NOT_AVAILABLE: 15,
  NOT_COORDINATOR: 16,
  INVALID_TOPIC_EXCEPTION: 17,
  RECORD_LIST_TOO_LARGE: 18,
  NOT_ENOUGH_REPLICAS: 19,
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: 20,
  INVALID_REQUIRED_ACKS: 21,
  TOPIC_AUTHORIZATION_FAILED: 29,
  GROUP_AUTHORIZATION_FAILED: 30,
  CLUSTER_AUTHORIZATION_FAILED: 31,
  INVALID_GROUP_ID: 24,
  INVALID_TIMESTAMP: 32,
  UNSUPPORTED_SASL_MECHANISM: 33,
  UNSUPPORTED_VERSION: 35,
  TOPIC_ALREADY_EXISTS: 36,
  INVALID_PARTITIONS: 37,
  INVALID_REPLICATION_FACTOR: 38,
  INVALID_REPLICA_ASSIGNMENT: 39,
  INVALID_CONFIG: 40,
  NOT_CONTROLLER: 41,
  INVALID_REQUEST: 42,
  POLICY_VIOLATION: 44,
  SECURITY_DISABLED: 54,
  KAFKA_STORAGE_ERROR: 56,
  SASL_AUTHENTICATION_FAILED: 58,
  REASSIGNMENT_IN_PROGRESS: 60,
  FENCED_LEADER_EPOCH: 74,
  UNKNOWN_LEADER_EPOCH: 75,
  STALE_BROKER_EPOCH: 77,
  PREFERRED_LEADER_NOT_AVAILABLE: 80,
  ELIGIBLE_LEADERS_NOT_AVAILABLE: 83,
  ELECTION_NOT_NEEDED: 84,
  NO_REASSIGNMENT_IN_PROGRESS: 85,
  INVALID_RECORD: 87,
  RESOURCE_NOT_FOUND: 91,
  DUPLICATE_RESOURCE: 92,
  UNACCEPTABLE_CREDENTIAL: 93,
  INVALID_UPDATE_VERSION: 95,
  UNKNOWN_TOPIC_ID: 100,
  DUPLICATE_BROKER_REGISTRATION: 101,
  BROKER_ID_NOT_REGISTERED: 102,
  INCONSISTENT_CLUSTER_ID: 104,
  INELIGIBLE_REPLICA: 107,
  NEW_LEADER_ELECTED: 108,
  // KIP-853 AddRaftVoter / RemoveRaftVoter.
  INVALID_VOTER_KEY: 124,
  DUPLICATE_VOTER: 126,
  VOTER_NOT_FOUND: 127,
} as const;

export type KafkaErrorName = keyof typeof KAFKA_ERROR_CODES;

/** One Kafka error as a value. `leaderId` hints where to retry a NOT_CONTROLLER. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kafkaErrorCode: number;

  constructor(
    readonly code: KafkaErrorName,
    message: string,
    readonly leaderId: number = -1,
  ) {
    super(message);
    this.kafkaErrorCode = KAFKA_ERROR_CODES[code];
  }

  /** Retriable errors that a client resolves by finding the controller again or waiting. */
  get retriable(): boolean {
    return this.code === 'NOT_CONTROLLER' || this.code === 'REQUEST_TIMED_OUT' || this.code === 'LEADER_NOT_AVAILABLE';
  }
}

export function apiError(code: KafkaErrorName, message: string, leaderId = -1): ApiError {
  return new ApiError(code, message, leaderId);
}

/** The name for a numeric code, for errors that arrive over the wire. */
export function kafkaErrorName(code: number): KafkaErrorName {
  for (const [name, value] of Object.entries(KAFKA_ERROR_CODES)) if (value === code) return name as KafkaErrorName;
  return 'UNKNOWN_SERVER_ERROR';
}
