// The root jest config narrowed to one scope's tests (KZ_MUTATION_SCOPE); same @swc/jest transform
// and module mapping, so the tests run exactly as in `pnpm test`.
const path = require('node:path');
const root = require('../jest.config.js');
const scopes = require('./scopes.cjs');

const scope = scopes[process.env.KZ_MUTATION_SCOPE];
if (!scope) throw new Error(`KZ_MUTATION_SCOPE must be one of: ${Object.keys(scopes).join(', ')}`);

module.exports = {
  ...root,
  rootDir: path.resolve(__dirname, '..'),
  roots: scope.tests.map((dir) => `<rootDir>/${dir}`),
};
