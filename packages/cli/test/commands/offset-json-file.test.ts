/** Kafka's kafka-delete-records offsets file, as `kz topics delete-records --offset-json-file` reads it. */
import { parseOffsetJson } from '../../src/options/offset-json-file';

describe('parseOffsetJson', () => {
  it('reads Kafka’s format, -1 meaning the high watermark', () => {
    const text = JSON.stringify({ partitions: [{ topic: 'a', partition: 0, offset: 42 }, { topic: 'a', partition: 1, offset: -1 }, { topic: 'b', partition: 0, offset: 0 }], version: 1 });
    expect(parseOffsetJson(text, 'f.json')).toEqual([
      { topic: 'a', partition: 0, offset: 42 },
      { topic: 'a', partition: 1, offset: 'high-watermark' },
      { topic: 'b', partition: 0, offset: 0 },
    ]);
    expect(parseOffsetJson('{"partitions":[]}', 'f.json')).toEqual([]);
  });

  it.each([
    ['{"partitions": [', 'not JSON'],
    ['[]', 'expected {"partitions"'],
    ['{"partitions": [], "version": 2}', 'unknown version 2'],
    ['{"partitions": [{"partition": 0, "offset": 1}]}', 'entry 1 has no topic'],
    ['{"partitions": [{"topic": "a", "partition": -1, "offset": 1}]}', 'entry 1 (a) needs a partition number'],
    ['{"partitions": [{"topic": "a", "partition": 0, "offset": -2}]}', 'entry 1 (a-0) needs an offset'],
    ['{"partitions": [{"topic": "a", "partition": 0, "offset": "5"}]}', 'entry 1 (a-0) needs an offset'],
    ['{"partitions": [{"topic": "a", "partition": 0, "offset": 1}, {"topic": "a", "partition": 0, "offset": 2}]}', 'a-0 is listed twice'],
  ])('refuses %s: %s', (text, message) => {
    expect(() => parseOffsetJson(text, 'f.json')).toThrow(expect.objectContaining({ code: 'USAGE', exitCode: 2, message: expect.stringContaining(message) }));
  });
});
