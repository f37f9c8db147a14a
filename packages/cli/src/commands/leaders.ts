/**
 * `kz leaders rebalance`: moves every leadership back to its preferred replica (the first of the
 * replica set) wherever that replica is in the ISR — Kafka's kafka-leader-election --election-type
 * PREFERRED. After a broker restarts it leads nothing until this runs, or until the controller's
 * automatic rebalance (leader.imbalance.check.interval) gets there.
 */
import type { TopicPartitionRef } from '@kz/metadata';
import type { CommandModule } from 'yargs';
import { clusterHealth } from '../cluster/cluster-health';
import type { CliIo } from '../io';
import { renderTable } from '../output/table';
import { failIfAny } from './admin-outcome';
import { defineCommand } from './define-command';
import { adminOptions, withAdmin } from './with-admin';

export function leadersCommand(io: CliIo): CommandModule {
  return {
    command: 'leaders <command>',
    describe: 'partition leadership',
    builder: (y) =>
      y
        .command(
          defineCommand({
            command: 'rebalance',
            describe: 'elect each partition’s preferred replica as its leader where it is in the ISR',
            builder: (c) =>
              adminOptions(c)
                .option('topic', { type: 'string', array: true, describe: 'only these topics (repeatable; default: all)' })
                .option('dry-run', { type: 'boolean', default: false, describe: 'say what would move, move nothing' }),
            handler: (argv) =>
              withAdmin(
                argv,
                async (admin, printer) => {
                  const names = argv.topic === undefined || argv.topic.length === 0 ? null : argv.topic;
                  const before = await admin.describeTopics(names);
                  failIfAny('describe', before.topics.map((t) => ({ label: t.name, error: t.error })));
                  const moves = before.topics.flatMap((t) =>
                    t.partitions
                      .filter((p) => p.replicas.length > 0 && p.leader !== p.replicas[0] && p.isr.includes(p.replicas[0]!))
                      .map((p) => ({ topic: t.name, partitionId: p.partitionId, from: p.leader, to: p.replicas[0]! })),
                  );
                  const brokerIds = (await admin.describeCluster()).brokers.map((b) => b.id);
                  const leadersBefore = clusterHealth(before.topics, brokerIds).brokers;
                  if (argv.dryRun || moves.length === 0) {
                    printer.result({ moves, elected: [], leadersBefore, leadersAfter: leadersBefore }, () =>
                      moves.length === 0
                        ? 'Every leader that can be is on its preferred replica; nothing to move.\n'
                        : `Would move ${moves.length} leadership(s):\n${renderTable(['TOPIC', 'PARTITION', 'FROM', 'TO'], moves.map((m) => [m.topic, m.partitionId, m.from, m.to]))}`,
                    );
                    return;
                  }
                  const refs: TopicPartitionRef[] = moves.map(({ topic, partitionId }) => ({ topic, partitionId }));
                  const { partitions } = await admin.electLeaders({ type: 'preferred', partitions: refs });
                  // ELECTION_NOT_NEEDED: another election got there first, which is what was asked for.
                  const outcomes = partitions.map((p) => ({ ...p, error: p.error?.code === 'ELECTION_NOT_NEEDED' ? null : p.error }));
                  const after = await admin.describeTopics(names);
                  const leadersAfter = clusterHealth(after.topics, brokerIds).brokers;
                  printer.result({ moves, elected: outcomes, leadersBefore, leadersAfter }, () => {
                    const result = (m: (typeof moves)[number]) => outcomes.find((o) => o.topic === m.topic && o.partitionId === m.partitionId)?.error?.code ?? 'moved';
                    return (
                      renderTable(['TOPIC', 'PARTITION', 'FROM', 'TO', 'RESULT'], moves.map((m) => [m.topic, m.partitionId, m.from, m.to, result(m)])) +
                      '\nLeaders per broker:\n' +
                      renderTable(
                        ['BROKER', 'BEFORE', 'AFTER', 'PREFERRED'],
                        leadersAfter.map((l) => [l.brokerId, leadersBefore.find((b) => b.brokerId === l.brokerId)?.leaders ?? 0, l.leaders, l.preferredLeaders]),
                      )
                    );
                  });
                  failIfAny('leader election', outcomes.map((o) => ({ label: `${o.topic}-${o.partitionId}`, error: o.error })));
                },
                io,
              ),
          }) as CommandModule,
        )
        .demandCommand(1, 'say which leaders command: rebalance'),
    handler: () => undefined,
  };
}
