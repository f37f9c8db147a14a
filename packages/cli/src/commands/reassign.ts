/**
 * `kz reassign plan|execute|verify|cancel`: move partition replicas between brokers, as Kafka's
 * kafka-reassign-partitions does with --generate / --execute / --verify / --cancel, and with its
 * plan files. The controller adds the new replicas, waits for them to join the ISR, then drops
 * the old ones (KIP-455); `execute --wait` and `verify` watch that happen.
 */
import * as fs from 'node:fs';
import type { MetadataAdminClient } from '@kz/metadata';
import type { CommandModule } from 'yargs';
import { CliError, usageError } from '../cli-error';
import type { CliIo } from '../io';
import type { Printer } from '../output/printer';
import { integerFlag } from '../options/numbers';
import { Progress } from '../output/progress';
import { renderTable } from '../output/table';
import { changedPartitions, parsePlan, planReassignment, type PartitionAssignment, type ReassignmentPlan } from '../reassign/reassignment-plan';
import { failIfAny } from './admin-outcome';
import { defineCommand } from './define-command';
import { adminOptions, withAdmin, type AdminArgs } from './with-admin';

type PartitionStatus = 'complete' | 'in progress' | 'not started';

async function currentAssignment(admin: MetadataAdminClient, topics: readonly string[]): Promise<PartitionAssignment[]> {
  const described = await admin.describeTopics(topics);
  failIfAny('describe', described.topics.map((t) => ({ label: t.name, error: t.error })));
  return described.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partitionId, replicas: p.replicas })));
}

/** Where each partition of a plan stands: done when its replica set is the plan's and nothing is still moving. */
async function planStatus(admin: MetadataAdminClient, plan: ReassignmentPlan): Promise<{ partition: PartitionAssignment; status: PartitionStatus; isr: readonly number[] }[]> {
  const topics = [...new Set(plan.partitions.map((p) => p.topic))];
  const described = await admin.describeTopics(topics);
  return plan.partitions.map((wanted) => {
    const p = described.topics.find((t) => t.name === wanted.topic)?.partitions.find((x) => x.partitionId === wanted.partition);
    if (p === undefined) throw new CliError('UNKNOWN_TOPIC_OR_PARTITION', `${wanted.topic}-${wanted.partition} does not exist`);
    const moving = p.addingReplicas.length + p.removingReplicas.length > 0;
    // In order, as Kafka compares: the first replica is the preferred leader, and a plan may change only that.
    const same = p.replicas.join(',') === wanted.replicas.join(',');
    return { partition: wanted, status: same && !moving ? 'complete' : moving ? 'in progress' : 'not started', isr: p.isr };
  });
}

/** Reads the plan before connecting (a bad file must not wait on the cluster), then runs `body` with an admin client. */
function withPlan(
  argv: AdminArgs & { readonly plan: string },
  io: CliIo,
  body: (plan: ReassignmentPlan, admin: MetadataAdminClient, printer: Printer) => Promise<void>,
): Promise<void> {
  const plan = readPlan(argv.plan);
  return withAdmin(argv, (admin, printer) => body(plan, admin, printer), io);
}

function readPlan(file: string): ReassignmentPlan {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw usageError(`--plan: cannot read ${file}: ${(error as Error).message}`);
  }
  return parsePlan(text, file);
}

const planTable = (partitions: readonly PartitionAssignment[]): string =>
  renderTable(['TOPIC', 'PARTITION', 'REPLICAS'], partitions.map((p) => [p.topic, p.partition, p.replicas.join(',')]));

