/**
 * `kz produce`: records from stdin (one per line, optionally `key<separator>value`), like
 * kafka-console-producer, or generated load (`--num-records`, `--record-size`), like
 * kafka-producer-perf-test — with the acks and batching flags of both. Ends with a summary:
 * records acknowledged, throughput, latency percentiles. Exits 1 if any record was not acknowledged.
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Acks, KzClient } from '@kz/broker';
import type { CommandModule } from 'yargs';
import { CliError, usageError } from '../cli-error';
import type { CliIo } from '../io';
import { bootstrapServerOptions, brokerClient } from '../options/cluster-clients';
import { integerFlag } from '../options/numbers';
import { Printer } from '../output/printer';
import { Progress } from '../output/progress';
import { renderTable } from '../output/table';
import { percentile, SendWindow } from '../produce/send-window';
import { defineCommand } from './define-command';
import { JSON_OPTION } from './with-admin';
import { runCommand } from './run-command';
import { topicPartitions } from './topic-partitions';

const ACKS: Record<string, Acks> = { all: -1, '-1': -1, '1': 1, '0': 0 };

export function produceCommand(io: CliIo): CommandModule {
  return defineCommand({
    command: 'produce',
    describe: 'write records from stdin, or generated load, to a topic',
    builder: (y) =>
      y
        .options(bootstrapServerOptions())
        .options(JSON_OPTION)
        .option('topic', { type: 'string', demandOption: true, describe: 'the topic to write to' })
        .option('acks', { choices: ['all', '-1', '1', '0'], default: 'all', describe: 'all: wait for the ISR; 1: the leader; 0: nobody' })
        .option('partition', { type: 'number', coerce: integerFlag('partition', 0), describe: 'write every record to this partition (default: by key, or spread)' })
        .option('key-separator', { type: 'string', describe: 'stdin lines are key<separator>value' })
        .option('num-records', { type: 'number', coerce: integerFlag('num-records', 1), group: 'Generated load:', describe: 'send this many generated records instead of reading stdin' })
        .option('record-size', { type: 'number', default: 100, coerce: integerFlag('record-size', 0, 16 * 1024 * 1024), group: 'Generated load:', describe: 'bytes per generated record' })
        .option('linger-ms', { type: 'number', coerce: integerFlag('linger-ms', 0), group: 'Batching:', describe: 'wait up to this long to fill a batch (default 5)' })
        .option('batch-bytes', { type: 'number', coerce: integerFlag('batch-bytes', 1), group: 'Batching:', describe: 'close a batch at this size (default 16384)' })
        .option('max-in-flight', { type: 'number', default: 2048, coerce: integerFlag('max-in-flight', 1), group: 'Batching:', describe: 'records sent but not yet acknowledged' })
        .example('echo hello | $0 produce --topic orders', 'one record from stdin')
        .example('$0 produce --topic orders --num-records 100000 --record-size 1024', 'generated load, with progress'),
    handler: (argv) =>
      runCommand(async () => {
        const acks = ACKS[argv.acks]!;
        const client = brokerClient(argv);
        try {
          await produce(io, client, {
            topic: argv.topic,
            bootstrap: argv.bootstrapServer,
            acks,
            partition: argv.partition,
            keySeparator: argv.keySeparator,
            numRecords: argv.numRecords,
            recordSize: argv.recordSize!,
            lingerMs: argv.lingerMs,
            batchBytes: argv.batchBytes,
            maxInFlight: argv.maxInFlight!,
            json: argv.json,
          });
        } finally {
          await client.close();
        }
      }),
  }) as CommandModule;
}

interface ProduceSettings {
  readonly topic: string;
  readonly bootstrap: string;
  readonly acks: Acks;
  readonly partition: number | undefined;
  readonly keySeparator: string | undefined;
  readonly numRecords: number | undefined;
  readonly recordSize: number;
  readonly lingerMs: number | undefined;
  readonly batchBytes: number | undefined;
  readonly maxInFlight: number;
  readonly json: boolean;
}

async function produce(io: CliIo, client: KzClient, s: ProduceSettings): Promise<void> {
  if (s.numRecords !== undefined && s.keySeparator !== undefined) throw usageError('--key-separator reads stdin; it does not go with --num-records');
  const partitions = await topicPartitions(client, s.topic, s.bootstrap);
  if (s.partition !== undefined && !partitions.includes(s.partition)) {
    throw new CliError('UNKNOWN_TOPIC_OR_PARTITION', `${s.topic} has no partition ${s.partition} (it has ${partitions.length})`);
  }
  const producer = client.producer({
    acks: s.acks,
    ...(s.lingerMs === undefined ? {} : { lingerMs: s.lingerMs }),
    ...(s.batchBytes === undefined ? {} : { batchBytes: s.batchBytes }),
  });
  const window = new SendWindow(producer, s.topic, s.maxInFlight);
  const progress = new Progress(io);
  const started = performance.now();
  const rate = () => Math.round(window.tally.acked / Math.max(0.001, (performance.now() - started) / 1000));
  const partition = s.partition === undefined ? {} : { partition: s.partition };
  let interrupted = false;

  // Ctrl-C stops sending; what was sent is still waited for and summarized. Reading stdin, it also
  // ends the read, which would otherwise wait for a line that may never come.
  const lines = s.numRecords === undefined ? createInterface({ input: io.stdin, crlfDelay: Infinity }) : undefined;
  void io.onInterrupt().then(() => {
    interrupted = true;
    lines?.close();
  });
  if (lines === undefined) {
    // One random payload reused: the bench measures kz, not the random number generator.
    const payload = randomBytes(s.recordSize);
    for (let i = 0; i < s.numRecords! && !interrupted; i++) {
      await window.send({ value: payload, ...partition });
      progress.update(`sent ${window.tally.sent}/${s.numRecords}  acked ${window.tally.acked}  ${rate()} records/s`);
    }
  } else {
    for await (const line of lines) {
      if (interrupted) break;
      const at = s.keySeparator === undefined ? -1 : line.indexOf(s.keySeparator);
      const key = at < 0 ? null : Buffer.from(line.slice(0, at));
      const value = Buffer.from(at < 0 ? line : line.slice(at + s.keySeparator!.length));
      await window.send({ key, value, ...partition });
    }
  }
  await window.drain();
  await producer.close();
  progress.done();

  const seconds = (performance.now() - started) / 1000;
  const t = window.tally;
  const summary = {
    topic: s.topic,
    sent: t.sent,
    acked: t.acked,
    failed: t.failed,
    seconds: Number(seconds.toFixed(3)),
    recordsPerSecond: Math.round(t.acked / Math.max(seconds, 0.001)),
    mebibytesPerSecond: Number((t.bytes / 1024 / 1024 / Math.max(seconds, 0.001)).toFixed(2)),
    latencyMs: { p50: round(percentile(t.latenciesMs, 50)), p99: round(percentile(t.latenciesMs, 99)), max: round(percentile(t.latenciesMs, 100)) },
  };
  const printer = new Printer(io, s.json);
  // Generated load is a measurement: its summary is the answer. From stdin the records are the point,
  // so the summary is a note on stderr unless JSON was asked for.
  if (s.numRecords !== undefined || s.json) {
    printer.result(summary, () =>
      renderTable(
        ['RECORDS', 'ACKED', 'FAILED', 'RECORDS/S', 'MIB/S', 'P50 MS', 'P99 MS', 'MAX MS'],
        [[t.sent, t.acked, t.failed, summary.recordsPerSecond, summary.mebibytesPerSecond, summary.latencyMs.p50, summary.latencyMs.p99, summary.latencyMs.max]],
      ),
    );
  } else {
    printer.note(`produced ${t.acked} of ${t.sent} record(s) to ${s.topic}${t.failed > 0 ? `; ${t.failed} failed` : ''}`);
  }
  if (t.firstError !== undefined) {
    const code = (t.firstError as { code?: unknown }).code;
    throw new CliError(typeof code === 'string' ? code : t.firstError.name, `${t.failed} of ${t.sent} record(s) were not acknowledged: ${t.firstError.message}`);
  }
}

function round(ms: number): number | null {
  return Number.isNaN(ms) ? null : Number(ms.toFixed(1));
}
