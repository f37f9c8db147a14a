/**
 * @kz/cli: the `kz` command (`runKz` runs one command line against given streams), the pieces
 * `kz server` is made of, and a node's Prometheus metrics.
 */
export { runKz } from './kz';
export { processIo, type CliIo } from './io';
export { CliError } from './cli-error';
export { startKzNode, type KzNode } from './server/kz-node';
export { nodeSettings, SERVER_ROLES, type NodeSettings, type ServerFlags, type ServerRole } from './server/server-settings';
export { formatDataDir, readMetaProperties, newClusterId, META_PROPERTIES, type MetaProperties } from './server/meta-properties';
export { planReassignment, parsePlan, type ReassignmentPlan, type PartitionAssignment } from './reassign/reassignment-plan';
export { NodeMetrics, type NodeMetricsOptions, type NodeInstrumentation } from './metrics/node-metrics';
