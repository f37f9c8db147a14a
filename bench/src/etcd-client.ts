import { join } from 'node:path';
import { GrpcUnaryClient, type UnaryMethod } from './grpc-unary-client';
import { loadProto, unaryMethod } from './proto-method';
import type { WriteTarget } from './write-target';

const PUT_DEADLINE_MS = 10_000;

interface PutRequest {
  readonly key: Buffer;
  readonly value: Buffer;
}
type PutResponse = object;
type StatusRequest = Record<string, never>;
/** uint64s decode as Long objects (or numbers); ids are compared as their decimal strings. */
type Uint64 = { toString(): string } | number;
interface StatusResponse {
  readonly header: { readonly member_id: Uint64 } | null;
  readonly leader: Uint64;
}

export interface EtcdMemberStatus {
  readonly memberId: string;
  readonly leaderId: string;
}

interface EtcdMethods {
  readonly put: UnaryMethod<PutRequest, PutResponse>;
  readonly status: UnaryMethod<StatusRequest, StatusResponse>;
}

let methods: EtcdMethods | null = null;

/** Loaded on first use, so importing this module reads no file. */
function etcdMethods(): EtcdMethods {
  if (methods === null) {
    const root = loadProto(join(__dirname, '..', 'proto', 'etcd-rpc-subset.proto'));
    methods = {
      put: unaryMethod(root, '/etcdserverpb.KV/Put', 'etcdserverpb.PutRequest', 'etcdserverpb.PutResponse'),
      status: unaryMethod(root, '/etcdserverpb.Maintenance/Status', 'etcdserverpb.StatusRequest', 'etcdserverpb.StatusResponse'),
    };
  }
  return methods;
}

/** One etcd member's v3 gRPC API (KV.Put, Maintenance.Status) on its client port. */
export class EtcdClient implements WriteTarget {
  private readonly grpc: GrpcUnaryClient;

  constructor(
    readonly address: string,
    connections = 1,
  ) {
    this.grpc = new GrpcUnaryClient(address, { connections });
  }

  get description(): string {
    return `etcd at ${this.address}`;
  }

  put(key: Buffer, value: Buffer, done: (error: Error | null) => void): void {
    this.grpc.call(etcdMethods().put, { key, value }, PUT_DEADLINE_MS, (error) => done(error));
  }

  putAsync(key: Buffer, value: Buffer, deadlineMs: number): Promise<void> {
    return this.grpc.callAsync(etcdMethods().put, { key, value }, deadlineMs).then(() => undefined);
  }

  async status(deadlineMs: number): Promise<EtcdMemberStatus> {
    const response = await this.grpc.callAsync(etcdMethods().status, {}, deadlineMs);
    return { memberId: String(response.header?.member_id ?? 0), leaderId: String(response.leader) };
  }

  close(): void {
    this.grpc.close();
  }
}
