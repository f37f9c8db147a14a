// Generated from schema/api-versions.kzp by src/codegen; do not edit. Regenerate with `pnpm gen-protocol`.

import type { Complete, MessageCodec } from '../codec.js';
import type { Reader } from '../reader.js';
import type { Writer } from '../writer.js';
import { sizeOfUvarint, sizeOfCompactString } from '../writer.js';

/** ApiVersionsRequest (versions 0-4). */
export interface ApiVersionsRequest {
  /** ClientSoftwareName: v3-4 */
  clientSoftwareName?: string;
  /** ClientSoftwareVersion: v3-4 */
  clientSoftwareVersion?: string;
}

/** ApiVersionsResponse (versions 0-4). */
export interface ApiVersionsResponse {
  /** ErrorCode: v0-4 */
  errorCode: number;
  /** ApiKeys: v0-4 */
  apiKeys: readonly ApiVersionsResponseApiVersion[];
  /** ThrottleTimeMs: v1-4 */
  throttleTimeMs?: number;
  /** SupportedFeatures: v3-4, tag 0 */
  supportedFeatures?: readonly ApiVersionsResponseSupportedFeatureKey[];
  /** FinalizedFeaturesEpoch: v3-4, tag 1, default -1 */
  finalizedFeaturesEpoch?: number;
  /** FinalizedFeatures: v3-4, tag 2 */
  finalizedFeatures?: readonly ApiVersionsResponseFinalizedFeatureKey[];
  /** ZkMigrationReady: v3-4, tag 3 */
  zkMigrationReady?: boolean;
}

/** ApiVersionsResponse ApiVersion (versions 0-4). */
export interface ApiVersionsResponseApiVersion {
  /** ApiKey: v0-4 */
  apiKey: number;
  /** MinVersion: v0-4 */
  minVersion: number;
  /** MaxVersion: v0-4 */
  maxVersion: number;
}

/** ApiVersionsResponse SupportedFeatureKey (versions 3-4). */
export interface ApiVersionsResponseSupportedFeatureKey {
  /** Name: v3-4 */
  name: string;
  /** MinVersion: v3-4 */
  minVersion: number;
  /** MaxVersion: v3-4 */
  maxVersion: number;
}

/** ApiVersionsResponse FinalizedFeatureKey (versions 3-4). */
export interface ApiVersionsResponseFinalizedFeatureKey {
  /** Name: v3-4 */
  name: string;
  /** MaxVersionLevel: v3-4 */
  maxVersionLevel: number;
  /** MinVersionLevel: v3-4 */
  minVersionLevel: number;
}

function sizeApiVersionsRequest(m: ApiVersionsRequest, v: number): number {
  const f = v >= 3;
  let n = 0;
  if (v >= 3) {
    n += sizeOfCompactString((m.clientSoftwareName ?? ''));
  }
  if (v >= 3) {
    n += sizeOfCompactString((m.clientSoftwareVersion ?? ''));
  }
  if (f) n += 1;
  return n;
}

function writeApiVersionsRequest(w: Writer, m: ApiVersionsRequest, v: number): void {
  const f = v >= 3;
  if (v >= 3) w.compactString((m.clientSoftwareName ?? ''));
  if (v >= 3) w.compactString((m.clientSoftwareVersion ?? ''));
  if (f) {
    w.uvarint(0);
  }
}

function readApiVersionsRequest(r: Reader, v: number): Complete<ApiVersionsRequest> {
  const f = v >= 3;
  const clientSoftwareName_: string = (v >= 3 ? r.compactString('ApiVersionsRequest.clientSoftwareName') : '');
  const clientSoftwareVersion_: string = (v >= 3 ? r.compactString('ApiVersionsRequest.clientSoftwareVersion') : '');
  if (f) {
    r.skipTaggedFields();
  }
  return { clientSoftwareName: clientSoftwareName_, clientSoftwareVersion: clientSoftwareVersion_ };
}

export const ApiVersionsRequest: MessageCodec<ApiVersionsRequest> = {
  name: 'ApiVersionsRequest',
  minVersion: 0,
  maxVersion: 4,
  flexibleMin: 3,
  size: sizeApiVersionsRequest,
  write: writeApiVersionsRequest,
  read: readApiVersionsRequest,
};

function sizeTagged_supportedFeatures_ApiVersionsResponse(x: readonly ApiVersionsResponseSupportedFeatureKey[], v: number): number {
  let n = 0;
  {
    const a0 = x;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeApiVersionsResponseSupportedFeatureKey(a0[i0]!, v);
    }
  }
  return n;
}

function sizeTagged_finalizedFeatures_ApiVersionsResponse(x: readonly ApiVersionsResponseFinalizedFeatureKey[], v: number): number {
  let n = 0;
  {
    const a0 = x;
    n += sizeOfUvarint(a0.length + 1);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeApiVersionsResponseFinalizedFeatureKey(a0[i0]!, v);
    }
  }
  return n;
}

