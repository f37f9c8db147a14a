/**
 * `kz topics create|list|describe|delete|add-partitions|alter-config|delete-records`, Kafka's
 * kafka-topics, kafka-configs for topics and kafka-delete-records.
 */
import { OFFSETS_TOPIC, type RecordDeletion } from '@kz/broker';
import type { TopicDescription } from '@kz/metadata';
import type { CommandModule } from 'yargs';
import { usageError } from '../cli-error';
import type { CliIo } from '../io';
import { bootstrapServerOptions, brokerClient } from '../options/cluster-clients';
import { configPairs } from '../options/config-pairs';
import { integerFlag, integerListFlag } from '../options/numbers';
import { readOffsetJsonFile } from '../options/offset-json-file';
import { Printer } from '../output/printer';
import { renderTable } from '../output/table';
import { failIfAny } from './admin-outcome';
import { defineCommand } from './define-command';
import { runCommand } from './run-command';
import { topicPartitions } from './topic-partitions';
import { adminOptions, JSON_OPTION, withAdmin } from './with-admin';

/** Kafka's --replica-assignment: partitions separated by commas, replicas by colons ("1:2,2:3"). */
export function parseReplicaAssignment(text: string): number[][] {
  return text.split(',').map((partition) =>
    partition.split(':').map((id) => {
      if (!/^(0|[1-9][0-9]{0,9})$/.test(id.trim())) throw usageError(`--replica-assignment: expected broker ids like 1:2:3,2:3:1, got ${JSON.stringify(text)}`);
      return Number(id);
    }),
  );
}

function partitionRows(topics: readonly TopicDescription[], keep: (p: TopicDescription['partitions'][number]) => boolean) {
  return topics.flatMap((topic) =>
    topic.partitions
      .filter(keep)
      .map((p) => [
        topic.name,
        p.partitionId,
        p.leader === -1 ? 'none' : p.leader,
        p.leaderEpoch,
        p.replicas.join(','),
        p.isr.join(','),
        p.eligibleLeaderReplicas.join(','),
        p.addingReplicas.length + p.removingReplicas.length === 0 ? '' : `+${p.addingReplicas.join(',')} -${p.removingReplicas.join(',')}`,
      ]),
  );
}