export function reassignCommand(io: CliIo): CommandModule {
  const planOption = { plan: { type: 'string', demandOption: true, describe: 'a plan file (Kafka’s reassignment JSON)' } } as const;
  return {
    command: 'reassign <command>',
    describe: 'move partition replicas between brokers (plan, execute, verify, cancel)',
    builder: (y) =>
      y
        .command(
          defineCommand({
            command: 'plan',
            describe: 'propose replicas for topics over a set of brokers, moving as few as possible',
            builder: (c) =>
              adminOptions(c)
                .option('topics', { type: 'string', array: true, demandOption: true, describe: 'topics to place (repeatable)' })
                .option('brokers', { type: 'string', demandOption: true, describe: 'target broker ids, e.g. 1,2,3,4' })
                .option('output', { type: 'string', describe: 'write the proposed plan here, for `kz reassign execute --plan`' }),
            handler: (argv) => {
              const brokers = argv.brokers.split(',').map((id) => {
                if (!/^(0|[1-9][0-9]{0,9})$/.test(id.trim())) throw usageError(`--brokers: expected ids like 1,2,3, got ${JSON.stringify(argv.brokers)}`);
                return Number(id);
              });
              return withAdmin(
                argv,
                async (admin, printer) => {
                  const registered = new Set((await admin.describeCluster()).brokers.map((b) => b.id));
                  const unknown = brokers.filter((b) => !registered.has(b));
                  if (unknown.length > 0) throw new CliError('INVALID_REPLICA_ASSIGNMENT', `--brokers: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a registered broker`);
                  const current = await currentAssignment(admin, argv.topics);
                  const proposed: ReassignmentPlan = { version: 1, partitions: changedPartitions(current, planReassignment(current, brokers)) };
                  if (argv.output !== undefined) fs.writeFileSync(argv.output, `${JSON.stringify(proposed, null, 2)}\n`);
                  printer.result({ current: { version: 1, partitions: current }, proposed }, () =>
                    proposed.partitions.length === 0
                      ? 'The replicas are already spread over those brokers; nothing to move.\n'
                      : `Current assignment (keep it to roll back):\n${planTable(current)}\nProposed (${proposed.partitions.length} partition(s) change):\n${planTable(proposed.partitions)}` +
                        (argv.output === undefined ? '\nSave it with --output FILE, then run kz reassign execute --plan FILE.\n' : `\nWrote ${argv.output}; run kz reassign execute --plan ${argv.output}.\n`),
                  );
                },
                io,
              );
            },
          }) as CommandModule,
        )
        .command(
          defineCommand({
            command: 'execute',
            describe: 'start the reassignments a plan file lists',
            builder: (c) =>
              adminOptions(c)
                .options(planOption)
                .option('wait', { type: 'boolean', default: false, describe: 'wait until every partition has moved, showing progress' })
                .option('wait-timeout-ms', { type: 'number', default: 600_000, coerce: integerFlag('wait-timeout-ms', 1), describe: 'with --wait, give up after this long' }),
            handler: (argv) =>
              withPlan(argv, io, async (plan, admin, printer) => {
                const { partitions } = await admin.alterPartitionReassignments({
                  reassignments: plan.partitions.map((p) => ({ topic: p.topic, partitionId: p.partition, replicas: p.replicas })),
                });
                failIfAny('reassignment', partitions.map((p) => ({ label: `${p.topic}-${p.partitionId}`, error: p.error })));
                let statuses = await planStatus(admin, plan);
                if (argv.wait) {
                  const progress = new Progress(io);
                  const deadline = Date.now() + argv.waitTimeoutMs;
                  for (;;) {
                    const done = statuses.filter((s) => s.status === 'complete').length;
                    progress.update(`reassigning: ${done}/${statuses.length} partitions complete`);
                    if (done === statuses.length) break;
                    if (Date.now() > deadline) {
                      progress.done();
                      throw new CliError('REQUEST_TIMED_OUT', `${statuses.length - done} partition(s) still moving after ${argv.waitTimeoutMs} ms; kz reassign verify --plan ${argv.plan} follows them`);
                    }
                    await new Promise((resolve) => setTimeout(resolve, 250));
                    statuses = await planStatus(admin, plan);
                  }
                  progress.done();
                }
                printer.result(statuses.map((s) => ({ ...s.partition, status: s.status })), () =>
                  `Started ${plan.partitions.length} reassignment(s).\n` +
                  renderTable(['TOPIC', 'PARTITION', 'TARGET', 'STATUS'], statuses.map((s) => [s.partition.topic, s.partition.partition, s.partition.replicas.join(','), s.status])),
                );
              }),
          }) as CommandModule,
        )
        .command(
          defineCommand({
            command: 'verify',
            describe: 'say whether each reassignment of a plan is complete (exit 1 while any is not)',
            builder: (c) => adminOptions(c).options(planOption),
            handler: (argv) =>
              withPlan(argv, io, async (plan, admin, printer) => {
                const statuses = await planStatus(admin, plan);
                printer.result(statuses.map((s) => ({ ...s.partition, status: s.status, isr: s.isr })), () =>
                  renderTable(
                    ['TOPIC', 'PARTITION', 'TARGET', 'ISR', 'STATUS'],
                    statuses.map((s) => [s.partition.topic, s.partition.partition, s.partition.replicas.join(','), s.isr.join(','), s.status]),
                  ),
                );
                const pending = statuses.filter((s) => s.status !== 'complete').length;
                if (pending > 0) throw new CliError('REASSIGNMENT_IN_PROGRESS', `${pending} of ${statuses.length} partition(s) not yet reassigned`);
              }),
          }) as CommandModule,
        )
        .command(
          defineCommand({
            command: 'cancel',
            describe: 'cancel the ongoing reassignments of a plan (replicas go back to where they were)',
            builder: (c) => adminOptions(c).options(planOption),
            handler: (argv) =>
              withPlan(argv, io, async (plan, admin, printer) => {
                const { partitions } = await admin.alterPartitionReassignments({
                  reassignments: plan.partitions.map((p) => ({ topic: p.topic, partitionId: p.partition, replicas: null })),
                });
                // NO_REASSIGNMENT_IN_PROGRESS: that partition finished or never started; nothing to cancel is fine.
                const outcomes = partitions.map((p) => ({ label: `${p.topic}-${p.partitionId}`, error: p.error?.code === 'NO_REASSIGNMENT_IN_PROGRESS' ? null : p.error }));
                printer.result(partitions, () => `Cancelled ${outcomes.filter((o) => o.error === null).length} reassignment(s).\n`);
                failIfAny('cancel', outcomes);
              }),
          }) as CommandModule,
        )
        .demandCommand(1, 'say which reassign command: plan, execute, verify or cancel'),
    handler: () => undefined,
  };
}
