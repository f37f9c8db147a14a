/**
 * Loads `proto/broker.proto` at run time, as @kz/metadata does its admin schema: the readable
 * .proto is the format, with no generated code to keep in step. `src/service` and `dist/service`
 * both sit two levels below the package root, so one relative path finds it from either.
 */
import * as path from 'node:path';
import { loadSync, type Root, type Service, type Type } from 'protobufjs';

export const BROKER_PROTO_PATH = path.join(__dirname, '../../proto/broker.proto');

export const BROKER_PACKAGE = 'kz.broker.v1';
export const BROKER_SERVICE_NAME = `${BROKER_PACKAGE}.Broker`;

export interface BrokerSchema {
  readonly root: Root;
  readonly service: Service;
  /** The request and response message of an RPC of the service, by RPC name (`Produce`, ...). */
  requestType(rpc: string): Type;
  responseType(rpc: string): Type;
}

let loaded: BrokerSchema | undefined;

/** The schema, parsed on first use (one small synchronous read) and cached for the process. */
export function brokerSchema(): BrokerSchema {
  if (loaded !== undefined) return loaded;
  // keepCase is off: protobufjs exposes snake_case proto fields in camelCase, as the codec names them.
  const root = loadSync(BROKER_PROTO_PATH);
  const service = root.lookupService(BROKER_SERVICE_NAME);
  const types = new Map<string, { request: Type; response: Type }>();
  for (const method of service.methodsArray) {
    method.resolve();
    if (method.resolvedRequestType === null || method.resolvedResponseType === null) {
      throw new Error(`${BROKER_PROTO_PATH}: ${method.name} names a message the file does not define`);
    }
    types.set(method.name, { request: method.resolvedRequestType, response: method.resolvedResponseType });
  }
  const lookup = (rpc: string): { request: Type; response: Type } => {
    const pair = types.get(rpc);
    if (pair === undefined) throw new Error(`${BROKER_SERVICE_NAME} has no RPC ${rpc}`);
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
