/**
 * Loads `proto/broker.proto` at run time, as @kz/metadata does its admin schema: the readable
 * .proto is the format, with no generated code to keep in step. `src/service` and `dist/service`
 * both sit two levels below the package root, so one relative path finds it from either.
 */
import * as path from 'node:path';
import { loadServiceSchema, type ServiceSchema } from '@kz/raft';

export const BROKER_PROTO_PATH = path.join(__dirname, '../../proto/broker.proto');

export const BROKER_PACKAGE = 'kz.broker.v1';
export const BROKER_SERVICE_NAME = `${BROKER_PACKAGE}.Broker`;

export type BrokerSchema = ServiceSchema;

let loaded: BrokerSchema | undefined;

/** The schema, parsed on first use (one small synchronous read) and cached for the process. */
export function brokerSchema(): BrokerSchema {
  loaded ??= loadServiceSchema(BROKER_PROTO_PATH, BROKER_SERVICE_NAME);
  return loaded;
}
