import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KV_V8_FLAGS } from '../src/kv-v8-flags';

describe('KV_V8_FLAGS', () => {
  test('kz-kv hands them to node in its #! line', () => {
    const firstLine = readFileSync(join(__dirname, '../src/main.ts'), 'utf8').split('\n', 1)[0];
    expect(firstLine).toBe(`#!/usr/bin/env -S node ${KV_V8_FLAGS.join(' ')}`);
  });
});
