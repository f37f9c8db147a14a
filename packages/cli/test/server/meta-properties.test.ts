/** meta.properties: written durably by kz format, read by kz server, never silently replaced. */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { newDirectoryId } from '@kz/raft';
import { formatDataDir, newClusterId, readBootstrapVoters, readMetaProperties } from '../../src/server/meta-properties';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(tmpdir(), 'kz-meta-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('meta.properties', () => {
  it('formats a new directory and reads back its identity', () => {
    const dataDir = path.join(dir, 'node-1');
    expect(readMetaProperties(dataDir)).toBeNull();
    expect(formatDataDir(dataDir, { clusterId: 'abc', nodeId: 1 })).toEqual({ created: true, directoryId: null });
    expect(readMetaProperties(dataDir)).toEqual({ clusterId: 'abc', nodeId: 1 });
    expect(fs.readdirSync(dataDir)).toEqual(['meta.properties']);
  });

  it('formatting again with the same identity changes nothing; with another it is refused', () => {
    formatDataDir(dir, { clusterId: 'abc', nodeId: 1 });
    expect(formatDataDir(dir, { clusterId: 'abc', nodeId: 1 })).toEqual({ created: false, directoryId: null });
    expect(() => formatDataDir(dir, { clusterId: 'abc', nodeId: 2 })).toThrow('already formatted for node 1 of cluster abc');
    expect(() => formatDataDir(dir, { clusterId: 'xyz', nodeId: 1 })).toThrow('already formatted');
    expect(readMetaProperties(dir)).toEqual({ clusterId: 'abc', nodeId: 1 });
  });

  it.each(['', 'version=1\nnode.id=1\n', 'version=2\ncluster.id=a\nnode.id=1\n', 'version=1\ncluster.id=a\nnode.id=-1\n', 'garbage'])('refuses a corrupt file %j', (text) => {
    fs.writeFileSync(path.join(dir, 'meta.properties'), text);
    expect(() => readMetaProperties(dir)).toThrow(expect.objectContaining({ code: 'CORRUPT_META_PROPERTIES' }));
  });

  it('dynamic voters: directory.id in meta.properties and the bootstrap voter set in bootstrap.checkpoint', () => {
    const directoryId = newDirectoryId(Math.random);
    const voters = [{ id: 1, directoryId, endpoints: [{ name: 'CONTROLLER', host: '127.0.0.1', port: 9094 }] }];
    expect(formatDataDir(dir, { clusterId: 'abc', nodeId: 1, directoryId, bootstrapVoters: voters })).toEqual({ created: true, directoryId });
    expect(readMetaProperties(dir)).toEqual({ clusterId: 'abc', nodeId: 1, directoryId });
    expect(readBootstrapVoters(dir)).toEqual(voters);
    // Formatting again keeps the directory id it has; static voters on a dynamic directory are refused.
    expect(formatDataDir(dir, { clusterId: 'abc', nodeId: 1, directoryId: newDirectoryId(Math.random) })).toEqual({ created: false, directoryId });
    expect(() => formatDataDir(dir, { clusterId: 'abc', nodeId: 1 })).toThrow(`already formatted for node 1 of cluster abc (directory id ${directoryId})`);

    const joining = path.join(dir, 'joining');
    formatDataDir(joining, { clusterId: 'abc', nodeId: 2, directoryId: newDirectoryId(Math.random) });
    expect(readBootstrapVoters(joining)).toBeNull();
  });

  it('refuses a malformed directory.id and a bootstrap.checkpoint that does not decode', () => {
    fs.writeFileSync(path.join(dir, 'meta.properties'), 'version=1\ncluster.id=a\nnode.id=1\ndirectory.id=AAAAAAAAAAAAAAAAAAAAAA\n');
    expect(() => readMetaProperties(dir)).toThrow(expect.objectContaining({ code: 'CORRUPT_META_PROPERTIES' }));
    fs.writeFileSync(path.join(dir, 'bootstrap.checkpoint'), Buffer.from('not a record batch at all, not at all, no, not one bit of it'));
    expect(() => readBootstrapVoters(dir)).toThrow(expect.objectContaining({ code: 'CORRUPT_BOOTSTRAP_CHECKPOINT' }));
  });

  it('makes cluster ids of 22 base64url characters, all different', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newClusterId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
