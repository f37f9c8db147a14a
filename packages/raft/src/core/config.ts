/**
 * Quorum configuration. Every default is KRaft's (QuorumConfig.java / KafkaRaftClient.java), see
 * shared/reference/KRAFT.md §0 and §1.6; every one can be overridden.
 */
export type NodeId = number;

export interface RaftConfig {
  /** This replica's id. A node whose id is not in `voters` is an observer: it fetches but never votes. */
  readonly nodeId: NodeId;
  /** The static voter set (KIP-595 `controller.quorum.voters`). */
  readonly voters: readonly NodeId[];
  /** `controller.quorum.election.timeout.ms`; each wait is drawn uniformly from [T, 2T). */
  readonly electionTimeoutMs: number;
  /** `controller.quorum.fetch.timeout.ms`: a follower with no successful fetch for this long campaigns. */
  readonly fetchTimeoutMs: number;
  /** `controller.quorum.election.backoff.max.ms`: cap of the exponential backoff after a lost election. */
  readonly electionBackoffMaxMs: number;
  /** Long-poll bound a follower asks for (KafkaRaftClient MAX_FETCH_WAIT_MS). */
  readonly fetchMaxWaitMs: number;
  /** `controller.quorum.request.timeout.ms`: an unanswered request is abandoned and retried. */
  readonly requestTimeoutMs: number;
  /** `controller.quorum.retry.backoff.ms`: pause before retrying a failed request. */
  readonly retryBackoffMs: number;
  /** Maximum bytes of batches in one Fetch response (KRaft: 8 MiB). */
  readonly fetchMaxBytes: number;
  /** Maximum bytes of one FetchSnapshot chunk. */
  readonly snapshotChunkBytes: number;
  /**
   * `controller.quorum.append.linger.ms`: how long proposals may wait to be appended together.
   * 0 appends each proposal at once (durability is still grouped by the driver's sync).
   */
  readonly appendLingerMs: number;
  /** Source of randomness for election jitter, in [0, 1). The core has none of its own. */
  readonly random: () => number;
}

export type RaftConfigInput = Pick<RaftConfig, 'nodeId' | 'voters'> & Partial<Omit<RaftConfig, 'nodeId' | 'voters'>>;

export const RAFT_DEFAULTS = {
  electionTimeoutMs: 1000,
  fetchTimeoutMs: 2000,
  electionBackoffMaxMs: 1000,
  fetchMaxWaitMs: 500,
  requestTimeoutMs: 2000,
  retryBackoffMs: 20,
  fetchMaxBytes: 8 * 1024 * 1024,
  snapshotChunkBytes: 1024 * 1024,
  appendLingerMs: 0,
} as const;

export class InvalidRaftConfigError extends Error {
  override readonly name = 'InvalidRaftConfigError';
  readonly code = 'INVALID_CONFIG';
}

export function resolveConfig(input: RaftConfigInput): RaftConfig {
  const config: RaftConfig = { ...RAFT_DEFAULTS, random: Math.random, ...input, voters: [...input.voters] };
  if (config.voters.length === 0) throw new InvalidRaftConfigError('voters must not be empty');
  if (new Set(config.voters).size !== config.voters.length) throw new InvalidRaftConfigError('voters must be distinct');
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === 'number' && key.endsWith('Ms') && !(value >= 0)) {
      throw new InvalidRaftConfigError(`${key} must be a non-negative number, got ${value}`);
    }
  }
  // KIP-1236: a long poll of maxWait must be able to return twice within one fetch timeout.
  if (config.fetchMaxWaitMs * 2 > config.fetchTimeoutMs) {
    throw new InvalidRaftConfigError('fetchMaxWaitMs * 2 must not exceed fetchTimeoutMs');
  }
  return config;
}

export function majorityOf(voterCount: number): number {
  return Math.floor(voterCount / 2) + 1;
}
