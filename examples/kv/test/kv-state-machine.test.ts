import type { CommittedBatch } from '@kz/raft';
import { decodeCommand, encodeCommand, MalformedCommandError, type KvCommand } from '../src/kv-command';
import { decodeKvSnapshot, encodeKvSnapshot, InvalidKvSnapshotError, kvSnapshotChunks } from '../src/kv-snapshot';
import { KvStateMachine } from '../src/kv-state-machine';

const b = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const text = (bytes: Uint8Array | undefined): string | undefined => (bytes === undefined ? undefined : Buffer.from(bytes).toString('utf8'));

/** Commands as the committed batch RaftNode would hand over, one record per command from `baseOffset`. */
function batch(baseOffset: number, commands: readonly (KvCommand | { key: Uint8Array | null; value: Uint8Array | null })[]): CommittedBatch {
  const records = commands.map((command, i) => {
    const record = 'op' in command ? encodeCommand(command) : command;
    return { offset: baseOffset + i, timestamp: 0, key: record.key, value: record.value, headers: [] };
  });
  return { baseOffset, lastOffset: baseOffset + records.length - 1, epoch: 1, records, bytes: new Uint8Array(0) };
}

const put = (key: string, value: string): KvCommand => ({ op: 'put', key: b(key), value: b(value) });
const del = (key: string): KvCommand => ({ op: 'delete', key: b(key) });
const cas = (key: string, expected: string | null, value: string): KvCommand => ({ op: 'cas', key: b(key), expected: expected === null ? null : b(expected), value: b(value) });

describe('kv commands', () => {
  test.each<[string, KvCommand]>([
    ['put', put('k', 'v')],
    ['put of an empty value', put('k', '')],
    ['delete', del('k')],
    ['cas from absent', cas('k', null, 'v')],
    ['cas from a value', cas('k', 'old', 'new')],
    ['cas from an empty value to an empty value', cas('k', '', '')],
  ])('%s survives encode/decode', (_, command) => {
    const decoded = decodeCommand(encodeCommand(command));
    expect(decoded).toEqual(command);
  });

  test.each<[string, Uint8Array | null, Uint8Array | null]>([
    ['no key', null, Uint8Array.of(1)],
    ['an empty key', new Uint8Array(0), Uint8Array.of(1)],
    ['no value', b('k'), null],
    ['an unknown op', b('k'), Uint8Array.of(9)],
    ['a delete with a payload', b('k'), Uint8Array.of(2, 0)],
    ['a short cas header', b('k'), Uint8Array.of(3, 1, 0)],
    ['a cas flag other than 0 or 1', b('k'), Uint8Array.of(3, 2, 0, 0, 0, 0)],
    ['a cas whose expected overruns the record', b('k'), Uint8Array.of(3, 1, 0, 0, 0, 9, 1)],
    ['a cas without expected but with a length', b('k'), Uint8Array.of(3, 0, 0, 0, 0, 1, 1)],
  ])('a record with %s is malformed', (_, key, value) => {
    expect(() => decodeCommand({ key, value })).toThrow(MalformedCommandError);
  });
});

