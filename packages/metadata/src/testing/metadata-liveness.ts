import { FOLLOWERS_CAUGHT_UP_WITHIN_MS, LEADER_ELECTED_WITHIN_MS, PROPOSAL_COMMITTED_WITHIN_MS, STABLE_LEADER_COMMITS_WITHIN_MS } from '@kz/raft/testing';
import { BROKER_DEFAULTS } from './sim-broker';
import { SIM_RESTART_AFTER_SHUTDOWN_MS, SIM_SESSION_TIMEOUT_MS } from './metadata-simulation';

/**
 * The liveness the metadata simulation promises after the final heal (every link restored and calm,
 * every crashed node restarted), in simulated time, for its settings (SimBroker's heartbeat and
 * request timeout, SIM_SESSION_TIMEOUT_MS) on top of the Raft bounds of @kz/raft/testing:
 *   1. a controller is active within CONTROLLER_ACTIVE_WITHIN_MS of the heal;
 *   2. from then, every broker is up, registered and unfenced within BROKERS_UNFENCED_WITHIN_MS;
 *   3. from then, every partition with a live, unfenced ISR member has a leader within
 *      PARTITIONS_LED_WITHIN_MS, and every node's image has caught up within NODES_CAUGHT_UP_WITHIN_MS.
 */
const { heartbeatIntervalMs, requestTimeoutMs, retryBackoffMs } = BROKER_DEFAULTS;

/**
 * A leader established (Raft's bound), then its NoOp committed — and the leader found may be doomed
 * (a rival of the same round wins a later epoch), which costs one more election and commit: Raft's
 * bound for a proposal to the established leader covers exactly that.
 */
export const CONTROLLER_ACTIVE_WITHIN_MS = LEADER_ELECTED_WITHIN_MS + PROPOSAL_COMMITTED_WITHIN_MS;

/**
 * From an active controller until every broker is up again and its current registration committed,
 * unfenced and not in controlled shutdown.
 * - A broker asked to shut down before the heal first finishes that: it is told to stop at a
 *   heartbeat once it leads nothing and every active broker has reported seeing so (two heartbeat
 *   intervals), and starts again SIM_RESTART_AFTER_SHUTDOWN_MS later.
 * - It has to reach the controller: a request sent into the partition before the heal times out, and
 *   a NOT_CONTROLLER from a standby names the active one (two attempts).
 * - Its new registration may be refused while its previous incarnation's session lives on: the new
 *   controller seeds every session at activation, so at most a session timeout, then one more
 *   heartbeat interval until the retry.
 * - It must apply the log up to its own registration (a follower's catch-up) and report that in a
 *   heartbeat (the next one at most an interval away; one lost before the heal costs a timeout).
 * - The controller may still be deposed once, as above.
 */
export const BROKERS_UNFENCED_WITHIN_MS =
  2 * heartbeatIntervalMs +
  SIM_RESTART_AFTER_SHUTDOWN_MS +
  2 * (requestTimeoutMs + retryBackoffMs) +
  SIM_SESSION_TIMEOUT_MS +
  heartbeatIntervalMs +
  FOLLOWERS_CAUGHT_UP_WITHIN_MS +
  heartbeatIntervalMs +
  requestTimeoutMs +
  PROPOSAL_COMMITTED_WITHIN_MS;

/**
 * From every broker unfenced until every partition with an active ISR member has a leader: unfencing
 * elects leaders for the partitions that had none in the same batch; a partition that lost its leader
 * to a fencing (or controlled shutdown) elects another ISR member in that same batch.
 */
export const PARTITIONS_LED_WITHIN_MS = STABLE_LEADER_COMMITS_WITHIN_MS;

/** Every live node applies everything committed (a Raft follower's or observer's catch-up). */
export const NODES_CAUGHT_UP_WITHIN_MS = FOLLOWERS_CAUGHT_UP_WITHIN_MS;
