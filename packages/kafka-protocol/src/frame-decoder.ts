/**
 * Splits a byte stream into Kafka frames: each is a big-endian int32 size
 * followed by that many bytes. Frames that arrive whole inside one chunk are
 * returned as views of the chunk (no copy); a frame split across chunks is
 * assembled into one buffer allocated at its final size, so a large Produce
 * request arriving in many small reads costs one copy, not one per read.
 *
 * A negative size or one above the maximum (Kafka's socket.request.max.bytes,
 * 100 MiB by default) is an InvalidFrameSizeError, checked before anything is
 * allocated. After that error the stream has no known frame boundary, so the
 * decoder stays failed and the connection should be closed.
 */
import { InvalidFrameSizeError } from './errors.js';

/** Kafka's default socket.request.max.bytes. */
export const DEFAULT_MAX_FRAME_SIZE = 100 * 1024 * 1024;

export class FrameDecoder {
  private readonly maxFrameSize: number;
  private readonly sizeBytes = new Uint8Array(4);
  private sizeHave = 0;
  private frame: Uint8Array | null = null;
  private frameHave = 0;
  private failure: InvalidFrameSizeError | null = null;

  constructor(options: { maxFrameSize?: number } = {}) {
    this.maxFrameSize = options.maxFrameSize ?? DEFAULT_MAX_FRAME_SIZE;
  }

  /** Bytes held for a frame not yet complete (size prefix included). */
  get buffered(): number {
    return this.sizeHave + (this.frame ? 4 + this.frameHave : 0);
  }

  /** Feeds a chunk; returns the frames it completed, in order (possibly none). */
  push(chunk: Uint8Array): Uint8Array[] {
    if (this.failure) throw this.failure;
    const out: Uint8Array[] = [];
    let pos = 0;
    const len = chunk.length;
    while (pos < len) {
      if (this.frame) {
        const take = Math.min(this.frame.length - this.frameHave, len - pos);
        this.frame.set(chunk.subarray(pos, pos + take), this.frameHave);
        this.frameHave += take;
        pos += take;
        if (this.frameHave === this.frame.length) {
          out.push(this.frame);
          this.frame = null;
          this.frameHave = 0;
        }
        continue;
      }
      let size: number;
      if (this.sizeHave === 0 && len - pos >= 4) {
        size = ((chunk[pos] as number) << 24) | ((chunk[pos + 1] as number) << 16) | ((chunk[pos + 2] as number) << 8) | (chunk[pos + 3] as number);
        pos += 4;
      } else {
        while (this.sizeHave < 4 && pos < len) this.sizeBytes[this.sizeHave++] = chunk[pos++] as number;
        if (this.sizeHave < 4) break;
        const b = this.sizeBytes;
        size = ((b[0] as number) << 24) | ((b[1] as number) << 16) | ((b[2] as number) << 8) | (b[3] as number);
        this.sizeHave = 0;
      }
      this.checkSize(size);
      if (len - pos >= size) {
        out.push(chunk.subarray(pos, pos + size));
        pos += size;
      } else {
        // Not zero-filled: the frame is handed out only once every byte of it has arrived.
        this.frame = Buffer.allocUnsafe(size);
        this.frameHave = 0;
      }
    }
    return out;
  }

  private checkSize(size: number): void {
    if (size < 0 || size > this.maxFrameSize) {
      this.failure = new InvalidFrameSizeError(size, this.maxFrameSize);
      throw this.failure;
    }
  }
}
