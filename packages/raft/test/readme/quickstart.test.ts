import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from './quickstart';

describe('README: Use @kz/raft in your app', () => {
  const source = readFileSync(join(__dirname, 'quickstart.ts'), 'utf8');
  const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');

  test('the README shows this file verbatim', () => {
    expect(readme).toContain('```ts\n' + source + '```');
  });

  test('and it runs as written: three voters agree on the counter', async () => {
    await expect(main()).resolves.toBe(10);
  });
});
