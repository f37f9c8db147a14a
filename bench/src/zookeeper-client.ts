import { connect, type Socket } from 'node:net';

/**
 * One ZooKeeper session, speaking ZooKeeper's wire protocol (jute over TCP) itself: the few
 * requests this bench makes (create, setData, getData, getChildren, multi of creates), no
 * watches, no reconnects. Like ZooKeeper's Java client it pipelines: a call is sent at once and
 * its reply matched in order, so a caller that issues many calls before awaiting any keeps many
 * requests in flight on the one session; the calls made in one tick leave in one socket write.
 * ZooKeeper applies one session's requests in the order sent, so a create of a parent followed at
 * once by a create of its child is safe without waiting in between.
 *
 * Why not node-zookeeper-client (the pure-JS client on npm): it re-copies the whole unread input
 * for every reply it decodes, ~60 µs a reply on this bench's VM, so a 100,000-read workload would
 * have measured the client rather than ZooKeeper. Here replies are decoded in one pass, and the
 * whole client side of that workload (encode, decode, JSON, promises) costs ~12 µs a request.
 */

/** Request types (ZooDefs.OpCode). */
const OP = {
  create: 1,
  getData: 4,
  setData: 5,
  getChildren: 8,
  ping: 11,
  multi: 14,
  closeSession: -11,
  error: -1,
} as const;

/** Reply xids that answer no request of ours. */
const XID_NOTIFICATION = -1;
const XID_PING = -2;

/** ZooKeeper's error codes (KeeperException.Code), for messages. */
const ERROR_NAMES: ReadonlyMap<number, string> = new Map([
  [-1, 'SYSTEMERROR'],
  [-2, 'RUNTIMEINCONSISTENCY'],
  [-3, 'DATAINCONSISTENCY'],
  [-4, 'CONNECTIONLOSS'],
  [-5, 'MARSHALLINGERROR'],
  [-6, 'UNIMPLEMENTED'],
  [-7, 'OPERATIONTIMEOUT'],
  [-8, 'BADARGUMENTS'],
  [-13, 'NEWCONFIGNOQUORUM'],
  [-14, 'RECONFIGINPROGRESS'],
  [-100, 'APIERROR'],
  [-101, 'NONODE'],
  [-102, 'NOAUTH'],
  [-103, 'BADVERSION'],
  [-108, 'NOCHILDRENFOREPHEMERALS'],
  [-110, 'NODEEXISTS'],
  [-111, 'NOTEMPTY'],
  [-112, 'SESSIONEXPIRED'],
  [-113, 'INVALIDCALLBACK'],
  [-114, 'INVALIDACL'],
  [-115, 'AUTHFAILED'],
  [-118, 'SESSIONMOVED'],
  [-119, 'NOTREADONLY'],
  [-125, 'QUOTAEXCEEDED'],
  [-127, 'THROTTLEDOP'],
]);

/** A request ZooKeeper refused, with its error code (e.g. -103, "BADVERSION"). */
export class ZookeeperError extends Error {
  override readonly name = 'ZookeeperError';
  constructor(
    readonly operation: string,
    readonly path: string,
    readonly code: number,
  ) {
    super(`zookeeper ${operation} ${path}: ${ERROR_NAMES.get(code) ?? 'error'} (${code})`);
  }

  get codeName(): string {
    return ERROR_NAMES.get(this.code) ?? String(this.code);
  }
}

/** The session could not be established, or its connection was lost (requests in flight fail with this). */
export class ZookeeperSessionError extends Error {
  override readonly name = 'ZookeeperSessionError';
}

export interface ZnodeStat {
  /** The data version that a conditional setData must name. */
  readonly version: number;
  readonly numChildren: number;
  readonly dataLength: number;
}

export interface ZnodeData {
  /** null for a znode created without data. */
  readonly data: Buffer | null;
  readonly stat: ZnodeStat;
}

export interface ZookeeperSessionOptions {
  /** How long to wait for the session to be established. */
  readonly connectTimeoutMs?: number;
  /** Asked of the server, which clamps it to [2, 20] × tickTime. */
  readonly sessionTimeoutMs?: number;
}

/** Builds one request frame: a 4-byte length, then jute fields. */
class FrameWriter {
  private buffer: Buffer;
  private offset = 4;

