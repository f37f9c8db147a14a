/**
 * Loads `proto/admin.proto` at run time, as @kz/raft does its wire schema: the readable .proto is
 * the format, with no generated code to keep in step. `src/service` and `dist/service` both sit two
 * levels below the package root, so one relative path finds it from either.
 */
import * as path from 'node:path';
import { loadServiceSchema, type ServiceSchema } from '@kz/runtime';

export const ADMIN_PROTO_PATH = path.join(__dirname, '../../proto/admin.proto');

export const ADMIN_PACKAGE = 'kz.metadata.admin.v1';
export const ADMIN_SERVICE_NAME = `${ADMIN_PACKAGE}.MetadataAdmin`;

export type AdminSchema = ServiceSchema;

let loaded: AdminSchema | undefined;

/**
 * The schema, parsed on first use (a synchronous read of one small file) and cached: a process that
 * never touches the admin API never reads it.
 */
export function adminSchema(): AdminSchema {
  loaded ??= loadServiceSchema(ADMIN_PROTO_PATH, ADMIN_SERVICE_NAME);
  return loaded;
}
