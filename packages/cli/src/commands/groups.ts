/**
 * `kz groups list|describe|reset-offsets|delete`: consumer groups as Kafka's kafka-consumer-groups
 * shows them — each group's state, its members and the partitions each one owns, and per partition
 * the committed offset, the log end and the lag; and moving a group's committed offsets. Offsets are
 * what lets a group resume where it stopped; when they are lost or wrong (a bad deploy, a replay
 * needed), this is how an operator sees and sets them. As in Kafka, a reset is a dry run unless
 * --execute, and only for a group with no members (its consumers would commit over it).
 */
import type { GroupDescription, KzClient } from '@kz/broker';
import type { CommandModule } from 'yargs';
import { CliError, usageError } from '../cli-error';
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
  /** The member that owns the partition now; null when none does. */
  readonly member: string | null;
}

/**
 * The group's partitions: those of `topics` when given, else every partition it has committed or
 * a member owns, with committed offset, log end, lag and owner.
 */
async function groupPartitions(client: KzClient, group: GroupDescription, topics: readonly string[] | undefined, bootstrap: string): Promise<GroupPartition[]> {
  const committed = await client.groupOffsets(group.groupId);
  const owner = new Map<string, string>();
  for (const m of group.members) for (const t of m.assignment) for (const p of t.partitions) owner.set(`${t.topic}\u0000${p}`, m.memberId);
  const named = topics ?? [...new Set([...committed.map((c) => c.topic), ...group.members.flatMap((m) => m.assignment.map((t) => t.topic))])].sort();
  const refs: { topic: string; partition: number }[] = [];
  for (const topic of named) for (const partition of await topicPartitions(client, topic, bootstrap)) refs.push({ topic, partition });
  if (refs.length === 0) return [];
  const starts = await client.listOffsets(refs.map((r) => ({ ...r, timestamp: 'earliest' as const })));
  const ends = await client.listOffsets(refs.map((r) => ({ ...r, timestamp: 'latest' as const })));
  const find = <T extends { topic: string; partition: number }>(list: readonly T[], r: { topic: string; partition: number }): T | undefined =>
    list.find((x) => x.topic === r.topic && x.partition === r.partition);
  return refs.map((r) => {
    const offset = find(committed, r)?.offset ?? -1;
    const logEnd = find(ends, r)?.offset ?? -1;
    return { ...r, committed: offset, logStart: find(starts, r)?.offset ?? -1, logEnd, lag: offset < 0 ? null : Math.max(0, logEnd - offset), member: owner.get(`${r.topic}\u0000${r.partition}`) ?? null };
  });
}

async function describeOne(client: KzClient, groupId: string): Promise<GroupDescription> {
  const [group] = await client.describeGroups([groupId]);
  return group!;
}

/** Where `--to` puts a partition: earliest, latest, or an offset clamped into the log, as Kafka clamps it. */
export function resetTarget(to: string, p: Pick<GroupPartition, 'logStart' | 'logEnd'>): number {
  if (to === 'earliest') return p.logStart;
  if (to === 'latest') return p.logEnd;
  return Math.min(Math.max(Number(to), p.logStart), p.logEnd);
}

const topicOption = {
  topic: { type: 'string', array: true, describe: 'only these topics (repeatable; default: every topic the group committed or owns)' },
} as const;

const resetTopicOption = {
  topic: { type: 'string', array: true, demandOption: true, describe: 'the topics whose offsets move (repeatable)' },
} as const;

export function groupsCommand(io: CliIo): CommandModule {
  return {
    command: 'groups <command>',
    describe: 'consumer groups: members, committed offsets, lag, resets',
    builder: (y) =>
      y
        .command(
          defineCommand({
            command: 'list',
            describe: 'every consumer group and its state',
            builder: (c) => c.options(bootstrapServerOptions()).options(JSON_OPTION),
            handler: (argv) =>
              runCommand(async () => {
                const client = brokerClient(argv);
                try {
                  const groups = await client.listGroups();
                  new Printer(io, argv.json).result({ groups }, () =>
                    renderTable(
                      ['GROUP', 'STATE', 'TYPE'],
                      groups.map((g) => [g.groupId, g.state, g.protocolType === '' ? null : g.protocolType]),
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
            command: 'describe <group>',
            describe: 'the group’s state and members, and each partition’s owner, committed offset, log end and lag',
            builder: (c) =>
              c
                .options(bootstrapServerOptions())
                .options(JSON_OPTION)
                .options(topicOption)
                .positional('group', { type: 'string', demandOption: true }),
            handler: (argv) =>
              runCommand(async () => {
                const client = brokerClient(argv);
                try {
                  const group = await describeOne(client, argv.group);
                  const rows = await groupPartitions(client, group, argv.topic, argv.bootstrapServer);
                  const members = group.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, clientId: m.clientId, host: m.clientHost, assignment: m.assignment }));
                  const byId = new Map(members.map((m) => [m.memberId, m]));
                  new Printer(io, argv.json).result({ group: argv.group, state: group.state, protocol: group.protocol, members, partitions: rows }, () =>
                    `Group ${argv.group}: ${group.state}${group.protocol === '' ? '' : `, assignor ${group.protocol}`}, ${members.length} member(s)\n` +
                    renderTable(
                      ['GROUP', 'TOPIC', 'PARTITION', 'COMMITTED', 'LOG END', 'LAG', 'MEMBER', 'HOST', 'CLIENT'],
                      rows.map((r) => {
                        const m = r.member === null ? undefined : byId.get(r.member);
                        return [argv.group, r.topic, r.partition, r.committed < 0 ? null : r.committed, r.logEnd, r.lag, r.member, m?.host ?? null, m?.clientId ?? null];
                      }),
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
            command: 'delete <group>',
            describe: 'delete a group with no members, and its committed offsets',
            builder: (c) => c.options(bootstrapServerOptions()).options(JSON_OPTION).positional('group', { type: 'string', demandOption: true }),
            handler: (argv) =>
              runCommand(async () => {
                const client = brokerClient(argv);
                try {
                  await client.deleteGroups([argv.group]);
                  new Printer(io, argv.json).result({ group: argv.group, deleted: true }, () => `Deleted group ${argv.group}.\n`);
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
                .options(resetTopicOption)
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
                  const group = await describeOne(client, argv.group);
                  // Kafka's rule: a group's members would commit over a reset, so only an inactive group is reset.
                  if (group.state !== 'Empty' && group.state !== 'Dead') {
                    throw new CliError('NON_EMPTY_GROUP', `group ${argv.group} is ${group.state} with ${group.members.length} member(s); stop its consumers before resetting its offsets`);
                  }
                  const rows = await groupPartitions(client, group, argv.topic, argv.bootstrapServer);
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
        .demandCommand(1, 'say which groups command: list, describe, reset-offsets or delete'),
    handler: () => undefined,
  };
}
