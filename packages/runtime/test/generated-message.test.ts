import { Field, Type } from 'protobufjs';
import { decodeMessage, encodeMessage, type MessageClass } from '../src/generated-message';

class TestMalformedError extends Error {
  override readonly name = 'TestMalformedError';
}

interface Echo {
  text?: string | null;
  blob?: Uint8Array | null;
  ids?: number[] | null;
}

// A reflected type stands in for a generated class: both have the encode/decode the codecs use.
const ECHO = new Type('Echo').add(new Field('text', 1, 'string')).add(new Field('blob', 2, 'bytes')).add(new Field('ids', 3, 'int32', 'repeated')) as unknown as MessageClass<Echo>;
const malformed = (message: string, options: ErrorOptions): Error => new TestMalformedError(message, options);

describe('encodeMessage / decodeMessage', () => {
  it('round-trip a message, read-only arrays accepted on the way out', () => {
    const ids: readonly number[] = [1, 2, 3];
    const bytes = encodeMessage(ECHO, { text: 'hi', ids });
    expect(decodeMessage(ECHO, bytes, 'Echo', malformed)).toMatchObject({ text: 'hi', ids: [1, 2, 3] });
  });

  it('turn bytes that do not decode into the codec’s error, naming the message and keeping the cause', () => {
    // Field 1, length-delimited, claiming 5 bytes where there is 1.
    const truncated = Uint8Array.of(0x0a, 0x05, 0x61);
    let thrown: unknown;
    try {
      decodeMessage(ECHO, truncated, 'EchoRequest', malformed);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TestMalformedError);
    expect((thrown as Error).message).toMatch(/^EchoRequest does not decode: /);
    expect((thrown as Error).cause).toBeInstanceOf(Error);
  });

  it('hand back bytes fields as views of the input, not copies', () => {
    const input = Buffer.from(encodeMessage(ECHO, { blob: Uint8Array.of(1, 2, 3, 4) }));
    const blob = decodeMessage(ECHO, input, 'Echo', malformed).blob!;
    expect(blob.buffer).toBe(input.buffer);
    input[input.length - 1] = 9;
    expect(blob[3]).toBe(9);
  });
});