export function topicsCommand(io: CliIo): CommandModule {
  return {
    command: 'topics <command>',
    describe: 'create, list, describe, delete and configure topics',
    builder: (y) =>
      y
        .command({
          command: 'create <topic>',
          describe: 'create a topic',
          builder: (c) =>
            adminOptions(c)
              .positional('topic', { type: 'string', demandOption: true })
              .option('partitions', { type: 'number', coerce: integerFlag('partitions', 1, 1_000_000), describe: 'number of partitions (default 1)' })
              .option('replication-factor', { type: 'number', coerce: integerFlag('replication-factor', 1, 32_767), describe: 'replicas of each partition (default: the controller’s, 3 capped at the broker count)' })
              .option('replica-assignment', { type: 'string', describe: 'explicit replicas, e.g. 1:2:3,2:3:1 (instead of --partitions/--replication-factor)' })
              .option('config', { type: 'string', array: true, describe: 'topic config key=value (repeatable), e.g. min.insync.replicas=2' })
              .option('if-not-exists', { type: 'boolean', default: false, describe: 'succeed if the topic already exists' })
              .example('$0 topics create orders --partitions 6 --replication-factor 3 --config min.insync.replicas=2', ''),
          handler: (argv) => {
            // Flags are checked before the cluster is called: a typo must not wait on a connection.
            const assignment = argv['replica-assignment'];
            if (assignment !== undefined && (argv.partitions !== undefined || argv['replication-factor'] !== undefined)) {
              throw usageError('--replica-assignment replaces --partitions and --replication-factor');
            }
            const assignments = assignment === undefined ? undefined : parseReplicaAssignment(assignment);
            const configs = configPairs('config', argv.config);
            return withAdmin(
              argv,
              async (admin, printer) => {
                const { topics } = await admin.createTopics({
                  topics: [
                    {
                      name: argv.topic,
                      ...(assignments === undefined
                        ? { numPartitions: argv.partitions ?? 1, ...(argv['replication-factor'] === undefined ? {} : { replicationFactor: argv['replication-factor'] }) }
                        : { assignments }),
                      configs,
                    },
                  ],
                });
                const result = topics[0]!;
                const existed = result.error?.code === 'TOPIC_ALREADY_EXISTS' && argv['if-not-exists'];
                printer.result(result, () =>
                  result.error === null
                    ? `Created topic ${result.name} (${result.numPartitions} partitions, replication factor ${result.replicationFactor}, id ${result.topicId}).\n`
                    : existed
                      ? `Topic ${result.name} already exists.\n`
                      : '',
                );
                if (!existed) failIfAny('create', [{ label: result.name, error: result.error }]);
              },
              io,
            );
          },
        })
        .command({
          command: 'list',
          describe: 'list topics',
          builder: (c) => adminOptions(c).option('exclude-internal', { type: 'boolean', default: false, describe: `leave out ${OFFSETS_TOPIC}` }),
          handler: (argv) =>
            withAdmin(
              argv,
              async (admin, printer) => {
                const { topics } = await admin.describeTopics(null);
                const listed = topics.filter((t) => !(argv['exclude-internal'] && t.name.startsWith('__')));
                const rows = listed.map((t) => ({ name: t.name, topicId: t.topicId, partitions: t.partitions.length, replicationFactor: t.partitions[0]?.replicas.length ?? 0 }));
                printer.result(rows, () =>
                  renderTable(
                    ['TOPIC', 'PARTITIONS', 'RF', 'ID'],
                    rows.map((r) => [r.name, r.partitions, r.replicationFactor, r.topicId]),
                  ),
                );
              },
              io,
            ),
        })
        .command({
          command: 'describe [topics..]',
          describe: 'partitions, leaders, replicas and ISR of topics (all by default)',
          builder: (c) =>
            adminOptions(c)
              .positional('topics', { type: 'string', array: true })
              .option('under-replicated-partitions', { type: 'boolean', default: false, describe: 'only partitions whose ISR is smaller than their replicas' })
              .option('unavailable-partitions', { type: 'boolean', default: false, describe: 'only partitions without a leader' }),
          handler: (argv) =>
            withAdmin(
              argv,
              async (admin, printer) => {
                const names = argv.topics === undefined || argv.topics.length === 0 ? null : argv.topics;
                const { topics, metadataOffset } = await admin.describeTopics(names);
                const under = argv['under-replicated-partitions'];
                const unavailable = argv['unavailable-partitions'];
                const keep = (p: TopicDescription['partitions'][number]): boolean =>
                  (!under || p.isr.length < p.replicas.length - p.addingReplicas.length) && (!unavailable || p.leader === -1);
                const found = topics.filter((t) => t.error === null);
                const configs =
                  found.length === 0 ? [] : (await admin.describeConfigs(found.map((t) => ({ type: 'topic' as const, name: t.name })))).resources;
                const answer = found.map((t) => ({
                  ...t,
                  partitions: t.partitions.filter(keep),
                  configs: Object.fromEntries(
                    (configs.find((r) => r.name === t.name)?.configs ?? []).filter((c) => c.source === 'DYNAMIC_TOPIC_CONFIG').map((c) => [c.name, c.value]),
                  ),
                }));
                printer.result({ topics: answer, metadataOffset }, () => {
                  const header = answer
                    .map((t) => {
                      const overrides = Object.entries(t.configs).map(([k, v]) => `${k}=${v}`);
                      return `Topic ${t.name}  id ${t.topicId}  partitions ${t.partitions.length}${overrides.length === 0 ? '' : `  configs ${overrides.join(',')}`}`;
                    })
                    .join('\n');
                  if (answer.length === 0) return '';
                  return `${header}\n${renderTable(['TOPIC', 'PARTITION', 'LEADER', 'EPOCH', 'REPLICAS', 'ISR', 'ELR', 'REASSIGNING'], partitionRows(answer, () => true))}`;
                });
                failIfAny('describe', topics.map((t) => ({ label: t.name, error: t.error })));
              },
              io,
            ),
        })
        .command({
          command: 'delete <topics..>',
          describe: 'delete topics and their data',
          builder: (c) =>
            adminOptions(c)
              .positional('topics', { type: 'string', array: true, demandOption: true })
              .option('if-exists', { type: 'boolean', default: false, describe: 'succeed for topics that do not exist' }),
          handler: (argv) =>
            withAdmin(
              argv,
              async (admin, printer) => {
                const { topics } = await admin.deleteTopics({ names: argv.topics });
                const outcomes = topics.map((t) => ({
                  label: t.name,
                  error: argv['if-exists'] && t.error?.code === 'UNKNOWN_TOPIC_OR_PARTITION' ? null : t.error,
                }));
                printer.result(topics, () =>
                  topics
                    .map((t) => (t.error === null ? `Deleted topic ${t.name}.\n` : argv['if-exists'] && t.error.code === 'UNKNOWN_TOPIC_OR_PARTITION' ? `Topic ${t.name} does not exist; nothing to delete.\n` : ''))
                    .join(''),
                );
                failIfAny('delete', outcomes);
              },
              io,
            ),
        })
        .command({
          command: 'add-partitions <topic>',
          describe: 'grow a topic to more partitions (Kafka’s kafka-topics --alter --partitions)',
          builder: (c) =>
            adminOptions(c)
              .positional('topic', { type: 'string', demandOption: true })
              .option('partitions', { type: 'number', demandOption: true, coerce: integerFlag('partitions', 1, 1_000_000), describe: 'the new total number of partitions' })
              .option('replica-assignment', { type: 'string', describe: 'replicas of the new partitions only, e.g. 1:2:3,2:3:1 (default: placed by the controller)' }),
          handler: (argv) => {
            const assignments = argv['replica-assignment'] === undefined ? undefined : parseReplicaAssignment(argv['replica-assignment']);
            return withAdmin(
              argv,
              async (admin, printer) => {
                const { topics } = await admin.createPartitions({
                  topics: [{ name: argv.topic, count: argv.partitions!, ...(assignments === undefined ? {} : { assignments }) }],
                });
                const result = topics[0]!;
                // Keys hash to partitions by count: keyed records go to other partitions from now on.
                printer.result(result, () =>
                  result.error === null ? `Topic ${argv.topic} now has ${argv.partitions} partitions; keyed records may map to other partitions from now on.\n` : '',
                );
                failIfAny('add-partitions', [{ label: argv.topic, error: result.error }]);
              },
              io,
            );
          },
        })
        .command({
          command: 'alter-config <topic>',
          describe: 'set or remove topic configs (retention.ms, min.insync.replicas, ...)',
          builder: (c) =>
            adminOptions(c)
              .positional('topic', { type: 'string', demandOption: true })
              .option('set', { type: 'string', array: true, describe: 'key=value to set (repeatable)' })
              .option('delete', { type: 'string', array: true, describe: 'key to remove, back to the default (repeatable)' })
              .example('$0 topics alter-config orders --set retention.ms=86400000 --delete cleanup.policy', ''),
          handler: (argv) => {
            const changes = [
              ...Object.entries(configPairs('set', argv.set)).map(([name, value]) => ({ name, op: 'set' as const, value })),
              ...(argv.delete ?? []).map((name) => ({ name, op: 'delete' as const, value: null })),
            ];
            if (changes.length === 0) throw usageError('say what to change: --set key=value and/or --delete key');
            return withAdmin(
              argv,
              async (admin, printer) => {
                const { resources } = await admin.incrementalAlterConfigs({ resources: [{ type: 'topic', name: argv.topic, changes }] });
                const result = resources[0]!;
                printer.result(result, () => (result.error === null ? `Updated ${changes.length} config(s) of topic ${argv.topic}.\n` : ''));
                failIfAny('alter-config', [{ label: argv.topic, error: result.error }]);
              },
              io,
            );
          },
        })
        .command(deleteRecordsCommand(io))
        .demandCommand(1, 'say which topics command: create, list, describe, delete, add-partitions, alter-config or delete-records'),
    handler: () => undefined,
  };
}

