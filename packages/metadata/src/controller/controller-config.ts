/**
 * The controller's own settings, with KRaft's defaults (reference/KRAFT.md §3.2–3.3). Cluster-wide
 * behaviour an operator changes at run time (rebalancing, default replication) lives in dynamic
 * broker configs instead, read through the image.
 */
export interface ControllerConfig {
  /** Requests from another cluster are refused with INCONSISTENT_CLUSTER_ID. */
  readonly clusterId: string;
  /** broker.session.timeout.ms: a broker silent this long is fenced. */
  readonly sessionTimeoutMs: number;
  /** metadata.max.idle.interval.ms: a NoOp record after this long without writes; 0 disables. */
  readonly noOpIntervalMs: number;
  /** The most records one atomic write may hold (KRaft's MAX_RECORDS_PER_USER_OP). */
  readonly maxRecordsPerBatch: number;
  /**
   * How many records a batch holds when the controller may choose (fencing, elections, topics packed
   * together): every node applies one batch in one turn of its event loop, so a batch should cost
   * milliseconds, not hundreds of them. An atomic write larger than this still goes as one batch.
   */
  readonly recordsPerBatch: number;
  /**
   * How many records the controller writes in one turn before it lets other work run (heartbeats
   * first). Large operations pause at chunk boundaries once a slice has written this many.
   */
  readonly recordsPerSlice: number;
  /** Producer ids handed to a broker at a time. */
  readonly producerIdBlockSize: number;
  /** Static broker configs (server.properties) under the dynamic ones: defaults for the cluster. */
  readonly staticBrokerConfigs: ReadonlyMap<string, string>;
  /**
   * KIP-966's Eligible Leader Replicas. The active controller records this as the
   * eligible.leader.replicas.version feature level when it takes office, and every decision reads
   * the level from the log. On by default, as Kafka 4.1 has it for new clusters: kz brokers already
   * hold the HW still while the ISR is below min ISR (the rule ELR rests on), and their followers
   * flush before a fetch counts toward the HW, so an eligible leader never lacks a committed record.
   */
  readonly eligibleLeaderReplicasEnabled: boolean;
}

export const CONTROLLER_DEFAULTS: Omit<ControllerConfig, 'clusterId'> = {
  sessionTimeoutMs: 9000,
  noOpIntervalMs: 500,
  maxRecordsPerBatch: 10_000,
  recordsPerBatch: 1000,
  recordsPerSlice: 1000,
  producerIdBlockSize: 1000,
  staticBrokerConfigs: new Map(),
  eligibleLeaderReplicasEnabled: true,
};

export class InvalidControllerConfigError extends Error {
  override readonly name = 'InvalidControllerConfigError';
  readonly code = 'INVALID_CONFIG';
}

export function resolveControllerConfig(input: Partial<ControllerConfig> & { readonly clusterId: string }): ControllerConfig {
  const config = { ...CONTROLLER_DEFAULTS, ...input };
  if (config.clusterId === '') throw new InvalidControllerConfigError('clusterId must not be empty');
  if (!(config.sessionTimeoutMs > 0)) throw new InvalidControllerConfigError(`sessionTimeoutMs ${config.sessionTimeoutMs} must be positive`);
  if (!(config.noOpIntervalMs >= 0)) throw new InvalidControllerConfigError(`noOpIntervalMs ${config.noOpIntervalMs} must be 0 or more`);
  if (!Number.isInteger(config.maxRecordsPerBatch) || config.maxRecordsPerBatch < 2) {
    throw new InvalidControllerConfigError(`maxRecordsPerBatch ${config.maxRecordsPerBatch} must be an integer of at least 2`);
  }
  for (const name of ['recordsPerBatch', 'recordsPerSlice'] as const) {
    if (!Number.isInteger(config[name]) || config[name] < 1) throw new InvalidControllerConfigError(`${name} ${config[name]} must be a positive integer`);
  }
  // Non-atomic writes are split at recordsPerBatch and CreateTopics packs whole topics up to it, yet every
  // batch must fit maxRecordsPerBatch. With a larger recordsPerBatch such a write of more than
  // maxRecordsPerBatch records threw POLICY_VIOLATION: a request failed whole, and timer work (fencing a
  // broker with many partitions) threw inside the controller, which then renounced and resigned.
  if (config.recordsPerBatch > config.maxRecordsPerBatch) {
    throw new InvalidControllerConfigError(`recordsPerBatch ${config.recordsPerBatch} must not exceed maxRecordsPerBatch ${config.maxRecordsPerBatch}`);
  }
  if (!Number.isInteger(config.producerIdBlockSize) || config.producerIdBlockSize < 1) {
    throw new InvalidControllerConfigError(`producerIdBlockSize ${config.producerIdBlockSize} must be a positive integer`);
  }
  return config;
}
