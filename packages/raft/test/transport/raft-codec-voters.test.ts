import type { FetchRequest, UpdateVoterRequest, UpdateVoterResponse, VoteRequest } from '../../src/core/messages';
import { newDirectoryId } from '../../src/core/voter-set';
import { decodeRaftRequest, decodeRaftResponse, encodeRaftMessage } from '../../src/transport/raft-codec';
import { MalformedMessageError } from '../../src/transport/transport-errors';

const dir = newDirectoryId(() => 0.42);

describe('KIP-853 fields on the wire', () => {
  it('Vote and Fetch carry directory ids; absent ones stay absent (static voters)', () => {
    const vote: VoteRequest = { type: 'VoteRequest', requestId: 1, epoch: 3, candidateId: 2, lastEpoch: 2, lastOffset: 10, preVote: false, candidateDirectoryId: dir, voterDirectoryId: dir };
    expect(decodeRaftRequest('Vote', encodeRaftMessage(vote))).toStrictEqual(vote);
    const fetch: FetchRequest = { type: 'FetchRequest', requestId: 2, epoch: 3, replicaId: 2, fetchOffset: 5, lastFetchedEpoch: 3, maxWaitMs: 500, maxBytes: 1024 };
    expect(decodeRaftRequest('Fetch', encodeRaftMessage(fetch))).toStrictEqual(fetch);
    expect(decodeRaftRequest('Fetch', encodeRaftMessage({ ...fetch, replicaDirectoryId: dir }))).toStrictEqual({ ...fetch, replicaDirectoryId: dir });
  });

  it('UpdateRaftVoter round-trips, endpoints and error codes included', () => {
    const request: UpdateVoterRequest = { type: 'UpdateVoterRequest', requestId: 7, epoch: 4, voterId: 2, voterDirectoryId: dir, endpoints: [{ name: 'raft', host: '::1', port: 65535 }] };
    expect(decodeRaftRequest('UpdateRaftVoter', encodeRaftMessage(request))).toStrictEqual(request);
    const response: UpdateVoterResponse = { type: 'UpdateVoterResponse', requestId: 7, error: 'VOTER_NOT_FOUND', epoch: 4, leaderId: 1 };
    expect(decodeRaftResponse('UpdateRaftVoter', encodeRaftMessage(response))).toStrictEqual(response);
  });

  it('a directory id that is not a Uuid is malformed, and UpdateRaftVoter requires one', () => {
    const vote = encodeRaftMessage({ type: 'VoteRequest', requestId: 1, epoch: 3, candidateId: 2, lastEpoch: 2, lastOffset: 10, preVote: false, voterDirectoryId: 'not-a-uuid' });
    expect(() => decodeRaftRequest('Vote', vote)).toThrow(MalformedMessageError);
    const update = encodeRaftMessage({ type: 'UpdateVoterRequest', requestId: 1, epoch: 1, voterId: 2, voterDirectoryId: '', endpoints: [] });
    expect(() => decodeRaftRequest('UpdateRaftVoter', update)).toThrow(/required/);
  });
});