  constructor(sizeHint: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(64, sizeHint + 16));
  }

  int(value: number): this {
    this.room(4);
    this.offset = this.buffer.writeInt32BE(value, this.offset);
    return this;
  }

  long(value: bigint): this {
    this.room(8);
    this.offset = this.buffer.writeBigInt64BE(value, this.offset);
    return this;
  }

  bool(value: boolean): this {
    this.room(1);
    this.offset = this.buffer.writeUInt8(value ? 1 : 0, this.offset);
    return this;
  }

  /** jute `ustring`: length then UTF-8. */
  string(value: string): this {
    const length = Buffer.byteLength(value);
    this.int(length).room(length);
    this.offset += this.buffer.write(value, this.offset, 'utf8');
    return this;
  }

  /** jute `buffer`: length (-1 for none) then bytes. */
  bytes(value: Buffer | null): this {
    if (value === null) return this.int(-1);
    this.int(value.length).room(value.length);
    this.offset += value.copy(this.buffer, this.offset);
    return this;
  }

  /** ZooDefs.Ids.OPEN_ACL_UNSAFE: one ACL, all permissions, world:anyone. */
  openAcl(): this {
    return this.int(1).int(31).string('world').string('anyone');
  }

  frame(): Buffer {
    this.buffer.writeInt32BE(this.offset - 4, 0);
    return this.buffer.subarray(0, this.offset);
  }

  private room(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(grown, 0, 0, this.offset);
    this.buffer = grown;
  }
}

/** Reads jute fields from one reply frame. */
class FrameReader {
  constructor(
    private readonly buffer: Buffer,
    private offset: number,
    private readonly end: number,
  ) {}

