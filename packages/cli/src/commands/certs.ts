/**
 * `kz certs create`: a development CA and certificates signed by it (with the `openssl` command),
 * for trying a secured cluster: one per node (CN kz-node-<id>, which its peers check) and one per
 * user (CN <user>, principal User:<user>). Reuses the CA already in --dir. Production clusters use
 * their own CA; these keys are written unencrypted.
 */
import { createDevCertificates, DevCertificateError } from '@kz/raft/testing';
import type { CommandModule } from 'yargs';
import { CliError, usageError } from '../cli-error';
import type { CliIo } from '../io';
import { integerFlag } from '../options/numbers';
import { Printer } from '../output/printer';
import { runCommand } from './run-command';

export function certsCommand(io: CliIo): CommandModule {
  return {
    command: 'certs <command>',
    describe: 'make a development CA and node/user certificates (needs openssl)',
    builder: (y) =>
      y
        .command({
          command: 'create',
          describe: 'a CA (once) and a key + certificate per --node and --user',
          builder: (c) =>
            c
              .option('dir', { type: 'string', demandOption: true, describe: 'where the PEM files go (ca.crt, node-<id>.crt/.key, user-<name>.crt/.key)' })
              .option('node', { type: 'number', array: true, default: [] as number[], describe: 'a node id (repeatable): CN kz-node-<id>' })
              .option('user', { type: 'string', array: true, default: [] as string[], describe: 'a user (repeatable): CN <user>, principal User:<user>' })
              .option('host', { type: 'string', array: true, default: [] as string[], describe: 'a host name or IP the certificates are valid for, besides localhost and 127.0.0.1 (repeatable)' })
              .option('days', { type: 'number', default: 365, coerce: integerFlag('days', 1, 36_500), describe: 'validity' })
              .option('json', { type: 'boolean', default: false, describe: 'print JSON' })
              .example('$0 certs create --dir certs --node 1 --node 2 --node 3 --user admin', ''),
          handler: (argv) =>
            runCommand(async () => {
              const nodes = argv.node.map((n) => {
                if (!Number.isInteger(n) || n < 0) throw usageError(`--node: ${n} is not a node id`);
                return n;
              });
              let made;
              try {
                made = createDevCertificates(argv.dir, { nodes, users: argv.user, hosts: argv.host, days: argv.days });
              } catch (error) {
                if (error instanceof DevCertificateError) throw new CliError('OPENSSL_FAILED', error.message);
                throw error;
              }
              const files = { ca: made.ca, nodes: Object.fromEntries(made.nodes), users: Object.fromEntries(made.users) };
              new Printer(io, argv.json).result(files, () =>
                [`CA: ${made.ca}`, ...[...made.nodes].map(([id, f]) => `node ${id}: ${f.cert} ${f.key}`), ...[...made.users].map(([u, f]) => `user ${u}: ${f.cert} ${f.key}`)].join('\n') + '\n',
              );
            }),
        })
        .demandCommand(1, 'say which: create'),
    handler: () => undefined,
  };
}
