/**
 * KIP-951: an answer that names a partition's new leader (Produce v10+, Fetch v16+) also lists
 * where that leader is, so the client can go there without a Metadata round trip first.
 */
import type { MetadataImage } from '@kz/metadata';
import { clientEndpoint } from '../runtime/listener-endpoints';

export interface NodeEndpoint {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
  readonly rack: string | null;
}

export function nodeEndpoints(image: MetadataImage, leaderIds: Iterable<number>): NodeEndpoint[] {
  const out: NodeEndpoint[] = [];
  for (const id of new Set(leaderIds)) {
    const broker = image.brokers.get(id);
    const endpoint = clientEndpoint(broker);
    if (broker === undefined || endpoint === undefined) continue;
    out.push({ nodeId: id, host: endpoint.host, port: endpoint.port, rack: broker.rack });
  }
  return out.sort((a, b) => a.nodeId - b.nodeId);
}
