/**
 * Real metadata server processes (`dist/runtime/metadata-server-main.js`) on loopback, for tests
 * that crash them: NodeProcesses from @kz/raft/testing with the metadata server's flags.
 */
import * as path from 'node:path';
import type { NodeId } from '@kz/raft';
import { assertBuilt as assertPackageBuilt, freePorts, makeClusterRoot, NodeProcesses } from '@kz/raft/testing';

const PACKAGE_ROOT = path.join(__dirname, '../../..');
export const MAIN_JS = path.join(PACKAGE_ROOT, 'dist/runtime/metadata-server-main.js');

export { freePorts };

/** Fails with the command to run when dist/ is missing or older than src/: the processes run the build. */
export function assertBuilt(): void {
  assertPackageBuilt(PACKAGE_ROOT, MAIN_JS);
}

export interface MetadataProcessesOptions {
  readonly nodeIds: readonly NodeId[];
  readonly clusterId: string;
  /** Flags every node gets besides its identity, addresses and data dir. */
  readonly flags: readonly string[];
}

export class MetadataProcesses extends NodeProcesses {
  private constructor(
    options: MetadataProcessesOptions,
    root: string,
    readonly raftAddresses: ReadonlyMap<NodeId, string>,
    readonly adminAddresses: ReadonlyMap<NodeId, string>,
  ) {
    const voters = [...raftAddresses].map(([id, address]) => `${id}@${address}`).join(',');
    super({
      mainJs: MAIN_JS,
      readyMessage: 'metadata server ready',
      root,
      args: (id) => [
        `--node-id=${id}`,
        `--data-dir=${path.join(root, `node-${id}`)}`,
        `--cluster-id=${options.clusterId}`,
        `--voters=${voters}`,
        `--admin-listen=${adminAddresses.get(id)!}`,
        ...options.flags,
      ],
    });
  }

  static async create(options: MetadataProcessesOptions): Promise<MetadataProcesses> {
    const root = await makeClusterRoot('kz-metadata-proc-');
    const ports = await freePorts(options.nodeIds.length * 2);
    const raft = new Map(options.nodeIds.map((id, i) => [id, `127.0.0.1:${ports[i]!}`]));
    const admin = new Map(options.nodeIds.map((id, i) => [id, `127.0.0.1:${ports[options.nodeIds.length + i]!}`]));
    return new MetadataProcesses(options, root, raft, admin);
  }

  get voters(): string {
    return [...this.raftAddresses].map(([id, address]) => `${id}@${address}`).join(',');
  }
}
