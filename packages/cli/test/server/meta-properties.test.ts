/** meta.properties: written durably by kz format, read by kz server, never silently replaced. */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { formatDataDir, newClusterId, readMetaProperties } from '../../src/server/meta-properties';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(tmpdir(), 'kz-meta-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('meta.properties', () => {
  it('formats a new directory and reads back its identity', () => {
    const dataDir = path.join(dir, 'node-1');
    expect(readMetaProperties(dataDir)).toBeNull();
    expect(formatDataDir(dataDir, { clusterId: 'abc', nodeId: 1 })).toEqual({ created: true });
    expect(readMetaProperties(dataDir)).toEqual({ clusterId: 'abc', nodeId: 1 });
    expect(fs.readdirSync(dataDir)).toEqual(['meta.properties']);
  });

  it('formatting again with the same identity changes nothing; with another it is refused', () => {
    formatDataDir(dir, { clusterId: 'abc', nodeId: 1 });
    expect(formatDataDir(dir, { clusterId: 'abc', nodeId: 1 })).toEqual({ created: false });
    expect(() => formatDataDir(dir, { clusterId: 'abc', nodeId: 2 })).toThrow('already formatted for node 1 of cluster abc');
    expect(() => formatDataDir(dir, { clusterId: 'xyz', nodeId: 1 })).toThrow('already formatted');
    expect(readMetaProperties(dir)).toEqual({ clusterId: 'abc', nodeId: 1 });
  });

  it.each(['', 'version=1\nnode.id=1\n', 'version=2\ncluster.id=a\nnode.id=1\n', 'version=1\ncluster.id=a\nnode.id=-1\n', 'garbage'])('refuses a corrupt file %j', (text) => {
    fs.writeFileSync(path.join(dir, 'meta.properties'), text);
    expect(() => readMetaProperties(dir)).toThrow(expect.objectContaining({ code: 'CORRUPT_META_PROPERTIES' }));
  });

  it('makes cluster ids of 22 base64url characters, all different', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newClusterId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