function sizeApiVersionsResponse(m: ApiVersionsResponse, v: number): number {
  const f = v >= 3;
  let n = 2;
  {
    const a0 = m.apiKeys;
    n += (f ? sizeOfUvarint(a0.length + 1) : 4);
    for (let i0 = 0; i0 < a0.length; i0++) {
      n += sizeApiVersionsResponseApiVersion(a0[i0]!, v);
    }
  }
  if (v >= 1) n += 4;
  if (f) {
    let c = 0;
    {
      const t0 = (m.supportedFeatures ?? []);
      if (v >= 3 && t0.length !== 0) {
        c++;
        const s = sizeTagged_supportedFeatures_ApiVersionsResponse(t0, v);
        n += 1 + sizeOfUvarint(s) + s;
      }
    }
    {
      const t1 = (m.finalizedFeaturesEpoch ?? -1);
      if (v >= 3 && t1 !== -1) {
        c++;
        const s = 8;
        n += 1 + sizeOfUvarint(s) + s;
      }
    }
    {
      const t2 = (m.finalizedFeatures ?? []);
      if (v >= 3 && t2.length !== 0) {
        c++;
        const s = sizeTagged_finalizedFeatures_ApiVersionsResponse(t2, v);
        n += 1 + sizeOfUvarint(s) + s;
      }
    }
    {
      const t3 = (m.zkMigrationReady ?? false);
      if (v >= 3 && t3 !== false) {
        c++;
        const s = 1;
        n += 1 + sizeOfUvarint(s) + s;
      }
    }
    n += sizeOfUvarint(c);
  }
  return n;
}

function writeApiVersionsResponse(w: Writer, m: ApiVersionsResponse, v: number): void {
  const f = v >= 3;
  w.int16(m.errorCode);
  {
    const a0 = m.apiKeys;
    w.arrayLength(f, a0.length);
    for (let i0 = 0; i0 < a0.length; i0++) {
      writeApiVersionsResponseApiVersion(w, a0[i0]!, v);
    }
  }
  if (v >= 1) w.int32((m.throttleTimeMs ?? 0));
  if (f) {
    let c = 0;
    const t0 = (m.supportedFeatures ?? []);
    const h0 = v >= 3 && t0.length !== 0;
    if (h0) c++;
    const t1 = (m.finalizedFeaturesEpoch ?? -1);
    const h1 = v >= 3 && t1 !== -1;
    if (h1) c++;
    const t2 = (m.finalizedFeatures ?? []);
    const h2 = v >= 3 && t2.length !== 0;
    if (h2) c++;
    const t3 = (m.zkMigrationReady ?? false);
    const h3 = v >= 3 && t3 !== false;
    if (h3) c++;
    w.uvarint(c);
    if (h0) {
      w.uvarint(0);
      w.uvarint(sizeTagged_supportedFeatures_ApiVersionsResponse(t0, v));
      {
        const a0 = t0;
        w.arrayLength(true, a0.length);
        for (let i0 = 0; i0 < a0.length; i0++) {
          writeApiVersionsResponseSupportedFeatureKey(w, a0[i0]!, v);
        }
      }
    }
    if (h1) {
      w.uvarint(1);
      w.uvarint(8);
      w.int64(t1);
    }
    if (h2) {
      w.uvarint(2);
      w.uvarint(sizeTagged_finalizedFeatures_ApiVersionsResponse(t2, v));
      {
        const a0 = t2;
        w.arrayLength(true, a0.length);
        for (let i0 = 0; i0 < a0.length; i0++) {
          writeApiVersionsResponseFinalizedFeatureKey(w, a0[i0]!, v);
        }
      }
    }
    if (h3) {
      w.uvarint(3);
      w.uvarint(1);
      w.bool(t3);
    }
  }
}

