/** `kz format`'s voter flags: what each writes, and the combinations refused. */
import { parseInitialControllers } from '@kz/metadata';
import { votersFormatting } from '../../src/commands/format';

type Flags = Parameters<typeof votersFormatting>[0];
const base: Flags = { nodeId: 2, clusterId: 'c1', standalone: false, initialControllers: undefined, raftListen: undefined, haveClusterId: true };
const A = 'AQIDBAUGBwgJCgsMDQ4PEA';
const B = 'EA8ODQwLCgkIBwYFBAMCAQ';

describe('kz format voter flags', () => {
  it('no flag: static voters, no directory id', () => {
    expect(votersFormatting(base)).toEqual({ clusterId: 'c1', nodeId: 2 });
  });

  it('--standalone: a new directory id and a voter set of this node at its Raft address', () => {
    const f = votersFormatting({ ...base, standalone: true, raftListen: '[::1]:9194' });
    expect(f.directoryId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(f.bootstrapVoters).toEqual([{ id: 2, directoryId: f.directoryId, endpoints: [{ name: 'CONTROLLER', host: '::1', port: 9194 }] }]);
    expect(votersFormatting({ ...base, standalone: true }).bootstrapVoters![0]!.endpoints).toEqual([{ name: 'CONTROLLER', host: '127.0.0.1', port: 9094 }]);
    expect(votersFormatting({ ...base, standalone: true }).directoryId).not.toBe(f.directoryId);
  });

  it('--initial-controllers: this node takes its directory id from the list', () => {
    const f = votersFormatting({ ...base, initialControllers: `1@h1:9094:${A},2@h2:9094:${B}` });
    expect(f.directoryId).toBe(B);
    expect(f.bootstrapVoters!.map((v) => [v.id, v.directoryId, v.endpoints[0]!.host])).toEqual([
      [1, A, 'h1'],
      [2, B, 'h2'],
    ]);
  });

  it('--no-initial-controllers: a directory id, no voter set', () => {
    const f = votersFormatting({ ...base, initialControllers: false });
    expect(f.directoryId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(f.bootstrapVoters).toBeUndefined();
  });

  it.each<[string, Partial<Flags>, string]>([
    ['--standalone with --initial-controllers', { standalone: true, initialControllers: `2@h:1:${A}` }, 'exclude each other'],
    ['--raft-listen without --standalone', { raftListen: 'h:1' }, '--raft-listen is for --standalone'],
    ['a list without this node', { initialControllers: `1@h:1:${A}` }, 'does not list node 2'],
    ['joining without the cluster id', { initialControllers: false, haveClusterId: false }, 'give its --cluster-id'],
  ])('refuses %s', (_what, flags, message) => {
    expect(() => votersFormatting({ ...base, ...flags })).toThrow(message);
  });

  it.each([
    ['no directory id', '1@h:9094'],
    ['a bad directory id', '1@h:9094:short'],
    ['the zero directory id', '1@h:9094:AAAAAAAAAAAAAAAAAAAAAA'],
    ['a node twice', `1@h:9094:${A},1@h:9095:${B}`],
    ['a directory id twice', `1@h:9094:${A},2@h:9095:${A}`],
    ['port 0', `1@h:0:${A}`],
  ])('--initial-controllers refuses %s', (_what, text) => {
    expect(() => parseInitialControllers(text)).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});
