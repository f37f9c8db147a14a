/**
 * `meta.properties`: what `kz format` writes at the root of a data directory and `kz server`
 * insists on, as Kafka's `kafka-storage format` does. It pins a directory to one cluster and one
 * node, so a node started with another's directory, or pointed at the wrong cluster, refuses to
 * start instead of joining with a log that is not its own.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDirectoryId, decodeBootstrapCheckpoint, encodeBootstrapCheckpoint, type DirectoryId, type Voter } from '@kz/raft';
import { CliError } from '../cli-error';

export const META_PROPERTIES = 'meta.properties';
/** The voter set a dynamic-voter cluster starts from (KIP-853), as Kafka's format leaves it. */
export const BOOTSTRAP_CHECKPOINT = 'bootstrap.checkpoint';

export interface MetaProperties {
  readonly clusterId: string;
  readonly nodeId: number;
  /**
   * KIP-853: this replica's directory id. Present, the node runs dynamic voters (kraft.version 1);
   * absent, static `--voters` as before. A wiped and re-formatted directory gets a new one, so it
   * can never vote as the replica it replaced.
   */
  readonly directoryId?: DirectoryId;
}

/** What `kz format` writes: the identity, and for a new dynamic-voter cluster its bootstrap voter set. */
export interface Formatting extends MetaProperties {
  /** `--standalone` / `--initial-controllers`: written to bootstrap.checkpoint. Needs a directoryId. */
  readonly bootstrapVoters?: readonly Voter[];
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
  const directoryId = entries.get('directory.id');
  if (directoryId === undefined) return { clusterId, nodeId: Number(nodeIdText) };
  try {
    checkDirectoryId(directoryId);
  } catch (error) {
    throw new CliError('CORRUPT_META_PROPERTIES', `${file}: directory.id: ${(error as Error).message}`);
  }
  return { clusterId, nodeId: Number(nodeIdText), directoryId };
}

/**
 * The bootstrap voter set a `--standalone` / `--initial-controllers` format left, or null when the
 * directory has none (static voters, or a node formatted to join a running cluster). A file that
 * is there but does not decode is an error: starting from a voter set it cannot read could split
 * the cluster.
 */
export function readBootstrapVoters(dataDir: string): Voter[] | null {
  const file = path.join(dataDir, BOOTSTRAP_CHECKPOINT);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return [...decodeBootstrapCheckpoint(bytes)];
  } catch (error) {
    throw new CliError('CORRUPT_BOOTSTRAP_CHECKPOINT', `${file} is not a bootstrap voter set: ${(error as Error).message}`);
  }
}

/**
 * Formats `dataDir` for a node: creates it and writes meta.properties durably (temporary file,
 * fsync, rename, fsync of the directory). Formatting again with the same identity is a no-op;
 * with another, it is refused, since the logs there belong to the identity already written.
 */
export function formatDataDir(dataDir: string, identity: Formatting): { readonly created: boolean; readonly directoryId: DirectoryId | null } {
  const existing = readMetaProperties(dataDir);
  if (existing !== null) {
    // A directory formatted for static voters is not turned into a dynamic one (or back) by formatting again.
    const sameMode = (existing.directoryId === undefined) === (identity.directoryId === undefined);
    if (existing.clusterId === identity.clusterId && existing.nodeId === identity.nodeId && sameMode) return { created: false, directoryId: existing.directoryId ?? null };
    throw new CliError(
      'ALREADY_FORMATTED',
      `${dataDir} is already formatted for node ${existing.nodeId} of cluster ${existing.clusterId}${existing.directoryId === undefined ? ' (static voters)' : ` (directory id ${existing.directoryId})`}; use another directory, or remove this one to start over`,
    );
  }
  if (identity.bootstrapVoters !== undefined && identity.directoryId === undefined) throw new RangeError('bootstrap voters need a directory id');
  fs.mkdirSync(dataDir, { recursive: true });
  // The voter set first: meta.properties is what makes the directory formatted, so a crash in
  // between leaves a directory that is formatted again from scratch.
  if (identity.bootstrapVoters !== undefined) writeDurably(dataDir, BOOTSTRAP_CHECKPOINT, encodeBootstrapCheckpoint(identity.bootstrapVoters));
  const text =
    `# Written by kz format. A kz node refuses to start on a directory formatted for another node or cluster.\nversion=1\ncluster.id=${identity.clusterId}\nnode.id=${identity.nodeId}\n` +
    (identity.directoryId === undefined ? '' : `directory.id=${identity.directoryId}\n`);
  writeDurably(dataDir, META_PROPERTIES, text);
  return { created: true, directoryId: identity.directoryId ?? null };
}

/** Temporary file, fsync, rename, fsync of the directory: the file is there whole or not at all. */
function writeDurably(dataDir: string, name: string, contents: string | Uint8Array): void {
  const file = path.join(dataDir, name);
  const temporary = `${file}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  try {
    fs.writeFileSync(fd, contents);
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
}
