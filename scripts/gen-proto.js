#!/usr/bin/env node
/**
 * Generates the protobuf codecs of kz's gRPC services and metadata records from their .proto files
 * with protobufjs's own tooling (pbjs static modules, with their .d.ts), so that one schema source
 * says what the wire carries and the TypeScript compiler checks the codecs against it.
 *
 *   node scripts/gen-proto.js [--out DIR] [package ...]
 *
 * Writes `<DIR>/packages/<package>/generated/<name>.{js,d.ts}` for each .proto of the packages named
 * (all of them when none is); DIR is the repository root unless given. Each package's
 * test/generated compares its committed files with a fresh generation (generatedFiles).
 *
 * The output sits at the package root, beside `proto/`, not under `src/`: tsc does not emit .js
 * sources, and `src/x` and `dist/x` both reach `../../generated` alike.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** Each .proto and the protobuf.roots name its module registers under (one per file, or they overwrite each other's namespaces). */
const SCHEMAS = [
  { pkg: 'raft', name: 'raft', root: 'kz_raft' },
  { pkg: 'metadata', name: 'metadata', root: 'kz_metadata' },
  { pkg: 'metadata', name: 'admin', root: 'kz_metadata_admin' },
  { pkg: 'broker', name: 'replication', root: 'kz_broker_replication' },
];

/**
 * Encode and decode only: verify/fromObject/toObject are not used (the codecs validate decoded
 * fields themselves), and the service classes are protobufjs RPC stubs, not grpc-js services.
 */
const PBJS_OPTIONS = ['-t', 'static-module', '-w', 'commonjs', '--no-create', '--no-verify', '--no-convert', '--no-delimited', '--no-typeurl', '--no-service'];

function pbjs(args) {
  // From the root with a relative .proto path, so that nothing machine-specific can reach the output.
  execFileSync(process.execPath, [require.resolve('protobufjs-cli/bin/pbjs'), ...PBJS_OPTIONS, ...args], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

function generate(outDir, packages) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'kz-gen-proto-'));
  try {
    for (const schema of SCHEMAS) {
      if (packages.length > 0 && !packages.includes(schema.pkg)) continue;
      const dir = path.join(outDir, 'packages', schema.pkg, 'generated');
      mkdirSync(dir, { recursive: true });
      const proto = path.join('packages', schema.pkg, 'proto', `${schema.name}.proto`);
      // The .d.ts is made from the JSDoc of a commented build; the committed .js leaves the comments
      // out (about 40% of its size), as the types and the .proto already say it.
      pbjs(['-r', schema.root, '--dts', '-o', path.join(scratch, `${schema.name}.js`), proto]);
      copyFileSync(path.join(scratch, `${schema.name}.d.ts`), path.join(dir, `${schema.name}.d.ts`));
      pbjs(['-r', schema.root, '--no-comments', '-o', path.join(dir, `${schema.name}.js`), proto]);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Name → text of the files in `dir`. */
function readFiles(dir) {
  return new Map(readdirSync(dir).sort().map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]));
}

/** The files of `pkg`'s generated/ as committed, and as generated afresh (in a temporary directory). */
function generatedFiles(pkg) {
  const out = mkdtempSync(path.join(os.tmpdir(), `kz-gen-proto-${pkg}-`));
  try {
    generate(out, [pkg]);
    return { committed: readFiles(path.join(ROOT, 'packages', pkg, 'generated')), fresh: readFiles(path.join(out, 'packages', pkg, 'generated')) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function main(argv) {
  let outDir = ROOT;
  const packages = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') outDir = path.resolve(argv[++i] ?? '');
    else packages.push(argv[i]);
  }
  const unknown = packages.filter((pkg) => !SCHEMAS.some((schema) => schema.pkg === pkg));
  if (unknown.length > 0) throw new Error(`no .proto schemas in package(s) ${unknown.join(', ')}`);
  generate(outDir, packages);
}

module.exports = { generatedFiles };

if (require.main === module) main(process.argv.slice(2));
