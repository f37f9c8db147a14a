import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROKER_V8_FLAGS } from '../../src/runtime/broker-v8-flags';

/** The first line of a source file whose compiled form is run as a command. */
function shebang(file: string): string {
  return readFileSync(file, 'utf8').split('\n', 1)[0]!;
}

describe('BROKER_V8_FLAGS', () => {
  test.each([
    ['kz-broker-server', join(__dirname, '../../src/runtime/broker-server-main.ts')],
    ['kz', join(__dirname, '../../../cli/src/main.ts')],
  ])('%s hands them to node in its #! line', (_name, file) => {
    expect(shebang(file)).toBe(`#!/usr/bin/env -S node ${BROKER_V8_FLAGS.join(' ')}`);
  });
});
