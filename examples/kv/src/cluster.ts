#!/usr/bin/env node
/**
 * Three kv nodes on loopback from one command (`pnpm start` here, or the root's `pnpm kv`):
 * Raft on 7001-7003, KvService on 7101-7103, data under --dir (kept between runs unless --fresh),
 * every line of output prefixed with its node. Ctrl-C (or SIGTERM) stops all three gracefully.
 *
 * Each node is a separate `main.js` process, exactly as it would be deployed, so `kill -9` on one
 * of them is a real crash.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { KV_V8_FLAGS } from './kv-v8-flags';
import { formatLogLine } from './log-line';
import { formatNodeAddressList } from './node-address-list';

const USAGE = `Usage: kz-kv-cluster [--dir DIR] [--fresh] [--host HOST] [--raft-port P] [--kv-port P] [--log-level LEVEL]

Runs a three-node kv cluster on this machine.

  --dir DIR          parent of the data dirs node-1, node-2, node-3 (default: ${path.join(tmpdir(), 'kz-kv')})
  --fresh            delete the data dirs first (default: keep them, so the store survives restarts)
  --host HOST        address to bind and advertise (default: 127.0.0.1)
  --raft-port P      Raft port of node 1; nodes 2 and 3 take the next ones (default: 7001)
  --kv-port P        KvService port of node 1; likewise (default: 7101)
  --log-level LEVEL  passed to every node (default: info)
  -h, --help         show this help

Ctrl-C stops all three nodes.`;

const NODE_IDS = [1, 2, 3] as const;
const PREFIX_COLOURS = ['\x1b[36m', '\x1b[35m', '\x1b[33m'];
const RESET = '\x1b[0m';

function usageError(message: string): never {
  process.stderr.write(`kz-kv-cluster: ${message}\nRun with --help for usage.\n`);
  process.exit(2);
}

function port(text: string | undefined, fallback: number, what: string): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^[0-9]+$/.test(text) || n < 1 || n + NODE_IDS.length - 1 > 65535) usageError(`${what} must be a port between 1 and ${65536 - NODE_IDS.length}`);
  return n;
}

function main(): void {
  let values;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: {
        dir: { type: 'string' },
        fresh: { type: 'boolean' },
        host: { type: 'string' },
        'raft-port': { type: 'string' },
        'kv-port': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const dir = path.resolve(values.dir ?? path.join(tmpdir(), 'kz-kv'));
  const host = values.host ?? '127.0.0.1';
  const raftBase = port(values['raft-port'], 7001, '--raft-port');
  const kvBase = port(values['kv-port'], 7101, '--kv-port');
  const peers = new Map(NODE_IDS.map((id, i) => [id, `${host}:${raftBase + i}`]));
  const kvPeers = new Map(NODE_IDS.map((id, i) => [id, `${host}:${kvBase + i}`]));

  if (values.fresh === true) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const colour = process.stdout.isTTY === true;
  const say = (line: string): void => void process.stdout.write(`${colour ? '\x1b[1m' : ''}[cluster]${colour ? RESET : ''} ${line}\n`);
  say(`data under ${dir}${values.fresh === true ? ' (fresh)' : ''}`);
  say(`raft ${formatNodeAddressList(peers)}`);
  say(`kv   ${formatNodeAddressList(kvPeers)}  (Ctrl-C stops all)`);

  const main = path.join(__dirname, 'main.js');
  const children = new Map<number, ChildProcess>();
  let stopping = false;
  let exitCode = 0;

  for (const [i, id] of NODE_IDS.entries()) {
    const args = [
      ...KV_V8_FLAGS,
      main,
      `--node-id=${id}`,
      `--data-dir=${path.join(dir, `node-${id}`)}`,
      `--peers=${formatNodeAddressList(peers)}`,
      `--kv-peers=${formatNodeAddressList(kvPeers)}`,
      `--log-level=${values['log-level'] ?? 'info'}`,
    ];
    // Its own process group: a terminal's Ctrl-C reaches only us, and we stop the nodes in order.
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.set(id, child);
    const prefix = colour ? `${PREFIX_COLOURS[i % PREFIX_COLOURS.length]}[kv-${id}]${RESET} ` : `[kv-${id}] `;
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${prefix}${formatLogLine(line)}\n`));
    }
    child.on('exit', (code, signal) => {
      children.delete(id);
      say(`kv-${id} exited (${signal ?? `code ${code}`})`);
      if (!stopping && code !== 0) exitCode = 1;
      if (children.size === 0) process.exit(exitCode);
    });
  }

  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // Asked twice: stop waiting for graceful shutdowns.
      for (const child of children.values()) child.kill('SIGKILL');
      return;
    }
    stopping = true;
    say(`${signal}: stopping ${children.size} node(s)`);
    for (const child of children.values()) child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Never leave nodes behind: if this process dies some other way, take them with it.
  process.on('exit', () => {
    for (const child of children.values()) child.kill('SIGKILL');
  });
}

main();
