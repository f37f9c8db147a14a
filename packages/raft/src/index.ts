/**
 * @kz/raft — KRaft-style Raft: pull-based Fetch replication, pre-vote, check-quorum, snapshots,
 * dynamic voters (KIP-853).
 * The pure core is driven by a runtime or by the simulator in `@kz/raft/testing`.
 */
export { RaftCore, type DurableState, type ProposeResult, type VoterChangeResult, type VoterChangeRefusal } from './core/raft-core';
export {
  ZERO_DIRECTORY_ID,
  KRAFT_VERSION_DYNAMIC,
  InvalidDirectoryIdError,
  newDirectoryId,
  checkDirectoryId,
  hasVoterKey,
  describeVoters,
  addressOf as voterAddress,
  type DirectoryId,
  type Endpoint,
  type Voter,
  type VoterSet,
} from './core/voter-set';
export { encodeBootstrapCheckpoint, decodeBootstrapCheckpoint } from './core/bootstrap-checkpoint';
export { RAFT_DEFAULTS, InvalidRaftConfigError, resolveConfig, majorityOf } from './core/config';
export type { NodeId, RaftConfig, RaftConfigInput } from './core/config';
export type { LogBatch, Snapshot } from './core/log-batch';
export { toLogBatch } from './core/log-batch';
export type * from './core/messages';
export type { ElectionState, RoleName } from './core/quorum-state';
export { INITIAL_ELECTION_STATE, NO_NODE } from './core/quorum-state';
export type { LeaderAndEpoch, LogOp, Outbound, Ready, SnapshotRead } from './core/ready';
export { CheckpointFormatError, CHECKPOINT_BATCH_BYTES } from './core/checkpoint-format';
export type { QuorumDescription, RaftStatus, ReplicaDescription } from './core/status';
export { InvalidProposalError, InvalidSnapshotError, NotLeaderError, RaftSafetyError, type NotLeader } from './core/errors';
export { LogContinuityError } from './core/raft-log';

export type { RaftStorage, LoadedState, StorageRepair } from './storage/raft-storage';
export { MemoryRaftStorage } from './storage/memory-storage';
export { LevelRaftStorage, LEVEL_STORAGE_LAYOUT } from './storage/level-storage';
export { EngineRaftStorage } from './storage/engine-raft-storage';
export type { StorageEngine, EngineWrite, MetaKey } from './storage/storage-engine';
export type { SnapshotWriter, SnapshotReader, SnapshotFileWriter } from './storage/snapshot-stream';
export type { SnapshotFiles, SnapshotFileSink, SnapshotFileSource } from './storage/snapshot-files';
export { FsSnapshotFiles } from './storage/fs-snapshot-files';
export { MemorySnapshotFiles } from './storage/memory-snapshot-files';
export {
  CorruptStorageError,
  DataDirLockedError,
  InvalidPersistError,
  SnapshotNotFoundError,
  StorageReadError,
  StorageWriteError,
  type CorruptPart,
} from './storage/storage-errors';

export type { RaftTransport, RaftTransportHandlers, VoterChangeAnswer, VoterChangeRequest } from './transport/raft-transport';
export {
  GrpcRaftTransport,
  GRPC_TRANSPORT_DEFAULTS,
  type GrpcRaftTransportOptions,
  type GrpcRaftTransportStats,
  type TransportDropReason,
} from './transport/grpc-raft-transport';
export {
  InMemoryRaftNetwork,
  type InMemoryEnvelope,
  type InMemoryFate,
  type InMemoryHook,
  type InMemoryRaftNetworkOptions,
  type InMemoryNetworkStats,
} from './transport/in-memory-transport';
export { RaftAdminClient, describeQuorumAt, type RaftAdminClientOptions, type VoterChangeOptions } from './transport/raft-admin-client';
export { parseHostPort, formatHostPort, type HostPort } from './transport/host-port';
export { RAFT_PROTO_PATH } from './transport/raft-schema';
export {
  MalformedMessageError,
  InconsistentClusterIdError,
  RaftTransportError,
  InvalidTransportConfigError,
  ListenFailedError,
  TransportStateError,
} from './transport/transport-errors';
export type { RaftTransportLogger } from './transport/transport-logger';

export { RaftNode, type RaftNodeOptions, type ProposeOptions, type Committed, type VoterChange } from './runtime/raft-node';
export type { StateMachine, CommittedBatch, LeaderChange } from './runtime/state-machine';
export type { RaftMetricsSink } from './runtime/raft-metrics';
export {
  InconsistentDirectoryIdError,
  NodeStoppedError,
  ProposalLostError,
  RecordBatchTooLargeError,
  RequestTimedOutError,
  VoterChangeError,
} from './runtime/runtime-errors';
