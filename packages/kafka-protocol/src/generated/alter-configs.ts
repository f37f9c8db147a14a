// Generated from schema/alter-configs.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** AlterConfigsRequest (versions 0-2). */
export interface AlterConfigsRequest {
  /** Resources: v0-2 */
  resources: readonly AlterConfigsRequestAlterConfigsResource[];
  /** ValidateOnly: v0-2 */
  validateOnly: boolean;
}

/** AlterConfigsRequest AlterConfigsResource (versions 0-2). */
export interface AlterConfigsRequestAlterConfigsResource {
  /** ResourceType: v0-2 */
  resourceType: number;
  /** ResourceName: v0-2 */
  resourceName: string;
  /** Configs: v0-2 */
  configs: readonly AlterConfigsRequestAlterableConfig[];
}

/** AlterConfigsRequest AlterableConfig (versions 0-2). */
export interface AlterConfigsRequestAlterableConfig {
  /** Name: v0-2 */
  name: string;
  /** Value: v0-2, nullable v0+ */
  value: string | null;
}

/** AlterConfigsResponse (versions 0-2). */
export interface AlterConfigsResponse {
  /** ThrottleTimeMs: v0-2 */
  throttleTimeMs: number;
  /** Responses: v0-2 */
  responses: readonly AlterConfigsResponseAlterConfigsResourceResponse[];
}

/** AlterConfigsResponse AlterConfigsResourceResponse (versions 0-2). */
export interface AlterConfigsResponseAlterConfigsResourceResponse {
  /** ErrorCode: v0-2 */
  errorCode: number;
  /** ErrorMessage: v0-2, nullable v0+ */
  errorMessage: string | null;
  /** ResourceType: v0-2 */
  resourceType: number;
  /** ResourceName: v0-2 */
  resourceName: string;
}

function sizeAlterConfigsRequest(m: AlterConfigsRequest, v: number): number {
  const f = v >= 2;
  let n = 1;
  {
    const a0 = m.resources;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeAlterConfigsRequestAlterConfigsResource(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeAlterConfigsRequest(w: Writer, m: AlterConfigsRequest, v: number): void {
  const f = v >= 2;
  {
    const a0 = m.resources;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeAlterConfigsRequestAlterConfigsResource(w, a0[i0]!, v);
    }
  }
  w.bool(m.validateOnly);
  if (f) {
    w.uvarint(0);
  }
}

function readAlterConfigsRequest(r: Reader, v: number): Complete<AlterConfigsRequest> {
  const f = v >= 2;
  let resources_: Complete<AlterConfigsRequestAlterConfigsResource>[];
  {
    const len0 = r.requiredArrayLength(f, 'AlterConfigsRequest.resources');
    const a0: Complete<AlterConfigsRequestAlterConfigsResource>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readAlterConfigsRequestAlterConfigsResource(r, v));
    }
    resources_ = a0;
  }
  const validateOnly_: boolean = r.bool();
  if (f) {
    r.skipTaggedFields();
  }
  return { resources: resources_, validateOnly: validateOnly_ };
}

