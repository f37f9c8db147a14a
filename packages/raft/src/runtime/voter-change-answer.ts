/**
 * A voter change's outcome as the admin RPCs carry it: RaftNode's addVoter / removeVoter /
 * updateVoter reject with typed errors, and an admin client over gRPC gets the same errors back
 * from this answer (raft-admin-client.ts), so a library user sees one set of errors either way.
 */
import { NotLeaderError } from '../core/errors';
import type { VoterChangeAnswer } from '../transport/raft-transport';
import type { VoterChange } from './raft-node';
import { NodeStoppedError, ProposalLostError, RequestTimedOutError, VoterChangeError } from './runtime-errors';

/** Resolves with the change, or with why it failed; a failure this mapping does not know rejects (a bug). */
export async function answerOf(change: Promise<VoterChange>): Promise<VoterChangeAnswer> {
  try {
    const { offset, epoch, voters } = await change;
    return { ok: true, offset, epoch, voters };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal === null) throw error;
    return refusal;
  }
}

function refusalOf(error: unknown): Extract<VoterChangeAnswer, { ok: false }> | null {
  if (error instanceof NotLeaderError) {
    return { ok: false, code: 'NOT_LEADER_OR_FOLLOWER', message: error.message, leaderId: error.leaderId, epoch: error.epoch, ...(error.leaderAddress === undefined ? {} : { leaderAddress: error.leaderAddress }) };
  }
  // A new leader dropped the change: the caller asks again, of whoever leads now.
  if (error instanceof ProposalLostError) return { ok: false, code: 'NOT_LEADER_OR_FOLLOWER', message: error.message, leaderId: -1, epoch: -1 };
  if (error instanceof VoterChangeError || error instanceof RequestTimedOutError || error instanceof NodeStoppedError) {
    return { ok: false, code: error.code, message: error.message, leaderId: -1, epoch: -1 };
  }
  return null;
}

/** The error RaftNode would have rejected with, for a refusal that came over the wire. */
export function errorOfRefusal(refusal: Extract<VoterChangeAnswer, { ok: false }>): Error {
  switch (refusal.code) {
    case 'NOT_LEADER_OR_FOLLOWER':
      return new NotLeaderError(refusal.leaderId, refusal.epoch, refusal.leaderAddress);
    case 'BROKER_NOT_AVAILABLE':
      return new NodeStoppedError(refusal.message);
    case 'UNSUPPORTED_VERSION':
    case 'REQUEST_TIMED_OUT':
    case 'DUPLICATE_VOTER':
    case 'VOTER_NOT_FOUND':
    case 'INVALID_REQUEST':
      return new VoterChangeError(refusal.code, refusal.message);
    default:
      return new VoterChangeError('INVALID_REQUEST', `unexpected ${refusal.code}: ${refusal.message}`);
  }
}
