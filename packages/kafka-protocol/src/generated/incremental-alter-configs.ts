// Generated from schema/incremental-alter-configs.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** IncrementalAlterConfigsRequest (versions 0-1). */
export interface IncrementalAlterConfigsRequest {
  /** Resources: v0-1 */
  resources: readonly IncrementalAlterConfigsRequestAlterConfigsResource[];
  /** ValidateOnly: v0-1 */
  validateOnly: boolean;
}

/** IncrementalAlterConfigsRequest AlterConfigsResource (versions 0-1). */
export interface IncrementalAlterConfigsRequestAlterConfigsResource {
  /** ResourceType: v0-1 */
  resourceType: number;
  /** ResourceName: v0-1 */
  resourceName: string;
  /** Configs: v0-1 */
  configs: readonly IncrementalAlterConfigsRequestAlterableConfig[];
}

/** IncrementalAlterConfigsRequest AlterableConfig (versions 0-1). */
export interface IncrementalAlterConfigsRequestAlterableConfig {
  /** Name: v0-1 */
  name: string;
  /** ConfigOperation: v0-1 */
  configOperation: number;
  /** Value: v0-1, nullable v0+ */
  value: string | null;
}

/** IncrementalAlterConfigsResponse (versions 0-1). */
export interface IncrementalAlterConfigsResponse {
  /** ThrottleTimeMs: v0-1 */
  throttleTimeMs: number;
  /** Responses: v0-1 */
  responses: readonly IncrementalAlterConfigsResponseAlterConfigsResourceResponse[];
}

/** IncrementalAlterConfigsResponse AlterConfigsResourceResponse (versions 0-1). */
export interface IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  /** ErrorCode: v0-1 */
  errorCode: number;
  /** ErrorMessage: v0-1, nullable v0+ */
  errorMessage: string | null;
  /** ResourceType: v0-1 */
  resourceType: number;
  /** ResourceName: v0-1 */
  resourceName: string;
}

function sizeIncrementalAlterConfigsRequest(m: IncrementalAlterConfigsRequest, v: number): number {
  const f = v >= 1;
  let n = 1;
  {
    const a0 = m.resources;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeIncrementalAlterConfigsRequestAlterConfigsResource(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeIncrementalAlterConfigsRequest(w: Writer, m: IncrementalAlterConfigsRequest, v: number): void {
  const f = v >= 1;
  {
    const a0 = m.resources;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeIncrementalAlterConfigsRequestAlterConfigsResource(w, a0[i0]!, v);
    }
  }
  w.bool(m.validateOnly);
  if (f) {
    w.uvarint(0);
  }
}

function readIncrementalAlterConfigsRequest(r: Reader, v: number): Complete<IncrementalAlterConfigsRequest> {
  const f = v >= 1;
  let resources_: Complete<IncrementalAlterConfigsRequestAlterConfigsResource>[];
  {
    const len0 = r.requiredArrayLength(f, 'IncrementalAlterConfigsRequest.resources');
    const a0: Complete<IncrementalAlterConfigsRequestAlterConfigsResource>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readIncrementalAlterConfigsRequestAlterConfigsResource(r, v));
    }
    resources_ = a0;
  }
  const validateOnly_: boolean = r.bool();
  if (f) {
    r.skipTaggedFields();
  }
  return { resources: resources_, validateOnly: validateOnly_ };
}

