// Tests run against the TypeScript sources (swc strips types; `tsc -b` is the type gate).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages'],
  testMatch: ['**/test/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: {
    '^@kz/raft/testing$': '<rootDir>/packages/raft/src/testing/index.ts',
    '^@kz/([a-z]+)$': '<rootDir>/packages/$1/src/index.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
