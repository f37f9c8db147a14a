import { Client, credentials, type ServiceError } from '@grpc/grpc-js';

/** One unary RPC: its path and how its messages cross the wire. */
export interface UnaryMethod<Req, Res> {
  readonly path: string;
  readonly encode: (request: Req) => Buffer;
  readonly decode: (bytes: Buffer) => Res;
}

export interface GrpcUnaryClientOptions {
  /** HTTP/2 connections to spread calls over, round robin. */
  readonly connections: number;
}

/**
 * A bare grpc-js unary caller over one or more connections to one server. etcd's side and
 * `kz-unary` go through this same path, so their client-side costs are alike.
 */
export class GrpcUnaryClient {
  private readonly clients: Client[];
  private next = 0;

  constructor(
    readonly address: string,
    options: GrpcUnaryClientOptions = { connections: 1 },
  ) {
    this.clients = [];
    for (let i = 0; i < options.connections; i++) {
      // A local subchannel pool gives each Client its own connection; grpc-js shares them otherwise.
      this.clients.push(new Client(address, credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 }));
    }
  }

  call<Req, Res>(method: UnaryMethod<Req, Res>, request: Req, deadlineMs: number, done: (error: ServiceError | null, response?: Res) => void): void {
    const client = this.clients[this.next]!;
    this.next = (this.next + 1) % this.clients.length;
    client.makeUnaryRequest(method.path, method.encode, method.decode, request, { deadline: Date.now() + deadlineMs }, (error, response) =>
      done(error, response),
    );
  }

  /** The same call as a promise, for set-up steps where allocation does not matter. */
  callAsync<Req, Res>(method: UnaryMethod<Req, Res>, request: Req, deadlineMs: number): Promise<Res> {
    return new Promise((resolve, reject) => {
      this.call(method, request, deadlineMs, (error, response) => {
        if (error !== null) reject(error);
        else if (response === undefined) reject(new Error(`${method.path}: empty response`));
        else resolve(response);
      });
    });
  }

  close(): void {
    for (const client of this.clients) client.close();
  }
}
