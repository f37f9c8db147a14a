/**
 * @kz/raft/testing: the deterministic simulation harness. Whole clusters of the RaftNode that ships
 * in one process, on a simulated clock, a faulty network and faulty disks, safety invariants after
 * every step and liveness after the faults heal; fast-check generates and shrinks whole fault
 * schedules.
 */
export { SeededRandom, deriveSeed } from './seeded-random';
export { EventQueue, type QueuedEvent } from './event-queue';
export { SimNetwork, CALM_LINK, type LinkRule, type InFlight, type NetworkStats, type IsolationDirection } from './sim-network';
export { SimDisk, SimDiskEngine, type DiskStats } from './sim-disk';
export { SimScheduler, SIM_WALL_CLOCK_START_MS, type SimClock, type SchedulerStats } from './sim-scheduler';
export { SimTransport } from './sim-transport';
export { batchHolding, logEndOffset, logStartOffset, EMPTY_LOG_IMAGE, type LogImage } from './log-image';
export { SimStateMachine } from './sim-state-machine';
export type { SimMachine, SimMachineFactory } from './sim-machine';
export { ObservedMachine, type MachineObserver } from './observed-machine';
export { snapshotChunks, snapshotReaderOver } from './snapshot-streams';
export { SimHost, type SimFormat, type HostEnvironment, type HostObserver, type HostCounters, type SimLauncher, type SimRaftConfig, type SimulationTamper } from './sim-host';
export {
  SimClient,
  CLIENT_RETRY_BACKOFF_MS,
  CLIENT_NO_LEADER_BACKOFF_MS,
  CLIENT_MAX_BACKOFF_MS,
  CLIENT_REQUEST_TIMEOUT_MS,
  CLIENT_GIVE_UP_AFTER_MS,
  type Acknowledgement,
  type ClientEnvironment,
  type ClientRequest,
  type ClientStats,
  type ClientTarget,
  type CompletedRead,
} from './sim-client';
export { encodeProposal, proposalRecords, proposalIdOf, proposalIdOfRecord, isControlBatch, fingerprint } from './proposal-batch';
export { CommittedOracle, type CommittedEntry } from './committed-oracle';
export type { ClusterView, NodeView, LiveNodeView, NodeHalt, RecoveryReport, GrantedVote } from './cluster-view';
export {
  INVARIANTS,
  checkInvariants,
  newInvariantMemory,
  singleLeaderPerEpoch,
  epochNeverDecreases,
  leaderHighWatermarkNeverDecreases,
  committedPrefixIdentical,
  leaderHoldsEveryEarlierCommit,
  majorityHoldsBelowHighWatermark,
  removedVoterNeverCounts,
  noDisjointMajorities,
  admitDisjointMajorities,
  snapshotAtLogStart,
  stateMachinesAgree,
  readyContractHonoured,
  votesOncePerEpoch,
  readIndexLinearizable,
  nodeHaltsOnlyOnDiskFaults,
  corruptTailRepaired,
  type Invariant,
  type InvariantMemory,
} from './invariants';
export { describeViolation, type Violation } from './violation';
export {
  Simulation,
  MAX_EVENTS_AT_ONE_INSTANT,
  SUPERVISOR_RESTART_MS,
  CORRUPTION_RESTART_MS,
  EMPTY_COVERAGE,
  addCoverage,
  type SimulationOptions,
  type SimulationHooks,
  type RunCoverage,
} from './simulation';
export { Trace, formatSimTime } from './trace';
export { describeBatch } from './describe-batch';
export { faultScheduleArbitrary, describeFault, type Fault, type FaultSchedule, type ScheduleConfig, type TimedFault, type ScheduleArbitraryOptions } from './fault-schedule';
export { runSchedule, applyFault, type ScheduleOutcome, type RunOptions } from './run-schedule';
export { searchSchedules, searchSchedulesAsync, type ScheduleSearchOptions, type ScheduleSearchResult } from './schedule-search';
export { checkSchedulesAsync, type ScheduleCheck, type ScheduleCheckOptions, type ScheduleCheckFailure, type ScheduleCheckReport, type SimOutcome } from './schedule-check';
export { checkSchedules, replayCommand, DEFAULT_SHRINK_BUDGET_MS, type CheckOptions, type CheckReport, type CheckFailure } from './check-schedules';
export { parseSimArgs, SimArgsError, SIM_USAGE, type SimArgs } from './sim-cli-args';
export { parseCommonSimFlags, integerFlag, type CommonSimFlags, type SimFlagParsing } from './sim-flags';
export {
  LEADER_ELECTED_WITHIN_MS,
  PROPOSAL_COMMITTED_WITHIN_MS,
  STABLE_LEADER_COMMITS_WITHIN_MS,
  FOLLOWERS_CAUGHT_UP_WITHIN_MS,
  FIRST_CAMPAIGN_WITHIN_MS,
  ELECTION_ROUND_MS,
  ELECTION_ROUNDS,
  HOP_MS,
  MAX_SYNC_LATENCY_MS,
} from './liveness-bounds';
export { NodeProcesses, assertBuilt, freePorts, makeClusterRoot, type NodeProcessesSpec } from './node-processes';
export { until, sleep, WaitTimeoutError } from './until';
export { createDevCertificates, DevCertificateError, issueDevCertificate, type CertificateFiles, type CertificateValidity, type DevCertificates, type DevCertificateOptions } from './dev-certificates';
