/**
 * The `kz` command: its commands, global behaviour and exit codes. `runKz` runs one command line
 * against the given streams and resolves with the exit code, so tests run kz in-process.
 *
 * Exit codes: 0 done; 1 the operation failed (a Kafka error, an unreachable cluster); 2 a bad
 * command line.
 */
import yargs from 'yargs/yargs';
import { CliError, usageError } from './cli-error';
import { aclsCommand } from './commands/acls';
import { certsCommand } from './commands/certs';
import { clusterCommand } from './commands/cluster';
import { consumeCommand } from './commands/consume';
import { formatCommand } from './commands/format';
import { groupsCommand } from './commands/groups';
import { leadersCommand } from './commands/leaders';
import { produceCommand } from './commands/produce';
import { quorumCommand } from './commands/quorum';
import { reassignCommand } from './commands/reassign';
import { serverCommand } from './commands/server';
import { topicsCommand } from './commands/topics';
import { usersCommand } from './commands/users';
import type { CliIo } from './io';

export async function runKz(args: readonly string[], io: CliIo): Promise<number> {
  let help = '';
  try {
    await yargs()
      .scriptName('kz')
      .usage('kz — Kafka without ZooKeeper\n\nUsage: $0 <command> [options]')
      .command(formatCommand(io))
      .command(serverCommand(io))
      .command(topicsCommand(io))
      .command(produceCommand(io))
      .command(consumeCommand(io))
      .command(groupsCommand(io))
      .command(quorumCommand(io))
      .command(clusterCommand(io))
      .command(leadersCommand(io))
      .command(reassignCommand(io))
      .command(usersCommand(io))
      .command(aclsCommand(io))
      .command(certsCommand(io))
      .demandCommand(1, 'say which command (kz --help lists them)')
      .recommendCommands()
      .strict()
      .help()
      .alias('help', 'h')
      .version(false)
      .wrap(Math.min(110, io.stdout.columns ?? 100))
      .exitProcess(false)
      .fail(false)
      .parseAsync([...args], {}, (_error, _argv, output) => {
        help = output;
      });
  } catch (error) {
    const failure = error instanceof CliError ? error : usageError(error instanceof Error ? error.message : String(error));
    io.stderr.write(`kz: ${failure.message}\n`);
    if (failure.exitCode === 2) io.stderr.write('Run with --help for usage.\n');
    return failure.exitCode;
  }
  if (help !== '') io.stdout.write(`${help}\n`);
  return 0;
}
