/**
 * The committed generated code is exactly what the generator makes from the
 * committed schema: regenerate in memory and compare file by file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_DIR, generateFromDisk } from '../../src/codegen/main';

const GENERATED = join(PACKAGE_DIR, 'src', 'generated');

describe('generated code', () => {
  const expected = generateFromDisk();

  test('every generated file matches the committed one (run `pnpm gen-protocol` after changing schema/)', () => {
    for (const [name, text] of expected) {
      expect({ name, text: readFileSync(join(GENERATED, name), 'utf8') }).toEqual({ name, text });
    }
  });

  test('src/generated holds no file the generator does not make', () => {
    expect(readdirSync(GENERATED).sort()).toEqual([...expected.keys()].sort());
  });
});
