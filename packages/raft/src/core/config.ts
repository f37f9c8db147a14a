/**
 * Quorum configuration. Every default is KRaft's (QuorumConfig.java / KafkaRaftClient.java), see
 * shared/reference/KRAFT.md §0 and §1.6; every one can be overridden.
 */
import { checkDirectoryId, sortVoters, type DirectoryId, type Endpoint, type VoterSet } from './voter-set';

export type NodeId = number;

export interface RaftConfig {
  /** This replica's id. A node whose id is not in `voters` is an observer: it fetches but never votes. */
  readonly nodeId: NodeId;
  /**
   * The static voter set (KIP-595 `controller.quorum.voters`, kraft.version 0). Empty with dynamic
   * voters, which are the other way to run: set `directoryId` instead.
   */
  readonly voters: readonly NodeId[];
  /**
   * Dynamic voters (KIP-853, kraft.version 1): this replica's directory id, a random Uuid written
   * when its storage was formatted. Set exactly when `voters` is empty.
   */
  readonly directoryId: DirectoryId | null;
  /**
   * Dynamic voters: the voter set to start from when neither the log nor a snapshot holds one —
   * what `kz format` writes (--standalone, --initial-controllers). null: this replica joins an
   * existing cluster as an observer and learns the voters from the leader.
   */
  readonly bootstrapVoters: VoterSet | null;
  /** Dynamic voters: where this replica listens; a voter whose entry says otherwise asks the leader to update it. */
  readonly endpoints: readonly Endpoint[];
  /** Nodes asked for the leader while no voter is known (KRaft `controller.quorum.bootstrap.servers`). */
  readonly bootstrapServers: readonly NodeId[];
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

export type RaftConfigInput = Pick<RaftConfig, 'nodeId'> & Partial<Omit<RaftConfig, 'nodeId'>>;

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

export function resolveConfig(options: RaftConfigInput): RaftConfig {
  // A setting given as undefined means its default (exactOptionalPropertyTypes is off, so
  // `{ electionTimeoutMs: flags.timeout }` type-checks when the flag is absent). Spread as it is, it
  // would replace the default with undefined, which the checks below let through: NaN deadlines.
  const input = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as RaftConfigInput;
  const config: RaftConfig = {
    ...RAFT_DEFAULTS,
    random: Math.random,
    endpoints: [],
    bootstrapServers: [],
    ...input,
    voters: [...(input.voters ?? [])],
    directoryId: input.directoryId ?? null,
    bootstrapVoters: input.bootstrapVoters === undefined || input.bootstrapVoters === null ? null : sortVoters(input.bootstrapVoters),
  };
  if (config.directoryId === null) {
    if (config.voters.length === 0) throw new InvalidRaftConfigError('voters must not be empty (or set directoryId for dynamic voters)');
    if (new Set(config.voters).size !== config.voters.length) throw new InvalidRaftConfigError('voters must be distinct');
    if (config.bootstrapVoters !== null) throw new InvalidRaftConfigError('bootstrapVoters needs dynamic voters (a directoryId), not a static voters list');
  } else {
    if (config.voters.length > 0) throw new InvalidRaftConfigError('static voters and a directoryId (dynamic voters) exclude each other');
    checkVoterKey(config.directoryId, `directoryId`);
    if (config.bootstrapVoters !== null) {
      const ids = config.bootstrapVoters.map((v) => v.id);
      if (ids.length === 0) throw new InvalidRaftConfigError('bootstrapVoters must not be empty (null joins as an observer)');
      if (new Set(ids).size !== ids.length) throw new InvalidRaftConfigError('bootstrapVoters must have distinct node ids');
      for (const voter of config.bootstrapVoters) checkVoterKey(voter.directoryId, `bootstrap voter ${voter.id}`);
      const self = config.bootstrapVoters.find((v) => v.id === config.nodeId);
      if (self !== undefined && self.directoryId !== config.directoryId) {
        throw new InvalidRaftConfigError(`bootstrap voter ${config.nodeId} has directory id ${self.directoryId}, but this replica's is ${config.directoryId}`);
      }
    }
  }
  for (const [key, value] of Object.entries(config)) {
    if (key.endsWith('Ms') && !(typeof value === 'number' && value >= 0)) {
      throw new InvalidRaftConfigError(`${key} must be a non-negative number, got ${value}`);
    }
  }
  // KIP-1236: a long poll of maxWait must be able to return twice within one fetch timeout.
  if (config.fetchMaxWaitMs * 2 > config.fetchTimeoutMs) {
    throw new InvalidRaftConfigError('fetchMaxWaitMs * 2 must not exceed fetchTimeoutMs');
  }
  return config;
}

function checkVoterKey(directoryId: DirectoryId, what: string): void {
  try {
    checkDirectoryId(directoryId);
  } catch (error) {
    throw new InvalidRaftConfigError(`${what}: ${(error as Error).message}`);
  }
}

export function majorityOf(voterCount: number): number {
  return Math.floor(voterCount / 2) + 1;
}
