/** Prometheus metrics of a kz node. */
export { NodeMetrics, type NodeMetricsOptions, type NodeInstrumentation } from './node-metrics';
export { MetricsServer } from './metrics-server';
export type { WatchedNode } from './watched-node';
export { summarizePartitions, offlinePartitionCount, type PartitionSummary } from './partition-summary';
export { voterFetchLags, type VoterFetchLag } from './voter-fetch-lag';
