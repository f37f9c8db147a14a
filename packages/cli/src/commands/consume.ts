/**
 * `kz consume`: prints records of a topic — kafka-console-consumer. Reads given partitions from the
 * earliest, the latest, or an offset; or, with --group, joins the consumer group and reads its share
 * of the topic's partitions from the group's committed offsets, committing what it printed (unless
 * --no-commit). Several `kz consume --group` (or any Kafka consumers in the group) split the
 * partitions and rebalance as they come and go. Stops after --max-messages, after
 * --idle-timeout-ms without a record, or on Ctrl-C, committing first and leaving the group.
 */
import { KzClientError, type ConsumedRecord, type KzClient, type StartFrom } from '@kz/broker';
import type { CommandModule } from 'yargs';
import { CliError, usageError } from '../cli-error';
import type { CliIo } from '../io';
import { bootstrapServerOptions, brokerClient } from '../options/cluster-clients';
import { integerFlag, integerListFlag } from '../options/numbers';
import { Printer } from '../output/printer';
import { defineCommand } from './define-command';
import { runCommand } from './run-command';
import { topicPartitions } from './topic-partitions';
import { JSON_OPTION } from './with-admin';

function startFrom(text: string): StartFrom {
  if (text === 'earliest' || text === 'latest') return text;
  if (/^(0|[1-9][0-9]*)$/.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
  throw usageError(`--from: expected earliest, latest or an offset, got ${JSON.stringify(text)}`);
}

export function consumeCommand(io: CliIo): CommandModule {
  return defineCommand({
    command: 'consume',
    describe: 'print records of a topic, from partitions or as a group',
    builder: (y) =>
      y
        .options(bootstrapServerOptions())
        .options(JSON_OPTION)
        .option('topic', { type: 'string', demandOption: true, describe: 'the topic to read' })
        .option('partition', { type: 'number', array: true, coerce: integerListFlag('partition', 0), describe: 'read these partitions (repeatable; default: all)' })
        .option('group', { type: 'string', describe: 'join this consumer group: read its share of the partitions from its committed offsets, and commit' })
        .option('from', { type: 'string', default: 'latest', describe: 'earliest, latest, or an offset (with --group: where to start without a committed offset)' })
        .option('commit', { type: 'boolean', default: true, describe: 'with --group, commit offsets after each batch printed (--no-commit: read only)' })
        .option('max-messages', { type: 'number', coerce: integerFlag('max-messages', 1), describe: 'stop after this many records' })
        .option('idle-timeout-ms', { type: 'number', coerce: integerFlag('idle-timeout-ms', 1), describe: 'stop when no record has come for this long' })
        .option('print-key', { type: 'boolean', default: false, describe: 'print key<TAB>value' })
        .option('print-offset', { type: 'boolean', default: false, describe: 'print partition:offset before each record' })
        .example('$0 consume --topic orders --from earliest --max-messages 10', 'the first ten records')
        .example('$0 consume --topic orders --group billing', 'as group billing, committing as it goes'),
    handler: (argv) =>
      runCommand(async () => {
        const from = startFrom(argv.from);
        if (argv.group !== undefined && argv.partition !== undefined) throw usageError('--group reads every partition of the topic; leave out --partition');
        if (argv.group !== undefined && typeof from === 'number') throw usageError('--group starts at its committed offsets; --from may only be earliest or latest');
        const client = brokerClient(argv);
        try {
          await consume(io, client, {
            topic: argv.topic,
            bootstrap: argv.bootstrapServer,
            partitions: argv.partition,
            group: argv.group,
            from,
            commit: argv.commit,
            maxMessages: argv.maxMessages,
            idleTimeoutMs: argv.idleTimeoutMs,
            printKey: argv.printKey,
            printOffset: argv.printOffset,
            json: argv.json,
          });
        } finally {
          await client.close();
        }
      }),
  }) as CommandModule;
}

interface ConsumeSettings {
  readonly topic: string;
  readonly bootstrap: string;
  readonly partitions: readonly number[] | undefined;
  readonly group: string | undefined;
  readonly from: StartFrom;
  readonly commit: boolean;
  readonly maxMessages: number | undefined;
  readonly idleTimeoutMs: number | undefined;
  readonly printKey: boolean;
  readonly printOffset: boolean;
  readonly json: boolean;
}

/**
 * A commit the group refused because it is rebalancing: the records printed since the last commit
 * will be read again by whoever gets the partition (at least once), and the next poll rejoins.
 */
async function commitUnlessRebalanced(consumer: ReturnType<KzClient['consumer']>): Promise<void> {
  try {
    await consumer.commit();
  } catch (error) {
    if (!(error instanceof KzClientError && ['REBALANCE_IN_PROGRESS', 'ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID'].includes(error.code))) throw error;
  }
}

const text = (bytes: Uint8Array | null): string | null => (bytes === null ? null : Buffer.from(bytes).toString('utf8'));

async function consume(io: CliIo, client: KzClient, s: ConsumeSettings): Promise<void> {
  const all = await topicPartitions(client, s.topic, s.bootstrap);
  const partitions = s.partitions ?? all;
  const missing = partitions.filter((p) => !all.includes(p));
  if (missing.length > 0) throw new CliError('UNKNOWN_TOPIC_OR_PARTITION', `${s.topic} has no partition ${missing.join(', ')} (it has ${all.length})`);

  const consumer = client.consumer({
    maxWaitMs: 500,
    // Commits are made after printing; with --no-commit not even a rebalance commits.
    ...(s.group === undefined ? {} : { groupId: s.group, autoCommit: s.commit }),
    // An offset outside the log resets to the end, as kafka-console-consumer's does: never a silent replay from 0.
    autoOffsetReset: s.from === 'earliest' ? 'earliest' : 'latest',
  });
  if (s.group === undefined) consumer.assign(partitions.map((partition) => ({ topic: s.topic, partition, from: s.from })));
  else consumer.subscribe([s.topic]);

  const printer = new Printer(io, s.json);
  let interrupted = false;
  void io.onInterrupt().then(() => (interrupted = true));
  let printed = 0;
  let lastRecordAt = Date.now();
  const print = (r: ConsumedRecord): void =>
    printer.line({ topic: r.topic, partition: r.partition, offset: r.offset, timestamp: r.timestamp, key: text(r.key), value: text(r.value) }, () =>
      `${s.printOffset ? `${r.partition}:${r.offset}\t` : ''}${s.printKey ? `${text(r.key) ?? ''}\t` : ''}${text(r.value) ?? ''}`,
    );
  try {
    while (!interrupted) {
      if (s.maxMessages !== undefined && printed >= s.maxMessages) break;
      if (s.idleTimeoutMs !== undefined && Date.now() - lastRecordAt >= s.idleTimeoutMs) break;
      let records = await consumer.poll();
      if (records.length === 0) continue;
      lastRecordAt = Date.now();
      if (s.maxMessages !== undefined && printed + records.length > s.maxMessages) {
        // Print and commit only up to the limit: the rest belongs to the group's next reader.
        const keep = s.maxMessages - printed;
        const firstDropped = new Map<number, number>();
        for (const r of records.slice(keep)) if (!firstDropped.has(r.partition)) firstDropped.set(r.partition, r.offset);
        for (const [partition, offset] of firstDropped) consumer.seek(s.topic, partition, offset);
        records = records.slice(0, keep);
      }
      for (const r of records) print(r);
      // A pipe's reader that went away (`| head`) is reported a turn later: let it be, and then
      // commit nothing of this batch — it may not have been read, and re-reading beats losing it.
      await new Promise((resolve) => setImmediate(resolve));
      if (io.stdout.closed === true) break;
      printed += records.length;
      if (s.group !== undefined && s.commit) await commitUnlessRebalanced(consumer);
    }
  } finally {
    await consumer.close();
  }
  printer.note(`consumed ${printed} record(s) from ${s.topic}${s.group === undefined ? '' : ` as group ${s.group}`}`);
}
