// The decision modules under mutation testing (issue 14 item 7), and for each the unit tests of that
// folder. Jest loads every test file of the run for each mutant even when a name filter selects a
// few tests, so a scope lists only its folder's own tests: the Raft scenario stories would add
// ~1.3 s to every one of ~2,800 mutants. These tests are pure (no clock, no I/O), so a mutant cannot
// pass or fail on timing.
module.exports = {
  'raft-core': {
    mutate: ['packages/raft/src/core/**/*.ts'],
    tests: ['packages/raft/test/core'],
  },
  'broker-replication': {
    mutate: ['packages/broker/src/replication/**/*.ts'],
    tests: ['packages/broker/test/replication'],
  },
  'metadata-controller': {
    mutate: ['packages/metadata/src/controller/**/*.ts'],
    tests: ['packages/metadata/test/controller'],
  },
};
