/**
 * SCRAM's key derivation (RFC 5802 §3, RFC 7677 for SHA-256; SHA-512 as Kafka offers it), with
 * Node's crypto. A credential as the metadata log keeps it is (salt, iterations, StoredKey,
 * ServerKey): enough to verify a client's proof and to prove the server knows it, never the
 * password, and never anything a client could log in with.
 *
 *   SaltedPassword = Hi(password, salt, i)          (PBKDF2 with HMAC-H)
 *   ClientKey      = HMAC(SaltedPassword, "Client Key")
 *   StoredKey      = H(ClientKey)
 *   ServerKey      = HMAC(SaltedPassword, "Server Key")
 *
 * Kafka's AlterUserScramCredentials carries the salted password (a client never sends the password
 * itself); the controller turns it into StoredKey and ServerKey and stores only those.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

export const SCRAM_MECHANISMS = ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
export type ScramMechanism = (typeof SCRAM_MECHANISMS)[number];

/** Kafka's ScramMechanism type codes, as AlterUserScramCredentials and the records carry them. */
export const SCRAM_MECHANISM_CODES: Readonly<Record<ScramMechanism, number>> = { 'SCRAM-SHA-256': 1, 'SCRAM-SHA-512': 2 };

/** Kafka's bounds on iterations: fewer is too cheap to brute-force, more is refused as a denial of service. */
export const SCRAM_MIN_ITERATIONS = 4096;
export const SCRAM_MAX_ITERATIONS = 16384;
export const SCRAM_DEFAULT_ITERATIONS = 8192;

const HASHES: Readonly<Record<ScramMechanism, { readonly name: 'sha256' | 'sha512'; readonly bytes: number }>> = {
  'SCRAM-SHA-256': { name: 'sha256', bytes: 32 },
  'SCRAM-SHA-512': { name: 'sha512', bytes: 64 },
};

export interface ScramCredential {
  readonly mechanism: ScramMechanism;
  readonly salt: Uint8Array;
  readonly iterations: number;
  readonly storedKey: Uint8Array;
  readonly serverKey: Uint8Array;
}

export function isScramMechanism(name: string): name is ScramMechanism {
  return (SCRAM_MECHANISMS as readonly string[]).includes(name);
}

export function scramMechanismOfCode(code: number): ScramMechanism | undefined {
  return SCRAM_MECHANISMS.find((m) => SCRAM_MECHANISM_CODES[m] === code);
}

/** The hash's output length: SaltedPassword, StoredKey and ServerKey are all this long. */
export function scramKeyLength(mechanism: ScramMechanism): number {
  return HASHES[mechanism].bytes;
}

export function scramHash(mechanism: ScramMechanism, data: Uint8Array): Buffer {
  return createHash(HASHES[mechanism].name).update(data).digest();
}

export function scramHmac(mechanism: ScramMechanism, key: Uint8Array, data: Uint8Array | string): Buffer {
  return createHmac(HASHES[mechanism].name, key).update(data).digest();
}

/** Hi(password, salt, i). The password is taken as UTF-8 (SASLprep of ASCII passwords is the identity). */
export function saltedPassword(mechanism: ScramMechanism, password: string, salt: Uint8Array, iterations: number): Buffer {
  return pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, HASHES[mechanism].bytes, HASHES[mechanism].name);
}

export function clientKeyOf(mechanism: ScramMechanism, salted: Uint8Array): Buffer {
  return scramHmac(mechanism, salted, 'Client Key');
}

/** The credential the server keeps, from the salted password a client sent. */
export function scramCredentialOf(mechanism: ScramMechanism, salt: Uint8Array, iterations: number, salted: Uint8Array): ScramCredential {
  return {
    mechanism,
    salt: Uint8Array.from(salt),
    iterations,
    storedKey: scramHash(mechanism, clientKeyOf(mechanism, salted)),
    serverKey: scramHmac(mechanism, salted, 'Server Key'),
  };
}

/** A fresh salt (as long as the hash, as Kafka's ScramFormatter makes them). */
export function newSalt(mechanism: ScramMechanism): Buffer {
  return randomBytes(HASHES[mechanism].bytes);
}

/** Constant-time equality of two keys (a proof compared byte by byte would leak how much matched). */
export function keysEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether `password` is the one the credential was made from (how PLAIN checks against a SCRAM credential). */
export function passwordMatches(credential: ScramCredential, password: string): boolean {
  const salted = saltedPassword(credential.mechanism, password, credential.salt, credential.iterations);
  return keysEqual(scramHash(credential.mechanism, clientKeyOf(credential.mechanism, salted)), credential.storedKey);
}

export function xorBytes(a: Uint8Array, b: Uint8Array): Buffer {
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}
