/** Examples for each rule of the follower's reaction to a fetch answer, and the divergent-tail story. */
import { PartitionLog } from '../../src/log/partition-log';
import { validateFollowerFetch, type FetchValidation } from '../../src/replication/fetch-validation';
import {
  followerFetchDecision,
  recoveryFromOffsetOutOfRange,
  truncationForDivergingEpoch,
  type FollowerLogView,
} from '../../src/replication/follower-truncation';
import { batch, cleanupTempDirs, tempDir } from '../log/helpers';
import { followerView, latestEpoch, leaderView, logEnd, modelLog, truncateModel } from './epoch-log-model';

const oor = (logStartOffset: number, logEndOffset: number): FetchValidation => ({
  kind: 'error',
  error: 'OFFSET_OUT_OF_RANGE',
  kafkaErrorCode: 1,
  message: 'out of range',
  logStartOffset,
  logEndOffset,
});

describe('truncationForDivergingEpoch (KIP-279 getOffsetTruncationState)', () => {
  // Follower: epoch 1 at [0,3), epoch 3 at [3,6), HW 2.
  const follower = followerView(modelLog([1, 1, 1, 3, 3, 3]), 2);

  it('a shared epoch: min(leader end, follower end of that epoch)', () => {
    expect(truncationForDivergingEpoch(follower, { epoch: 1, endOffset: 2 })).toEqual({ kind: 'truncate', to: 2, belowHighWatermark: false });
    expect(truncationForDivergingEpoch(follower, { epoch: 3, endOffset: 5 })).toEqual({ kind: 'truncate', to: 5, belowHighWatermark: false });
  });

  it('a shared epoch ending later on the leader cuts at the follower end of it', () => {
    // Leader has epoch 1 up to 4, the follower only up to 3 (then it wrote epoch 3).
    expect(truncationForDivergingEpoch(follower, { epoch: 1, endOffset: 4 })).toMatchObject({ to: 3 });
  });

  it('an epoch the follower never saw: cut at the follower end of its largest older epoch', () => {
    expect(truncationForDivergingEpoch(follower, { epoch: 2, endOffset: 5 })).toMatchObject({ to: 3 });
  });

  it('an epoch the follower never saw: the end of its older epoch is the cut even where the leader ends E earlier (the next fetch iterates)', () => {
    expect(truncationForDivergingEpoch(follower, { epoch: 2, endOffset: 2 })).toEqual({ kind: 'truncate', to: 3, belowHighWatermark: false });
  });

  it('never past the follower log end', () => {
    const short = followerView(modelLog([1, 1]), 0);
    expect(truncationForDivergingEpoch(short, { epoch: 1, endOffset: 9 })).toMatchObject({ to: 2 });
  });

  it('an undefined leader end offset falls back to the high watermark (pre-KIP-101)', () => {
    expect(truncationForDivergingEpoch(follower, { epoch: -1, endOffset: -1 })).toEqual({ kind: 'truncate', to: 2, belowHighWatermark: false });
  });

  it('an undefined leader epoch (no epochs on the leader): min(leader end, LEO)', () => {
    expect(truncationForDivergingEpoch(follower, { epoch: -1, endOffset: 4 })).toMatchObject({ to: 4 });
  });

  it('a follower that cannot place the epoch trusts the leader end', () => {
    const noEpochs: FollowerLogView = { logEndOffset: 6, highWatermark: 0, endOffsetForEpoch: () => ({ epoch: -1, endOffset: -1 }) };
    expect(truncationForDivergingEpoch(noEpochs, { epoch: 2, endOffset: 4 })).toMatchObject({ to: 4 });
  });

  it('truncates below the high watermark when the leader demands it (as Kafka does), and says so', () => {
    const hw5 = followerView(modelLog([1, 1, 1, 3, 3, 3]), 5);
    expect(truncationForDivergingEpoch(hw5, { epoch: 2, endOffset: 5 })).toEqual({ kind: 'truncate', to: 3, belowHighWatermark: true });
  });
});

describe('recoveryFromOffsetOutOfRange (fetchOffsetAndTruncate)', () => {
  const follower = followerView(modelLog([1, 1, 1, 1, 1, 1]), 4); // LEO 6, HW 4

  it('a leader shorter than the follower: truncate to the leader end, even below the HW', () => {
    expect(recoveryFromOffsetOutOfRange(follower, { logStartOffset: 0, logEndOffset: 5 })).toEqual({ kind: 'truncate', to: 5, belowHighWatermark: false });
    expect(recoveryFromOffsetOutOfRange(follower, { logStartOffset: 0, logEndOffset: 3 })).toEqual({ kind: 'truncate', to: 3, belowHighWatermark: true });
  });

  it('a leader log start past the follower end: empty the log and restart at the leader log start', () => {
    expect(recoveryFromOffsetOutOfRange(follower, { logStartOffset: 9, logEndOffset: 20 })).toEqual({ kind: 'restartAt', offset: 9 });
  });

  it('a follower end within the leader range: the answer was stale, fetch again', () => {
    expect(recoveryFromOffsetOutOfRange(follower, { logStartOffset: 6, logEndOffset: 20 })).toEqual({ kind: 'refetch' });
  });

  it('a leader ending exactly at the follower end: nothing to cut, fetch again', () => {
    expect(recoveryFromOffsetOutOfRange(follower, { logStartOffset: 0, logEndOffset: 6 })).toEqual({ kind: 'refetch' });
  });

  it('a cut exactly at the high watermark is not below it', () => {
    expect(recoveryFromOffsetOutOfRange(follower, { logStartOffset: 0, logEndOffset: 4 })).toEqual({ kind: 'truncate', to: 4, belowHighWatermark: false });
  });
});

