/**
 * A yargs command whose handler's arguments are typed from its builder's options, so a flag that
 * is renamed in one place and not the other fails to compile.
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

export interface CommandSpec<T> {
  readonly command: string;
  readonly describe: string;
  readonly builder: (y: Argv) => Argv<T>;
  readonly handler: (argv: ArgumentsCamelCase<T>) => Promise<void>;
}

export function defineCommand<T>(spec: CommandSpec<T>): CommandModule<object, T> {
  return { command: spec.command, describe: spec.describe, builder: spec.builder, handler: spec.handler };
}
