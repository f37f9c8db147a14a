/**
 * `kz quorum`: Kafka's `kafka-metadata-quorum`.
 * - `describe`: the metadata quorum as its leader sees it (`describe --status --replication` in one
 *   table): who leads, at which epoch, the high watermark, and how far each voter and observer is
 *   behind it, with each replica's directory id (KIP-853; `-` for static voters).
 * - `add-controller`: makes a running node a voter (KIP-853 AddRaftVoter). As Kafka's tool adds the
 *   controller whose config it is given, this adds the node at `--controller`: that node says who it
 *   is (node id, directory id, Raft endpoint), and the leader adds it once it has caught up.
 * - `remove-controller`: removes the voter (id, directory id) — KIP-853 RemoveRaftVoter.
 */
import { ApiError, MetadataAdminClient } from '@kz/metadata';
import { checkDirectoryId, ZERO_DIRECTORY_ID } from '@kz/raft';
import { CliError, usageError } from '../cli-error';
import { hostPort } from '../options/addresses';
import { integerFlag } from '../options/numbers';
import type { CommandModule } from 'yargs';
import type { CliIo } from '../io';
import { ago } from '../output/ago';
import { renderTable } from '../output/table';
import { defineCommand } from './define-command';
import { adminOptions, withAdmin } from './with-admin';