describe('followerFetchDecision', () => {
  const follower = followerView(modelLog([1, 1, 1, 3, 3, 3]), 0);

  it('records: append', () => {
    expect(followerFetchDecision(follower, { kind: 'read', fetchOffset: 6 })).toEqual({ kind: 'append' });
  });

  it('a diverging epoch: truncate', () => {
    expect(followerFetchDecision(follower, { kind: 'diverging', divergingEpoch: { epoch: 2, endOffset: 5 } })).toMatchObject({ kind: 'truncate', to: 3 });
  });

  it('OFFSET_OUT_OF_RANGE: recover from the leader range', () => {
    expect(followerFetchDecision(follower, oor(10, 12))).toEqual({ kind: 'restartAt', offset: 10 });
  });

  it('FENCED_LEADER_EPOCH / UNKNOWN_LEADER_EPOCH: wait for metadata, log untouched', () => {
    for (const error of ['FENCED_LEADER_EPOCH', 'UNKNOWN_LEADER_EPOCH'] as const) {
      expect(followerFetchDecision(follower, { kind: 'error', error, kafkaErrorCode: 0, message: '' })).toEqual({ kind: 'awaitMetadata', reason: error });
    }
  });
});

describe('the divergent-tail story: leader epochs 1,2 vs follower epochs 1,3', () => {
  it('on model logs: the follower truncates to the end of epoch 1 on the leader, then catches up', () => {
    // Broker A led epoch 1 (offsets 0-2), then B led epoch 2 (3-4) while A, cut off, still believed it
    // led and wrote epoch 3 (3-5). B is elected again at epoch 4.
    const leaderLog = modelLog([1, 1, 1, 2, 2], 0, 4);
    const follower = modelLog([1, 1, 1, 3, 3, 3]);
    const leader = leaderView(leaderLog, 4);

    const first = validateFollowerFetch(leader, { currentLeaderEpoch: 4, fetchOffset: logEnd(follower), lastFetchedEpoch: latestEpoch(follower)! });
    expect(first).toEqual({ kind: 'diverging', divergingEpoch: { epoch: 2, endOffset: 5 } });
    const decision = followerFetchDecision(followerView(follower), first);
    expect(decision).toEqual({ kind: 'truncate', to: 3, belowHighWatermark: false });
    truncateModel(follower, 3);

    const second = validateFollowerFetch(leader, { currentLeaderEpoch: 4, fetchOffset: logEnd(follower), lastFetchedEpoch: latestEpoch(follower)! });
    expect(second).toEqual({ kind: 'read', fetchOffset: 3 });
  });

  describe('on real partition logs', () => {
    afterAll(() => cleanupTempDirs());

    it('truncates at the epoch boundary and then copies the leader', () => {
      const leader = PartitionLog.open(tempDir());
      const follower = PartitionLog.open(tempDir());
      try {
        leader.append(batch({ count: 3, label: 'a' }), 1);
        leader.append(batch({ count: 2, label: 'b' }), 2);
        leader.append(batch({ count: 1, label: 'c' }), 4); // the new leader's epoch
        follower.appendAsFollower(leader.read(0, 1)); // at least one batch: epoch 1's, offsets 0-2
        follower.appendAsFollower(batch({ count: 3, label: 'x', baseOffset: 3, partitionLeaderEpoch: 3 }));
        expect(follower.epochEntries).toEqual([
          { epoch: 1, startOffset: 0 },
          { epoch: 3, startOffset: 3 },
        ]);

        const view = (): FollowerLogView => ({
          logEndOffset: follower.logEndOffset,
          highWatermark: 0,
          endOffsetForEpoch: (e) => follower.endOffsetForEpoch(e),
        });
        const leaderFetchView = {
          leaderEpoch: 4,
          logStartOffset: leader.logStartOffset,
          logEndOffset: leader.logEndOffset,
          endOffsetForEpoch: (e: number) => leader.endOffsetForEpoch(e),
        };
        const kinds: string[] = [];
        for (let round = 0; round < 10; round++) {
          const answer = validateFollowerFetch(leaderFetchView, {
            currentLeaderEpoch: 4,
            fetchOffset: follower.logEndOffset,
            lastFetchedEpoch: follower.latestEpoch ?? -1,
          });
          const decision = followerFetchDecision(view(), answer);
          kinds.push(decision.kind);
          if (decision.kind === 'truncate') follower.truncateTo(decision.to);
          else if (decision.kind === 'append' && answer.kind === 'read') {
            const bytes = leader.read(answer.fetchOffset, 1 << 20);
            if (bytes.length === 0) break;
            follower.appendAsFollower(bytes);
          } else throw new Error(`unexpected decision ${decision.kind}`);
        }
        expect(kinds).toEqual(['truncate', 'append', 'append']);
        expect(follower.logEndOffset).toBe(leader.logEndOffset);
        expect(follower.epochEntries).toEqual(leader.epochEntries);
        expect(Buffer.from(follower.read(0, 1 << 20))).toEqual(Buffer.from(leader.read(0, 1 << 20)));
      } finally {
        leader.close();
        follower.close();
      }
    });
  });
});
