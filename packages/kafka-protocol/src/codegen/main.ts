/**
 * Regenerates src/generated from schema/*.kzp: `pnpm gen-protocol` from the
 * repository root. Files no longer produced are removed.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './generate.js';
import { parseSchema } from './parse.js';

/** The package directory (this file runs from dist/codegen or src/codegen). */
export const PACKAGE_DIR = join(__dirname, '..', '..');

export function readSchemaFiles(dir = join(PACKAGE_DIR, 'schema')): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.kzp')).sort()) {
    files.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return files;
}

export function generateFromDisk(): Map<string, string> {
  return generate(parseSchema(readSchemaFiles()));
}

function main(): void {
  const out = join(PACKAGE_DIR, 'src', 'generated');
  mkdirSync(out, { recursive: true });
  const files = generateFromDisk();
  for (const name of readdirSync(out)) if (!files.has(name)) rmSync(join(out, name));
  for (const [name, text] of files) writeFileSync(join(out, name), text);
  process.stdout.write(`wrote ${files.size} files to ${out}\n`);
}

if (require.main === module) main();