  int(): number {
    const value = this.buffer.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  bool(): boolean {
    return this.buffer.readUInt8(this.offset++) !== 0;
  }

  skip(bytes: number): void {
    this.offset += bytes;
  }

  string(): string {
    const length = this.int();
    if (length < 0) return '';
    const value = this.buffer.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  bytes(): Buffer | null {
    const length = this.int();
    if (length < 0) return null;
    // A copy: the frame's buffer is reused for the replies after it.
    const value = Buffer.from(this.buffer.subarray(this.offset, this.offset + length));
    this.offset += length;
    return value;
  }

  /** Stat: czxid, mzxid, ctime, mtime (4 longs), version, cversion, aversion (ints), ephemeralOwner (long), dataLength, numChildren (ints), pzxid (long). */
  stat(): ZnodeStat {
    this.skip(32);
    const version = this.int();
    this.skip(16);
    const dataLength = this.int();
    const numChildren = this.int();
    this.skip(8);
    return { version, numChildren, dataLength };
  }

  get remaining(): number {
    return this.end - this.offset;
  }
}

interface Pending {
  readonly xid: number;
  readonly operation: string;
  readonly path: string;
  /** Decodes a successful reply and settles the caller's promise. */
  readonly succeed: (reader: FrameReader) => void;
  readonly reject: (error: Error) => void;
}

function parseAddress(connectString: string): { host: string; port: number } {
  // Only the first server of a connect string: the bench names the server it wants.
  const first = connectString.split(',')[0]!.trim();
  const colon = first.lastIndexOf(':');
  const port = Number(first.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(port)) throw new ZookeeperSessionError(`not a host:port: "${first}"`);
  return { host: first.slice(0, colon), port };
}

export class ZookeeperSession {
  /** Requests sent and not yet answered, oldest first (from `head`). */
  private pending: (Pending | undefined)[] = [];
  private head = 0;
  private nextXid = 1;
  private input: Buffer | null = null;
  private outgoing: Buffer[] = [];
  private flushScheduled = false;
  private lost: string | null = null;
  private readonly pingTimer: NodeJS.Timeout;
  private closed: Promise<void> | null = null;

  private constructor(
    private readonly socket: Socket,
    readonly connectString: string,
    /** As the server granted it. */
    readonly sessionTimeoutMs: number,
    readonly sessionId: bigint,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => this.fail(`connection error: ${error.message}`));
    socket.on('close', () => this.fail('connection closed'));
    // A session the server hears nothing from expires; ping well within the timeout.
    this.pingTimer = setInterval(() => this.send(new FrameWriter(8).int(XID_PING).int(OP.ping).frame()), Math.max(500, Math.floor(sessionTimeoutMs / 3)));
    this.pingTimer.unref();
  }

  /** A new session with the first server of `connectString` ("host:port[,...]"). */
  static async connect(connectString: string, options: ZookeeperSessionOptions = {}): Promise<ZookeeperSession> {
    const { host, port } = parseAddress(connectString);
    const timeoutMs = options.connectTimeoutMs ?? 10_000;
    const socket = connect({ host, port });
    socket.setNoDelay(true);
    let timer: NodeJS.Timeout | undefined;
    try {
      const reply = await new Promise<Buffer>((resolve, reject) => {
        timer = setTimeout(() => reject(new ZookeeperSessionError(`no ZooKeeper session with ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
        let input = Buffer.alloc(0);
        const onData = (chunk: Buffer): void => {
          input = Buffer.concat([input, chunk]);
          if (input.length < 4 || input.length < 4 + input.readInt32BE(0)) return;
          // The server sends nothing more until asked.
          socket.off('data', onData);
          resolve(input.subarray(0, 4 + input.readInt32BE(0)));
        };
        socket.on('data', onData);
        socket.once('error', (error) => reject(new ZookeeperSessionError(`ZooKeeper at ${host}:${port}: ${error.message}`)));
        socket.once('close', () => reject(new ZookeeperSessionError(`ZooKeeper at ${host}:${port} closed the connection before a session was made`)));
        socket.once('connect', () => {
          // ConnectRequest: protocolVersion, lastZxidSeen, timeOut, sessionId, passwd, readOnly.
          const request = new FrameWriter(48)
            .int(0)
            .long(0n)
            .int(options.sessionTimeoutMs ?? 30_000)
            .long(0n)
            .bytes(Buffer.alloc(16))
            .bool(false);
          socket.write(request.frame());
        });
      });
      // ConnectResponse: protocolVersion, timeOut, sessionId, passwd[, readOnly].
      const reader = new FrameReader(reply, 4, reply.length);
      reader.int();
      const granted = reader.int();
      const sessionId = reply.readBigInt64BE(12);
      if (granted <= 0) throw new ZookeeperSessionError(`ZooKeeper at ${host}:${port} refused the session (it is not serving)`);
      socket.removeAllListeners('error');
      socket.removeAllListeners('close');
      return new ZookeeperSession(socket, `${host}:${port}`, granted, sessionId);
    } catch (error) {
      socket.destroy();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** A persistent znode with open ACLs; the parent must exist (or be created earlier on this session). */
  async create(path: string, data: Buffer | null): Promise<void> {
    const xid = this.nextXid++;
    const frame = new FrameWriter(64 + path.length * 3 + (data?.length ?? 0)).int(xid).int(OP.create).string(path).bytes(data).openAcl().int(0).frame();
    await this.request(xid, 'create', path, frame, () => undefined);
  }

  /** Conditional when `version` >= 0: fails with BADVERSION unless the znode is at that version. */
  setData(path: string, data: Buffer, version: number): Promise<ZnodeStat> {
    const xid = this.nextXid++;
    const frame = new FrameWriter(32 + path.length * 3 + data.length).int(xid).int(OP.setData).string(path).bytes(data).int(version).frame();
    return this.request(xid, 'setData', path, frame, (r) => r.stat());
  }

  getData(path: string): Promise<ZnodeData> {
    const xid = this.nextXid++;
    const frame = new FrameWriter(16 + path.length * 3).int(xid).int(OP.getData).string(path).bool(false).frame();
    return this.request(xid, 'getData', path, frame, (r) => ({ data: r.bytes(), stat: r.stat() }));
  }

  getChildren(path: string): Promise<string[]> {
    const xid = this.nextXid++;
    const frame = new FrameWriter(16 + path.length * 3).int(xid).int(OP.getChildren).string(path).bool(false).frame();
    return this.request(xid, 'getChildren', path, frame, (r) => {
      const count = r.int();
      const children = new Array<string>(Math.max(0, count));
      for (let i = 0; i < count; i++) children[i] = r.string();
      return children;
    });
  }

  /**
   * Creates these znodes in one atomic multi request (one transaction, one log entry). The
   * request must fit the server's jute.maxbuffer (1 MiB by default).
   */
  async createAll(znodes: readonly { readonly path: string; readonly data: Buffer | null }[]): Promise<void> {
    const xid = this.nextXid++;
    const size = znodes.reduce((sum, z) => sum + 48 + z.path.length * 3 + (z.data?.length ?? 0), 16);
    const writer = new FrameWriter(size).int(xid).int(OP.multi);
    // MultiRequest: per op a MultiHeader (type, done=false, err=-1) and its request; then a header with done=true.
    for (const z of znodes) writer.int(OP.create).bool(false).int(-1).string(z.path).bytes(z.data).openAcl().int(0);
    writer.int(-1).bool(true).int(-1);
    const firstPath = znodes[0]?.path ?? '(empty)';
    const failure = await this.request(xid, 'multi', firstPath, writer.frame(), (r) => {
      // MultiResponse: per op a MultiHeader and its result, until a header says done. A failed
      // multi answers every op with an error result; the one that failed carries the cause.
      let cause: { code: number; path: string } | null = null;
      for (let i = 0; r.remaining > 0; i++) {
        const type = r.int();
        const done = r.bool();
        r.int();
        if (done) break;
        if (type === OP.error) {
          const code = r.int();
          if (code !== 0 && (cause === null || cause.code === -2)) cause = { code, path: znodes[i]?.path ?? firstPath };
        } else if (type === OP.create) {
          r.string();
        } else {
          throw new ZookeeperSessionError(`zookeeper multi ${firstPath}: unexpected result type ${type}`);
        }
      }
      return cause;
    });
    if (failure !== null) throw new ZookeeperError('multi', failure.path, failure.code);
  }

  /** Ends the session on the server and closes the connection; safe to call more than once. */
  close(timeoutMs = 5000): Promise<void> {
    this.closed ??= (async () => {
      clearInterval(this.pingTimer);
      if (this.lost === null) {
        const xid = this.nextXid++;
        const frame = new FrameWriter(8).int(xid).int(OP.closeSession).frame();
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          this.request(xid, 'closeSession', '', frame, () => undefined).catch(() => undefined),
          new Promise((resolve) => {
            timer = setTimeout(resolve, timeoutMs);
          }),
        ]);
        clearTimeout(timer);
      }
      this.lost ??= 'session closed';
      this.socket.destroy();
    })();
    return this.closed;
  }

  private request<T>(xid: number, operation: string, path: string, frame: Buffer, decode: (reader: FrameReader) => T): Promise<T> {
    if (this.lost !== null) return Promise.reject(new ZookeeperSessionError(`zookeeper ${operation} ${path}: ${this.lost}`));
    return new Promise<T>((resolve, reject) => {
      const succeed = (reader: FrameReader): void => {
        try {
          resolve(decode(reader));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      this.pending.push({ xid, operation, path, succeed, reject });
      this.send(frame);
    });
  }

  /** Queues a frame; every frame queued in this tick goes out in one write. */
  private send(frame: Buffer): void {
    if (this.lost !== null) return;
    this.outgoing.push(frame);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    process.nextTick(() => {
      this.flushScheduled = false;
      const frames = this.outgoing;
      this.outgoing = [];
      if (this.lost === null) this.socket.write(frames.length === 1 ? frames[0]! : Buffer.concat(frames));
    });
  }

  private onData(chunk: Buffer): void {
    let buffer = this.input === null ? chunk : Buffer.concat([this.input, chunk]);
    let offset = 0;
    while (buffer.length - offset >= 4) {
      const length = buffer.readInt32BE(offset);
      if (buffer.length - offset - 4 < length) break;
      this.onReply(buffer, offset + 4, offset + 4 + length);
      offset += 4 + length;
    }
    if (offset < buffer.length) {
      buffer = buffer.subarray(offset);
      // Keep only the unread tail, not the whole chunk it came in.
      this.input = offset > 0 ? Buffer.from(buffer) : buffer;
    } else {
      this.input = null;
    }
  }

  /** ReplyHeader: xid, zxid, err; then the reply to the oldest pending request. */
  private onReply(buffer: Buffer, start: number, end: number): void {
    const reader = new FrameReader(buffer, start, end);
    const xid = reader.int();
    reader.skip(8);
    const err = reader.int();
    if (xid === XID_PING || xid === XID_NOTIFICATION) return;
    const pending = this.pending[this.head];
    if (pending === undefined || pending.xid !== xid) {
      this.fail(`reply xid ${xid} does not match the oldest request (${pending?.xid ?? 'none'})`);
      return;
    }
    this.pending[this.head++] = undefined;
    if (this.head > 4096 && this.head * 2 > this.pending.length) {
      this.pending = this.pending.slice(this.head);
      this.head = 0;
    }
    if (err !== 0) {
      pending.reject(new ZookeeperError(pending.operation, pending.path, err));
      return;
    }
    pending.succeed(reader);
  }

  /** The connection is gone: every request in flight fails, and so does every later one. */
  private fail(reason: string): void {
    if (this.lost === null) this.lost = reason;
    clearInterval(this.pingTimer);
    const pending = this.pending.slice(this.head);
    this.pending = [];
    this.head = 0;
    for (const p of pending) p?.reject(new ZookeeperSessionError(`zookeeper ${p.operation} ${p.path}: ${this.lost}`));
    this.socket.destroy();
  }
}
