// Generated from schema/describe-configs.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfString, sizeOfNullableString, sizeOfCompactString, sizeOfCompactNullableString } from '../writer.js';

/** DescribeConfigsRequest (versions 0-4). */
export interface DescribeConfigsRequest {
  /** Resources: v0-4 */
  resources: readonly DescribeConfigsRequestDescribeConfigsResource[];
  /** IncludeSynonyms: v1-4 */
  includeSynonyms?: boolean;
  /** IncludeDocumentation: v3-4 */
  includeDocumentation?: boolean;
}

/** DescribeConfigsRequest DescribeConfigsResource (versions 0-4). */
export interface DescribeConfigsRequestDescribeConfigsResource {
  /** ResourceType: v0-4 */
  resourceType: number;
  /** ResourceName: v0-4 */
  resourceName: string;
  /** ConfigurationKeys: v0-4, nullable v0+ */
  configurationKeys: readonly string[] | null;
}

/** DescribeConfigsResponse (versions 0-4). */
export interface DescribeConfigsResponse {
  /** ThrottleTimeMs: v0-4 */
  throttleTimeMs: number;
  /** Results: v0-4 */
  results: readonly DescribeConfigsResponseDescribeConfigsResult[];
}

/** DescribeConfigsResponse DescribeConfigsResult (versions 0-4). */
export interface DescribeConfigsResponseDescribeConfigsResult {
  /** ErrorCode: v0-4 */
  errorCode: number;
  /** ErrorMessage: v0-4, nullable v0+ */
  errorMessage: string | null;
  /** ResourceType: v0-4 */
  resourceType: number;
  /** ResourceName: v0-4 */
  resourceName: string;
  /** Configs: v0-4 */
  configs: readonly DescribeConfigsResponseDescribeConfigsResourceResult[];
}

/** DescribeConfigsResponse DescribeConfigsResourceResult (versions 0-4). */
export interface DescribeConfigsResponseDescribeConfigsResourceResult {
  /** Name: v0-4 */
  name: string;
  /** Value: v0-4, nullable v0+ */
  value: string | null;
  /** ReadOnly: v0-4 */
  readOnly: boolean;
  /** IsDefault: v0 */
  isDefault?: boolean;
  /** ConfigSource: v1-4, default -1 */
  configSource?: number;
  /** IsSensitive: v0-4 */
  isSensitive: boolean;
  /** Synonyms: v1-4 */
  synonyms?: readonly DescribeConfigsResponseDescribeConfigsSynonym[];
  /** ConfigType: v3-4 */
  configType?: number;
  /** Documentation: v3-4, nullable v3+ */
  documentation?: string | null;
}

/** DescribeConfigsResponse DescribeConfigsSynonym (versions 1-4). */
export interface DescribeConfigsResponseDescribeConfigsSynonym {
  /** Name: v1-4 */
  name: string;
  /** Value: v1-4, nullable v0+ */
  value: string | null;
  /** Source: v1-4 */
  source: number;
}

function sizeDescribeConfigsRequest(m: DescribeConfigsRequest, v: number): number {
  const f = v >= 4;
  let n = 0;
  {
    const a0 = m.resources;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeConfigsRequestDescribeConfigsResource(a0[i0]!, v);
    }
  }
  if (v >= 1) n += 1;
  if (v >= 3) n += 1;
  if (f) n += 1;
  return n;
}

function writeDescribeConfigsRequest(w: Writer, m: DescribeConfigsRequest, v: number): void {
  const f = v >= 4;
  {
    const a0 = m.resources;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeConfigsRequestDescribeConfigsResource(w, a0[i0]!, v);
    }
  }
  if (v >= 1) w.bool((m.includeSynonyms ?? false));
  if (v >= 3) w.bool((m.includeDocumentation ?? false));
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeConfigsRequest(r: Reader, v: number): Complete<DescribeConfigsRequest> {
  const f = v >= 4;
  let resources_: Complete<DescribeConfigsRequestDescribeConfigsResource>[];
  {
    const len0 = r.requiredArrayLength(f, 'DescribeConfigsRequest.resources');
    const a0: Complete<DescribeConfigsRequestDescribeConfigsResource>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeConfigsRequestDescribeConfigsResource(r, v));
    }
    resources_ = a0;
  }
  const includeSynonyms_: boolean = (v >= 1 ? r.bool() : false);
  const includeDocumentation_: boolean = (v >= 3 ? r.bool() : false);
  if (f) {
    r.skipTaggedFields();
  }
  return { resources: resources_, includeSynonyms: includeSynonyms_, includeDocumentation: includeDocumentation_ };
}

