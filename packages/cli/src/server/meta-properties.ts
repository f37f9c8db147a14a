/**
 * `meta.properties`: what `kz format` writes at the root of a data directory and `kz server`
 * insists on, as Kafka's `kafka-storage format` does. It pins a directory to one cluster and one
 * node, so a node started with another's directory, or pointed at the wrong cluster, refuses to
 * start instead of joining with a log that is not its own.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from '../cli-error';

export const META_PROPERTIES = 'meta.properties';

export interface MetaProperties {
  readonly clusterId: string;
  readonly nodeId: number;
}

/** A new cluster id: 16 random bytes, base64url, as Kafka's `random-uuid` prints them. */
export function newClusterId(): string {
  return randomBytes(16).toString('base64url');
}

/** The directory's identity, or null when it was never formatted. Malformed files are an error. */
export function readMetaProperties(dataDir: string): MetaProperties | null {
  const file = path.join(dataDir, META_PROPERTIES);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const entries = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq > 0) entries.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  const clusterId = entries.get('cluster.id');
  const nodeIdText = entries.get('node.id');
  if (entries.get('version') !== '1' || clusterId === undefined || clusterId === '' || nodeIdText === undefined || !/^(0|[1-9][0-9]{0,9})$/.test(nodeIdText)) {
    throw new CliError('CORRUPT_META_PROPERTIES', `${file} is not a kz meta.properties (version=1, cluster.id, node.id)`);
  }
  return { clusterId, nodeId: Number(nodeIdText) };
}

/**
 * Formats `dataDir` for a node: creates it and writes meta.properties durably (temporary file,
 * fsync, rename, fsync of the directory). Formatting again with the same identity is a no-op;
 * with another, it is refused, since the logs there belong to the identity already written.
 */
export function formatDataDir(dataDir: string, identity: MetaProperties): { readonly created: boolean } {
  const existing = readMetaProperties(dataDir);
  if (existing !== null) {
    if (existing.clusterId === identity.clusterId && existing.nodeId === identity.nodeId) return { created: false };
    throw new CliError(
      'ALREADY_FORMATTED',
      `${dataDir} is already formatted for node ${existing.nodeId} of cluster ${existing.clusterId}; use another directory, or remove this one to start over`,
    );
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, META_PROPERTIES);
  const temporary = `${file}.tmp`;
  const text = `# Written by kz format. A kz node refuses to start on a directory formatted for another node or cluster.\nversion=1\ncluster.id=${identity.clusterId}\nnode.id=${identity.nodeId}\n`;
  const fd = fs.openSync(temporary, 'w');
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  const dirFd = fs.openSync(dataDir, 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
  return { created: true };
}
