// Tests run against the TypeScript sources (swc strips types; `tsc -b` is the type gate).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/bench'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: {
    '^@kz/([a-z-]+)/testing$': '<rootDir>/packages/$1/src/testing/index.ts',
    '^@kz/([a-z-]+)$': '<rootDir>/packages/$1/src/index.ts',
    // Sources may import siblings as './x.js' (nodenext style); jest resolves them to the .ts file.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
