/** What every admin command shares: the controller flags, --json, and a client closed when done. */
import type { MetadataAdminClient } from '@kz/metadata';
import type { Argv } from 'yargs';
import type { CliIo } from '../io';
import { bootstrapControllerOptions, controllerClient } from '../options/cluster-clients';
import { Printer } from '../output/printer';
import { runCommand } from './run-command';

export interface AdminArgs {
  readonly bootstrapController: string;
  readonly timeoutMs: number;
  readonly json: boolean;
  readonly sslCert?: string | undefined;
  readonly sslKey?: string | undefined;
  readonly sslCa?: string | undefined;
}

export const JSON_OPTION = { json: { type: 'boolean', default: false, describe: 'print JSON' } } as const;

/** Runs `body` with an admin client that is closed afterwards, whatever happens. */
export async function withAdmin(argv: AdminArgs, body: (admin: MetadataAdminClient, printer: Printer) => Promise<void>, io: CliIo): Promise<void> {
  await runCommand(async () => {
    const admin = await controllerClient(argv);
    try {
      await body(admin, new Printer(io, argv.json));
    } finally {
      admin.close();
    }
  });
}

export function adminOptions<T>(y: Argv<T>) {
  return y.options(bootstrapControllerOptions()).options(JSON_OPTION);
}

