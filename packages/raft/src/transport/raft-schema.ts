/**
 * raft.proto's messages, as `pnpm gen-proto` generates them into `generated/raft.js` (pbjs static
 * code: encode and decode without reflection, and their types). The .proto is the one source: the
 * generated module is checked against it by test/generated, and the codec's wire objects are typed
 * by it, so a field renamed or dropped in the .proto fails the build.
 *
 * The .proto itself still ships in the package (package.json `files`) for other implementations;
 * `src/transport` and `dist/transport` both sit two levels below the package root.
 */
import * as path from 'node:path';
import { kz } from '../../generated/raft';

export const RAFT_PROTO_PATH = path.join(__dirname, '../../proto/raft.proto');

/** The message classes of package kz.raft.v1. */
export const raftWire = kz.raft.v1;
