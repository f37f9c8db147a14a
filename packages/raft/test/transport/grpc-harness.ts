import { Client, credentials, Metadata, type ServiceError, type StatusObject } from '@grpc/grpc-js';
import * as net from 'node:net';
import type { NodeId } from '../../src/core/config';
import type { RaftMessage, RaftRequest, RaftResponse } from '../../src/core/messages';
import type { QuorumDescription } from '../../src/core/status';
import { GrpcRaftTransport, type GrpcRaftTransportOptions } from '../../src/transport/grpc-raft-transport';
import { rpcPath, STREAM_RPC, type RaftRpcName, type VoterChangeRpcName } from '../../src/transport/raft-rpc';
import { decodeStreamFrame, type StreamFrame } from '../../src/transport/stream-frame';
import type { RaftTransportLogger } from '../../src/transport/transport-logger';
import type { VoterChangeRequest } from '../../src/transport/raft-transport';

export const CLUSTER_ID = 'kz-test-cluster-0001';

/** The two ways requests travel, for describe.each: on a Stream per peer, and one unary call each. */
export const REQUEST_WAYS: readonly (readonly [string, boolean])[] = [
  ['a Stream per peer', true],
  ['unary calls', false],
];

export interface Received {
  readonly from: NodeId;
  readonly message: RaftMessage;
}

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

export function recordingLogger(lines: LogLine[]): RaftTransportLogger {
  const at =
    (level: LogLine['level']) =>
    (fields: object, message: string): void => {
      lines.push({ level, fields: fields as Record<string, unknown>, message });
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The canonical answer of a stub core to a request: echoes the request id, says who answered. */
export function answerTo(request: RaftRequest, responder: NodeId, batches: readonly Uint8Array[] = []): RaftResponse {
  const common = { requestId: request.requestId, error: 'NONE' as const, epoch: request.epoch, leaderId: responder };
  switch (request.type) {
    case 'VoteRequest':
      return { type: 'VoteResponse', ...common, granted: true, preVote: request.preVote };
    case 'BeginQuorumEpochRequest':
      return { type: 'BeginQuorumEpochResponse', ...common };
    case 'EndQuorumEpochRequest':
      return { type: 'EndQuorumEpochResponse', ...common };
    case 'FetchRequest':
      return { type: 'FetchResponse', ...common, highWatermark: request.fetchOffset, logStartOffset: 0, batches };
    case 'UpdateVoterRequest':
      return { type: 'UpdateVoterResponse', ...common };
    case 'FetchSnapshotRequest':
      return {
        type: 'FetchSnapshotResponse',
        ...common,
        snapshotId: request.snapshotId,
        size: request.position + (batches[0]?.length ?? 0),
        position: request.position,
        bytes: batches[0] ?? new Uint8Array(0),
      };
  }
}

/** A transport driven by a stub core that records what it receives and (optionally) answers. */
export class TestNode {
  readonly inbox: Received[] = [];
  readonly log: LogLine[] = [];
  /** How the stub core answers a request; undefined: it never answers. */
  answer: ((from: NodeId, request: RaftRequest) => RaftResponse | undefined) | undefined;
  description: QuorumDescription | null = null;
  /** Voter changes admins asked of this node, answered as committed at offset 10 with no voters. */
  readonly voterChanges: VoterChangeRequest[] = [];
  readonly transport: GrpcRaftTransport;

  constructor(
    readonly id: NodeId,
    options: Partial<GrpcRaftTransportOptions> = {},
  ) {
    this.answer = (_from, request) => answerTo(request, id);
    this.transport = new GrpcRaftTransport({
      nodeId: id,
      clusterId: CLUSTER_ID,
      listen: '127.0.0.1:0',
      peers: new Map(),
      logger: recordingLogger(this.log),
      ...options,
    });
  }

  async start(): Promise<this> {
    await this.transport.start({
      deliver: (from, message) => {
        this.inbox.push({ from, message });
        if (message.type.endsWith('Request')) {
          // Answer from inside deliver, as a synchronous core may.
          const response = this.answer?.(from, message as RaftRequest);
          if (response !== undefined) this.transport.send(from, response);
        }
      },
      describeQuorum: () => this.description,
      changeVoters: (change) => {
        this.voterChanges.push(change);
        return Promise.resolve({ ok: true, offset: 10, epoch: 1, voters: [] });
      },
    });
    return this;
  }

  get address(): string {
    const address = this.transport.listenAddress;
    if (address === undefined) throw new Error(`node ${this.id} is not listening`);
    return address;
  }

  received(type: RaftMessage['type']): Received[] {
    return this.inbox.filter((r) => r.message.type === type);
  }
}

/** Lets every node send to every other. */
export function connect(nodes: readonly TestNode[]): void {
  for (const a of nodes) for (const b of nodes) if (a !== b) a.transport.setPeerAddress(b.id, b.address);
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface RawOutcome {
  readonly error: ServiceError | null;
  readonly response: Buffer | undefined;
}

/** One call with hand-made metadata and body, as a misbehaving or foreign client would make it. */
export async function rawCall(address: string, rpc: RaftRpcName | 'DescribeQuorum' | VoterChangeRpcName, body: Uint8Array, headers: Record<string, string>): Promise<RawOutcome> {
  const client = new Client(address, credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 });
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
  try {
    return await new Promise<RawOutcome>((resolve) => {
      client.makeUnaryRequest(
        rpcPath(rpc),
        (b: Buffer) => b,
        (b: Buffer) => b,
        Buffer.from(body),
        metadata,
        { deadline: Date.now() + 3000 },
        (error, response) => resolve({ error, response }),
      );
    });
  } finally {
    client.close();
  }
}

/** A Stream opened by hand, as a foreign or misbehaving peer would: frames written raw, frames read back decoded. */
export interface RawStream {
  write(frame: Uint8Array): void;
  /** The frames received so far. */
  readonly frames: StreamFrame[];
  /** The status the stream ended with. */
  readonly ended: Promise<StatusObject>;
  close(): void;
}

export function rawStream(address: string, headers: Record<string, string>): RawStream {
  const client = new Client(address, credentials.createInsecure(), { 'grpc.use_local_subchannel_pool': 1 });
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
  const call = client.makeBidiStreamRequest(rpcPath(STREAM_RPC), (b: Buffer) => b, (b: Buffer) => b, metadata, {});
  const frames: StreamFrame[] = [];
  call.on('data', (bytes: Buffer) => frames.push(decodeStreamFrame(bytes)));
  call.on('error', () => undefined);
  const ended = new Promise<StatusObject>((resolve) => call.on('status', (outcome: StatusObject) => resolve(outcome)));
  void ended.then(() => client.close());
  return {
    write: (frame) => call.write(Buffer.from(frame)),
    frames,
    ended,
    close: () => {
      call.cancel();
      client.close();
    },
  };
}
