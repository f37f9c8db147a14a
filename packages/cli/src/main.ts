#!/usr/bin/env -S node --initial-heap-size=256
/** `kz`: see kz.ts for the commands and exit codes. */
import { processIo } from './io';
import { runKz } from './kz';

runKz(process.argv.slice(2), processIo()).then(
  (code) => {
    // Let stdout drain (a piped `kz consume > file`), then leave even if a client left a timer
    // behind. A reader that went away (`| head`) has nothing left to drain to.
    if (process.stdout.writable) process.stdout.write('', () => process.exit(code));
    else process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`kz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
