/**
 * admin.proto's messages, as `pnpm gen-proto` generates them into `generated/admin.js` (pbjs static
 * code and its types; test/generated checks it against the .proto). The .proto still ships in the
 * package for other implementations; `src/service` and `dist/service` both sit two levels below the
 * package root.
 */
import * as path from 'node:path';
import { kz } from '../../generated/admin';

export const ADMIN_PROTO_PATH = path.join(__dirname, '../../proto/admin.proto');

export const ADMIN_PACKAGE = 'kz.metadata.admin.v1';
export const ADMIN_SERVICE_NAME = `${ADMIN_PACKAGE}.MetadataAdmin`;

/** The message classes of package kz.metadata.admin.v1. */
export const adminWire = kz.metadata.admin.v1;