function readApiVersionsResponse(r: Reader, v: number): Complete<ApiVersionsResponse> {
  const f = v >= 3;
  const errorCode_: number = r.int16();
  let apiKeys_: Complete<ApiVersionsResponseApiVersion>[];
  {
    const len0 = r.requiredArrayLength(f, 'ApiVersionsResponse.apiKeys');
    const a0: Complete<ApiVersionsResponseApiVersion>[] = [];
    for (let i0 = 0; i0 < len0; i0++) {
      a0.push(readApiVersionsResponseApiVersion(r, v));
    }
    apiKeys_ = a0;
  }
  const throttleTimeMs_: number = (v >= 1 ? r.int32() : 0);
  let supportedFeatures_: Complete<ApiVersionsResponseSupportedFeatureKey>[] = [];
  let finalizedFeaturesEpoch_: number = -1;
  let finalizedFeatures_: Complete<ApiVersionsResponseFinalizedFeatureKey>[] = [];
  let zkMigrationReady_: boolean = false;
  if (f) {
    for (let k = r.uvarint(); k > 0; k--) {
      const tag = r.uvarint();
      const size = r.taggedSize();
      const start = r.pos;
      switch (tag) {
        case 0:
          if (v >= 3) {
            {
              const len0 = r.requiredArrayLength(true, 'ApiVersionsResponse.supportedFeatures');
              const a0: Complete<ApiVersionsResponseSupportedFeatureKey>[] = [];
              for (let i0 = 0; i0 < len0; i0++) {
                a0.push(readApiVersionsResponseSupportedFeatureKey(r, v));
              }
              supportedFeatures_ = a0;
            }
            r.endTaggedField(0, start, size);
          } else r.skip(size);
          break;
        case 1:
          if (v >= 3) {
            finalizedFeaturesEpoch_ = r.int64();
            r.endTaggedField(1, start, size);
          } else r.skip(size);
          break;
        case 2:
          if (v >= 3) {
            {
              const len0 = r.requiredArrayLength(true, 'ApiVersionsResponse.finalizedFeatures');
              const a0: Complete<ApiVersionsResponseFinalizedFeatureKey>[] = [];
              for (let i0 = 0; i0 < len0; i0++) {
                a0.push(readApiVersionsResponseFinalizedFeatureKey(r, v));
              }
              finalizedFeatures_ = a0;
            }
            r.endTaggedField(2, start, size);
          } else r.skip(size);
          break;
        case 3:
          if (v >= 3) {
            zkMigrationReady_ = r.bool();
            r.endTaggedField(3, start, size);
          } else r.skip(size);
          break;
        default:
          r.skip(size);
      }
    }
  }
  return { errorCode: errorCode_, apiKeys: apiKeys_, throttleTimeMs: throttleTimeMs_, supportedFeatures: supportedFeatures_, finalizedFeaturesEpoch: finalizedFeaturesEpoch_, finalizedFeatures: finalizedFeatures_, zkMigrationReady: zkMigrationReady_ };
}

function sizeApiVersionsResponseApiVersion(m: ApiVersionsResponseApiVersion, v: number): number {
  const f = v >= 3;
  let n = 6;
  if (f) n += 1;
  return n;
}

function writeApiVersionsResponseApiVersion(w: Writer, m: ApiVersionsResponseApiVersion, v: number): void {
  const f = v >= 3;
  w.int16(m.apiKey);
  w.int16(m.minVersion);
  w.int16(m.maxVersion);
  if (f) {
    w.uvarint(0);
  }
}

function readApiVersionsResponseApiVersion(r: Reader, v: number): Complete<ApiVersionsResponseApiVersion> {
  const f = v >= 3;
  const apiKey_: number = r.int16();
  const minVersion_: number = r.int16();
  const maxVersion_: number = r.int16();
  if (f) {
    r.skipTaggedFields();
  }
  return { apiKey: apiKey_, minVersion: minVersion_, maxVersion: maxVersion_ };
}

function sizeApiVersionsResponseSupportedFeatureKey(m: ApiVersionsResponseSupportedFeatureKey, v: number): number {
  let n = 5;
  n += sizeOfCompactString(m.name);
  return n;
}

function writeApiVersionsResponseSupportedFeatureKey(w: Writer, m: ApiVersionsResponseSupportedFeatureKey, v: number): void {
  w.compactString(m.name);
  w.int16(m.minVersion);
  w.int16(m.maxVersion);
  w.uvarint(0);
}

function readApiVersionsResponseSupportedFeatureKey(r: Reader, v: number): Complete<ApiVersionsResponseSupportedFeatureKey> {
  const name_: string = r.compactString('ApiVersionsResponseSupportedFeatureKey.name');
  const minVersion_: number = r.int16();
  const maxVersion_: number = r.int16();
  r.skipTaggedFields();
  return { name: name_, minVersion: minVersion_, maxVersion: maxVersion_ };
}

function sizeApiVersionsResponseFinalizedFeatureKey(m: ApiVersionsResponseFinalizedFeatureKey, v: number): number {
  let n = 5;
  n += sizeOfCompactString(m.name);
  return n;
}

function writeApiVersionsResponseFinalizedFeatureKey(w: Writer, m: ApiVersionsResponseFinalizedFeatureKey, v: number): void {
  w.compactString(m.name);
  w.int16(m.maxVersionLevel);
  w.int16(m.minVersionLevel);
  w.uvarint(0);
}

function readApiVersionsResponseFinalizedFeatureKey(r: Reader, v: number): Complete<ApiVersionsResponseFinalizedFeatureKey> {
  const name_: string = r.compactString('ApiVersionsResponseFinalizedFeatureKey.name');
  const maxVersionLevel_: number = r.int16();
  const minVersionLevel_: number = r.int16();
  r.skipTaggedFields();
  return { name: name_, maxVersionLevel: maxVersionLevel_, minVersionLevel: minVersionLevel_ };
}

export const ApiVersionsResponse: MessageCodec<ApiVersionsResponse> = {
  name: 'ApiVersionsResponse',
  minVersion: 0,
  maxVersion: 4,
  flexibleMin: 3,
  size: sizeApiVersionsResponse,
  write: writeApiVersionsResponse,
  read: readApiVersionsResponse,
};