function sizeDescribeConfigsRequestDescribeConfigsResource(m: DescribeConfigsRequestDescribeConfigsResource, v: number): number {
  const f = v >= 4;
  let n = 1;
  n += (f ? sizeOfCompactString(m.resourceName) : sizeOfString(m.resourceName));
  {
    const a0 = m.configurationKeys;
    if (a0 === null) n += (f ? 1 : 4);
    else {
      n += (f ? sizeOfUvarint(a0.length + 1) : 4);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += (f ? sizeOfCompactString(a0[i0]!) : sizeOfString(a0[i0]!));
      }
    }
  }
  if (f) n += 1;
  return n;
}

function writeDescribeConfigsRequestDescribeConfigsResource(w: Writer, m: DescribeConfigsRequestDescribeConfigsResource, v: number): void {
  const f = v >= 4;
  w.int8(m.resourceType);
  if (f) w.compactString(m.resourceName); else w.string(m.resourceName);
  {
    const a0 = m.configurationKeys;
    if (a0 === null) w.nullArray(f);
    else {
      w.arrayLength(f, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        if (f) w.compactString(a0[i0]!); else w.string(a0[i0]!);
      }
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeConfigsRequestDescribeConfigsResource(r: Reader, v: number): Complete<DescribeConfigsRequestDescribeConfigsResource> {
  const f = v >= 4;
  const resourceType_: number = r.int8();
  const resourceName_: string = (f ? r.compactString('DescribeConfigsRequestDescribeConfigsResource.resourceName') : r.string('DescribeConfigsRequestDescribeConfigsResource.resourceName'));
  let configurationKeys_: string[] | null;
  {
    const len0 = r.arrayLength(f, 'DescribeConfigsRequestDescribeConfigsResource.configurationKeys');
    if (len0 < 0) configurationKeys_ = null;
    else {
      const a0: string[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push((f ? r.compactString('DescribeConfigsRequestDescribeConfigsResource.configurationKeys') : r.string('DescribeConfigsRequestDescribeConfigsResource.configurationKeys')));
      }
      configurationKeys_ = a0;
    }
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { resourceType: resourceType_, resourceName: resourceName_, configurationKeys: configurationKeys_ };
}

export const DescribeConfigsRequest: MessageCodec<DescribeConfigsRequest> = {
  name: 'DescribeConfigsRequest',
  minVersion: 0,
  maxVersion: 4,
  flexibleMin: 4,
  size: sizeDescribeConfigsRequest,
  write: writeDescribeConfigsRequest,
  read: readDescribeConfigsRequest,
};

function sizeDescribeConfigsResponse(m: DescribeConfigsResponse, v: number): number {
  const f = v >= 4;
  let n = 4;
  {
    const a0 = m.results;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeConfigsResponseDescribeConfigsResult(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDescribeConfigsResponse(w: Writer, m: DescribeConfigsResponse, v: number): void {
  const f = v >= 4;
  w.int32(m.throttleTimeMs);
  {
    const a0 = m.results;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeConfigsResponseDescribeConfigsResult(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeConfigsResponse(r: Reader, v: number): Complete<DescribeConfigsResponse> {
  const f = v >= 4;
  const throttleTimeMs_: number = r.int32();
  let results_: Complete<DescribeConfigsResponseDescribeConfigsResult>[];
  {
    const len0 = r.requiredArrayLength(f, 'DescribeConfigsResponse.results');
    const a0: Complete<DescribeConfigsResponseDescribeConfigsResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeConfigsResponseDescribeConfigsResult(r, v));
    }
    results_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { throttleTimeMs: throttleTimeMs_, results: results_ };
}

function sizeDescribeConfigsResponseDescribeConfigsResult(m: DescribeConfigsResponseDescribeConfigsResult, v: number): number {
  const f = v >= 4;
  let n = 3;
  n += (f ? sizeOfCompactNullableString(m.errorMessage) : sizeOfNullableString(m.errorMessage));
  n += (f ? sizeOfCompactString(m.resourceName) : sizeOfString(m.resourceName));
  {
    const a0 = m.configs;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeDescribeConfigsResponseDescribeConfigsResourceResult(a0[i0]!, v);
    }
  }
  if (f) n += 1;
  return n;
}

function writeDescribeConfigsResponseDescribeConfigsResult(w: Writer, m: DescribeConfigsResponseDescribeConfigsResult, v: number): void {
  const f = v >= 4;
  w.int16(m.errorCode);
  if (f) w.compactNullableString(m.errorMessage); else w.nullableString(m.errorMessage);
  w.int8(m.resourceType);
  if (f) w.compactString(m.resourceName); else w.string(m.resourceName);
  {
    const a0 = m.configs;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeDescribeConfigsResponseDescribeConfigsResourceResult(w, a0[i0]!, v);
    }
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeConfigsResponseDescribeConfigsResult(r: Reader, v: number): Complete<DescribeConfigsResponseDescribeConfigsResult> {
  const f = v >= 4;
  const errorCode_: number = r.int16();
  const errorMessage_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const resourceType_: number = r.int8();
  const resourceName_: string = (f ? r.compactString('DescribeConfigsResponseDescribeConfigsResult.resourceName') : r.string('DescribeConfigsResponseDescribeConfigsResult.resourceName'));
  let configs_: Complete<DescribeConfigsResponseDescribeConfigsResourceResult>[];
  {
    const len0 = r.requiredArrayLength(f, 'DescribeConfigsResponseDescribeConfigsResult.configs');
    const a0: Complete<DescribeConfigsResponseDescribeConfigsResourceResult>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readDescribeConfigsResponseDescribeConfigsResourceResult(r, v));
    }
    configs_ = a0;
  }
  if (f) {
    r.skipTaggedFields();
  }
  return { errorCode: errorCode_, errorMessage: errorMessage_, resourceType: resourceType_, resourceName: resourceName_, configs: configs_ };
}

function sizeDescribeConfigsResponseDescribeConfigsResourceResult(m: DescribeConfigsResponseDescribeConfigsResourceResult, v: number): number {
  const f = v >= 4;
  let n = 2;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  n += (f ? sizeOfCompactNullableString(m.value) : sizeOfNullableString(m.value));
  if (v <= 0) n += 1;
  if (v >= 1) n += 1;
  if (v >= 1) {
    {
      const a0 = (m.synonyms ?? []);
      n += (f ? sizeOfUvarint(a0.length + 1) : 4);
      for (let i0 = 0; i0 < a0.length; i0++) {
        n += sizeDescribeConfigsResponseDescribeConfigsSynonym(a0[i0]!, v);
      }
    }
  }
  if (v >= 3) n += 1;
  if (v >= 3) {
    n += (f ? sizeOfCompactNullableString((m.documentation === undefined ? '' : m.documentation)) : sizeOfNullableString((m.documentation === undefined ? '' : m.documentation)));
  }
  if (f) n += 1;
  return n;
}

function writeDescribeConfigsResponseDescribeConfigsResourceResult(w: Writer, m: DescribeConfigsResponseDescribeConfigsResourceResult, v: number): void {
  const f = v >= 4;
  if (f) w.compactString(m.name); else w.string(m.name);
  if (f) w.compactNullableString(m.value); else w.nullableString(m.value);
  w.bool(m.readOnly);
  if (v <= 0) w.bool((m.isDefault ?? false));
  if (v >= 1) w.int8((m.configSource ?? -1));
  w.bool(m.isSensitive);
  if (v >= 1) {
    {
      const a0 = (m.synonyms ?? []);
      w.arrayLength(f, a0.length);
      for (let i0 = 0; i0 < a0.length; i0++) {
        writeDescribeConfigsResponseDescribeConfigsSynonym(w, a0[i0]!, v);
      }
    }
  }
  if (v >= 3) w.int8((m.configType ?? 0));
  if (v >= 3) {
    if (f) w.compactNullableString((m.documentation === undefined ? '' : m.documentation)); else w.nullableString((m.documentation === undefined ? '' : m.documentation));
  }
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeConfigsResponseDescribeConfigsResourceResult(r: Reader, v: number): Complete<DescribeConfigsResponseDescribeConfigsResourceResult> {
  const f = v >= 4;
  const name_: string = (f ? r.compactString('DescribeConfigsResponseDescribeConfigsResourceResult.name') : r.string('DescribeConfigsResponseDescribeConfigsResourceResult.name'));
  const value_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const readOnly_: boolean = r.bool();
  const isDefault_: boolean = (v <= 0 ? r.bool() : false);
  const configSource_: number = (v >= 1 ? r.int8() : -1);
  const isSensitive_: boolean = r.bool();
  let synonyms_: Complete<DescribeConfigsResponseDescribeConfigsSynonym>[] = [];
  if (v >= 1) {
    {
      const len0 = r.requiredArrayLength(f, 'DescribeConfigsResponseDescribeConfigsResourceResult.synonyms');
      const a0: Complete<DescribeConfigsResponseDescribeConfigsSynonym>[] = [];
      for (let i0 = 0; i0 < len0; i0++) {
        a0.push(readDescribeConfigsResponseDescribeConfigsSynonym(r, v));
      }
      synonyms_ = a0;
    }
  }
  const configType_: number = (v >= 3 ? r.int8() : 0);
  const documentation_: string | null = (v >= 3 ? (f ? r.compactNullableString() : r.nullableString()) : '');
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, value: value_, readOnly: readOnly_, isDefault: isDefault_, configSource: configSource_, isSensitive: isSensitive_, synonyms: synonyms_, configType: configType_, documentation: documentation_ };
}

function sizeDescribeConfigsResponseDescribeConfigsSynonym(m: DescribeConfigsResponseDescribeConfigsSynonym, v: number): number {
  const f = v >= 4;
  let n = 1;
  n += (f ? sizeOfCompactString(m.name) : sizeOfString(m.name));
  n += (f ? sizeOfCompactNullableString(m.value) : sizeOfNullableString(m.value));
  if (f) n += 1;
  return n;
}

function writeDescribeConfigsResponseDescribeConfigsSynonym(w: Writer, m: DescribeConfigsResponseDescribeConfigsSynonym, v: number): void {
  const f = v >= 4;
  if (f) w.compactString(m.name); else w.string(m.name);
  if (f) w.compactNullableString(m.value); else w.nullableString(m.value);
  w.int8(m.source);
  if (f) {
    w.uvarint(0);
  }
}

function readDescribeConfigsResponseDescribeConfigsSynonym(r: Reader, v: number): Complete<DescribeConfigsResponseDescribeConfigsSynonym> {
  const f = v >= 4;
  const name_: string = (f ? r.compactString('DescribeConfigsResponseDescribeConfigsSynonym.name') : r.string('DescribeConfigsResponseDescribeConfigsSynonym.name'));
  const value_: string | null = (f ? r.compactNullableString() : r.nullableString());
  const source_: number = r.int8();
  if (f) {
    r.skipTaggedFields();
  }
  return { name: name_, value: value_, source: source_ };
}

export const DescribeConfigsResponse: MessageCodec<DescribeConfigsResponse> = {
  name: 'DescribeConfigsResponse',
  minVersion: 0,
  maxVersion: 4,
  flexibleMin: 4,
  size: sizeDescribeConfigsResponse,
  write: writeDescribeConfigsResponse,
  read: readDescribeConfigsResponse,
};
