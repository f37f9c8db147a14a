import { shouldResign } from '../../src/runtime/metadata-node';

describe('MetadataNode resigns only the leadership its controller gives up', () => {
  it('resigns when this node leads the epoch the controller failed in', () => {
    expect(shouldResign({ role: 'leader', epoch: 7 }, 7)).toBe(true);
  });

  it('keeps a later epoch it leads: that controller has nothing to do with the failure', () => {
    expect(shouldResign({ role: 'leader', epoch: 8 }, 7)).toBe(false);
  });

  it('does nothing once it no longer leads', () => {
    expect(shouldResign({ role: 'follower', epoch: 7 }, 7)).toBe(false);
    expect(shouldResign({ role: 'resigned', epoch: 7 }, 7)).toBe(false);
  });
});
