/**
 * Reading a kz node's Prometheus endpoint from a benchmark: only the metrics asked for
 * (`/metrics?name=`), parsed into samples.
 */

export interface NodeSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export async function scrapeNode(address: string, names: readonly string[]): Promise<NodeSample[]> {
  const query = names.map((n) => `name=${encodeURIComponent(n)}`).join('&');
  const response = await fetch(`http://${address}/metrics?${query}`);
  if (response.status !== 200) throw new Error(`GET http://${address}/metrics answered ${response.status}`);
  const samples: NodeSample[] = [];
  for (const line of (await response.text()).split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = SAMPLE.exec(line);
    if (match === null) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of the samples named `name` (one unlabelled sample: its value); 0 when absent. */
export function metricValue(samples: readonly NodeSample[], name: string): number {
  let total = 0;
  for (const s of samples) if (s.name === name) total += s.value;
  return total;
}
