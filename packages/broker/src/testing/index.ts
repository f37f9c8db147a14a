/**
 * @kz/broker/testing: the deterministic simulation of broker replication. Three brokers running the
 * real ReplicaManager over in-memory logs that lose their unflushed tail on a crash, one real
 * QuorumController, a faulty network, a producer and consumers; invariants after every simulated
 * event, fast-check fault schedules, and a soak CLI (sim-cli.ts). See README.md.
 */
export { MemoryLog, type StoredBatch, type StoredRecord, type MemoryLogConfig, type CrashDamage } from './memory-log';
export { MemoryEpochCache } from './memory-epoch-cache';
export { MemoryLogDirectory, logKey, simulatedEio, type BitFlip, type TornTailSettings } from './memory-log-directory';
export { RpcChannel, type RpcEnvironment, type RpcStats } from './rpc-channel';
export { SimController, type ControllerEnvironment, type MetadataFetchAnswer } from './sim-controller';
export { SimBrokerProcess, SimBrokerNetwork, type BrokerNodeSettings, type BrokerProcessEnvironment } from './sim-broker-process';
export { ClientMetadata, type ClientMetadataEnvironment, type KnownLeader } from './client-metadata';
export { SimProducer, type ProducerSettings, type ProducerEnvironment, type ProducerStats } from './sim-producer';
export { SimConsumers, type ConsumerSettings, type ConsumerEnvironment } from './sim-consumer';
export { AcknowledgedRecords, type AckedRecord, type ConsumedRecord } from './acknowledged-records';
export { traceLogger } from './trace-logger';
export {
  REPLICATION_INVARIANTS,
  checkReplicationInvariants,
  newReplicationInvariantMemory,
  flushedPayloadAt,
  type BrokerView,
  type ReplicationView,
  type ReplicationInvariantMemory,
} from './replication-invariants';
export {
  BrokerSimulation,
  SIM_TOPIC,
  SIM_CLUSTER_ID,
  CONTROLLER_NODE,
  CLIENT_NODE,
  SIM_SESSION_TIMEOUT_MS,
  SIM_REPLICA_LAG_TIME_MAX_MS,
  DEFAULT_BROKER_NODE_SETTINGS,
  DEFAULT_PRODUCER_SETTINGS,
  DEFAULT_CONSUMER_SETTINGS,
  type BrokerSimulationOptions,
  type IsolationScope,
} from './broker-simulation';
export { unsettled, checkSettled } from './settled-checks';
export { brokerScheduleArbitrary, describeBrokerFault, type BrokerFault, type TimedBrokerFault, type BrokerSchedule, type BrokerScheduleOptions } from './broker-schedule';
export {
  runBrokerSchedule,
  applyBrokerFault,
  PRODUCE_AFTER_HEAL_MS,
  HEAL_AFTER_LAST_FAULT_MS,
  SETTLE_WITHIN_MS,
  type BrokerCoverage,
  type BrokerScheduleOutcome,
  type BrokerRunOptions,
} from './run-broker-schedule';
export {
  checkBrokerSchedules,
  brokerReplayCommand,
  DEFAULT_BROKER_SHRINK_BUDGET_MS,
  type BrokerCheckOptions,
  type BrokerCheckFailure,
  type BrokerCheckReport,
} from './check-broker-schedules';
export { ClusterSimulation, CLUSTER_TOPIC, CLUSTER_CLIENT, CLUSTER_SESSION_TIMEOUT_MS, DEFAULT_CLUSTER_BROKER_SETTINGS, type ClusterSimulationOptions, type ClusterCoverage } from './cluster-simulation';
export {
  acknowledgedOnEveryIsrMember,
  oneLeaderPerLeaderEpoch,
  brokerWithLiveHeartbeatsNeverFenced,
  noElectionWhileLeaderAnswers,
  newClusterInvariantMemory,
  type ClusterInvariantMemory,
} from './cluster-invariants';
export { clusterScheduleArbitrary, describeClusterFault, type ClusterFault, type ClusterSchedule, type TimedClusterFault } from './cluster-schedule';
export { runClusterSchedule, applyClusterFault, type ClusterScheduleOutcome, type ClusterRunOptions } from './run-cluster-schedule';
export { checkClusterSchedules, clusterReplayCommand, type ClusterCheckOptions, type ClusterCheckReport, type ClusterCheckFailure } from './check-cluster-schedules';
export { simControllerChannels } from './sim-broker-process';
export type { SettledCluster } from './settled-checks';
export { runStorm, STORM_TOPIC_PREFIX, type StormOptions, type StormOutcome } from './storm-scenario';
