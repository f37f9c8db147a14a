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
import { checkDirectoryId, newDirectoryId, parseHostPort, type Voter } from '@kz/raft';
import { RAFT_LISTENER_NAME } from '@kz/metadata';
import { randomBytes } from 'node:crypto';
import type { CommandModule } from 'yargs';
import { usageError } from '../cli-error';
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
  const chosen = [flags.standalone, typeof flags.initialControllers === 'string', flags.initialControllers === false].filter(Boolean).length;
  if (chosen > 1) throw usageError('--standalone, --initial-controllers and --no-initial-controllers exclude each other');
  if (flags.raftListen !== undefined && !flags.standalone) throw usageError('--raft-listen is for --standalone (with --initial-controllers each voter’s address is in the list)');
  if (flags.standalone) {
    const { host, port } = parseHostPort(hostPort('raft-listen', flags.raftListen ?? `127.0.0.1:${DEFAULT_RAFT_PORT}`), '--raft-listen', false);
    const directoryId = newDirectoryId(secureRandom);
    return { clusterId, nodeId, directoryId, bootstrapVoters: [{ id: nodeId, directoryId, endpoints: [{ name: RAFT_LISTENER_NAME, host, port }] }] };
  }
  if (flags.initialControllers === false) {
    // A joining node must name the cluster it joins: a random id would match no running cluster.
    if (!flags.haveClusterId) throw usageError('--no-initial-controllers joins a running cluster: give its --cluster-id');
    return { clusterId, nodeId, directoryId: newDirectoryId(secureRandom) };
  }
  if (flags.initialControllers !== undefined) {
    const voters = parseInitialControllers(flags.initialControllers);
    const self = voters.find((v) => v.id === nodeId);
    if (self === undefined) {
      throw usageError(`--initial-controllers does not list node ${nodeId}; a node that is not an initial controller is formatted with --no-initial-controllers`);
    }
    return { clusterId, nodeId, directoryId: self.directoryId, bootstrapVoters: voters };
  }
  return { clusterId, nodeId };
}

const INITIAL_CONTROLLER = /^(0|[1-9][0-9]{0,9})@(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):([0-9]{1,5}):([A-Za-z0-9_-]{22})$/;

/** Kafka's `--initial-controllers` list: `id@host:port:directory-id`, comma-separated. */
export function parseInitialControllers(text: string): Voter[] {
  const voters: Voter[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const match = INITIAL_CONTROLLER.exec(entry);
    const port = Number(match?.[3]);
    if (match === null || !(port >= 1 && port <= 65535)) throw usageError(`--initial-controllers: expected id@host:port:directory-id, got ${JSON.stringify(entry)}`);
    const id = Number(match[1]);
    if (id > 2 ** 31 - 1) throw usageError(`--initial-controllers: node id ${id} is too large`);
    if (voters.some((v) => v.id === id)) throw usageError(`--initial-controllers: node ${id} is listed twice`);
    try {
      checkDirectoryId(match[4]!);
    } catch (error) {
      throw usageError(`--initial-controllers: node ${id}: ${(error as Error).message}`);
    }
    if (voters.some((v) => v.directoryId === match[4])) throw usageError(`--initial-controllers: directory id ${match[4]} is listed twice`);
    const host = match[2]!.replace(/^\[(.*)\]$/, '$1');
    voters.push({ id, directoryId: match[4]!, endpoints: [{ name: RAFT_LISTENER_NAME, host, port }] });
  }
  if (voters.length === 0) throw usageError('--initial-controllers: no entries');
  return voters;
}

function secureRandom(): number {
  return randomBytes(4).readUInt32BE(0) / 2 ** 32;
}
