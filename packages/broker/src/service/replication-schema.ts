/**
 * replication.proto's messages, as `pnpm gen-proto` generates them into `generated/replication.js`
 * (pbjs static code and its types; test/generated checks it against the .proto). The .proto still
 * ships in the package for other implementations; `src/service` and `dist/service` both sit two
 * levels below the package root.
 */
import * as path from 'node:path';
import { kz } from '../../generated/replication';

export const REPLICATION_PROTO_PATH = path.join(__dirname, '../../proto/replication.proto');

export const REPLICATION_PACKAGE = 'kz.broker.v1';
export const REPLICATION_SERVICE_NAME = `${REPLICATION_PACKAGE}.Replication`;

/** The message classes of package kz.broker.v1. */
export const replicationWire = kz.broker.v1;
