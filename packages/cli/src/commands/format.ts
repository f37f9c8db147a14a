/** `kz format`: give a data directory its node id and cluster id (meta.properties), as `kafka-storage format` does. */
import type { CommandModule } from 'yargs';
import { usageError } from '../cli-error';
import type { CliIo } from '../io';
import { integerFlag } from '../options/numbers';
import { Printer } from '../output/printer';
import { formatDataDir, newClusterId } from '../server/meta-properties';
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
        .option('json', { type: 'boolean', default: false, describe: 'print JSON' })
        .example('$0 format --data-dir /var/lib/kz --node-id 1 --cluster-id MkU3OEVBNTcwNTJENDM2Qk', 'format node 1 of a cluster'),
    handler: (argv) =>
      runCommand(async () => {
        const clusterId = argv.clusterId ?? newClusterId();
        if (!/^[\x21-\x7e]+$/.test(clusterId)) throw usageError('--cluster-id must be printable ASCII without spaces');
        const { created } = formatDataDir(argv.dataDir, { clusterId, nodeId: argv.nodeId! });
        new Printer(io, argv.json).result({ dataDir: argv.dataDir, nodeId: argv.nodeId!, clusterId, created }, () =>
          created
            ? `Formatted ${argv.dataDir} for node ${argv.nodeId!} of cluster ${clusterId}\n`
            : `${argv.dataDir} was already formatted for node ${argv.nodeId!} of cluster ${clusterId}\n`,
        );
      }),
  }) as CommandModule;
}
