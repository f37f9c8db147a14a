import { MemoryLog } from '@kz/broker/testing';
import { encodeRecordBatch } from '@kz/records';

function batch(...values: string[]): Uint8Array {
  return encodeRecordBatch({ records: values.map((v) => ({ key: null, value: new TextEncoder().encode(v) })) });
}

function payload(log: MemoryLog, offset: number): string | undefined {
  const value = log.recordAt(offset)?.value;
  return value === undefined || value === null ? undefined : new TextDecoder().decode(value);
}

describe('MemoryLog as a simulated disk', () => {
  it('loses on a crash exactly what was appended since the last flush, and its epochs with it', () => {
    const log = new MemoryLog();
    log.append(batch('a', 'b'), 1);
    log.flush();
    log.append(batch('c'), 2);
    log.append(batch('d'), 2);
    expect(log.logEndOffset).toBe(4);
    expect(log.recoveryPoint).toBe(2);

    log.crash();

    expect(log.logEndOffset).toBe(2);
    expect(log.recoveryPoint).toBe(2);
    expect(log.latestEpoch).toBe(1);
    expect(log.epochEntries).toEqual([{ epoch: 1, startOffset: 0 }]);
    expect([payload(log, 0), payload(log, 1), payload(log, 2)]).toEqual(['a', 'b', undefined]);
    expect(log.lostOnCrash).toBe(2);
    // It is usable again, as the next process finds it on disk.
    expect(log.append(batch('e'), 3)).toEqual({ baseOffset: 2, lastOffset: 2 });
  });

  it('keeps a truncation across a crash, as a truncated file does', () => {
    const log = new MemoryLog();
    log.append(batch('a'), 1);
    log.append(batch('b'), 1);
    log.flush();
    const before = log.destructiveChangeCount;
    expect(log.truncateTo(1)).toBe(1);
    expect(log.recoveryPoint).toBe(1);
    expect(log.destructiveChangeCount).toBe(before + 1);
    log.crash();
    expect(log.logEndOffset).toBe(1);
    expect(payload(log, 0)).toBe('a');
  });

  it('keeps its own copy of appended bytes: neither the caller nor a reader can change what it holds', () => {
    const log = new MemoryLog();
    const bytes = batch('a');
    log.append(bytes, 1);
    bytes.fill(0);
    const read = log.read(0, 1 << 20);
    read.fill(0);
    expect(payload(log, 0)).toBe('a');
  });

  it('counts a crash that loses nothing as no change to its contents', () => {
    const log = new MemoryLog();
    log.append(batch('a'), 1);
    log.flush();
    const before = log.destructiveChangeCount;
    log.crash();
    expect(log.destructiveChangeCount).toBe(before);
    expect(log.lostOnCrash).toBe(0);
  });
});
