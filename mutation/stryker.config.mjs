// StrykerJS on one decision-module scope (KZ_MUTATION_SCOPE, set by scripts/mutation).
// One worker and per-test coverage: the machine is shared, and per-test coverage lets each mutant
// run only the tests that reach it. Reports and the incremental cache go to reports/ (gitignored).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const scopes = require('./scopes.cjs');
const name = process.env.KZ_MUTATION_SCOPE;
const scope = scopes[name];
if (!scope) throw new Error(`KZ_MUTATION_SCOPE must be one of: ${Object.keys(scopes).join(', ')}`);
// KZ_MUTATE narrows the scope to a comma-separated list of globs (a dry run, or a subset that fits the time).
const mutate = process.env.KZ_MUTATE ? process.env.KZ_MUTATE.split(',') : scope.mutate;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // Named by path: under pnpm's isolated node_modules Stryker cannot discover the runner by itself.
  plugins: [import.meta.resolve('@stryker-mutator/jest-runner')],
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'mutation/jest.config.cjs', enableFindRelatedTests: false },
  mutate,
  concurrency: 1,
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: `reports/mutation/${name}/stryker-incremental.json`,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: 'reports/mutation/.stryker-tmp',
  // The sandbox needs only the sources and tests jest resolves; not builds or other worktrees' output.
  ignorePatterns: ['dist', '.tsbuild', 'reports', 'coverage', '*.tsbuildinfo'],
  thresholds: { high: 90, low: 85, break: null },
  timeoutMS: 10000,
};
