import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The parts of a V8 .cpuprofile (Chrome DevTools Profiler.Profile) that self time needs. */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTimeRow {
  readonly name: string;
  readonly area: string;
  readonly ms: number;
}

export interface ProfileSummary {
  readonly file: string;
  /** Sampled time the thread was not idle. */
  readonly busyMs: number;
  readonly idleMs: number;
  readonly functions: readonly SelfTimeRow[];
  readonly areas: readonly { readonly area: string; readonly ms: number }[];
  /**
   * Self time with Node's internals (http2, streams, timers, buffers) charged to the nearest
   * package frame that called them: says which component the runtime's work was done for.
   */
  readonly owners: readonly { readonly area: string; readonly ms: number }[];
}

const IDLE = '(idle)';

/**
 * Self time per function and per code area (a package, node internals, GC), from the samples:
 * each sample is charged the time until the next one, to the function on top of the stack.
 */
export function summariseProfile(file: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byNode = new Map<number, { name: string; area: string; owner: string }>();
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const urlOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame.url]));
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = url === '' ? functionName || '(anonymous)' : `${functionName || '(anonymous)'} ${shortUrl(url)}:${lineNumber + 1}`;
    const area = areaOf(url, functionName);
    byNode.set(node.id, { name, area, owner: area });
  }
  // Resolve owners once all areas are known: walk up past node internals and native frames.
  for (const [id, frame] of byNode) {
    if (!isRuntime(urlOf.get(id) ?? '')) continue;
    for (let up = parentOf.get(id); up !== undefined; up = parentOf.get(up)) {
      if (!isRuntime(urlOf.get(up) ?? '')) {
        frame.owner = byNode.get(up)!.area;
        break;
      }
    }
  }
  const functions = new Map<string, SelfTimeRow>();
  const areas = new Map<string, number>();
  const owners = new Map<string, number>();
  let idleUs = 0;
  let busyUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const frame = byNode.get(profile.samples[i]!);
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (frame === undefined) continue;
    if (frame.name === IDLE) {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const row = functions.get(frame.name);
    functions.set(frame.name, { name: frame.name, area: frame.area, ms: (row?.ms ?? 0) + us / 1000 });
    areas.set(frame.area, (areas.get(frame.area) ?? 0) + us / 1000);
    owners.set(frame.owner, (owners.get(frame.owner) ?? 0) + us / 1000);
  }
  const sorted = (m: Map<string, number>): { area: string; ms: number }[] =>
    [...m.entries()].map(([area, ms]) => ({ area, ms })).sort((a, b) => b.ms - a.ms);
  return {
    file,
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    functions: [...functions.values()].sort((a, b) => b.ms - a.ms),
    areas: sorted(areas),
    owners: sorted(owners),
  };
}

/** Prints the summary of one .cpuprofile, or of every one in a directory (busiest first). */
export function printProfileSummary(target: string, topFunctions = 25, topAreas = 12): void {
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => join(target, f))
    : [target];
  const summaries = files.map(summariseProfile).sort((a, b) => b.busyMs - a.busyMs);
  for (const s of summaries) {
    const total = s.busyMs + s.idleMs;
    console.log(
      `profile ${basename(s.file)}: busy ${s.busyMs.toFixed(0)} ms of ${total.toFixed(0)} ms sampled (${pct(s.busyMs, total)} of one core)`,
    );
    console.log(`  by area (self time, % of busy):`);
    for (const a of s.areas.slice(0, topAreas)) console.log(`    ${pct(a.ms, s.busyMs).padStart(6)}  ${a.ms.toFixed(0).padStart(7)} ms  ${a.area}`);
    console.log(`  by owner (node internals charged to the package that called them, % of busy):`);
    for (const a of s.owners.slice(0, topAreas)) console.log(`    ${pct(a.ms, s.busyMs).padStart(6)}  ${a.ms.toFixed(0).padStart(7)} ms  ${a.area}`);
    console.log(`  top functions (self time, % of busy):`);
    for (const f of s.functions.slice(0, topFunctions)) {
      console.log(`    ${pct(f.ms, s.busyMs).padStart(6)}  ${f.ms.toFixed(0).padStart(7)} ms  ${f.name}  [${f.area}]`);
    }
  }
}

/** Node's own JavaScript and native code: no package of ours or of npm. */
function isRuntime(url: string): boolean {
  return url === '' || url.startsWith('node:');
}

function pct(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a';
}

/** The package or subsystem a frame belongs to: what a reader needs to see where time goes. */
function areaOf(url: string, functionName: string): string {
  if (url === '') {
    // V8's pseudo-frames: (garbage collector), (program), (idle), (root); otherwise native code.
    return functionName.startsWith('(') ? functionName : '(native)';
  }
  const pnpm = /node_modules\/\.pnpm\/((?:@[^+/]+\+)?[^@/]+)@/.exec(url);
  if (pnpm !== null) return pnpm[1]!.replace('+', '/');
  const workspace = /\/(packages|examples)\/([^/]+)\//.exec(url);
  if (workspace !== null) {
    const sub = /\/dist\/([^/]+)\//.exec(url);
    return `${workspace[1] === 'packages' ? '@kz/' : 'examples/'}${workspace[2]}${sub !== null ? `/${sub[1]}` : ''}`;
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  return shortUrl(url);
}

function shortUrl(url: string): string {
  const withoutScheme = url.replace(/^file:\/\//, '');
  const pnpm = withoutScheme.indexOf('/node_modules/.pnpm/');
  if (pnpm >= 0) {
    const rest = withoutScheme.slice(pnpm + '/node_modules/.pnpm/'.length);
    return rest.slice(rest.indexOf('/node_modules/') + '/node_modules/'.length);
  }
  const workspace = /\/((?:packages|examples)\/.*)$/.exec(withoutScheme);
  return workspace !== null ? workspace[1]! : withoutScheme;
}
