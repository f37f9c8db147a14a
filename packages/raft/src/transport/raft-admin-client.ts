/**
 * DescribeQuorum from outside the quorum (the `kz` CLI, tests, monitoring): a small gRPC client
 * that asks one node for the leader's view of the quorum. It speaks the same service as the nodes
 * and names its cluster the same way, but no node id: an admin is not a replica.
 */
import { Client, credentials, status, type ServiceError } from '@grpc/grpc-js';
import type { QuorumDescription } from '../core/status';
import { errorFromStatus, checkClusterId, requestMetadata } from './call-metadata';
import { clientChannelOptions } from './grpc-options';
import { parseHostPort } from './host-port';
import { decodeDescribeQuorumResponse, encodeDescribeQuorumRequest, isNotLeaderAnswer } from './raft-codec';
import { DESCRIBE_QUORUM_RPC, rpcPath } from './raft-rpc';
import { asBuffer } from './raft-service-definition';
import { NotLeaderError } from '../core/errors';
import { InvalidTransportConfigError, RaftTransportError } from './transport-errors';

export interface RaftAdminClientOptions {
  /** `host:port` of the node to ask. */
  readonly address: string;
  readonly clusterId: string;
  /** Deadline of each call; default 5000 ms. */
  readonly timeoutMs?: number;
  /** Largest response accepted; default 64 MiB (a description lists every observer). */
  readonly maxMessageBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const passThrough = (bytes: Buffer): Buffer => bytes;

export class RaftAdminClient {
  private readonly client: Client;
  private readonly timeoutMs: number;

  constructor(private readonly options: RaftAdminClientOptions) {
    parseHostPort(options.address, 'address', false);
    checkClusterId(options.clusterId);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(this.timeoutMs > 0)) throw new InvalidTransportConfigError(`timeoutMs must be positive, got ${this.timeoutMs}`);
    this.client = new Client(options.address, credentials.createInsecure(), clientChannelOptions(options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES));
  }

  /**
   * The leader's view of the quorum. Rejects with NotLeaderError when the node asked is not the
   * leader, InconsistentClusterIdError when it belongs to another cluster, MalformedMessageError
   * when request or answer did not decode, and RaftTransportError (UNAVAILABLE, DEADLINE_EXCEEDED,
   * ...) when the call itself failed.
   */
  describeQuorum(): Promise<QuorumDescription> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        rpcPath(DESCRIBE_QUORUM_RPC),
        passThrough,
        passThrough,
        asBuffer(encodeDescribeQuorumRequest()),
        requestMetadata(this.options.clusterId, undefined),
        { deadline: Date.now() + this.timeoutMs },
        (error: ServiceError | null, body: Buffer | undefined) => {
          if (error !== null) return reject(errorFromStatus(error));
          if (body === undefined) return reject(new RaftTransportError('UNKNOWN', 'empty DescribeQuorum answer', status.UNKNOWN));
          try {
            const answer = decodeDescribeQuorumResponse(body);
            if (isNotLeaderAnswer(answer)) reject(new NotLeaderError(answer.leaderId, answer.epoch, answer.leaderAddress));
            else resolve(answer);
          } catch (decodeError) {
            reject(decodeError);
          }
        },
      );
    });
  }

  close(): void {
    this.client.close();
  }
}

/** One DescribeQuorum against one node, with a client opened and closed around it. */
export async function describeQuorumAt(options: RaftAdminClientOptions): Promise<QuorumDescription> {
  const client = new RaftAdminClient(options);
  try {
    return await client.describeQuorum();
  } finally {
    client.close();
  }
}
