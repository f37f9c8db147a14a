/**
 * `1=127.0.0.1:7001,2=127.0.0.1:7002`: node ids with addresses, the form --peers and --kv-peers
 * take (KRaft's controller.quorum.voters, without the `@`).
 */
import type { NodeId } from '@kz/raft';

export class InvalidAddressListError extends Error {
  override readonly name = 'InvalidAddressListError';
  readonly code = 'INVALID_CONFIG';
}

const ENTRY = /^(0|[1-9][0-9]{0,9})=((?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):([0-9]{1,5}))$/;

export function parseNodeAddressList(text: string, what: string): Map<NodeId, string> {
  const list = new Map<NodeId, string>();
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const match = ENTRY.exec(entry);
    const port = Number(match?.[3]);
    if (match === null || !(port >= 1 && port <= 65535)) {
      throw new InvalidAddressListError(`${what}: expected id=host:port, got ${JSON.stringify(entry)}`);
    }
    const id = Number(match[1]);
    if (id > 0x7fff_ffff) throw new InvalidAddressListError(`${what}: node id ${id} is too large`);
    if (list.has(id)) throw new InvalidAddressListError(`${what}: node ${id} is listed twice`);
    list.set(id, match[2]!);
  }
  if (list.size === 0) throw new InvalidAddressListError(`${what}: no entries`);
  return list;
}

export function formatNodeAddressList(list: ReadonlyMap<NodeId, string>): string {
  return [...list].map(([id, address]) => `${id}=${address}`).join(',');
}
