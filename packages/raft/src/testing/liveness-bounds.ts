import { RAFT_DEFAULTS } from '../core/config';
import { CALM_LINK } from './sim-network';

/**
 * The liveness promise the simulation checks, in simulated time, for the simulation's configuration
 * (KRaft's default timeouts, a healed network delivering within CALM_LINK.maxDelayMs, disks syncing
 * within MAX_SYNC_LATENCY_MS). After the last fault every link is restored and every crashed node
 * restarted; from that moment:
 *   1. a leader that no live node has moved past is in place within LEADER_ELECTED_WITHIN_MS;
 *   2. a fresh client proposal sent to it is acknowledged within PROPOSAL_COMMITTED_WITHIN_MS;
 *   3. every node has applied it within FOLLOWERS_CAUGHT_UP_WITHIN_MS after the acknowledgement.
 */
const { electionTimeoutMs, fetchTimeoutMs, electionBackoffMaxMs, requestTimeoutMs, retryBackoffMs, fetchMaxWaitMs } = RAFT_DEFAULTS;

/** The slowest a schedule's disk may be (fault-schedule.ts draws each schedule's latency up to this). */
export const MAX_SYNC_LATENCY_MS = 50;

/**
 * One message hop once healed: network delay plus the sync a reply may wait for (a granted vote,
 * an acknowledging Fetch).
 */
export const HOP_MS = CALM_LINK.maxDelayMs + MAX_SYNC_LATENCY_MS;

/**
 * The longest any voter can wait, after the heal, before it first seeks an election: a follower
 * whose leader is gone notices after its jittered fetch timeout (< 1.25 × fetchTimeout); a node
 * without a leader (unattached, resigned, a restarted former leader) waits a random election
 * timeout below 2 × electionTimeout; a candidate
 * that had just lost may first sit out a backoff of up to electionBackoffMax. A zombie leader cut
 * off before the heal hears of the newer epoch on its first contact, and at worst resigns after
 * check-quorum (1.5 × fetchTimeout), which is shorter.
 */
export const FIRST_CAMPAIGN_WITHIN_MS = Math.max(1.25 * fetchTimeoutMs, 1.5 * fetchTimeoutMs, electionBackoffMaxMs + 2 * electionTimeoutMs);

/**
 * One election round that may fail (a split vote): pre-vote and vote round trips (4 hops), then the
 * candidate's election timeout (< 2 × electionTimeout) and a backoff (≤ electionBackoffMax) before the
 * next try.
 */
export const ELECTION_ROUND_MS = 4 * HOP_MS + 2 * electionTimeoutMs + electionBackoffMaxMs;

/**
 * How many failed rounds we tolerate. A round fails only when two nodes' randomised timers fire
 * within a few hops of each other and split the vote; each retry redraws the timers, so several
 * failures in a row are rare — but not impossible, which is why the bound names a number of rounds
 * instead of pretending elections are deterministic.
 */
export const ELECTION_ROUNDS = 3;

export const LEADER_ELECTED_WITHIN_MS = FIRST_CAMPAIGN_WITHIN_MS + ELECTION_ROUNDS * ELECTION_ROUND_MS + 4 * HOP_MS;

/**
 * A stable leader commits a proposal within six hops (client → leader append and sync, parked
 * Fetches return, followers append and sync, their next Fetch acknowledges, the HW moves). But a
 * follower's Fetch sent into the partition before the heal is only retried once it times out
 * (requestTimeout + retryBackoff), and a new leader's epoch-start batch has to commit first, on the
 * same round trips.
 */
export const STABLE_LEADER_COMMITS_WITHIN_MS = requestTimeoutMs + retryBackoffMs + fetchMaxWaitMs + 12 * HOP_MS;

/**
 * From an established leader to the acknowledgement of a proposal sent to it. The leader found may
 * be doomed: followers whose Fetch responses were lost in the partition may already be timing out on
 * it, and a rival candidate of the same round may still win a higher epoch. Then the leader loses
 * its leadership; RaftNode fails the pending proposal once the new leader's batch replaces it
 * (ProposalLostError), and the client retries with whoever wins — which happens within the election
 * bound. So: one more election, then a stable leader's commit.
 */
export const PROPOSAL_COMMITTED_WITHIN_MS = LEADER_ELECTED_WITHIN_MS + STABLE_LEADER_COMMITS_WITHIN_MS;

/**
 * From the acknowledgement until every node has applied it: a follower learns the new HW from its
 * next Fetch response, which the leader holds for up to fetchMaxWait when there is nothing new; a
 * follower whose Fetch was lost before the heal retries after requestTimeout; one that fell behind
 * the log start needs a FetchSnapshot round trip or two first. The transfer itself is a few round
 * trips at the sizes these runs reach (logs of at most a few hundred small batches, snapshots of a
 * few KB), even with the smallest fetch and chunk sizes fault-schedule.ts picks.
 */
export const FOLLOWERS_CAUGHT_UP_WITHIN_MS = requestTimeoutMs + retryBackoffMs + 2 * fetchMaxWaitMs + 8 * HOP_MS;
