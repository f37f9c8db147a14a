/**
 * `kz groups describe|reset-offsets`: a consumer group's committed offsets and lag, and moving them
 * — Kafka's kafka-consumer-groups --describe and --reset-offsets. Offsets are what lets a group
 * resume where it stopped; when they are lost or wrong (a bad deploy, a replay needed), this is
 * how an operator sees and sets them. As in Kafka, a reset is a dry run unless --execute.
 *
 * Groups have no membership yet, so kz cannot tell whether a consumer is running: reset a group's
 * offsets while none of its consumers is, or they will commit over the reset.
 */
import type { KzClient } from '@kz/broker';
import type { CommandModule } from 'yargs';
import { usageError } from '../cli-error';
import type { CliIo } from '../io';
import { bootstrapServerOptions, brokerClient } from '../options/cluster-clients';
import { Printer } from '../output/printer';
import { renderTable } from '../output/table';
import { defineCommand } from './define-command';
import { runCommand } from './run-command';
import { topicPartitions } from './topic-partitions';
import { JSON_OPTION } from './with-admin';

interface GroupPartition {
  readonly topic: string;
  readonly partition: number;
  /** -1: the group has committed nothing here. */
  readonly committed: number;
  readonly logStart: number;
  readonly logEnd: number;
  /** Records between the committed offset and the end; null with nothing committed. */
  readonly lag: number | null;
}

async function groupPartitions(client: KzClient, group: string, topics: readonly string[], bootstrap: string): Promise<GroupPartition[]> {
  const refs: { topic: string; partition: number }[] = [];
  for (const topic of topics) for (const partition of await topicPartitions(client, topic, bootstrap)) refs.push({ topic, partition });
  const consumer = client.consumer({ groupId: group });
  try {
    consumer.assign(refs.map((r) => ({ ...r, from: 'committed' as const })));
    const committed = await consumer.committed();
    const starts = await client.listOffsets(refs.map((r) => ({ ...r, timestamp: 'earliest' as const })));
    const ends = await client.listOffsets(refs.map((r) => ({ ...r, timestamp: 'latest' as const })));
    const find = <T extends { topic: string; partition: number }>(list: readonly T[], r: { topic: string; partition: number }): T | undefined =>
      list.find((x) => x.topic === r.topic && x.partition === r.partition);
    return refs.map((r) => {
      const offset = find(committed, r)?.offset ?? -1;
      const logEnd = find(ends, r)?.offset ?? -1;
      return { ...r, committed: offset, logStart: find(starts, r)?.offset ?? -1, logEnd, lag: offset < 0 ? null : Math.max(0, logEnd - offset) };
    });
  } finally {
    await consumer.close();
  }
}

/** Where `--to` puts a partition: earliest, latest, or an offset clamped into the log, as Kafka clamps it. */
export function resetTarget(to: string, p: Pick<GroupPartition, 'logStart' | 'logEnd'>): number {
  if (to === 'earliest') return p.logStart;
  if (to === 'latest') return p.logEnd;
  return Math.min(Math.max(Number(to), p.logStart), p.logEnd);
}

const groupOptions = {
  topic: { type: 'string', array: true, demandOption: true, describe: 'the group’s topics (repeatable)' },
} as const;

export function groupsCommand(io: CliIo): CommandModule {
  return {
    command: 'groups <command>',
    describe: 'consumer groups: committed offsets, lag, resets',
    builder: (y) =>
      y
        .command(
          defineCommand({
            command: 'describe <group>',
            describe: 'the group’s committed offset, the log end and the lag of each partition',
            builder: (c) =>
              c
                .options(bootstrapServerOptions())
                .options(JSON_OPTION)
                .options(groupOptions)
                .positional('group', { type: 'string', demandOption: true }),
            handler: (argv) =>
              runCommand(async () => {
                const client = brokerClient(argv);
                try {
                  const rows = await groupPartitions(client, argv.group, argv.topic, argv.bootstrapServer);
                  new Printer(io, argv.json).result({ group: argv.group, partitions: rows }, () =>
                    renderTable(
                      ['GROUP', 'TOPIC', 'PARTITION', 'COMMITTED', 'LOG END', 'LAG'],
                      rows.map((r) => [argv.group, r.topic, r.partition, r.committed < 0 ? null : r.committed, r.logEnd, r.lag]),
                    ),
                  );
                } finally {
                  await client.close();
                }
              }),
          }) as CommandModule,
        )
        .command(
          defineCommand({
            command: 'reset-offsets <group>',
            describe: 'move the group’s committed offsets (a dry run unless --execute); stop the group’s consumers first',
            builder: (c) =>
              c
                .options(bootstrapServerOptions())
                .options(JSON_OPTION)
                .options(groupOptions)
                .positional('group', { type: 'string', demandOption: true })
                .option('to', { type: 'string', demandOption: true, describe: 'earliest, latest, or an offset (clamped into each log)' })
                .option('execute', { type: 'boolean', default: false, describe: 'commit the new offsets (without it, only show them)' })
                .example('$0 groups reset-offsets billing --topic orders --to earliest --execute', 'replay orders from the start'),
            handler: (argv) => {
              const isOffset = /^(0|[1-9][0-9]*)$/.test(argv.to) && Number.isSafeInteger(Number(argv.to));
              if (argv.to !== 'earliest' && argv.to !== 'latest' && !isOffset) {
                throw usageError(`--to: expected earliest, latest or an offset, got ${JSON.stringify(argv.to)}`);
              }
              return runCommand(async () => {
                const client = brokerClient(argv);
                try {
                  const rows = await groupPartitions(client, argv.group, argv.topic, argv.bootstrapServer);
                  const plan = rows.map((r) => ({ topic: r.topic, partition: r.partition, from: r.committed, to: resetTarget(argv.to, r) }));
                  if (argv.execute) {
                    const consumer = client.consumer({ groupId: argv.group });
                    try {
                      consumer.assign(plan.map((p) => ({ topic: p.topic, partition: p.partition, from: p.to })));
                      for (const p of plan) consumer.seek(p.topic, p.partition, p.to);
                      await consumer.commit();
                    } finally {
                      await consumer.close();
                    }
                  }
                  new Printer(io, argv.json).result({ group: argv.group, executed: argv.execute, partitions: plan }, () =>
                    renderTable(
                      ['GROUP', 'TOPIC', 'PARTITION', 'COMMITTED', 'NEW OFFSET'],
                      plan.map((p) => [argv.group, p.topic, p.partition, p.from < 0 ? null : p.from, p.to]),
                    ) + (argv.execute ? `Committed the new offsets of group ${argv.group}.\n` : 'A dry run: nothing committed. Add --execute to commit these offsets.\n'),
                  );
                } finally {
                  await client.close();
                }
              });
            },
          }) as CommandModule,
        )
        .demandCommand(1, 'say which groups command: describe or reset-offsets'),
    handler: () => undefined,
  };
}
