/** Election timeout drawn uniformly from [T, 2T) (QuorumState.randomElectionTimeoutMs). */
export function randomElectionTimeout(electionTimeoutMs: number, random: () => number): number {
  return electionTimeoutMs + Math.floor(random() * electionTimeoutMs);
}

/**
 * How long a follower waits without a successful fetch before it campaigns: the fetch timeout
 * plus up to a quarter more. KRaft uses the bare timeout, so followers of a leader that dies all
 * time out together, win their pre-votes together and split the real vote, costing a whole
 * election timeout; the jitter (as etcd randomises its followers' election timeouts) lets one
 * of them win first.
 */
export function fetchTimeoutWithJitter(fetchTimeoutMs: number, random: () => number): number {
  return fetchTimeoutMs + Math.floor(random() * (fetchTimeoutMs / 4));
}

const RETRY_BACKOFF_BASE_MS = 100;

/**
 * Backoff after a lost election: binary exponential with jitter, capped
 * (KafkaRaftClient.binaryExponentialElectionBackoffMs).
 */
export function electionBackoff(retries: number, backoffMaxMs: number, random: () => number): number {
  const buckets = 2 << Math.min(20, Math.max(0, retries - 1));
  return Math.min(RETRY_BACKOFF_BASE_MS * Math.floor(random() * buckets), backoffMaxMs);
}

/**
 * How long a follower waits before campaigning after its leader resigned: the first preferred
 * successor at once, the others in strictly increasing steps so that they rarely collide
 * (KafkaRaftClient.strictExponentialElectionBackoffMs). A voter not in the list waits the most.
 */
export function endQuorumEpochBackoff(position: number, successorCount: number, backoffMaxMs: number): number {
  if (position === 0) return 0;
  if (position < 0) return backoffMaxMs;
  const base = backoffMaxMs >> Math.max(0, successorCount - 1);
  return Math.min(backoffMaxMs, base << (position - 1));
}
