#!/usr/bin/env node
/** `kz`: see kz.ts for the commands and exit codes. */
import { processIo } from './io';
import { runKz } from './kz';

runKz(process.argv.slice(2), processIo()).then(
  (code) => {
    // Let stdout drain (a piped `kz consume | head`), then leave even if a client left a timer behind.
    process.stdout.write('', () => process.exit(code));
  },
  (error: unknown) => {
    process.stderr.write(`kz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