function sizeAlterConfigsRequestAlterConfigsResource(m: AlterConfigsRequestAlterConfigsResource, v: number): number {
  const f = v >= 2;
  let n = 1;
  n += (f ? sizeOfCompactString(m.resourceName) : sizeOfString(m.resourceName));
  {
    const a0 = m.configs;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeAlterConfigsRequestAlterableConfig(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeAlterConfigsRequestAlterConfigsResource(w: Writer, m: AlterConfigsRequestAlterConfigsResource, v: number): void {
  const f = v >= 2;
  w.int8(m.resourceType);
  if (f) w.compactString(m.resourceName); else w.string(m.resourceName);
  {
    const a0 = m.configs;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeAlterConfigsRequestAlterableConfig(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readAlterConfigsRequestAlterConfigsResource(r: Reader, v: number): Complete<AlterConfigsRequestAlterConfigsResource> {
  const f = v >= 2;
  const resourceType_: number = r.int8();
  const resourceName_: string = (f ? r.compactString('AlterConfigsRequestAlterConfigsResource.resourceName') : r.string('AlterConfigsRequestAlterConfigsResource.resourceName'));
  let configs_: Complete<AlterConfigsRequestAlterableConfig>[];
  {
    const len0 = r.requiredArrayLength(f, 'AlterConfigsRequestAlterConfigsResource.configs');
    const a0: Complete<AlterConfigsRequestAlterableConfig>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readAlterConfigsRequestAlterableConfig(r, v));
    }
    configs_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { resourceType: resourceType_, resourceName: resourceName_, configs: configs_ };
}

function sizeAlterConfigsRequestAlterableConfig(m: AlterConfigsRequestAlterableConfig, v: number): number {
  const f = v >= 2;
  let n = 0;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  n += (f ? sizeOfCompactNullableString(m.value) : sizeOfNullableString(m.value));
  if (f) n += 1;
  return n;
}

function writeAlterConfigsRequestAlterableConfig(w: Writer, m: AlterConfigsRequestAlterableConfig, v: number): void {
  const f = v >= 2;
  if (f) w.compactString(m.name); else w.string(m.name);
  if (f) w.compactNullableString(m.value); else w.nullableString(m.value);
  if (f) {
    w.uvarint(0);
  }
}

function readAlterConfigsRequestAlterableConfig(r: Reader, v: number): Complete<AlterConfigsRequestAlterableConfig> {
  const f = v >= 2;
  const name_: string = (f ? r.compactString('AlterConfigsRequestAlterableConfig.name') : r.string('AlterConfigsRequestAlterableConfig.name'));
  const value_: string | null = (f ? r.compactNullableString() : r.nullableString());
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, value: value_ };
}

export const AlterConfigsRequest: MessageCodec<AlterConfigsRequest> = {
  name: 'AlterConfigsRequest',
  minVersion: 0,
  maxVersion: 2,
  flexibleMin: 2,
  size: sizeAlterConfigsRequest,
  write: writeAlterConfigsRequest,
  read: readAlterConfigsRequest,
};

function sizeAlterConfigsResponse(m: AlterConfigsResponse, v: number): number {
  const f = v >= 2;
  let n = 4;
  {
    const a0 = m.responses;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeAlterConfigsResponseAlterConfigsResourceResponse(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeAlterConfigsResponse(w: Writer, m: AlterConfigsResponse, v: number): void {
  const f = v >= 2;
  w.int32(m.throttleTimeMs);
  {
    const a0 = m.responses;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeAlterConfigsResponseAlterConfigsResourceResponse(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readAlterConfigsResponse(r: Reader, v: number): Complete<AlterConfigsResponse> {
  const f = v >= 2;
  const throttleTimeMs_: number = r.int32();
  let responses_: Complete<AlterConfigsResponseAlterConfigsResourceResponse>[];
  {
    const len0 = r.requiredArrayLength(f, 'AlterConfigsResponse.responses');
    const a0: Complete<AlterConfigsResponseAlterConfigsResourceResponse>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readAlterConfigsResponseAlterConfigsResourceResponse(r, v));
    }
    responses_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, responses: responses_ };
}

function sizeAlterConfigsResponseAlterConfigsResourceResponse(m: AlterConfigsResponseAlterConfigsResourceResponse, v: number): number {
  const f = v >= 2;
  let n = 3;
  n += (f ? sizeOfCompactNullableString(m.errorMessage) : sizeOfNullableString(m.errorMessage));
  n += (f ? sizeOfCompactString(m.resourceName) : sizeOfString(m.resourceName));
  if (f) n += 1;
  return n;
}

function writeAlterConfigsResponseAlterConfigsResourceResponse(w: Writer, m: AlterConfigsResponseAlterConfigsResourceResponse, v: number): void {
  const f = v >= 2;
  w.int16(m.errorCode);
  if (f) w.compactNullableString(m.errorMessage); else w.nullableString(m.errorMessage);
  w.int8(m.resourceType);
  if (f) w.compactString(m.resourceName); else w.string(m.resourceName);
  if (f) {
    w.uvarint(0);
  }
}

function readAlterConfigsResponseAlterConfigsResourceResponse(r: Reader, v: number): Complete<AlterConfigsResponseAlterConfigsResourceResponse> {
  const f = v >= 2;
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const resourceType_: number = r.int8();
  const resourceName_: string = (f ? r.compactString('AlterConfigsResponseAlterConfigsResourceResponse.resourceName') : r.string('AlterConfigsResponseAlterConfigsResourceResponse.resourceName'));
  if (f) {
    r.skipTaggedFields();
  }
  return { errorCode: errorCode_, errorMessage: errorMessage_, resourceType: resourceType_, resourceName: resourceName_ };
}

export const AlterConfigsResponse: MessageCodec<AlterConfigsResponse> = {
  name: 'AlterConfigsResponse',
  minVersion: 0,
  maxVersion: 2,
  flexibleMin: 2,
  size: sizeAlterConfigsResponse,
  write: writeAlterConfigsResponse,
  read: readAlterConfigsResponse,
};
