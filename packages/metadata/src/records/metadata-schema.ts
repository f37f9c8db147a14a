/**
 * Loads `proto/metadata.proto` at run time, as @kz/raft does its wire schema: the readable .proto is
 * the format, with no generated code to keep in step. `src/records` and `dist/records` both sit two
 * levels below the package root.
 */
import * as path from 'node:path';
import { loadSync, type Type } from 'protobufjs';

export const METADATA_PROTO_PATH = path.join(__dirname, '../../proto/metadata.proto');

export interface MetadataSchema {
  readonly MetadataRecord: Type;
  readonly ImageHeader: Type;
}

let loaded: MetadataSchema | undefined;

export function metadataSchema(): MetadataSchema {
  if (loaded !== undefined) return loaded;
  const root = loadSync(METADATA_PROTO_PATH);
  loaded = {
    MetadataRecord: root.lookupType('kz.metadata.v1.MetadataRecord'),
    ImageHeader: root.lookupType('kz.metadata.v1.ImageHeader'),
  };
  return loaded;
}
