/**
 * The dynamic-voter (KIP-853) flags every kz process that bootstraps a metadata quorum reads the
 * same way: `--standalone` (a new cluster of this one controller, which grows with AddRaftVoter),
 * `--initial-controllers id@host:port:directory-id,...` (a new cluster of these controllers, the same
 * list on each) or neither (a node that joins a running cluster as an observer). `kz format` and
 * `kz-metadata-server` both parse them here, so the two cannot drift apart.
 */
import { checkDirectoryId, parseHostPort, type DirectoryId, type NodeId, type Voter } from '@kz/raft';
import { UsageError } from './usage-error';

/** The listener name voter sets give kz's Raft endpoint (KRaft's default controller listener). */
export const RAFT_LISTENER_NAME = 'CONTROLLER';

/** How a node with dynamic voters starts, as its flags say. */
export type VoterBootstrap =
  | { readonly kind: 'standalone' }
  | { readonly kind: 'initial-controllers'; readonly voters: readonly Voter[]; readonly self: Voter }
  | { readonly kind: 'join' };

export interface VoterBootstrapFlags {
  readonly nodeId: NodeId;
  readonly standalone: boolean;
  /** The list; false for `--no-initial-controllers` (join); undefined when not given. */
  readonly initialControllers: string | false | undefined;
}

/**
 * Which bootstrap the flags ask for, or null when they name none (the caller decides what that
 * means: static voters for `kz format`). The choices exclude each other, and `--initial-controllers`
 * must list this node (a node that is not an initial controller joins instead).
 */
export function voterBootstrap(flags: VoterBootstrapFlags): VoterBootstrap | null {
  const chosen = [flags.standalone, typeof flags.initialControllers === 'string', flags.initialControllers === false].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('--standalone, --initial-controllers and --no-initial-controllers exclude each other');
  if (flags.standalone) return { kind: 'standalone' };
  if (flags.initialControllers === false) return { kind: 'join' };
  if (flags.initialControllers === undefined) return null;
  const voters = parseInitialControllers(flags.initialControllers);
  const self = voters.find((v) => v.id === flags.nodeId);
  if (self === undefined) {
    throw new UsageError(`--initial-controllers does not list node ${flags.nodeId}; a node that is not an initial controller joins a running cluster as an observer`);
  }
  return { kind: 'initial-controllers', voters, self };
}

/** The voter set of a `--standalone` cluster: this node alone, listed where its Raft listens. */
export function standaloneVoters(nodeId: NodeId, directoryId: DirectoryId, raftListen: string): Voter[] {
  const { host, port } = parseHostPort(raftListen, '--raft-listen', false);
  return [{ id: nodeId, directoryId, endpoints: [{ name: RAFT_LISTENER_NAME, host, port }] }];
}

const INITIAL_CONTROLLER = /^(0|[1-9][0-9]{0,9})@(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):([0-9]{1,5}):([A-Za-z0-9_-]{22})$/;

/** Kafka's `--initial-controllers` list: `id@host:port:directory-id`, comma-separated. */
export function parseInitialControllers(text: string): Voter[] {
  const voters: Voter[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const match = INITIAL_CONTROLLER.exec(entry);
    const port = Number(match?.[3]);
    if (match === null || !(port >= 1 && port <= 65535)) throw new UsageError(`--initial-controllers: expected id@host:port:directory-id, got ${JSON.stringify(entry)}`);
    const id = Number(match[1]);
    if (id > 2 ** 31 - 1) throw new UsageError(`--initial-controllers: node id ${id} is too large`);
    if (voters.some((v) => v.id === id)) throw new UsageError(`--initial-controllers: node ${id} is listed twice`);
    try {
      checkDirectoryId(match[4]!);
    } catch (error) {
      throw new UsageError(`--initial-controllers: node ${id}: ${(error as Error).message}`);
    }
    if (voters.some((v) => v.directoryId === match[4])) throw new UsageError(`--initial-controllers: directory id ${match[4]} is listed twice`);
    const host = match[2]!.replace(/^\[(.*)\]$/, '$1');
    voters.push({ id, directoryId: match[4]!, endpoints: [{ name: RAFT_LISTENER_NAME, host, port }] });
  }
  if (voters.length === 0) throw new UsageError('--initial-controllers: no entries');
  return voters;
}
