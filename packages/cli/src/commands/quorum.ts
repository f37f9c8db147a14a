/**
 * `kz quorum describe`: the metadata quorum as its leader sees it — Kafka's
 * `kafka-metadata-quorum describe --status --replication` in one table: who leads, at which epoch,
 * the high watermark, and how far each voter and observer is behind it, with each replica's
 * directory id (KIP-853; `-` for static voters).
 */
import { ZERO_DIRECTORY_ID } from '@kz/raft';
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
        .demandCommand(1, 'say which quorum command: describe'),
    handler: () => undefined,
  };
}
