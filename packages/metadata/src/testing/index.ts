/**
 * @kz/metadata/testing: the metadata simulation. Whole controller quorums and brokers on the
 * deterministic Raft simulation of @kz/raft/testing, with the metadata invariants checked after
 * every simulated event and fast-check fault schedules.
 */
export { MetadataSimMachine, describeError } from './metadata-machine';
export { canonicalImage, canonicalLines, imageDifference, type CanonicalImage } from './canonical-image';
export { CommittedMetadata, type CreatedTopic } from './committed-metadata';
export { SimControllerRpcs, ADMIN_CLIENT, carriesBrokerEpoch, type BrokerEpochRequest, type SentReply, type ChannelStats, type ChannelEnvironment } from './sim-controller-rpcs';
export { SimBroker, BROKER_DEFAULTS, type BrokerSettings, type BrokerEnvironment, type BrokerPhase, type BrokerStats } from './sim-broker';
export { SimAdmin, ADMIN_DEFAULTS, type AdminSettings, type AdminEnvironment, type AdminAttempt, type AdminOperation } from './sim-admin';
export {
  METADATA_INVARIANTS,
  checkMetadataInvariants,
  newMetadataInvariantMemory,
  leaderInIsr,
  fencedBrokerLeadsNothing,
  partitionEpochsRise,
  committedLogSound,
  imageMatchesCommittedLog,
  acknowledgedRepliesCommitted,
  zombieEpochsRefused,
  answeredAtMostOnce,
  type MetadataInvariant,
  type MetadataInvariantMemory,
  type MetadataNodeView,
  type MetadataView,
} from './metadata-invariants';
export { MetadataSimulation, SIM_CLUSTER_ID, SIM_SESSION_TIMEOUT_MS, SIM_RESTART_AFTER_SHUTDOWN_MS, type MetadataSimulationOptions, type SentRequest, type BrokerProcessHooks } from './metadata-simulation';
export {
  metadataScheduleArbitrary,
  adminStepArbitrary,
  describeMetadataFault,
  describeAdminStep,
  adminRequest,
  topicName,
  TOPIC_POOL,
  type MetadataSchedule,
  type MetadataFault,
  type TimedMetadataFault,
  type AdminStep,
  type ConfigKey,
  type MetadataScheduleOptions,
  type AdminContext,
} from './metadata-schedule';
export {
  runMetadataSchedule,
  applyMetadataFault,
  metadataSimulationFor,
  metadataCoverage,
  SETUP_AT_MS,
  type MetadataScheduleOutcome,
  type MetadataCoverage,
  type MetadataRunOptions,
} from './run-metadata-schedule';
export {
  checkMetadataSchedules,
  metadataReplayCommand,
  DEFAULT_METADATA_SHRINK_BUDGET_MS,
  type MetadataCheckOptions,
  type MetadataCheckReport,
  type MetadataCheckFailure,
} from './check-metadata-schedules';
export { CONTROLLER_ACTIVE_WITHIN_MS, BROKERS_UNFENCED_WITHIN_MS, PARTITIONS_LED_WITHIN_MS, NODES_CAUGHT_UP_WITHIN_MS } from './metadata-liveness';
