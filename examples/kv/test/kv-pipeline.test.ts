/**
 * The two ends of KvService.Pipeline against stand-in streams, for what a real cluster does not
 * show on demand: the server's flow control and end-of-stream rules, the client's deadlines and
 * stream failures.
 */
import { EventEmitter } from 'node:events';
import { Server, ServerCredentials, status as grpcStatus, type Client, type ServerDuplexStream, type ServiceError } from '@grpc/grpc-js';
import { KvClient } from '../src/kv-client';
import { ClientPipeline, type PipelineOutcome } from '../src/kv-client-pipeline';
import { KV_SERVICE_DEFINITION } from '../src/kv-service-definition';
import { PipelineSession } from '../src/kv-pipeline';
import type { PipelineCall, PipelineOp, PipelineRequest, PipelineResponse, PipelineResult } from '../src/kv-wire';

/** The part of a grpc-js duplex stream the two ends use, recording what they do to it. */
class StandInStream extends EventEmitter {
  readonly written: unknown[] = [];
  paused = false;
  ended = false;
  cancelled = false;
  write(message: unknown): boolean {
    this.written.push(message);
    return true;
  }
  pause(): this {
    this.paused = true;
    return this;
  }
  resume(): this {
    this.paused = false;
    return this;
  }
  end(): this {
    this.ended = true;
    return this;
  }
  cancel(): void {
    this.cancelled = true;
  }
}

const put = (key: string): PipelineOp => ({ method: 'Put', request: { key: Buffer.from(key), value: Buffer.from('v') } });
const written = (id: number, offset: number): PipelineResult => ({ write: { error: null, applied: true, offset } });

describe('PipelineSession (server end)', () => {
  /** Each operation completes when the test says so. */
  function serving(maxInFlight: number) {
    const stream = new StandInStream();
    const pending = new Map<number, (result: PipelineResult) => void>();
    const closed: PipelineSession[] = [];
    let next = 0;
    const session = new PipelineSession(
      stream as unknown as ServerDuplexStream<PipelineRequest, PipelineResponse>,
      () => new Promise<PipelineResult>((resolve) => pending.set(next++, resolve)),
      (s) => closed.push(s),
      maxInFlight,
    );
    const request = (...ids: number[]): void => void stream.emit('data', { calls: ids.map((id) => ({ id, op: put(`k${id}`) })) } satisfies PipelineRequest);
    /** Completes the n-th operation served (and any more given), then lets the turn's answers go out. */
    const settle = async (...done: [number, PipelineResult][]): Promise<void> => {
      for (const [n, result] of done) pending.get(n)!(result);
      for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    };
    return { stream, session, closed, request, settle };
  }

  test('each answer carries its call id, in the order the operations complete', async () => {
    const { stream, request, settle } = serving(16);
    request(10, 20);
    await settle([1, written(20, 5)]);
    await settle([0, written(10, 6)]);
    expect(stream.written).toEqual([{ answers: [{ id: 20, result: written(20, 5) }] }, { answers: [{ id: 10, result: written(10, 6) }] }]);
  });

  test('answers completed in the same turn go out in one message', async () => {
    const { stream, request, settle } = serving(16);
    request(1);
    request(2, 3);
    await settle([2, written(3, 9)], [0, written(1, 7)]);
    expect(stream.written).toEqual([
      {
        answers: [
          { id: 3, result: written(3, 9) },
          { id: 1, result: written(1, 7) },
        ],
      },
    ]);
    await settle([1, written(2, 8)]);
    expect(stream.written).toHaveLength(2);
  });

  test('stops reading at its bound of operations in flight and reads again at half of it', async () => {
    const { stream, request, settle } = serving(4);
    request(0, 1, 2);
    expect(stream.paused).toBe(false);
    request(3);
    expect(stream.paused).toBe(true);
    await settle([0, written(0, 0)]);
    expect(stream.paused).toBe(true); // 3 in flight, above half
    await settle([1, written(1, 1)]);
    expect(stream.paused).toBe(false);
  });

  test('a client that half-closes gets its answers, then the end of the stream', async () => {
    const { stream, closed, session, request, settle } = serving(16);
    request(1);
    stream.emit('end');
    expect(stream.ended).toBe(false);
    await settle([0, written(1, 0)]);
    expect(stream.written).toHaveLength(1);
    expect(stream.ended).toBe(true);
    expect(closed).toEqual([session]);
  });

  test('a stopping server ends the stream once what it serves is answered', async () => {
    const { stream, closed, session, request, settle } = serving(16);
    request(1);
    session.end();
    expect(stream.ended).toBe(false);
    await settle([0, written(1, 0)]);
    expect(stream.ended).toBe(true);
    expect(closed).toEqual([session]);
  });

  test('a cancelled stream is written to no more', async () => {
    const { stream, closed, session, request, settle } = serving(16);
    request(1);
    stream.emit('cancelled');
    expect(closed).toEqual([session]);
    await settle([0, written(1, 0)]);
    expect(stream.written).toEqual([]);
    expect(stream.ended).toBe(false);
  });
});

