import type { KvInput, KvOutput, Operation } from '@kz/lincheck';

export type KvOp = Operation<KvInput, KvOutput>;

const OK: KvOutput = { ok: true };

export function put(clientId: number, call: number, ret: number, key: string, value: string): KvOp {
  return { clientId, call, return: ret, input: { op: 'put', key, value }, output: OK };
}

export function get(clientId: number, call: number, ret: number, key: string, value: string | null): KvOp {
  return { clientId, call, return: ret, input: { op: 'get', key }, output: { value } };
}

export function del(clientId: number, call: number, ret: number, key: string): KvOp {
  return { clientId, call, return: ret, input: { op: 'delete', key }, output: OK };
}

export function cas(
  clientId: number,
  call: number,
  ret: number,
  key: string,
  expected: string | null,
  value: string,
  succeeded: boolean,
): KvOp {
  return { clientId, call, return: ret, input: { op: 'cas', key, expected, value }, output: { ok: succeeded } };
}

/** The same invocation, but the client never learned how it ended. */
export function unknown(op: KvOp): KvOp {
  return { ...op, output: { unknown: true }, return: Infinity };
}

/** What a correct sequential map does; the reference the generators execute against. */
export function applyToMap(map: Map<string, string>, input: KvInput): KvOutput {
  const current = map.get(input.key) ?? null;
  switch (input.op) {
    case 'get':
      return { value: current };
    case 'put':
      map.set(input.key, input.value);
      return { ok: true };
    case 'delete':
      map.delete(input.key);
      return { ok: true };
    case 'cas':
      if (current !== input.expected) return { ok: false };
      map.set(input.key, input.value);
      return { ok: true };
  }
}

/** Deterministic PRNG for fixed, reproducible workloads outside fast-check. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Concurrent clients, each issuing `perClient` operations back to back with
 * random latencies, against one correct map. Each operation takes effect at a
 * random instant inside its interval; executing them in that order yields the
 * outputs, so the history is linearizable by construction.
 */
export function simulateClients(opts: { clients: number; perClient: number; keys: number; seed: number }): KvOp[] {
  const rand = mulberry32(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const keys = Array.from({ length: opts.keys }, (_, i) => `k${i}`);
  const values = ['a', 'b', 'c', 'd'];
  const planned: { clientId: number; input: KvInput; call: number; ret: number; at: number }[] = [];
  for (let clientId = 0; clientId < opts.clients; clientId++) {
    let t = rand() * 5;
    for (let i = 0; i < opts.perClient; i++) {
      const key = pick(keys);
      const r = rand();
      const input: KvInput =
        r < 0.45
          ? { op: 'get', key }
          : r < 0.75
            ? { op: 'put', key, value: pick(values) }
            : r < 0.85
              ? { op: 'delete', key }
              : { op: 'cas', key, expected: pick([null, ...values]), value: pick(values) };
      const call = t;
      const ret = call + 1 + rand() * 10;
      planned.push({ clientId, input, call, ret, at: call + rand() * (ret - call) });
      t = ret + rand() * 2;
    }
  }
  const map = new Map<string, string>();
  return planned
    .sort((a, b) => a.at - b.at)
    .map((p) => ({ clientId: p.clientId, input: p.input, output: applyToMap(map, p.input), call: p.call, return: p.ret }));
}
