/**
 * The quorum's admin from outside it (the `kz` CLI, tests, monitoring, an app's own tooling): a
 * small gRPC client that asks one node for the leader's view of the quorum, and asks the leader to
 * add, remove or move a voter (KIP-853) — without @kz/metadata. It speaks the same service as the
 * nodes and names its cluster the same way, but no node id: an admin is not a replica.
 */
import { Client, status, type ServiceError } from '@grpc/grpc-js';
import { grpcChannelCredentials, type TlsIdentity } from '@kz/runtime';
import type { NodeId } from '../core/config';
import type { QuorumDescription } from '../core/status';
import { checkDirectoryId, type DirectoryId, type Endpoint, type Voter } from '../core/voter-set';
import type { VoterChange } from '../runtime/raft-node';
import { errorOfRefusal } from '../runtime/voter-change-answer';
import { errorFromStatus, checkClusterId, checkNodeId, requestMetadata } from './call-metadata';
import { clientChannelOptions } from './grpc-options';
import { parseHostPort } from './host-port';
import {
  decodeDescribeQuorumResponse,
  decodeVoterChangeResponse,
  encodeDescribeQuorumRequest,
  encodeVoterChangeRequest,
  isNotLeaderAnswer,
  voterChangeRpcOf,
} from './raft-codec';
import { DESCRIBE_QUORUM_RPC, rpcPath, type VoterChangeRpcName } from './raft-rpc';
import type { VoterChangeRequest } from './raft-transport';
import { asBuffer } from './raft-service-definition';
import { NotLeaderError } from '../core/errors';
import { InvalidTransportConfigError, RaftTransportError } from './transport-errors';

export interface RaftAdminClientOptions {
  /** `host:port` of the node to ask. */
  readonly address: string;
  readonly clusterId: string;
  /** Deadline of each call (a voter change may set its own); default 5000 ms. */
  readonly timeoutMs?: number;
  /** Largest response accepted; default 64 MiB (a description lists every observer). */
  readonly maxMessageBytes?: number;
  /**
   * Mutual TLS, for nodes that serve with it. Voter changes then need a node's certificate
   * (CN kz-node-<id>); any certificate of the cluster's CA may describe the quorum.
   */
  readonly tls?: TlsIdentity;
}

export interface VoterChangeOptions {
  /** How long to wait for the change to commit (the call's deadline); default the client's timeoutMs. */
  readonly timeoutMs?: number;
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
    this.client = new Client(options.address, grpcChannelCredentials(options.tls), clientChannelOptions(options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES));
  }

  /**
   * The leader's view of the quorum. Rejects with NotLeaderError when the node asked is not the
   * leader, InconsistentClusterIdError when it belongs to another cluster, MalformedMessageError
   * when request or answer did not decode, and RaftTransportError (UNAVAILABLE, DEADLINE_EXCEEDED,
   * ...) when the call itself failed.
   */
  describeQuorum(): Promise<QuorumDescription> {
    return this.call(DESCRIBE_QUORUM_RPC, encodeDescribeQuorumRequest(), this.timeoutMs, (body) => {
      const answer = decodeDescribeQuorumResponse(body);
      if (isNotLeaderAnswer(answer)) throw new NotLeaderError(answer.leaderId, answer.epoch, answer.leaderAddress);
      return answer;
    });
  }

  /**
   * KIP-853 AddRaftVoter, asked of the leader: makes `voter` a voter. It must be a replica that has
   * been fetching from the leader as an observer with that directory id, and is caught up. Resolves
   * once the new voter set commits. Rejects as RaftNode.addVoter does — NotLeaderError (naming the
   * leader to ask instead when known), VoterChangeError (DUPLICATE_VOTER, REQUEST_TIMED_OUT when
   * not caught up or not committed in time, …), NodeStoppedError — and as describeQuorum does for
   * the call itself.
   */
  addVoter(voter: Voter, options: VoterChangeOptions = {}): Promise<VoterChange> {
    return this.changeVoters({ kind: 'add', voter }, options);
  }

  /** KIP-853 RemoveRaftVoter: removes the voter (id, directoryId); a leader that removes itself resigns once it commits. Rejects like addVoter. */
  removeVoter(id: NodeId, directoryId: DirectoryId, options: VoterChangeOptions = {}): Promise<VoterChange> {
    return this.changeVoters({ kind: 'remove', id, directoryId }, options);
  }

  /**
   * Records new endpoints for the voter (id, directoryId), as the voter's own UpdateRaftVoter would:
   * for a voter that is down or moving. A running voter that listens elsewhere asks for its own
   * endpoints back. Rejects like addVoter.
   */
  updateVoter(id: NodeId, directoryId: DirectoryId, endpoints: readonly Endpoint[], options: VoterChangeOptions = {}): Promise<VoterChange> {
    return this.changeVoters({ kind: 'update', id, directoryId, endpoints }, options);
  }

  private changeVoters(change: VoterChangeRequest, options: VoterChangeOptions): Promise<VoterChange> {
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    if (!(timeoutMs > 0)) return Promise.reject(new InvalidTransportConfigError(`timeoutMs must be positive, got ${timeoutMs}`));
    // Refused here, before a call: the node would refuse the bytes as malformed anyway.
    const id = change.kind === 'add' ? change.voter.id : change.id;
    try {
      checkNodeId(id, 'voter id');
      checkDirectoryId(change.kind === 'add' ? change.voter.directoryId : change.directoryId);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.call(voterChangeRpcOf(change), encodeVoterChangeRequest(change), timeoutMs, (body) => {
      const answer = decodeVoterChangeResponse(body);
      if (!answer.ok) throw errorOfRefusal(answer);
      return { offset: answer.offset, epoch: answer.epoch, voters: answer.voters };
    });
  }

  /** One unary call; `read` turns the answer into the result or throws the error to reject with. */
  private call<T>(rpc: typeof DESCRIBE_QUORUM_RPC | VoterChangeRpcName, request: Uint8Array, timeoutMs: number, read: (body: Buffer) => T): Promise<T> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(
        rpcPath(rpc),
        passThrough,
        passThrough,
        asBuffer(request),
        requestMetadata(this.options.clusterId, undefined),
        { deadline: Date.now() + timeoutMs },
        (error: ServiceError | null, body: Buffer | undefined) => {
          if (error !== null) return reject(errorFromStatus(error));
          if (body === undefined) return reject(new RaftTransportError('UNKNOWN', `empty ${rpc} answer`, status.UNKNOWN));
          try {
            resolve(read(body));
          } catch (failure) {
            reject(failure);
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