describe('ClientPipeline (client end)', () => {
  function pipeline() {
    const streams: StandInStream[] = [];
    const channel = {
      makeBidiStreamRequest: () => {
        const stream = new StandInStream();
        streams.push(stream);
        return stream;
      },
    };
    return { streams, client: new ClientPipeline(channel as unknown as Client) };
  }
  const failed = (code: grpcStatus): ServiceError => Object.assign(new Error('x'), { code, details: 'x', metadata: undefined as never });

  afterEach(() => jest.useRealTimers());

  const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const callsOf = (stream: StandInStream): PipelineCall[] => (stream.written as PipelineRequest[]).flatMap((m) => m.calls);

  test('operations of one turn go in one message on one stream; answers settle them by id, whatever their order', async () => {
    const { streams, client } = pipeline();
    const a = client.send(put('a'), 5000);
    const b = client.send(put('b'), 5000);
    await nextTurn();
    expect(streams).toHaveLength(1);
    expect(streams[0]!.written).toHaveLength(1);
    const [first, second] = callsOf(streams[0]!);
    expect(first!.op).toEqual(put('a'));
    streams[0]!.emit('data', { answers: [{ id: second!.id, result: written(0, 8) }] });
    streams[0]!.emit('data', { answers: [{ id: first!.id, result: written(0, 9) }] });
    expect(await a).toEqual({ result: written(0, 9) });
    expect(await b).toEqual({ result: written(0, 8) });
    void client.send(put('c'), 5000);
    await nextTurn();
    expect(streams[0]!.written).toHaveLength(2);
    client.close();
  });

  test('a failed stream fails every operation waiting on it, and the next operation opens another', async () => {
    const { streams, client } = pipeline();
    const waiting = [client.send(put('a'), 5000), client.send(put('b'), 5000)];
    await nextTurn();
    const error = failed(grpcStatus.UNAVAILABLE);
    streams[0]!.emit('error', error);
    expect(await Promise.all(waiting)).toEqual([{ failure: error }, { failure: error }]);
    void client.send(put('c'), 5000);
    await nextTurn();
    expect(streams).toHaveLength(2);
    client.close();
  });

  test('an operation past its deadline fails with DEADLINE_EXCEEDED, and its late answer is dropped', async () => {
    jest.useFakeTimers();
    const { streams, client } = pipeline();
    const slow = client.send(put('a'), 100);
    const patient = client.send(put('b'), 10_000);
    jest.advanceTimersByTime(200);
    const outcome: PipelineOutcome = await slow;
    expect('failure' in outcome && outcome.failure.code).toBe(grpcStatus.DEADLINE_EXCEEDED);
    const [late, other] = callsOf(streams[0]!);
    streams[0]!.emit('data', { answers: [{ id: late!.id, result: written(0, 1) }, { id: other!.id, result: written(0, 2) }] });
    expect(await patient).toEqual({ result: written(0, 2) });
    client.close();
  });

  test('close cancels the stream and fails what waits with CANCELLED', async () => {
    const { streams, client } = pipeline();
    const waiting = client.send(put('a'), 5000);
    await nextTurn();
    client.close();
    expect(streams[0]!.cancelled).toBe(true);
    const outcome = await waiting;
    expect('failure' in outcome && outcome.failure.code).toBe(grpcStatus.CANCELLED);
  });
});

test('a KvClient whose node has no Pipeline (an older server) sends the same operation as a unary call', async () => {
  const { Pipeline: _, ...unaryOnly } = KV_SERVICE_DEFINITION;
  const server = new Server();
  const refused = { error: { code: 'INVALID_REQUEST', message: 'unused', leaderId: -1, leaderAddress: '' }, applied: false, offset: -1 } as const;
  server.addService(unaryOnly, {
    Put: (_call: unknown, respond: (e: null, r: object) => void) => respond(null, { error: null, applied: true, offset: 42 }),
    Delete: (_call: unknown, respond: (e: null, r: object) => void) => respond(null, refused),
    CompareAndSet: (_call: unknown, respond: (e: null, r: object) => void) => respond(null, refused),
    Get: (_call: unknown, respond: (e: null, r: object) => void) => respond(null, { error: null, found: false, value: new Uint8Array(0), readOffset: 7 }),
  });
  const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))));
  const kv = new KvClient({ addresses: [`127.0.0.1:${port}`], timeoutMs: 3000 });
  try {
    expect(await kv.put('k', 'v')).toEqual({ offset: 42 });
    expect(await kv.get('k')).toEqual({ value: null, readOffset: 7 });
  } finally {
    kv.close();
    server.forceShutdown();
  }
});