/**
 * `kz topics delete-records`: Kafka's kafka-delete-records. The records below an offset go from
 * every replica of the partition (the log start moves there; consumers behind it restart at it).
 * Partitions are named by flags (`--topic`, `--partition`, `--offset`) or by Kafka's offsets file
 * (`--offset-json-file`); the brokers are asked through --bootstrap-server, each partition's leader.
 */
function deleteRecordsCommand(io: CliIo): CommandModule {
  return defineCommand({
    command: 'delete-records',
    describe: 'delete the records below an offset (Kafka’s kafka-delete-records)',
    builder: (c) =>
      c
        .options(bootstrapServerOptions())
        .options(JSON_OPTION)
        .option('topic', { type: 'string', describe: 'the topic whose records go' })
        .option('partition', { type: 'number', array: true, coerce: integerListFlag('partition', 0, 0x7fff_ffff), describe: 'its partitions (repeatable; default: all)' })
        .option('offset', { type: 'number', coerce: integerFlag('offset', -1), describe: 'delete the records below this offset; -1: every committed record' })
        .option('offset-json-file', { type: 'string', describe: 'Kafka’s offsets file instead: {"partitions":[{"topic":"t","partition":0,"offset":42}],"version":1}' })
        .example('$0 topics delete-records --topic orders --partition 0 --offset 1000', 'delete orders-0 below offset 1000')
        .example('$0 topics delete-records --topic orders --offset -1', 'empty every partition of orders'),
    handler: (argv) => {
      const file = argv['offset-json-file'];
      const byFlags = argv.topic !== undefined || argv.partition !== undefined || argv.offset !== undefined;
      if (file !== undefined && byFlags) throw usageError('--offset-json-file replaces --topic, --partition and --offset');
      if (file === undefined && (argv.topic === undefined || argv.offset === undefined)) throw usageError('say what to delete: --topic and --offset (and --partition), or --offset-json-file');
      const fromFile = file === undefined ? undefined : readOffsetJsonFile(file);
      return runCommand(async () => {
        const client = brokerClient(argv);
        try {
          let deletions: RecordDeletion[];
          if (fromFile !== undefined) {
            deletions = fromFile;
          } else {
            const topic = argv.topic!;
            const offset = argv.offset === -1 ? ('high-watermark' as const) : argv.offset!;
            const partitions = argv.partition ?? (await topicPartitions(client, topic, argv.bootstrapServer));
            deletions = partitions.map((partition) => ({ topic, partition, offset }));
          }
          const deleted = await client.deleteRecords(deletions);
          new Printer(io, argv.json).result({ partitions: deleted }, () =>
            renderTable(
              ['TOPIC', 'PARTITION', 'LOW WATERMARK'],
              deleted.map((d) => [d.topic, d.partition, d.lowWatermark]),
            ),
          );
        } finally {
          await client.close();
        }
      });
    },
  }) as CommandModule;
}
