/**
 * `kz users add|delete|list`: SCRAM credentials (Kafka's kafka-configs --entity-type users
 * --alter --add-config SCRAM-SHA-512=[password=...]). The password is salted and iterated here, on
 * the operator's machine; only the salted password travels, and the controller keeps only StoredKey
 * and ServerKey (KIP-554). A user is authenticated with PLAIN or either SCRAM mechanism by it.
 */
import { readFileSync } from 'node:fs';
import { newSalt, saltedPassword, SCRAM_DEFAULT_ITERATIONS, SCRAM_MAX_ITERATIONS, SCRAM_MECHANISMS, SCRAM_MIN_ITERATIONS, type ScramMechanism } from '@kz/metadata';
import type { CommandModule } from 'yargs';
import { CliError, usageError } from '../cli-error';
import type { CliIo } from '../io';
import { integerFlag } from '../options/numbers';
import { renderTable } from '../output/table';
import { failIfAny } from './admin-outcome';
import { adminOptions, withAdmin } from './with-admin';

const MECHANISM_CHOICES = [...SCRAM_MECHANISMS, 'all'] as const;

function mechanismsOf(choice: string): ScramMechanism[] {
  return choice === 'all' ? [...SCRAM_MECHANISMS] : [choice as ScramMechanism];
}

/** The password from --password or the first line of --password-file; never echoed. */
export function passwordOf(argv: { password?: string | undefined; passwordFile?: string | undefined }): string {
  if (argv.password !== undefined && argv.passwordFile !== undefined) throw usageError('give --password or --password-file, not both');
  let password = argv.password;
  if (argv.passwordFile !== undefined) {
    try {
      password = readFileSync(argv.passwordFile, 'utf8').split(/\r?\n/)[0];
    } catch (error) {
      throw new CliError('INVALID_CONFIG', `cannot read --password-file ${argv.passwordFile}: ${(error as Error).message}`);
    }
  }
  if (password === undefined || password === '') throw usageError('a password is required (--password or --password-file)');
  return password;
}

export function usersCommand(io: CliIo): CommandModule {
  return {
    command: 'users <command>',
    describe: 'add, delete and list SASL/SCRAM users (credentials live in the metadata log)',
    builder: (y) =>
      y
        .command({
          command: 'add <user>',
          describe: 'set a user’s password (SCRAM-SHA-256 and SCRAM-SHA-512 credentials; PLAIN checks against them)',
          builder: (c) =>
            adminOptions(c)
              .positional('user', { type: 'string', demandOption: true })
              .option('password', { type: 'string', describe: 'the password (prefer --password-file: a command line is visible to other users)' })
              .option('password-file', { type: 'string', describe: 'a file whose first line is the password' })
              .option('mechanism', { choices: MECHANISM_CHOICES, default: 'all', describe: 'which SCRAM credential(s) to set' })
              .option('iterations', { type: 'number', default: SCRAM_DEFAULT_ITERATIONS, coerce: integerFlag('iterations', SCRAM_MIN_ITERATIONS, SCRAM_MAX_ITERATIONS), describe: 'PBKDF2 iterations' })
              .example('$0 users add alice --password-file alice.pw', ''),
          handler: (argv) => {
            const password = passwordOf({ password: argv.password, passwordFile: argv['password-file'] });
            const upsertions = mechanismsOf(argv.mechanism).map((mechanism) => {
              const salt = newSalt(mechanism);
              return { name: argv.user, mechanism, iterations: argv.iterations, salt, saltedPassword: saltedPassword(mechanism, password, salt, argv.iterations) };
            });
            return withAdmin(
              argv,
              async (admin, printer) => {
                const { results } = await admin.alterUserScramCredentials({ deletions: [], upsertions });
                const outcomes = results.map((r) => ({ label: r.user, error: r.error }));
                printer.result(
                  results.map((r) => ({ user: r.user, mechanisms: upsertions.map((u) => u.mechanism), error: r.error?.code ?? null })),
                  () => (results.every((r) => r.error === null) ? `Set ${upsertions.map((u) => u.mechanism).join(' and ')} credentials of user ${argv.user}.\n` : ''),
                );
                failIfAny('users add', outcomes);
              },
              io,
            );
          },
        })
        .command({
          command: 'delete <user>',
          describe: 'delete a user’s credentials',
          builder: (c) => adminOptions(c).positional('user', { type: 'string', demandOption: true }).option('mechanism', { choices: MECHANISM_CHOICES, default: 'all', describe: 'which SCRAM credential(s) to delete' }),
          handler: (argv) =>
            withAdmin(
              argv,
              async (admin, printer) => {
                let mechanisms = mechanismsOf(argv.mechanism);
                if (argv.mechanism === 'all') {
                  // Only those the user has: deleting a missing one is RESOURCE_NOT_FOUND for the whole user.
                  const { results } = await admin.describeUserScramCredentials([argv.user]);
                  const known = results[0];
                  if (known === undefined || known.error !== null) failIfAny('users delete', [{ label: argv.user, error: known?.error ?? null }]);
                  mechanisms = known?.credentials.map((c) => c.mechanism) ?? [];
                }
                const { results } = await admin.alterUserScramCredentials({ deletions: mechanisms.map((mechanism) => ({ name: argv.user, mechanism })), upsertions: [] });
                printer.result(results, () => (results.every((r) => r.error === null) ? `Deleted ${mechanisms.join(' and ')} credentials of user ${argv.user}.\n` : ''));
                failIfAny('users delete', results.map((r) => ({ label: r.user, error: r.error })));
              },
              io,
            ),
        })
        .command({
          command: 'list [users..]',
          describe: 'users and their SCRAM mechanisms (all by default)',
          builder: (c) => adminOptions(c).positional('users', { type: 'string', array: true }),
          handler: (argv) =>
            withAdmin(
              argv,
              async (admin, printer) => {
                const names = argv.users === undefined || argv.users.length === 0 ? null : argv.users;
                const { results } = await admin.describeUserScramCredentials(names);
                printer.result(
                  results.map((r) => ({ user: r.user, credentials: r.credentials, error: r.error?.code ?? null })),
                  () =>
                    renderTable(
                      ['USER', 'MECHANISMS'],
                      results.map((r) => [r.user, r.error === null ? r.credentials.map((c) => `${c.mechanism} (${c.iterations} iterations)`).join(', ') : r.error.code]),
                    ),
                );
                failIfAny('users list', results.map((r) => ({ label: r.user, error: r.error })));
              },
              io,
            ),
        })
        .demandCommand(1, 'say which: add, delete or list'),
    handler: () => undefined,
  };
}
