/**
 * metadata.proto's messages, as `pnpm gen-proto` generates them into `generated/metadata.js` (pbjs
 * static code and its types; test/generated checks it against the .proto). The .proto still ships
 * in the package for other implementations; `src/records` and `dist/records` both sit two levels
 * below the package root.
 */
import * as path from 'node:path';
import { kz } from '../../generated/metadata';

export const METADATA_PROTO_PATH = path.join(__dirname, '../../proto/metadata.proto');

/** The message classes of package kz.metadata.v1. */
export const metadataWire = kz.metadata.v1;
