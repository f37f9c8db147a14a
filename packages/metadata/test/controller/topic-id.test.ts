/** New topic ids: random, never one of the ids Kafka reserves, never one already taken. */
import { newTopicId } from '../../src/controller/topic-id';

/** A random source that plays `values` in order, then 0.5 forever. */
function scripted(values: readonly number[]): () => number {
  let i = 0;
  return () => (i < values.length ? values[i++]! : 0.5);
}

const ZERO_ID = 'AAAAAAAAAAAAAAAAAAAAAA';
const METADATA_TOPIC_ID = 'AAAAAAAAAAAAAAAAAAAAAQ';

describe('newTopicId', () => {
  it('is 16 random bytes in base64url', () => {
    const id = newTopicId(scripted([]), () => false);
    expect(Buffer.from(id, 'base64url')).toEqual(Buffer.alloc(16, 128));
  });

  it('draws again instead of the all-zero id or the metadata topic id', () => {
    const zero = Array<number>(16).fill(0);
    const one = [...Array<number>(15).fill(0), 1 / 256];
    expect(newTopicId(scripted([...zero, ...one]), () => false)).toBe(Buffer.alloc(16, 128).toString('base64url'));
    const seen: string[] = [];
    newTopicId(scripted([...zero, ...one]), (id) => {
      seen.push(id);
      return false;
    });
    // The reserved ids are refused before the taken check is even asked.
    expect(seen).not.toContain(ZERO_ID);
    expect(seen).not.toContain(METADATA_TOPIC_ID);
  });

  it('draws again while the id is taken by a live topic', () => {
    const taken = new Set([Buffer.alloc(16, 128).toString('base64url')]);
    const id = newTopicId(scripted([...Array<number>(32).fill(0.5), ...Array<number>(16).fill(0.25)]), (x) => taken.has(x));
    expect(id).toBe(Buffer.alloc(16, 64).toString('base64url'));
  });
});
