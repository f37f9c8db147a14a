// StrykerJS on one decision-module scope (KZ_MUTATION_SCOPE, set by scripts/mutation).
// One worker and per-test coverage: the machine is shared, and per-test coverage lets each mutant
// run only the tests that reach it. Reports go to reports/ (gitignored). The incremental file is
// committed (mutation/incremental/<scope>.json): a cold run of a whole scope takes hours on a shared
// 2-core machine, longer than one working session, so runs of file subsets (KZ_MUTATE) must add up
// across sessions and clones. Stryker keeps the results of mutants outside `mutate`, and diffs the
// source and test text stored in the file against the tree, so a stale or merged copy only means
// more mutants re-run, never a wrong result; on a merge conflict, either side is a valid file.
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
  incrementalFile: `mutation/incremental/${name}.json`,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: 'reports/mutation/.stryker-tmp',
  // The sandbox needs only the sources and tests jest resolves; not builds or other worktrees' output.
  ignorePatterns: ['dist', '.tsbuild', 'reports', 'coverage', '*.tsbuildinfo'],
  thresholds: { high: 90, low: 85, break: null },
  // These tests take milliseconds; a mutant that loops is cut after 5 s more than its tests took
  // unmutated (each timeout also restarts the jest worker, a few seconds on this machine).
  timeoutMS: 5000,
  // The initial test run takes seconds, but processes on this machine may be paused (SIGSTOP) for
  // minutes while someone benchmarks; the default 5-minute limit then aborts the whole run.
  dryRunTimeoutMinutes: 30,
};
