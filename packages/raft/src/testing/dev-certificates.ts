/**
 * A development CA and certificates signed by it, made with the `openssl` command: one per node
 * (CN `kz-node-<id>`, the name a node's certificate must carry for its peers to accept it as that
 * node) and one per user (CN `<user>`, principal `User:<user>`). Every certificate is valid for
 * `localhost` and 127.0.0.1, so loopback clusters verify hostnames as production ones do.
 *
 * For tests, the demo and `kz certs create`; a production CA is the operator's own.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nodeCommonName } from '@kz/runtime';

/** openssl failed, or a name cannot be a certificate's. */
export class DevCertificateError extends Error {
  override readonly name = 'DevCertificateError';
}

export interface CertificateFiles {
  readonly key: string;
  readonly cert: string;
}

export interface DevCertificates {
  readonly dir: string;
  /** The CA's certificate: every node's and client's --ssl-ca. */
  readonly ca: string;
  readonly nodes: ReadonlyMap<number, CertificateFiles>;
  readonly users: ReadonlyMap<string, CertificateFiles>;
}

export interface DevCertificateOptions {
  readonly nodes?: readonly number[];
  readonly users?: readonly string[];
  readonly days?: number;
  /** Hosts (besides localhost and 127.0.0.1) the certificates are valid for. */
  readonly hosts?: readonly string[];
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A certificate's validity window, for one that is expired or not valid yet. */
export interface CertificateValidity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

function openssl(args: readonly string[], cwd: string): void {
  try {
    execFileSync('openssl', [...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new DevCertificateError(`openssl ${args[0]} failed${stderr ? `: ${stderr}` : ''} (is openssl installed?)`);
  }
}

/** Makes (or reuses, if `dir` already holds one) a CA, then a key and certificate per node and user. */
export function createDevCertificates(dir: string, options: DevCertificateOptions = {}): DevCertificates {
  fs.mkdirSync(dir, { recursive: true });
  const days = String(options.days ?? 365);
  const ca = path.join(dir, 'ca.crt');
  if (!fs.existsSync(ca)) {
    openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', days, '-subj', '/CN=kz dev CA'], dir);
    fs.chmodSync(path.join(dir, 'ca.key'), 0o600);
  }
  writeLeafExtensions(dir, options.hosts ?? []);
  const issue = (file: string, cn: string): CertificateFiles =>
    signRequest(dir, file, cn, () => openssl(['x509', '-req', '-in', `${file}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${file}.crt`, '-days', days, '-extfile', 'leaf.ext'], dir));
  const nodes = new Map((options.nodes ?? []).map((id) => [id, issue(`node-${id}`, nodeCommonName(id))] as const));
  const users = new Map((options.users ?? []).map((user) => [user, issue(`user-${user}`, user)] as const));
  return { dir, ca, nodes, users };
}

/**
 * A certificate from the CA of `certs`, for `commonName` (`kz-node-<id>` or a user), valid only
 * between the given dates: an expired or a not-yet-valid one, for tests of what refuses it.
 * `openssl x509 -req` takes only -days (from now), so this signs with `openssl ca`, which takes both
 * dates, over a throwaway database beside the CA.
 */
export function issueDevCertificate(certs: DevCertificates, file: string, commonName: string, validity: CertificateValidity): CertificateFiles {
  const dir = certs.dir;
  if (!fs.existsSync(path.join(dir, 'leaf.ext'))) writeLeafExtensions(dir, []);
  const db = fs.mkdtempSync(path.join(dir, 'ca-db-'));
  fs.writeFileSync(path.join(db, 'index.txt'), '');
  fs.writeFileSync(path.join(db, 'serial'), `${Date.now().toString(16).padStart(16, '0')}\n`);
  fs.writeFileSync(
    path.join(db, 'ca.cnf'),
    `[ca]\ndefault_ca = dev\n[dev]\ndatabase = ${path.join(db, 'index.txt')}\nnew_certs_dir = ${db}\nserial = ${path.join(db, 'serial')}\ndefault_md = sha256\npolicy = any\n[any]\ncommonName = supplied\n`,
  );
  try {
    return signRequest(dir, file, commonName, () =>
      openssl(
        ['ca', '-batch', '-notext', '-config', path.join(db, 'ca.cnf'), '-cert', 'ca.crt', '-keyfile', 'ca.key', '-in', `${file}.csr`, '-out', `${file}.crt`, '-startdate', opensslTime(validity.notBefore), '-enddate', opensslTime(validity.notAfter), '-extfile', 'leaf.ext'],
        dir,
      ),
    );
  } finally {
    fs.rmSync(db, { recursive: true, force: true });
  }
}

/** The extensions of every leaf certificate: valid for localhost, 127.0.0.1 and `hosts`, as server and client. */
function writeLeafExtensions(dir: string, extraHosts: readonly string[]): void {
  const hosts = ['localhost', ...extraHosts];
  const san = ['IP:127.0.0.1', ...hosts.map((h) => (/^[0-9.]+$/.test(h) || h.includes(':') ? `IP:${h}` : `DNS:${h}`))].join(',');
  fs.writeFileSync(path.join(dir, 'leaf.ext'), `subjectAltName=${san}\nextendedKeyUsage=serverAuth,clientAuth\n`);
}

/** A key and signing request for `cn`, signed by `sign` into `<file>.crt`. */
function signRequest(dir: string, file: string, cn: string, sign: () => void): CertificateFiles {
  if (!NAME.test(cn)) throw new DevCertificateError(`${JSON.stringify(cn)} is not a usable certificate name`);
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${file}.key`, '-out', `${file}.csr`, '-subj', `/CN=${cn}`], dir);
  sign();
  fs.rmSync(path.join(dir, `${file}.csr`));
  fs.chmodSync(path.join(dir, `${file}.key`), 0o600);
  return { key: path.join(dir, `${file}.key`), cert: path.join(dir, `${file}.crt`) };
}

/** openssl's GeneralizedTime: YYYYMMDDHHMMSSZ. */
function opensslTime(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}
