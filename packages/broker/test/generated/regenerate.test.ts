/** The committed generated/ is exactly what `pnpm gen-proto` makes from proto/ with the pinned protobufjs-cli. */
import { generatedFiles } from '../../../../scripts/gen-proto';

test('generated/ holds what a fresh generation makes, file for file (run `pnpm gen-proto` after changing proto/)', () => {
  const { committed, fresh } = generatedFiles('broker');
  expect(fresh.size).toBeGreaterThan(0);
  expect(committed).toEqual(fresh);
}, 120_000);
