/** `kz cluster describe`: the cluster id, the active controller, every broker, and partition health. */
import type { CommandModule } from 'yargs';
import { clusterHealth } from '../cluster/cluster-health';
import type { CliIo } from '../io';
import { renderTable } from '../output/table';
import { defineCommand } from './define-command';
import { adminOptions, withAdmin } from './with-admin';

export function clusterCommand(io: CliIo): CommandModule {
  return {
    command: 'cluster <command>',
    describe: 'brokers, the controller, and partition health',
    builder: (y) =>
      y
        .command(
          defineCommand({
            command: 'describe',
            describe: 'cluster id, controller, brokers (state, leaders, replicas), offline and under-replicated partitions',
            builder: (c) => adminOptions(c),
            handler: (argv) =>
              withAdmin(
                argv,
                async (admin, printer) => {
                  // The active controller knows what heartbeats said (replicas brokers cannot serve): ask it.
                  const first = await admin.describeCluster();
                  const cluster = first.nodeId === first.controllerId || first.controllerId < 0 ? first : await admin.describeCluster({ nodeId: first.controllerId }).catch(() => first);
                  const heardFromController = cluster.nodeId === cluster.controllerId;
                  const { topics } = await admin.describeTopics(null);
                  const summary = clusterHealth(topics, cluster.brokers.map((b) => b.id));
                  const brokers = cluster.brokers.map((b) => {
                    const load = summary.brokers.find((l) => l.brokerId === b.id)!;
                    return {
                      id: b.id,
                      endpoints: b.endpoints.map((e) => `${e.host}:${e.port}`),
                      rack: b.rack,
                      state: b.fenced ? 'fenced' : b.inControlledShutdown ? 'shutting down' : 'active',
                      epoch: b.epoch,
                      leaders: load.leaders,
                      replicas: load.replicas,
                      // Replicas whose logs will not open on it, as its heartbeats said; null when unknown.
                      offlineReplicas: heardFromController ? (cluster.offlineReplicas.find((o) => o.brokerId === b.id)?.count ?? 0) : null,
                    };
                  });
                  const { brokers: _loads, ...health } = summary;
                  printer.result(
                    { clusterId: cluster.clusterId, controllerId: cluster.controllerId, metadataOffset: cluster.metadataOffset, brokers, ...health },
                    () =>
                      `Cluster ${cluster.clusterId}  controller ${cluster.controllerId}  metadata offset ${cluster.metadataOffset}\n` +
                      `Topics ${health.topics}  partitions ${health.partitions}  offline ${health.offline}  under-replicated ${health.underReplicated}  not on preferred leader ${health.notOnPreferredLeader}\n` +
                      renderTable(
                        ['BROKER', 'ADDRESS', 'RACK', 'STATE', 'EPOCH', 'LEADERS', 'REPLICAS', 'OFFLINE'],
                        brokers.map((b) => [b.id, b.endpoints.join(','), b.rack, b.state, b.epoch, b.leaders, b.replicas, b.offlineReplicas ?? '-']),
                      ),
                  );
                },
                io,
              ),
          }) as CommandModule,
        )
        .demandCommand(1, 'say which cluster command: describe'),
    handler: () => undefined,
  };
}
