/**
 * The committed generated/ is exactly what `pnpm gen-proto` makes from proto/: regenerate into a
 * temporary directory with the pinned protobufjs-cli and compare file by file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGE_DIR = join(__dirname, '..', '..');
const GEN_PROTO = join(PACKAGE_DIR, '..', '..', 'scripts', 'gen-proto.js');
const COMMITTED = join(PACKAGE_DIR, 'generated');

describe('generated protobuf code', () => {
  const out = mkdtempSync(join(tmpdir(), 'kz-gen-proto-metadata-'));
  const fresh = join(out, 'packages', 'metadata', 'generated');
  beforeAll(() => execFileSync(process.execPath, [GEN_PROTO, '--out', out, 'metadata']), 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('every generated file matches the committed one (run `pnpm gen-proto` after changing proto/)', () => {
    for (const name of readdirSync(fresh)) {
      expect({ name, text: readFileSync(join(COMMITTED, name), 'utf8') }).toEqual({ name, text: readFileSync(join(fresh, name), 'utf8') });
    }
  });

  test('generated/ holds no file the generator does not make', () => {
    expect(readdirSync(COMMITTED).sort()).toEqual(readdirSync(fresh).sort());
  });
});
