/**
 * Real kz nodes (`dist/runtime/broker-server-main.js`, controller + broker in one process) on
 * loopback: NodeProcesses from @kz/raft/testing with the broker server's flags and addresses.
 */
import * as path from 'node:path';
import type { NodeId } from '@kz/raft';
import { assertBuilt as assertPackageBuilt, freePorts, makeClusterRoot, NodeProcesses } from '@kz/raft/testing';

const PACKAGE_ROOT = path.join(__dirname, '../../..');
export const MAIN_JS = path.join(PACKAGE_ROOT, 'dist/runtime/broker-server-main.js');

export function assertBuilt(): void {
  assertPackageBuilt(PACKAGE_ROOT, MAIN_JS);
}

export interface BrokerProcessesOptions {
  readonly nodeIds: readonly NodeId[];
  readonly clusterId: string;
  /** Flags every node gets besides its identity, addresses and data dir. */
  readonly flags: readonly string[];
}

export class BrokerProcesses extends NodeProcesses {
  private constructor(
    options: BrokerProcessesOptions,
    root: string,
    readonly raftAddresses: ReadonlyMap<NodeId, string>,
    readonly adminAddresses: ReadonlyMap<NodeId, string>,
    readonly brokerAddresses: ReadonlyMap<NodeId, string>,
    readonly replicationAddresses: ReadonlyMap<NodeId, string>,
  ) {
    const list = (addresses: ReadonlyMap<NodeId, string>): string => [...addresses].map(([id, address]) => `${id}@${address}`).join(',');
    super({
      mainJs: MAIN_JS,
      readyMessage: 'kz node ready',
      root,
      args: (id) => [
        `--node-id=${id}`,
        `--data-dir=${path.join(root, `node-${id}`)}`,
        `--cluster-id=${options.clusterId}`,
        `--voters=${list(raftAddresses)}`,
        `--admin-listen=${adminAddresses.get(id)!}`,
        `--controller-admin=${list(adminAddresses)}`,
        `--listen=${brokerAddresses.get(id)!}`,
        `--replication-listen=${replicationAddresses.get(id)!}`,
        ...options.flags,
      ],
    });
  }

  static async create(options: BrokerProcessesOptions): Promise<BrokerProcesses> {
    const root = await makeClusterRoot('kz-broker-proc-');
    const n = options.nodeIds.length;
    const ports = await freePorts(n * 4);
    const at = (offset: number) => new Map(options.nodeIds.map((id, i) => [id, `127.0.0.1:${ports[offset + i]!}`]));
    return new BrokerProcesses(options, root, at(0), at(n), at(2 * n), at(3 * n));
  }

  /** Where node `id` keeps partition `topic-partition`. */
  partitionDir(id: NodeId, topic: string, partition: number): string {
    return path.join(this.root, `node-${id}`, 'logs', `${topic}-${partition}`);
  }
}
