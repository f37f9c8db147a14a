import fc from 'fast-check';
import { DEFAULT_MAX_FRAME_SIZE, FrameDecoder, InvalidFrameSizeError } from '@kz/kafka-protocol';
import { checkProperty, hex, thrown } from '../helpers';

function framed(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.length);
  new DataView(out.buffer).setInt32(0, payload.length);
  out.set(payload, 4);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p))));
}

/** Cuts `bytes` at the given positions (sorted, deduplicated, within range). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const c of [...at, bytes.length]) {
    out.push(bytes.subarray(prev, c));
    prev = c;
  }
  return out;
}

describe('FrameDecoder', () => {
  test('property: any split of a stream of frames yields exactly those frames, in order', () => {
    const arb = fc.record({
      payloads: fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 6 }),
      cuts: fc.array(fc.nat(), { maxLength: 10 }),
    });
    checkProperty(arb, ({ payloads, cuts }) => {
      const d = new FrameDecoder();
      const out: Uint8Array[] = [];
      for (const chunk of split(concat(payloads.map(framed)), cuts)) out.push(...d.push(chunk));
      expect(out.map(hex)).toEqual(payloads.map(hex));
      expect(d.buffered).toBe(0);
    }, 200);
  });

  test('a frame inside one chunk is a view of the chunk; a payload split across chunks is assembled', () => {
    const d = new FrameDecoder();
    const chunk = concat([framed(Uint8Array.of(1, 2, 3)), framed(Uint8Array.of(4, 5, 6, 7))]);
    const [a, b] = d.push(chunk.subarray(0, 13));
    expect(b).toBeUndefined();
    expect(a?.buffer).toBe(chunk.buffer);
    expect(d.buffered).toBe(4 + 2); // the second frame's size prefix and two payload bytes
    const [c] = d.push(chunk.subarray(13));
    expect(hex(c as Uint8Array)).toBe('04050607');
    expect(c?.buffer).not.toBe(chunk.buffer);
  });

  test('a split size prefix followed by a whole payload is still a view', () => {
    const d = new FrameDecoder();
    const bytes = framed(Uint8Array.of(8, 9));
    expect(d.push(bytes.subarray(0, 2))).toEqual([]);
    const [f] = d.push(bytes.subarray(2));
    expect(hex(f as Uint8Array)).toBe('0809');
    expect(f?.buffer).toBe(bytes.buffer);
  });

  test('holds a partial size prefix across chunks', () => {
    const d = new FrameDecoder();
    const bytes = framed(Uint8Array.of(9));
    expect(d.push(bytes.subarray(0, 1))).toEqual([]);
    expect(d.push(bytes.subarray(1, 3))).toEqual([]);
    expect(d.buffered).toBe(3);
    expect(d.push(bytes.subarray(3)).map(hex)).toEqual(['09']);
  });

  test('an empty frame is passed on (the header decoder rejects it)', () => {
    expect(new FrameDecoder().push(Uint8Array.of(0, 0, 0, 0)).map(hex)).toEqual(['']);
  });

  test('a negative size is an InvalidFrameSizeError, and the decoder stays failed', () => {
    const d = new FrameDecoder();
    const e = thrown(() => d.push(Uint8Array.of(0xff, 0xff, 0xff, 0xfe, 1)));
    expect(e).toBeInstanceOf(InvalidFrameSizeError);
    expect(e).toMatchObject({ size: -2, code: 'INVALID_REQUEST', kafkaErrorCode: 42 });
    expect(thrown(() => d.push(framed(Uint8Array.of(1))))).toBe(e);
  });

  test('a size above the maximum is rejected before anything is allocated for it', () => {
    expect(DEFAULT_MAX_FRAME_SIZE).toBe(104857600);
    const d = new FrameDecoder({ maxFrameSize: 10 });
    expect(d.push(framed(new Uint8Array(10))).length).toBe(1);
    const e = thrown(() => d.push(Uint8Array.of(0, 0, 0, 11)));
    expect(e).toBeInstanceOf(InvalidFrameSizeError);
    expect(e).toMatchObject({ size: 11, maxFrameSize: 10 });
    const big = thrown(() => new FrameDecoder().push(Uint8Array.of(0x7f, 0xff, 0xff, 0xff)));
    expect(big).toMatchObject({ size: 0x7fffffff, maxFrameSize: DEFAULT_MAX_FRAME_SIZE });
  });

  test('property: garbage streams end in frames or an InvalidFrameSizeError, nothing else', () => {
    checkProperty(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 }), (chunks) => {
      const d = new FrameDecoder({ maxFrameSize: 1 << 16 });
      try {
        for (const c of chunks) d.push(c);
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidFrameSizeError);
      }
    }, 300);
  });
});
