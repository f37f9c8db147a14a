import { dirname, join } from 'node:path';
import { GrpcUnaryClient, type UnaryMethod } from './grpc-unary-client';
import { loadProto, unaryMethod } from './proto-method';
import type { WriteTarget } from './write-target';

const PUT_DEADLINE_MS = 10_000;
/** kv.proto ErrorCode values the client acts on. */
const NONE = 0;
const NOT_LEADER_OR_FOLLOWER = 6;

interface PutRequest {
  readonly key: Buffer;
  readonly value: Buffer;
}
interface WriteResponse {
  readonly error: { readonly code: number; readonly message: string; readonly leader_address: string } | null;
}

/** A KvService answer other than success: `code` is kv.proto's ErrorCode. */
export class KvWriteError extends Error {
  override readonly name = 'KvWriteError';
  constructor(
    readonly code: number,
    message: string,
    readonly leaderAddress: string,
  ) {
    super(`kv error ${code}: ${message}`);
  }
}

let putMethod: UnaryMethod<PutRequest, WriteResponse> | null = null;

/** The contract is examples/kv's own kv.proto, read from that package, never a copy. */
function kvPut(): UnaryMethod<PutRequest, WriteResponse> {
  if (putMethod === null) {
    const proto = join(dirname(require.resolve('@kz/example-kv/package.json')), 'proto', 'kv.proto');
    putMethod = unaryMethod(loadProto(proto), '/kz.kv.v1.KvService/Put', 'kz.kv.v1.PutRequest', 'kz.kv.v1.WriteResponse');
  }
  return putMethod;
}

/**
 * KvService.Put against one kz kv node, moving to the leader whenever a node answers
 * NOT_LEADER_OR_FOLLOWER with the leader's address (that put itself counts as failed: it was
 * refused before it was proposed).
 */
export class KzKvClient implements WriteTarget {
  private grpc: GrpcUnaryClient;

  constructor(
    address: string,
    private readonly connections = 1,
  ) {
    this.grpc = new GrpcUnaryClient(address, { connections });
  }

  get address(): string {
    return this.grpc.address;
  }

  get description(): string {
    return `kz kv at ${this.address}`;
  }

  put(key: Buffer, value: Buffer, done: (error: Error | null) => void): void {
    this.grpc.call(kvPut(), { key, value }, PUT_DEADLINE_MS, (error, response) => {
      if (error !== null) return done(error);
      const failure = response?.error ?? null;
      if (failure === null || failure.code === NONE) return done(null);
      if (failure.code === NOT_LEADER_OR_FOLLOWER && failure.leader_address !== '') this.moveTo(failure.leader_address);
      done(new KvWriteError(failure.code, failure.message, failure.leader_address));
    });
  }

  /** Set-up: puts until one succeeds, following redirects; resolves with the address that took it. */
  putFollowingLeader(key: Buffer, value: Buffer): Promise<string> {
    return new Promise((resolve, reject) => {
      this.put(key, value, (error) => (error === null ? resolve(this.address) : reject(error)));
    });
  }

  close(): void {
    this.grpc.close();
  }

  private moveTo(address: string): void {
    if (address === this.grpc.address) return;
    const old = this.grpc;
    this.grpc = new GrpcUnaryClient(address, { connections: this.connections });
    // Calls already on the old connection still get their answers.
    setTimeout(() => old.close(), PUT_DEADLINE_MS).unref();
  }
}