export function quorumCommand(io: CliIo): CommandModule {
  return {
    command: 'quorum <command>',
    describe: 'the metadata quorum: leader, epoch, voters, observers, lag',
    builder: (y) =>
      y
        .command(
          defineCommand({
            command: 'describe',
            describe: 'leader, epoch, high watermark, and each replica’s log end and lag',
            builder: (c) => adminOptions(c),
            handler: (argv) =>
              withAdmin(
                argv,
                async (admin, printer) => {
                  const quorum = await admin.describeQuorum();
                  const now = Date.now();
                  const replicas = [
                    ...quorum.voters.map((r) => ({ ...r, role: r.nodeId === quorum.leaderId ? 'leader' : 'voter' })),
                    ...quorum.observers.map((r) => ({ ...r, role: 'observer' })),
                  // A replica that never fetched reports log end -1: it lags by the whole log, not one more.
                  ].map((r) => ({ ...r, lag: Math.max(0, quorum.highWatermark - Math.max(0, r.logEndOffset)) }));
                  printer.result({ leaderId: quorum.leaderId, epoch: quorum.epoch, highWatermark: quorum.highWatermark, replicas }, () => {
                    const maxLag = Math.max(0, ...replicas.filter((r) => r.role !== 'observer').map((r) => r.lag));
                    return (
                      `Leader ${quorum.leaderId}  epoch ${quorum.epoch}  high watermark ${quorum.highWatermark}  max voter lag ${maxLag}\n` +
                      renderTable(
                        ['NODE', 'DIRECTORY ID', 'ROLE', 'LOG END', 'LAG', 'LAST FETCH', 'LAST CAUGHT UP'],
                        replicas.map((r) => [
                          r.nodeId,
                          // Static voters (kraft.version 0) have none: Kafka's zero Uuid.
                          r.directoryId === ZERO_DIRECTORY_ID ? '-' : r.directoryId,
                          r.role,
                          r.logEndOffset,
                          r.lag,
                          r.role === 'leader' ? '-' : ago(r.lastFetchTimestamp, now),
                          r.role === 'leader' ? '-' : ago(r.lastCaughtUpTimestamp, now),
                        ]),
                      )
                    );
                  });
                },
                io,
              ),
          }) as CommandModule,
        )
        .command(
          defineCommand({
            command: 'add-controller',
            describe: 'make a running node (caught up as an observer) a voter of the metadata quorum',
            builder: (c) =>
              adminOptions(c)
                .option('controller', { type: 'string', demandOption: true, describe: 'the admin address (host:port) of the node to add' })
                .example('$0 quorum add-controller --controller 10.0.0.2:9093 --bootstrap-controller 10.0.0.1:9093', 'add node at 10.0.0.2 as a voter'),
            handler: (argv) =>
              withAdmin(
                argv,
                async (admin, printer) => {
                  const candidate = await describeNode(hostPort('controller', argv.controller), argv.timeoutMs);
                  if (candidate.directoryId === ZERO_DIRECTORY_ID) {
                    throw new CliError('UNSUPPORTED_VERSION', `node ${candidate.nodeId} at ${argv.controller} runs static voters (no directory id): format it with --no-initial-controllers to join`);
                  }
                  if (candidate.raftEndpoints.length === 0) throw new CliError('INVALID_REQUEST', `node ${candidate.nodeId} at ${argv.controller} serves no Raft listener to reach it at`);
                  await named('add-controller', admin.addRaftVoter({ voterId: candidate.nodeId, voterDirectoryId: candidate.directoryId, listeners: candidate.raftEndpoints }));
                  const endpoint = candidate.raftEndpoints[0]!;
                  printer.result({ added: { nodeId: candidate.nodeId, directoryId: candidate.directoryId, endpoints: candidate.raftEndpoints } }, () =>
                    `Added controller ${candidate.nodeId} (directory id ${candidate.directoryId}, ${endpoint.host}:${endpoint.port}) to the quorum.\n`,
                  );
                },
                io,
              ),
          }) as CommandModule,
        )
        .command(
          defineCommand({
            command: 'remove-controller',
            describe: 'remove a voter (node id and directory id) from the metadata quorum',
            builder: (c) =>
              adminOptions(c)
                .option('controller-id', { type: 'number', demandOption: true, coerce: integerFlag('controller-id', 0, 2 ** 31 - 1), describe: 'the voter’s node id' })
                .option('controller-directory-id', { type: 'string', demandOption: true, describe: 'the voter’s directory id (`kz quorum describe` shows it)' })
                .example('$0 quorum remove-controller --controller-id 3 --controller-directory-id 2Bf3kTzRQ1GfS_m1xJ7a5w', 'remove voter 3'),
            handler: (argv) =>
              withAdmin(
                argv,
                async (admin, printer) => {
                  const id = argv.controllerId!;
                  const directoryId = argv.controllerDirectoryId;
                  try {
                    checkDirectoryId(directoryId);
                  } catch (error) {
                    throw usageError(`--controller-directory-id: ${(error as Error).message}`);
                  }
                  await named('remove-controller', admin.removeRaftVoter({ voterId: id, voterDirectoryId: directoryId }));
                  printer.result({ removed: { nodeId: id, directoryId } }, () => `Removed controller ${id} (directory id ${directoryId}) from the quorum.\n`);
                },
                io,
              ),
          }) as CommandModule,
        )
        .demandCommand(1, 'say which quorum command: describe, add-controller, remove-controller'),
    handler: () => undefined,
  };
}

/** Who the node at `address` is: DescribeCluster pinned to it names its replica. */
async function describeNode(address: string, timeoutMs: number) {
  const probe = new MetadataAdminClient({ controllers: [{ id: -1, address }], timeoutMs, attemptTimeoutMs: Math.min(timeoutMs, 5000) });
  try {
    return await probe.describeCluster({ nodeId: -1 });
  } catch (error) {
    throw new CliError('NETWORK_EXCEPTION', `cannot reach the node to add at ${address}: ${(error as Error).message}`, 1, { cause: error });
  } finally {
    probe.close();
  }
}

/** A refused voter change names Kafka's error (DUPLICATE_VOTER, VOTER_NOT_FOUND, ...), as per-item failures do. */
async function named(what: string, change: Promise<void>): Promise<void> {
  try {
    await change;
  } catch (error) {
    if (error instanceof ApiError) throw new CliError(error.code, `${what} failed: ${error.code}: ${error.message}`, 1, { cause: error });
    throw error;
  }
}
