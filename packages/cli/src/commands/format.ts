/**
 * `kz format`: give a data directory its node id and cluster id (meta.properties), as
 * `kafka-storage format` does.
 *
 * Without a voter flag the directory is for static voters (`kz server --voters`). With one, it is
 * for dynamic voters (KIP-853) and gets a directory id:
 * - `--standalone`: a new cluster of this one controller, which can grow (`kz quorum add-controller`);
 * - `--initial-controllers 1@host:port:DIRID,...`: a new cluster of these controllers, every one
 *   formatted with the same list (each takes its own directory id from it);
 * - `--no-initial-controllers`: a node that joins a running cluster, as an observer until added.
 */
import { newDirectoryId } from '@kz/raft';
import { standaloneVoters, voterBootstrap } from '@kz/metadata';
import { randomBytes } from 'node:crypto';
import type { CommandModule } from 'yargs';
import { cliUsage, usageError } from '../cli-error';
import type { CliIo } from '../io';
import { hostPort } from '../options/addresses';
import { integerFlag } from '../options/numbers';
import { Printer } from '../output/printer';
import { formatDataDir, newClusterId, type Formatting } from '../server/meta-properties';
import { DEFAULT_RAFT_PORT } from '../server/server-settings';
import { defineCommand } from './define-command';
import { runCommand } from './run-command';

export function formatCommand(io: CliIo): CommandModule {
  return defineCommand({
    command: 'format',
    describe: 'format a data directory for one node of a cluster',
    builder: (y) =>
      y
        .option('data-dir', { type: 'string', demandOption: true, describe: 'the node’s data directory (created if missing)' })
        .option('node-id', { type: 'number', demandOption: true, coerce: integerFlag('node-id', 0, 2 ** 31 - 1), describe: 'this node’s id' })
        .option('cluster-id', { type: 'string', describe: 'the cluster’s id; every node of a cluster gets the same (default: a new random id)' })
        .option('standalone', { type: 'boolean', group: 'Dynamic voters (KIP-853):', describe: 'a new cluster whose only voter is this node; add more with `kz quorum add-controller`' })
        .option('initial-controllers', {
          type: 'string',
          group: 'Dynamic voters (KIP-853):',
          describe: 'a new cluster of these voters, id@host:port:directory-id,... (the same list on each); --no-initial-controllers: a node that joins a running cluster',
        })
        .option('raft-listen', {
          type: 'string',
          group: 'Dynamic voters (KIP-853):',
          describe: `with --standalone: where this node's Raft listens, as the voter set names it (default 127.0.0.1:${DEFAULT_RAFT_PORT})`,
        })
        .option('json', { type: 'boolean', default: false, describe: 'print JSON' })
        .example('$0 format --data-dir /var/lib/kz --node-id 1 --cluster-id MkU3OEVBNTcwNTJENDM2Qk', 'format node 1 of a cluster with static --voters')
        .example('$0 format --data-dir /var/lib/kz --node-id 1 --standalone --raft-listen 10.0.0.1:9094', 'a one-controller cluster that can grow')
        .example('$0 format --data-dir /var/lib/kz --node-id 2 --cluster-id MkU3OEVBNTcwNTJENDM2Qk --no-initial-controllers', 'a node that joins the cluster'),
    handler: (argv) =>
      runCommand(async () => {
        const clusterId = argv.clusterId ?? newClusterId();
        if (!/^[\x21-\x7e]+$/.test(clusterId)) throw usageError('--cluster-id must be printable ASCII without spaces');
        const nodeId = argv.nodeId!;
        const formatting = votersFormatting({
          nodeId,
          clusterId,
          standalone: argv.standalone === true,
          // yargs reads --no-initial-controllers as initial-controllers=false.
          initialControllers: argv.initialControllers as string | false | undefined,
          raftListen: argv.raftListen,
          haveClusterId: argv.clusterId !== undefined,
        });
        const { created, directoryId } = formatDataDir(argv.dataDir, formatting);
        const mode = formatting.bootstrapVoters !== undefined ? 'bootstrap' : directoryId !== null ? 'join' : 'static';
        new Printer(io, argv.json).result(
          { dataDir: argv.dataDir, nodeId, clusterId, directoryId, voters: mode, bootstrapVoters: formatting.bootstrapVoters ?? null, created },
          () =>
            (created ? `Formatted ${argv.dataDir} for node ${nodeId} of cluster ${clusterId}` : `${argv.dataDir} was already formatted for node ${nodeId} of cluster ${clusterId}`) +
            (directoryId === null ? '' : `, directory id ${directoryId}`) +
            (mode === 'bootstrap' && created ? ` (voters ${formatting.bootstrapVoters!.map((v) => v.id).join(', ')})` : mode === 'join' && created ? ' (joins as an observer)' : '') +
            '\n',
        );
      }),
  }) as CommandModule;
}

interface VoterFlags {
  readonly nodeId: number;
  readonly clusterId: string;
  readonly standalone: boolean;
  readonly initialControllers: string | false | undefined;
  readonly raftListen: string | undefined;
  readonly haveClusterId: boolean;
}

/** What the voter flags ask to be written; a pure function of them (and a fresh directory id). */
export function votersFormatting(flags: VoterFlags): Formatting {
  const { nodeId, clusterId } = flags;
  const bootstrap = cliUsage(() => voterBootstrap(flags));
  if (flags.raftListen !== undefined && bootstrap?.kind !== 'standalone') throw usageError('--raft-listen is for --standalone (with --initial-controllers each voter’s address is in the list)');
  switch (bootstrap?.kind) {
    case 'standalone': {
      const raftListen = hostPort('raft-listen', flags.raftListen ?? `127.0.0.1:${DEFAULT_RAFT_PORT}`);
      const directoryId = newDirectoryId(secureRandom);
      return { clusterId, nodeId, directoryId, bootstrapVoters: cliUsage(() => standaloneVoters(nodeId, directoryId, raftListen)) };
    }
    case 'join':
      // A joining node must name the cluster it joins: a random id would match no running cluster.
      if (!flags.haveClusterId) throw usageError('--no-initial-controllers joins a running cluster: give its --cluster-id');
      return { clusterId, nodeId, directoryId: newDirectoryId(secureRandom) };
    case 'initial-controllers':
      return { clusterId, nodeId, directoryId: bootstrap.self.directoryId, bootstrapVoters: bootstrap.voters };
    case undefined:
      return { clusterId, nodeId };
  }
}

function secureRandom(): number {
  return randomBytes(4).readUInt32BE(0) / 2 ** 32;
}