function sizeIncrementalAlterConfigsRequestAlterConfigsResource(m: IncrementalAlterConfigsRequestAlterConfigsResource, v: number): number {
  const f = v >= 1;
  let n = 1;
  n += (f ? sizeOfCompactString(m.resourceName) : sizeOfString(m.resourceName));
  {
    const a0 = m.configs;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeIncrementalAlterConfigsRequestAlterableConfig(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeIncrementalAlterConfigsRequestAlterConfigsResource(w: Writer, m: IncrementalAlterConfigsRequestAlterConfigsResource, v: number): void {
  const f = v >= 1;
  w.int8(m.resourceType);
  if (f) w.compactString(m.resourceName); else w.string(m.resourceName);
  {
    const a0 = m.configs;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeIncrementalAlterConfigsRequestAlterableConfig(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readIncrementalAlterConfigsRequestAlterConfigsResource(r: Reader, v: number): Complete<IncrementalAlterConfigsRequestAlterConfigsResource> {
  const f = v >= 1;
  const resourceType_: number = r.int8();
  const resourceName_: string = (f ? r.compactString('IncrementalAlterConfigsRequestAlterConfigsResource.resourceName') : r.string('IncrementalAlterConfigsRequestAlterConfigsResource.resourceName'));
  let configs_: Complete<IncrementalAlterConfigsRequestAlterableConfig>[];
  {
    const len0 = r.requiredArrayLength(f, 'IncrementalAlterConfigsRequestAlterConfigsResource.configs');
    const a0: Complete<IncrementalAlterConfigsRequestAlterableConfig>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readIncrementalAlterConfigsRequestAlterableConfig(r, v));
    }
    configs_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { resourceType: resourceType_, resourceName: resourceName_, configs: configs_ };
}

function sizeIncrementalAlterConfigsRequestAlterableConfig(m: IncrementalAlterConfigsRequestAlterableConfig, v: number): number {
  const f = v >= 1;
  let n = 1;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  n += (f ? sizeOfCompactNullableString(m.value) : sizeOfNullableString(m.value));
  if (f) n += 1;
  return n;
}

function writeIncrementalAlterConfigsRequestAlterableConfig(w: Writer, m: IncrementalAlterConfigsRequestAlterableConfig, v: number): void {
  const f = v >= 1;
  if (f) w.compactString(m.name); else w.string(m.name);
  w.int8(m.configOperation);
  if (f) w.compactNullableString(m.value); else w.nullableString(m.value);
  if (f) {
    w.uvarint(0);
  }
}

function readIncrementalAlterConfigsRequestAlterableConfig(r: Reader, v: number): Complete<IncrementalAlterConfigsRequestAlterableConfig> {
  const f = v >= 1;
  const name_: string = (f ? r.compactString('IncrementalAlterConfigsRequestAlterableConfig.name') : r.string('IncrementalAlterConfigsRequestAlterableConfig.name'));
  const configOperation_: number = r.int8();
  const value_: string | null = (f ? r.compactNullableString() : r.nullableString());
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, configOperation: configOperation_, value: value_ };
}

export const IncrementalAlterConfigsRequest: MessageCodec<IncrementalAlterConfigsRequest> = {
  name: 'IncrementalAlterConfigsRequest',
  minVersion: 0,
  maxVersion: 1,
  flexibleMin: 1,
  size: sizeIncrementalAlterConfigsRequest,
  write: writeIncrementalAlterConfigsRequest,
  read: readIncrementalAlterConfigsRequest,
};

function sizeIncrementalAlterConfigsResponse(m: IncrementalAlterConfigsResponse, v: number): number {
  const f = v >= 1;
  let n = 4;
  {
    const a0 = m.responses;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeIncrementalAlterConfigsResponseAlterConfigsResourceResponse(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeIncrementalAlterConfigsResponse(w: Writer, m: IncrementalAlterConfigsResponse, v: number): void {
  const f = v >= 1;
  w.int32(m.throttleTimeMs);
  {
    const a0 = m.responses;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeIncrementalAlterConfigsResponseAlterConfigsResourceResponse(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readIncrementalAlterConfigsResponse(r: Reader, v: number): Complete<IncrementalAlterConfigsResponse> {
  const f = v >= 1;
  const throttleTimeMs_: number = r.int32();
  let responses_: Complete<IncrementalAlterConfigsResponseAlterConfigsResourceResponse>[];
  {
    const len0 = r.requiredArrayLength(f, 'IncrementalAlterConfigsResponse.responses');
    const a0: Complete<IncrementalAlterConfigsResponseAlterConfigsResourceResponse>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readIncrementalAlterConfigsResponseAlterConfigsResourceResponse(r, v));
    }
    responses_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, responses: responses_ };
}

function sizeIncrementalAlterConfigsResponseAlterConfigsResourceResponse(m: IncrementalAlterConfigsResponseAlterConfigsResourceResponse, v: number): number {
  const f = v >= 1;
  let n = 3;
  n += (f ? sizeOfCompactNullableString(m.errorMessage) : sizeOfNullableString(m.errorMessage));
  n += (f ? sizeOfCompactString(m.resourceName) : sizeOfString(m.resourceName));
  if (f) n += 1;
  return n;
}

function writeIncrementalAlterConfigsResponseAlterConfigsResourceResponse(w: Writer, m: IncrementalAlterConfigsResponseAlterConfigsResourceResponse, v: number): void {
  const f = v >= 1;
  w.int16(m.errorCode);
  if (f) w.compactNullableString(m.errorMessage); else w.nullableString(m.errorMessage);
  w.int8(m.resourceType);
  if (f) w.compactString(m.resourceName); else w.string(m.resourceName);
  if (f) {
    w.uvarint(0);
  }
}

function readIncrementalAlterConfigsResponseAlterConfigsResourceResponse(r: Reader, v: number): Complete<IncrementalAlterConfigsResponseAlterConfigsResourceResponse> {
  const f = v >= 1;
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const resourceType_: number = r.int8();
  const resourceName_: string = (f ? r.compactString('IncrementalAlterConfigsResponseAlterConfigsResourceResponse.resourceName') : r.string('IncrementalAlterConfigsResponseAlterConfigsResourceResponse.resourceName'));
  if (f) {
    r.skipTaggedFields();
  }
  return { errorCode: errorCode_, errorMessage: errorMessage_, resourceType: resourceType_, resourceName: resourceName_ };
}

export const IncrementalAlterConfigsResponse: MessageCodec<IncrementalAlterConfigsResponse> = {
  name: 'IncrementalAlterConfigsResponse',
  minVersion: 0,
  maxVersion: 1,
  flexibleMin: 1,
  size: sizeIncrementalAlterConfigsResponse,
  write: writeIncrementalAlterConfigsResponse,
  read: readIncrementalAlterConfigsResponse,
};
