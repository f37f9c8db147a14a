/**
 * A node's TLS identity from PEM files — its private key, its certificate chain, and the CA bundle
 * it trusts peers by (Kafka's ssl.keystore / ssl.truststore, as PEM paths) — read at start and read
 * again on reload (SIGHUP), so a renewed certificate takes effect without a restart. A reload that
 * cannot read or parse the files keeps the identity in force and says why.
 *
 * A certificate outside its validity window (expired, or not valid yet) is refused as unusable: every
 * peer would refuse it in the handshake with an alert that does not say whose certificate was wrong,
 * so the node (or `kz` command) holding it says so itself, with the dates, before serving or calling.
 */
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { createSecureContext, type SecureContextOptions } from 'node:tls';

export interface TlsFiles {
  /** PEM private key (ssl.keystore's key). */
  readonly keyFile: string;
  /** PEM certificate chain (ssl.keystore's certificate). */
  readonly certFile: string;
  /** PEM CA certificates peers' certificates must chain to (ssl.truststore); absent: the system's. */
  readonly caFile?: string;
}

export interface TlsMaterial {
  readonly key: Buffer;
  readonly cert: Buffer;
  readonly ca: Buffer | null;
}

/** A bad certificate or key file: the node cannot serve TLS with it. */
export class TlsConfigError extends Error {
  override readonly name = 'TlsConfigError';
  readonly code = 'INVALID_CONFIG';
}

export class TlsIdentity {
  private materialValue: TlsMaterial;
  private readonly listeners = new Set<(material: TlsMaterial) => void>();

  constructor(readonly files: TlsFiles) {
    this.materialValue = readTlsFiles(files);
  }

  get material(): TlsMaterial {
    return this.materialValue;
  }

  /** Options for a TLS server or client context. */
  contextOptions(): SecureContextOptions {
    const { key, cert, ca } = this.materialValue;
    return { key, cert, ...(ca === null ? {} : { ca }) };
  }

  /** Told of every successful reload. */
  onReload(listener: (material: TlsMaterial) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the files again; throws TlsConfigError (and keeps the old identity) when they are not usable. */
  reload(): void {
    this.materialValue = readTlsFiles(this.files);
    for (const listener of this.listeners) listener(this.materialValue);
  }
}

export function readTlsFiles(files: TlsFiles): TlsMaterial {
  const read = (what: string, file: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (error) {
      throw new TlsConfigError(`cannot read the ${what} ${file}: ${(error as Error).message}`);
    }
  };
  const material = { key: read('TLS private key', files.keyFile), cert: read('TLS certificate', files.certFile), ca: files.caFile === undefined ? null : read('TLS CA bundle', files.caFile) };
  try {
    // Checks that the key matches the certificate and that both parse, before anything serves with them.
    createSecureContext({ key: material.key, cert: material.cert, ...(material.ca === null ? {} : { ca: material.ca }) });
  } catch (error) {
    throw new TlsConfigError(`TLS key ${files.keyFile} and certificate ${files.certFile} are not usable: ${(error as Error).message}`);
  }
  const invalid = validityProblem(material.cert, Date.now());
  if (invalid !== null) throw new TlsConfigError(`TLS certificate ${files.certFile} ${invalid}`);
  return material;
}

/** Why the chain's first (leaf) certificate is not valid at `now`, or null when it is. */
function validityProblem(pem: Buffer, now: number): string | null {
  const leaf = new X509Certificate(pem);
  if (now > Date.parse(leaf.validTo)) return `expired on ${leaf.validTo}`;
  if (now < Date.parse(leaf.validFrom)) return `is not valid before ${leaf.validFrom}`;
  return null;
}
