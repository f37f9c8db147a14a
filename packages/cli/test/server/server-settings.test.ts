/** What `kz server` runs for each role and flag combination, decided without starting anything. */
import * as path from 'node:path';
import { nodeSettings, type ServerFlags } from '../../src/server/server-settings';

const META = { clusterId: 'c1', nodeId: 2 };
const base: ServerFlags = { dataDir: '/data', roles: 'both', logLevel: 'info' };
const three = { voters: '1@h:9101,2@h:9102,3@h:9103', controllerAdmin: '1@h:9201,2@h:9202,3@h:9203' };

describe('nodeSettings', () => {
  it('a combined node: a voter on its --voters address with a broker beside it, in DIR/metadata and DIR/logs', () => {
    const s = nodeSettings({ ...base, ...three, listen: 'h:9092', adminListen: 'h:9202', electionTimeoutMs: 400, fetchTimeoutMs: 1000 }, META);
    expect(s.role).toBe('both');
    expect(s.metadata).toMatchObject({ nodeId: 2, clusterId: 'c1', raftListen: 'h:9102', adminListen: 'h:9202', dataDir: path.join('/data', 'metadata') });
    expect(s.metadata.raftConfig).toEqual({ electionTimeoutMs: 400, electionBackoffMaxMs: 400, fetchTimeoutMs: 1000, fetchMaxWaitMs: 500 });
    expect(s.broker).toMatchObject({ listen: 'h:9092', logDir: path.join('/data', 'logs'), controllerAdmin: [{ id: 1, address: 'h:9201' }, { id: 2, address: 'h:9202' }, { id: 3, address: 'h:9203' }] });
  });

  it('a single node on the default ports with nothing but a data dir', () => {
    const s = nodeSettings(base, META);
    expect(s.metadata.voters).toEqual(new Map([[2, '127.0.0.1:9094']]));
    expect(s.metadata.adminListen).toBe('127.0.0.1:9093');
    expect(s.broker).toMatchObject({ listen: '127.0.0.1:9092', controllerAdmin: [{ id: 2, address: '127.0.0.1:9093' }] });
    expect(s.metricsListen).toBeNull();
  });

  describe('dynamic voters (a directory formatted with a directory id)', () => {
    const DIR = 'AQIDBAUGBwgJCgsMDQ4PEA';
    const dynamicMeta = { clusterId: 'c1', nodeId: 2, directoryId: DIR };
    const bootstrap = [{ id: 2, directoryId: DIR, endpoints: [{ name: 'CONTROLLER', host: 'h', port: 9102 }] }];

    it('a standalone controller listens where its bootstrap voter set says, and is its own controller admin', () => {
      const s = nodeSettings(base, dynamicMeta, bootstrap);
      expect(s.metadata.voters.size).toBe(0);
      expect(s.metadata.raftListen).toBe('h:9102');
      expect(s.metadata.dynamicVoters).toEqual({ directoryId: DIR, bootstrapVoters: bootstrap, bootstrapServers: new Map(), controller: true });
      expect(s.broker).toMatchObject({ controllerAdmin: [{ id: 2, address: '127.0.0.1:9093' }] });
    });

    it('a joining controller finds the quorum through --quorum-bootstrap; a joining broker runs no controller', () => {
      const s = nodeSettings({ ...base, roles: 'controller', quorumBootstrap: '1@h:9101,2@h:9102', raftListen: 'h:9102' }, dynamicMeta, null);
      expect(s.metadata.dynamicVoters).toEqual({ directoryId: DIR, bootstrapVoters: null, bootstrapServers: new Map([[1, 'h:9101']]), controller: true });
      const broker = nodeSettings({ ...base, roles: 'broker', quorumBootstrap: '1@h:9101', controllerAdmin: '1@h:9201' }, dynamicMeta, null);
      expect(broker.metadata.dynamicVoters?.controller).toBe(false);
      expect(broker.metadata.raftListen).toBeUndefined();
    });

    it.each<[string, Partial<ServerFlags>, readonly (typeof bootstrap)[number][] | null, string]>([
      ['static --voters', { voters: '2@h:9102' }, bootstrap, '--voters is for static voters'],
      ['a joining node with nowhere to join through', { roles: 'controller' }, null, '--quorum-bootstrap must name a controller'],
    ])('refuses %s', (_what, flags, voters, message) => {
      expect(() => nodeSettings({ ...base, ...flags }, dynamicMeta, voters)).toThrow(message);
    });

    it('refuses --quorum-bootstrap on a directory formatted for static voters', () => {
      expect(() => nodeSettings({ ...base, quorumBootstrap: '1@h:9101' }, META)).toThrow('--quorum-bootstrap is for dynamic voters');
    });
  });

  it('a controller runs no broker; a broker is an observer with no Raft port', () => {
    expect(nodeSettings({ ...base, ...three, roles: 'controller' }, META).broker).toBeNull();
    const broker = nodeSettings({ ...base, ...three, roles: 'broker' }, { clusterId: 'c1', nodeId: 7 });
    expect(broker.metadata.raftListen).toBeUndefined();
    expect(broker.broker).not.toBeNull();
  });

  it.each<[string, Partial<ServerFlags>, typeof META | null, string]>([
    ['an unformatted directory', {}, null, 'is not formatted: run `kz format'],
    ['another node’s directory', { nodeId: 3 }, META, '--node-id 3 does not match /data, formatted for node 2'],
    ['another cluster’s directory', { clusterId: 'c9' }, META, '--cluster-id c9 does not match /data, formatted for cluster c1'],
    ['a controller that is not a voter', { ...three, roles: 'controller' }, { clusterId: 'c1', nodeId: 7 }, 'node 7 must be one of --voters'],
    ['a broker-only voter', { ...three, roles: 'broker' }, META, 'node 2 is one of --voters'],
    ['a broker without the controllers’ admin addresses', { voters: three.voters }, META, '--controller-admin is required'],
    ['a malformed voter', { voters: '1@h' }, META, '--voters: expected id@host:port'],
    ['a malformed listener', { listen: 'h' }, META, '--listen: expected host:port'],
  ])('refuses %s', (_what, flags, meta, message) => {
    expect(() => nodeSettings({ ...base, ...flags }, meta)).toThrow(message);
  });
});
