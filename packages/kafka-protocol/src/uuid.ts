/**
 * UUIDs (topic ids, directory ids) are strings in Kafka's own text form:
 * the 16 bytes in URL-safe base64 without padding, 22 characters, as
 * org.apache.kafka.common.Uuid.toString prints them and kafka-topics shows
 * them ("AAAAAAAAAAAAAAAAAAAAAA" is the zero UUID).
 */

export const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

const UUID_TEXT = /^[A-Za-z0-9_-]{21}[AQgw]$/;

/** The 16 bytes at `at` as Kafka's base64url text. */
export function uuidToString(bytes: Buffer, at: number): string {
  return bytes.toString('base64url', at, at + 16);
}

/** Whether `s` is a 22-character base64url text of exactly 16 bytes. */
export function isUuidString(s: string): boolean {
  return UUID_TEXT.test(s);
}

/** Writes the 16 bytes of `s` at `at`; a string that is not a UUID is a programmer error. */
export function writeUuid(buf: Buffer, at: number, s: string): void {
  if (!UUID_TEXT.test(s)) throw new RangeError(`not a Kafka UUID string (22 base64url characters): ${JSON.stringify(s)}`);
  const n = buf.write(s, at, 16, 'base64url');
  if (n !== 16) throw new RangeError(`UUID ${s} did not decode to 16 bytes`);
}
