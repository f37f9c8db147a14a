/**
 * Loads `proto/replication.proto` at run time, as @kz/metadata does its admin schema: the readable
 * .proto is the format, with no generated code to keep in step. `src/service` and `dist/service`
 * both sit two levels below the package root, so one relative path finds it from either.
 */
import * as path from 'node:path';
import { loadServiceSchema, type ServiceSchema } from '@kz/runtime';

export const REPLICATION_PROTO_PATH = path.join(__dirname, '../../proto/replication.proto');

export const REPLICATION_PACKAGE = 'kz.broker.v1';
export const REPLICATION_SERVICE_NAME = `${REPLICATION_PACKAGE}.Replication`;

export type ReplicationSchema = ServiceSchema;

let loaded: ReplicationSchema | undefined;

/** The schema, parsed on first use (one small synchronous read) and cached for the process. */
export function replicationSchema(): ReplicationSchema {
  loaded ??= loadServiceSchema(REPLICATION_PROTO_PATH, REPLICATION_SERVICE_NAME);
  return loaded;
}
