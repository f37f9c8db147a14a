/**
 * Finds and loads `proto/raft.proto` at run time. The file ships in the package (package.json
 * `files`), so the schema the wire uses is the readable .proto itself, with no generated code to
 * keep in step. The path is resolved from this module: `src/transport` (tests run the sources) and
 * `dist/transport` (the build) both sit two levels below the package root.
 */
import * as path from 'node:path';
import { loadSync, type Root, type Type } from 'protobufjs';

export const RAFT_PROTO_PATH = path.join(__dirname, '../../proto/raft.proto');

const PACKAGE = 'kz.raft.v1';

/** The message types of raft.proto, looked up once. */
export interface RaftSchema {
  readonly root: Root;
  readonly OffsetAndEpoch: Type;
  readonly VoteRequest: Type;
  readonly VoteResponse: Type;
  readonly BeginQuorumEpochRequest: Type;
  readonly BeginQuorumEpochResponse: Type;
  readonly EndQuorumEpochRequest: Type;
  readonly EndQuorumEpochResponse: Type;
  readonly FetchRequest: Type;
  readonly FetchResponse: Type;
  readonly FetchSnapshotRequest: Type;
  readonly FetchSnapshotResponse: Type;
  readonly UpdateVoterRequest: Type;
  readonly UpdateVoterResponse: Type;
  readonly DescribeQuorumRequest: Type;
  readonly DescribeQuorumResponse: Type;
  readonly RaftStreamFrame: Type;
  readonly AddRaftVoterRequest: Type;
  readonly RemoveRaftVoterRequest: Type;
  readonly SetRaftVoterEndpointsRequest: Type;
  readonly VoterChangeResponse: Type;
}

let loaded: RaftSchema | undefined;

/**
 * The schema, parsed on first use (a synchronous read of one small file) and cached: a node loads
 * it once, and a process that never touches the wire never reads it.
 */
export function raftSchema(): RaftSchema {
  if (loaded !== undefined) return loaded;
  const root = loadSync(RAFT_PROTO_PATH);
  // keepCase is off: protobufjs exposes snake_case proto fields in camelCase, as messages.ts names them.
  const type = (name: string): Type => root.lookupType(`${PACKAGE}.${name}`);
  loaded = {
    root,
    OffsetAndEpoch: type('OffsetAndEpoch'),
    VoteRequest: type('VoteRequest'),
    VoteResponse: type('VoteResponse'),
    BeginQuorumEpochRequest: type('BeginQuorumEpochRequest'),
    BeginQuorumEpochResponse: type('BeginQuorumEpochResponse'),
    EndQuorumEpochRequest: type('EndQuorumEpochRequest'),
    EndQuorumEpochResponse: type('EndQuorumEpochResponse'),
    FetchRequest: type('FetchRequest'),
    FetchResponse: type('FetchResponse'),
    FetchSnapshotRequest: type('FetchSnapshotRequest'),
    FetchSnapshotResponse: type('FetchSnapshotResponse'),
    UpdateVoterRequest: type('UpdateRaftVoterRequest'),
    UpdateVoterResponse: type('UpdateRaftVoterResponse'),
    DescribeQuorumRequest: type('DescribeQuorumRequest'),
    DescribeQuorumResponse: type('DescribeQuorumResponse'),
    RaftStreamFrame: type('RaftStreamFrame'),
    AddRaftVoterRequest: type('AddRaftVoterRequest'),
    RemoveRaftVoterRequest: type('RemoveRaftVoterRequest'),
    SetRaftVoterEndpointsRequest: type('SetRaftVoterEndpointsRequest'),
    VoterChangeResponse: type('VoterChangeResponse'),
  };
  return loaded;
}
