import { MemoryRaftStorage } from '../../src/storage/memory-storage';
import { InvalidPersistError } from '../../src/storage/storage-errors';
import { describeRaftStorageConformance } from './conformance';
import { batchAt, snapshotAt, view } from './fixtures';

describeRaftStorageConformance('MemoryRaftStorage', async () => {
  let current = new MemoryRaftStorage();
  return {
    storage: current,
    reopen: async () => {
      current = current.reopen();
      return current;
    },
    cleanup: () => current.close(),
  };
});

describe('MemoryRaftStorage', () => {
  it('starts from a given durable state, checked like a persist', async () => {
    const durable = { electionState: { epoch: 2, votedFor: 1, leaderId: 1 }, snapshot: snapshotAt(3, 1), batches: [batchAt(3, 2, 2)] };
    const storage = new MemoryRaftStorage(durable);
    expect(view((await storage.load()).durable)).toEqual(view(durable));
    expect(() => new MemoryRaftStorage({ ...durable, batches: [batchAt(4, 2)] })).toThrow(InvalidPersistError);
    expect(() => new MemoryRaftStorage({ ...durable, electionState: { epoch: -1, votedFor: -1, leaderId: -1 } })).toThrow(InvalidPersistError);
  });
});
