/** `kz server --config FILE`: key=value lines, comments, and a clear error for anything else. */
import { parseProperties } from '../../src/server/properties-file';
import { kz } from '../support/in-process-cluster';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

describe('server config files', () => {
  it('reads key=value lines, skipping comments and blank lines', () => {
    expect(parseProperties('# a comment\n\nnode-id = 1\nvoters=1@h:1,2@h:2\nlog-level=debug\n', 'f')).toEqual({ 'node-id': '1', voters: '1@h:1,2@h:2', 'log-level': 'debug' });
  });

  it('says which line is not key=value', () => {
    expect(() => parseProperties('node-id=1\nvoters\n', 'server.properties')).toThrow('server.properties:2: expected key=value, got "voters"');
  });

  it('gives kz server its flags, checked as flags are', async () => {
    const dir = fs.mkdtempSync(path.join(tmpdir(), 'kz-config-'));
    try {
      const file = path.join(dir, 'server.properties');
      fs.writeFileSync(file, `data-dir=${dir}\nroles=observer\n`);
      const run = await kz(['server', '--config', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Invalid values');
      fs.writeFileSync(file, `data-dir=${dir}\n`);
      const unformatted = await kz(['server', '--config', file]);
      expect(unformatted.code).toBe(1);
      expect(unformatted.stderr).toContain('is not formatted');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
