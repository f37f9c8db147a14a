/**
 * Access to kafkajs 2.2.4's own protocol modules (a devDependency), which
 * have no type declarations: request builders produce whole frames, response
 * decoders read a body after the correlation id.
 */
/* eslint-disable @typescript-eslint/no-require-imports */

interface KafkajsRequest {
  apiKey: number;
  apiVersion: number;
  encode(): Promise<unknown>;
}

interface KafkajsResponse {
  decode(payload: Buffer): Promise<Record<string, unknown>>;
}

interface KafkajsApi {
  versions: string[];
  protocol(opts: { version: number }): (args: unknown) => { request: KafkajsRequest; response: KafkajsResponse };
}

const createRequest = require('kafkajs/src/protocol/request') as (opts: {
  correlationId: number;
  clientId: string;
  request: KafkajsRequest;
}) => Promise<{ buffer: Buffer }>;

export function kafkajsApi(name: string): KafkajsApi {
  return require(`kafkajs/src/protocol/requests/${name}`) as KafkajsApi;
}

export function kafkajsVersions(name: string): number[] {
  return kafkajsApi(name).versions.map(Number).sort((a, b) => a - b);
}

/** The frame kafkajs sends for this request, without its 4-byte size prefix. */
export async function kafkajsRequestFrame(name: string, version: number, args: unknown, correlationId = 7): Promise<Buffer> {
  const { request } = kafkajsApi(name).protocol({ version })(args);
  const { buffer } = await createRequest({ correlationId, clientId: 'kz-test', request });
  expect(buffer.readInt32BE(0)).toBe(buffer.length - 4);
  return buffer.subarray(4);
}

/** kafkajs's decode of a response frame (we strip size and correlation id as kafkajs's connection does). */
export async function kafkajsDecodeResponse(name: string, version: number, frame: Uint8Array): Promise<Record<string, unknown>> {
  const { response } = kafkajsApi(name).protocol({ version })({});
  const buf = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  expect(buf.readInt32BE(0)).toBe(buf.length - 4);
  return response.decode(buf.subarray(8));
}

/** A RecordBatch (magic 2) built by kafkajs's own encoder: `values` as records at offsets base.. */
export async function kafkajsRecordBatch(baseOffset: number, values: string[]): Promise<Buffer> {
  const Long = require('kafkajs/src/utils/long') as { fromNumber(n: number): unknown };
  const Record = require('kafkajs/src/protocol/recordBatch/record/v0') as (r: Record<string, unknown>) => unknown;
  const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0') as {
    RecordBatch(opts: Record<string, unknown>): Promise<{ buffer: Buffer }>;
  };
  const ts = 1_700_000_000_000;
  const records = values.map((value, i) => Record({ offsetDelta: i, timestampDelta: 0, key: Buffer.from(`k${i}`), value: Buffer.from(value), headers: {} }));
  const batch = await RecordBatch({
    firstOffset: Long.fromNumber(baseOffset),
    firstTimestamp: ts,
    maxTimestamp: ts,
    lastOffsetDelta: values.length - 1,
    records,
  });
  return batch.buffer;
}
