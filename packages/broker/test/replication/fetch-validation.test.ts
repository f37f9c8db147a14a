/** Examples for each rule of the leader's check of one partition of a follower's fetch. */
import { FETCH_PARTITION_ERROR_CODES, validateFollowerFetch } from '../../src/replication/fetch-validation';
import { leaderView, modelLog } from './epoch-log-model';

// Leader at epoch 4: epoch 1 at [0,3), epoch 2 at [3,5), epoch 4 registered at its log end 5.
const leader = leaderView(modelLog([1, 1, 1, 2, 2], 0, 4), 4);
const fetch = (fetchOffset: number, lastFetchedEpoch: number, currentLeaderEpoch = 4) => ({ currentLeaderEpoch, fetchOffset, lastFetchedEpoch });

describe('validateFollowerFetch: KIP-320 leader epoch fencing', () => {
  it('an older request epoch is FENCED_LEADER_EPOCH (74)', () => {
    expect(validateFollowerFetch(leader, fetch(5, 2, 3))).toMatchObject({ kind: 'error', error: 'FENCED_LEADER_EPOCH', kafkaErrorCode: 74 });
  });

  it('a newer request epoch is UNKNOWN_LEADER_EPOCH (75)', () => {
    expect(validateFollowerFetch(leader, fetch(5, 2, 5))).toMatchObject({ kind: 'error', error: 'UNKNOWN_LEADER_EPOCH', kafkaErrorCode: 75 });
  });

  it('an absent (-1) request epoch is not checked', () => {
    expect(validateFollowerFetch(leader, fetch(5, 2, -1))).toEqual({ kind: 'read', fetchOffset: 5 });
  });

  it('fencing is checked before the offset', () => {
    expect(validateFollowerFetch(leader, fetch(99, 2, 3))).toMatchObject({ error: 'FENCED_LEADER_EPOCH' });
  });

  it('exposes Kafka codes', () => {
    expect(FETCH_PARTITION_ERROR_CODES).toEqual({ OFFSET_OUT_OF_RANGE: 1, FENCED_LEADER_EPOCH: 74, UNKNOWN_LEADER_EPOCH: 75 });
  });
});

describe('validateFollowerFetch: offset range', () => {
  const trimmed = leaderView(modelLog([1, 2, 2], 3, 4), 4); // log [3, 6)

  it('below the log start is OFFSET_OUT_OF_RANGE with the leader range', () => {
    expect(validateFollowerFetch(trimmed, fetch(2, -1))).toMatchObject({
      kind: 'error',
      error: 'OFFSET_OUT_OF_RANGE',
      kafkaErrorCode: 1,
      logStartOffset: 3,
      logEndOffset: 6,
    });
  });

  it('below the log start is OFFSET_OUT_OF_RANGE even when the epochs diverge', () => {
    expect(validateFollowerFetch(trimmed, fetch(2, 1))).toMatchObject({ error: 'OFFSET_OUT_OF_RANGE' });
  });

  it('past the log end is OFFSET_OUT_OF_RANGE', () => {
    expect(validateFollowerFetch(leader, fetch(6, -1))).toMatchObject({ error: 'OFFSET_OUT_OF_RANGE', logStartOffset: 0, logEndOffset: 5 });
  });

  it('the log start and the log end themselves are in range', () => {
    expect(validateFollowerFetch(trimmed, fetch(3, -1))).toEqual({ kind: 'read', fetchOffset: 3 });
    expect(validateFollowerFetch(leader, fetch(5, 4))).toEqual({ kind: 'read', fetchOffset: 5 });
  });

  it('a last fetched epoch the leader cannot place is OFFSET_OUT_OF_RANGE', () => {
    // Above the leader's latest epoch: LeaderEpochFileCache.endOffsetFor is undefined.
    expect(validateFollowerFetch(leader, fetch(5, 7))).toMatchObject({ error: 'OFFSET_OUT_OF_RANGE' });
  });
});

describe('validateFollowerFetch: diverging epoch (KIP-279/320)', () => {
  it('a fetch within the last fetched epoch is valid', () => {
    expect(validateFollowerFetch(leader, fetch(2, 1))).toEqual({ kind: 'read', fetchOffset: 2 });
    expect(validateFollowerFetch(leader, fetch(3, 1))).toEqual({ kind: 'read', fetchOffset: 3 });
    expect(validateFollowerFetch(leader, fetch(4, 2))).toEqual({ kind: 'read', fetchOffset: 4 });
  });

  it('an epoch the leader never wrote answers the largest older epoch and its end', () => {
    // The follower holds epoch 3; the leader has 1, 2, 4: epoch 2 ends at 5 on the leader.
    expect(validateFollowerFetch(leader, fetch(5, 3))).toEqual({ kind: 'diverging', divergingEpoch: { epoch: 2, endOffset: 5 } });
  });

  it('a fetch offset past the end of the last fetched epoch on the leader diverges', () => {
    // The follower holds epoch 1 up to offset 4; on the leader epoch 1 ends at 3.
    expect(validateFollowerFetch(leader, fetch(4, 1))).toEqual({ kind: 'diverging', divergingEpoch: { epoch: 1, endOffset: 3 } });
  });

  it('divergence is answered before the log-end check: a longer divergent tail learns where to cut', () => {
    expect(validateFollowerFetch(leader, fetch(9, 3))).toEqual({ kind: 'diverging', divergingEpoch: { epoch: 2, endOffset: 5 } });
  });

  it('an epoch older than all the leader knows answers (epoch, start of the first epoch)', () => {
    const l = leaderView(modelLog([2, 2, 3], 0, 4), 4);
    expect(validateFollowerFetch(l, fetch(2, 1))).toEqual({ kind: 'diverging', divergingEpoch: { epoch: 1, endOffset: 0 } });
  });

  it('no last fetched epoch (-1) skips the divergence check', () => {
    expect(validateFollowerFetch(leader, fetch(4, -1))).toEqual({ kind: 'read', fetchOffset: 4 });
  });
});

describe('validateFollowerFetch: edges', () => {
  it('below the log start is OFFSET_OUT_OF_RANGE even when the last fetched epoch is one the leader never wrote', () => {
    // Log [3, 6) with epochs 1, 2 (and 4 at its end): the follower's epoch 3 would diverge at {2, 6}.
    const trimmed = leaderView(modelLog([1, 2, 2], 3, 4), 4);
    expect(validateFollowerFetch(trimmed, fetch(2, 3))).toMatchObject({ kind: 'error', error: 'OFFSET_OUT_OF_RANGE', logStartOffset: 3, logEndOffset: 6 });
  });

  it('its messages name the epochs and offsets involved', () => {
    expect(validateFollowerFetch(leader, fetch(5, 2, 3))).toMatchObject({ message: expect.stringMatching(/epoch 3 is older than .* 4/) });
    expect(validateFollowerFetch(leader, fetch(5, 2, 6))).toMatchObject({ message: expect.stringMatching(/epoch 6 is newer than .* 4/) });
    expect(validateFollowerFetch(leader, fetch(5, 7))).toMatchObject({ message: expect.stringMatching(/last fetched epoch 7/) });
    expect(validateFollowerFetch(leader, fetch(8, -1))).toMatchObject({ message: expect.stringMatching(/fetch offset 8 .*\[0, 5\]/) });
  });
});