describe('KvStateMachine', () => {
  test('put, get and delete', () => {
    const machine = new KvStateMachine();
    machine.apply(batch(0, [put('a', '1'), put('b', '2'), put('a', '3'), del('b'), del('missing')]));
    expect(text(machine.get(b('a')))).toBe('3');
    expect(machine.get(b('b'))).toBeUndefined();
    expect(machine.size).toBe(1);
    expect([0, 1, 2, 3, 4].map((offset) => machine.takeOutcome(offset))).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
  });

  test('keys are compared byte for byte, whatever the bytes (every byte value, not valid UTF-8)', () => {
    const machine = new KvStateMachine();
    const keys = Array.from({ length: 256 }, (_, i) => Uint8Array.of(0xff, i));
    keys.push(Uint8Array.of(0xc3, 0xa9), Uint8Array.of(0xe9), Uint8Array.of(0x00), Uint8Array.of(0x00, 0x00));
    machine.apply(batch(0, keys.map((key, i): KvCommand => ({ op: 'put', key, value: Uint8Array.of(i & 0xff, i >> 8) }))));
    expect(machine.size).toBe(keys.length);
    keys.forEach((key, i) => expect(machine.get(Uint8Array.from(key))).toEqual(Uint8Array.of(i & 0xff, i >> 8)));
    expect(machine.get(Uint8Array.of(0xff))).toBeUndefined();
  });

  test('cas matches on the value at apply time, and null means absent', () => {
    const machine = new KvStateMachine();
    machine.apply(
      batch(10, [
        cas('k', 'x', 'never'), // absent: expected x does not match
        cas('k', null, 'v1'), // absent: matches
        cas('k', null, 'never'), // present now: null does not match
        cas('k', 'v1', 'v2'),
        cas('k', 'v1', 'never'), // stale expected
        put('e', ''),
        cas('e', null, 'never'), // an empty value is present, not absent
        cas('e', '', 'filled'),
      ]),
    );
    expect([10, 11, 12, 13, 14, 15, 16, 17].map((o) => machine.takeOutcome(o))).toEqual([
      'unmatched',
      'applied',
      'unmatched',
      'applied',
      'unmatched',
      'applied',
      'unmatched',
      'applied',
    ]);
    expect(text(machine.get(b('k')))).toBe('v2');
    expect(text(machine.get(b('e')))).toBe('filled');
  });

  test('an outcome is taken once, and old untaken outcomes are dropped beyond the bound', () => {
    const machine = new KvStateMachine({ maxRetainedOutcomes: 3 });
    machine.apply(batch(0, [put('a', '1'), put('a', '2'), put('a', '3'), put('a', '4')]));
    expect(machine.takeOutcome(0)).toBeUndefined();
    expect(machine.takeOutcome(3)).toBe('applied');
    expect(machine.takeOutcome(3)).toBeUndefined();
    expect(machine.takeOutcome(1)).toBe('applied');
  });

  test('beyond maxRetainedOutcomes the oldest are dropped, across takes, many evictions and a restore', () => {
    const machine = new KvStateMachine({ maxRetainedOutcomes: 4 });
    // The rule as a plain list: kept in apply order, the oldest dropped beyond 4, a take removes.
    let model: number[] = [];
    let offset = 0;
    for (let round = 0; round < 50; round++) {
      machine.apply(batch(offset, [put('a', String(round)), put('b', String(round)), put('c', String(round))]));
      for (let i = 0; i < 3; i++) {
        model.push(offset + i);
        if (model.length > 4) model.shift();
      }
      // The proposer of the middle command takes its outcome, as the leader's service does.
      expect(machine.takeOutcome(offset + 1)).toBe('applied');
      model = model.filter((o) => o !== offset + 1);
      offset += 3;
    }
    expect(model).toEqual([offset - 4, offset - 3, offset - 1]);
    expect(Array.from({ length: offset }, (_, o) => machine.takeOutcome(o)).flatMap((outcome, o) => (outcome === undefined ? [] : [o]))).toEqual(model);

    machine.restore(machine.snapshot());
    machine.apply(batch(offset, [put('d', '1'), put('d', '2'), put('d', '3'), put('d', '4'), put('d', '5'), put('d', '6')]));
    expect([0, 1, 2, 3, 4, 5].map((i) => machine.takeOutcome(offset + i))).toEqual([undefined, undefined, 'applied', 'applied', 'applied', 'applied']);
  });

  test('a malformed record is a deterministic no-op', () => {
    const machine = new KvStateMachine();
    machine.apply(batch(0, [put('a', '1'), { key: b('a'), value: Uint8Array.of(0x7f) }, { key: null, value: null }, put('a', '2')]));
    expect([0, 1, 2, 3].map((o) => machine.takeOutcome(o))).toEqual(['applied', 'malformed', 'malformed', 'applied']);
    expect(text(machine.get(b('a')))).toBe('2');
  });

  test('replicas applying the same batches snapshot to the same bytes, also one restored from a snapshot on the way', () => {
    const batches = [
      batch(0, [put('z', '1'), put('a', '2'), cas('m', null, '3')]),
      batch(3, [del('z'), cas('a', '2', '4'), put('\u00ff', 'high'), put('\u0000', 'low')]),
      batch(7, [put('z', 'back'), put('a', '5'), del('m')]),
    ];
    const one = new KvStateMachine();
    const two = new KvStateMachine();
    for (const each of batches) one.apply(each);
    two.apply(batches[0]!);
    two.apply(batches[1]!);
    const restored = new KvStateMachine();
    restored.restore(two.snapshot());
    two.apply(batches[2]!);
    restored.apply(batches[2]!);
    expect(Buffer.from(two.snapshot())).toEqual(Buffer.from(one.snapshot()));
    expect(Buffer.from(restored.snapshot())).toEqual(Buffer.from(one.snapshot()));
  });

  test('the streamed snapshot is the state when it was asked for, in chunks that restore it', async () => {
    const machine = new KvStateMachine();
    const big = 'x'.repeat(300 * 1024);
    machine.apply(batch(0, [put('a', '1'), put('big', big), ...Array.from({ length: 1000 }, (_, i) => put(`k${i}`, 'v'.repeat(100)))]));
    const whole = machine.snapshot();
    const chunks: Uint8Array[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const writing = machine.writeSnapshot({
      id: { offset: 1002, epoch: 1 },
      write: async (chunk) => {
        chunks.push(chunk);
        await gate;
      },
    });
    // Applied after the capture: not in this snapshot.
    machine.apply(batch(1002, [put('a', 'later'), del('big')]));
    release();
    await writing;
    expect(chunks.length).toBeGreaterThan(2);
    expect(Buffer.concat(chunks).equals(Buffer.from(whole))).toBe(true);
    const target = new KvStateMachine();
    await target.restoreSnapshot((async function* () {
      yield* chunks;
    })());
    expect(text(target.get(b('a')))).toBe('1');
    expect(target.get(b('big'))?.length).toBe(big.length);
    expect(target.size).toBe(1002);
  });

  test('restore replaces the whole map with the snapshot', () => {
    const source = new KvStateMachine();
    source.apply(batch(0, [put('a', '1'), put('b', ''), put('binary', '\u0000\u0001')]));
    const bytes = source.snapshot();

    const target = new KvStateMachine();
    target.apply(batch(0, [put('stale', 'x'), put('a', 'old')]));
    target.restore(bytes);
    expect(target.size).toBe(3);
    expect(target.get(b('stale'))).toBeUndefined();
    expect(text(target.get(b('a')))).toBe('1');
    expect(text(target.get(b('b')))).toBe('');
    expect(text(target.get(b('binary')))).toBe('\u0000\u0001');
    // The outcomes of what was applied before are void.
    expect(target.takeOutcome(0)).toBeUndefined();
    // And the restored state goes on like the original.
    target.apply(batch(3, [cas('a', '1', '2')]));
    expect(target.takeOutcome(3)).toBe('applied');
  });

  test('the restored map does not share memory with the snapshot buffer', () => {
    const source = new KvStateMachine();
    source.apply(batch(0, [put('a', 'value')]));
    const bytes = source.snapshot();
    const target = new KvStateMachine();
    target.restore(bytes);
    bytes.fill(0);
    expect(text(target.get(b('a')))).toBe('value');
  });
});

describe('kv snapshot codec', () => {
  test('an empty map round-trips', () => {
    expect(decodeKvSnapshot(encodeKvSnapshot([]))).toEqual([]);
  });

  test('entries come back in the order given', () => {
    const entries = [
      { key: b('b'), value: b('2') },
      { key: b('a'), value: b('') },
    ];
    expect(decodeKvSnapshot(encodeKvSnapshot(entries)).map((e) => [text(e.key), text(e.value)])).toEqual([
      ['b', '2'],
      ['a', ''],
    ]);
  });

  test('chunks hold whole entries, at most the chunk size unless one entry is larger, and join into the snapshot', () => {
    const entries = [b('a'), b('bb'), b('c'.repeat(40)), b('d')].map((key) => ({ key, value: b('v') }));
    const chunks = [...kvSnapshotChunks(entries, 30)];
    // Header 9 + a (10) + bb (11) = 30; the 49-byte entry alone; d (10).
    expect(chunks.map((c) => c.length)).toEqual([30, 49, 10]);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(encodeKvSnapshot(entries)));
    expect([...kvSnapshotChunks([], 30)].map((c) => c.length)).toEqual([9]);
  });

  test.each<[string, (bytes: Uint8Array) => Uint8Array]>([
    ['a bad magic', (bytes) => Uint8Array.of(0, ...bytes.subarray(1))],
    ['another version', (bytes) => Uint8Array.of(...bytes.subarray(0, 4), 2, ...bytes.subarray(5))],
    ['a truncated entry', (bytes) => bytes.subarray(0, bytes.length - 1)],
    ['trailing bytes', (bytes) => Uint8Array.of(...bytes, 0)],
  ])('rejects %s', (_, corrupt) => {
    const bytes = encodeKvSnapshot([{ key: b('k'), value: b('v') }]);
    expect(() => decodeKvSnapshot(corrupt(bytes))).toThrow(InvalidKvSnapshotError);
  });
});
