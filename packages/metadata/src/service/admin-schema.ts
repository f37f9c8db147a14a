/**
 * Loads `proto/admin.proto` at run time, as @kz/raft does its wire schema: the readable .proto is
 * the format, with no generated code to keep in step. `src/service` and `dist/service` both sit two
 * levels below the package root, so one relative path finds it from either.
 */
import * as path from 'node:path';
import { loadSync, type Root, type Service, type Type } from 'protobufjs';

export const ADMIN_PROTO_PATH = path.join(__dirname, '../../proto/admin.proto');

export const ADMIN_PACKAGE = 'kz.metadata.admin.v1';
export const ADMIN_SERVICE_NAME = `${ADMIN_PACKAGE}.MetadataAdmin`;

export interface AdminSchema {
  readonly root: Root;
  readonly service: Service;
  /** The request and response message of an RPC of the service, by RPC name. */
  requestType(rpc: string): Type;
  responseType(rpc: string): Type;
}

let loaded: AdminSchema | undefined;

/**
 * The schema, parsed on first use (a synchronous read of one small file) and cached: a process that
 * never touches the admin API never reads it.
 */
export function adminSchema(): AdminSchema {
  if (loaded !== undefined) return loaded;
  // keepCase is off: protobufjs exposes snake_case proto fields in camelCase, as the codec names them.
  const root = loadSync(ADMIN_PROTO_PATH);
  const service = root.lookupService(ADMIN_SERVICE_NAME);
  const types = new Map<string, { request: Type; response: Type }>();
  for (const method of service.methodsArray) {
    method.resolve();
    if (method.resolvedRequestType === null || method.resolvedResponseType === null) {
      throw new Error(`${ADMIN_PROTO_PATH}: ${method.name} names a message the file does not define`);
    }
    types.set(method.name, { request: method.resolvedRequestType, response: method.resolvedResponseType });
  }
  const lookup = (rpc: string): { request: Type; response: Type } => {
    const pair = types.get(rpc);
    if (pair === undefined) throw new Error(`${ADMIN_SERVICE_NAME} has no RPC ${rpc}`);
    return pair;
  };
  loaded = {
    root,
    service,
    requestType: (rpc) => lookup(rpc).request,
    responseType: (rpc) => lookup(rpc).response,
  };
  return loaded;
}
