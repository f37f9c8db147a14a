/**
 * Loads a gRPC service's .proto at run time: the readable file is the format, with no generated
 * code to keep in step. Each package that serves a protobuf service (MetadataAdmin, Broker) names
 * its file and service and memoizes the result; this is the one place that resolves the methods.
 */
import { loadSync, type Root, type Service, type Type } from 'protobufjs';

export interface ServiceSchema {
  readonly root: Root;
  readonly service: Service;
  /** The request and response message of an RPC of the service, by RPC name (`Produce`, ...). */
  requestType(rpc: string): Type;
  responseType(rpc: string): Type;
}

interface MethodTypes {
  readonly request: Type;
  readonly response: Type;
}

/**
 * Parses `protoPath` (a synchronous read of one small file) and resolves every method of
 * `serviceName` (fully qualified, `kz.broker.v1.Broker`) up front, so a method naming a message the
 * file does not define fails at load, not on the first call. Not cached: callers memoize, so a
 * process that never touches a service never reads its file.
 */
export function loadServiceSchema(protoPath: string, serviceName: string): ServiceSchema {
  // keepCase is off: protobufjs exposes snake_case proto fields in camelCase, as the codecs name them.
  const root = loadSync(protoPath);
  const service = root.lookupService(serviceName);
  const types = new Map<string, MethodTypes>();
  for (const method of service.methodsArray) {
    method.resolve();
    if (method.resolvedRequestType === null || method.resolvedResponseType === null) {
      throw new Error(`${protoPath}: ${method.name} names a message the file does not define`);
    }
    types.set(method.name, { request: method.resolvedRequestType, response: method.resolvedResponseType });
  }
  const lookup = (rpc: string): MethodTypes => {
    const pair = types.get(rpc);
    if (pair === undefined) throw new Error(`${serviceName} has no RPC ${rpc}`);
    return pair;
  };
  return {
    root,
    service,
    requestType: (rpc) => lookup(rpc).request,
    responseType: (rpc) => lookup(rpc).response,
  };
}
