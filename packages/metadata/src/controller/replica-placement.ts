/**
 * Where the replicas of new partitions go: balanced and rack-aware, after Kafka's rack-aware
 * assignment (AdminUtils.assignReplicasToBrokersRackAware) and KRaft's StripedReplicaPlacer.
 *
 * The placer is greedy, one partition at a time, one replica at a time, always to the least
 * loaded broker that the rack rule allows:
 *
 * - The leader (the first replica, the preferred leader) goes to the broker with the fewest
 *   leaderships. Nothing else constrains it, so leader counts never drift apart: on a fresh cluster
 *   they differ by at most 1, and with `load` the gap between the most and least led brokers never
 *   grows past max(its old value, 1). Repeated topic creations that pass the accumulated load
 *   therefore keep the leader spread at 1 or less.
 * - Followers go to the rack with the fewest replicas of this partition so far (the rack rule:
 *   every rack before any rack twice), then within that rack to the broker with the fewest replicas.
 *
 * The tie-breaks are what keep replica counts within 1 of each other on a fresh cluster whose
 * racks are the same size (checked by property tests over racks × brokers × RF × partitions):
 * - a leader tie goes to the rack with the fewest leaderships per broker, so leaders alternate
 *   between racks as on Kafka's rack-alternated broker list; otherwise the brokers still owed a
 *   leadership bunch up in one rack, and the rack rule then pushes their followers onto brokers
 *   that already have their share;
 * - a follower tie goes to the rack, then the broker, with the most leaderships: a broker that has
 *   not led yet will get a replica when it does, so it should not also take this one.
 * Remaining ties fall to one seeded shuffle of the brokers, so the placement is a function of the
 * broker set, the load and the random source (the input order does not matter).
 *
 * When racks differ in size, the rack rule wins over balance, as in Kafka: with racks {a, b, c}
 * and {d} and RF 2, d takes a replica of every partition.
 */
import { apiError, type ApiError } from '../errors/api-error';
import type { BrokerId } from '../records/metadata-record';

export interface PlacementBroker {
  readonly id: BrokerId;
  readonly rack: string | null;
}

export interface BrokerLoad {
  readonly replicas: number;
  readonly leaders: number;
}

export interface PlacementRequest {
  /** The brokers that may take replicas (unfenced, not shutting down). */
  readonly brokers: readonly PlacementBroker[];
  readonly numPartitions: number;
  readonly replicationFactor: number;
  /** Replicas and leaderships each broker already carries, so new partitions go to the least loaded first. May be empty. */
  readonly load?: ReadonlyMap<BrokerId, BrokerLoad>;
  /** Deterministic randomness (tests and the simulator pass a seeded source). */
  readonly random: () => number;
}

/**
 * The rack of a broker without one. Kafka refuses a rack-aware assignment over a mix of racked and
 * rack-less brokers; we place anyway and count every rack-less broker as one more rack, "", so a
 * cluster without racks is simply one rack and a mixed one spreads over "" like any other rack.
 */
export const NO_RACK = '';

export function rackOf(broker: PlacementBroker): string {
  return broker.rack ?? NO_RACK;
}

/** One list of replicas per partition; the first replica is the preferred leader. */
export function placeReplicas(request: PlacementRequest): BrokerId[][] | ApiError {
  const invalid = validatePlacement(request);
  if (invalid !== null) return invalid;
  const tally = newTally(request);
  const assignment: BrokerId[][] = [];
  for (let p = 0; p < request.numPartitions; p++) assignment.push(placePartition(tally, request.replicationFactor));
  return assignment;
}

/** Kafka's CreateTopics checks: a positive partition count, and a replication factor the usable brokers can hold. */
export function validatePlacement(request: PlacementRequest): ApiError | null {
  const { numPartitions, replicationFactor, brokers } = request;
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    return apiError('INVALID_PARTITIONS', `Number of partitions must be a positive integer, not ${numPartitions}.`);
  }
  if (!Number.isInteger(replicationFactor) || replicationFactor < 1) {
    return apiError('INVALID_REPLICATION_FACTOR', `Replication factor must be a positive integer, not ${replicationFactor}.`);
  }
  const ids = new Set(brokers.map((broker) => broker.id));
  // A broker listed twice would count twice against the replication factor and could land twice in one partition.
  if (ids.size !== brokers.length) return apiError('INVALID_REQUEST', 'A broker is listed more than once among the usable brokers.');
  if (replicationFactor > brokers.length) {
    return apiError(
      'INVALID_REPLICATION_FACTOR',
      `Unable to replicate the partition ${replicationFactor} time(s): only ${brokers.length} usable broker(s) (registered, unfenced, not shutting down).`,
    );
  }
  return null;
}

/** Running counts, including what this request has placed so far. */
interface Tally {
  /** Brokers in shuffled order: position is the final tie-break. */
  readonly rank: ReadonlyMap<BrokerId, number>;
  readonly order: readonly BrokerId[];
  readonly rackOf: ReadonlyMap<BrokerId, string>;
  /** Each rack's brokers, in rank order. */
  readonly members: ReadonlyMap<string, readonly BrokerId[]>;
  readonly rackRank: ReadonlyMap<string, number>;
  readonly leaders: Map<BrokerId, number>;
  readonly replicas: Map<BrokerId, number>;
  readonly rackLeaders: Map<string, number>;
  readonly rackReplicas: Map<string, number>;
}

function newTally(request: PlacementRequest): Tally {
  const sorted = [...request.brokers].sort((a, b) => a.id - b.id);
  const shuffledBrokers = shuffled(sorted, request.random);
  const order = shuffledBrokers.map((broker) => broker.id);
  const rank = new Map(order.map((id, index) => [id, index]));
  const rackOfBroker = new Map(shuffledBrokers.map((broker) => [broker.id, rackOf(broker)]));
  const members = new Map<string, BrokerId[]>();
  for (const broker of shuffledBrokers) {
    const rack = rackOf(broker);
    const list = members.get(rack) ?? [];
    list.push(broker.id);
    members.set(rack, list);
  }
  const rackRank = new Map([...members.keys()].map((rack, index) => [rack, index]));
  const leaders = new Map(order.map((id) => [id, request.load?.get(id)?.leaders ?? 0]));
  const replicas = new Map(order.map((id) => [id, request.load?.get(id)?.replicas ?? 0]));
  const rackSum = (counts: ReadonlyMap<BrokerId, number>, rack: string): number =>
    (members.get(rack) ?? []).reduce((sum, id) => sum + (counts.get(id) ?? 0), 0);
  return {
    rank,
    order,
    rackOf: rackOfBroker,
    members,
    rackRank,
    leaders,
    replicas,
    rackLeaders: new Map([...members.keys()].map((rack) => [rack, rackSum(leaders, rack)])),
    rackReplicas: new Map([...members.keys()].map((rack) => [rack, rackSum(replicas, rack)])),
  };
}

/** Fisher–Yates with the request's random source. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    const item = result[i] as T;
    result[i] = result[j] as T;
    result[j] = item;
  }
  return result;
}

function placePartition(tally: Tally, replicationFactor: number): BrokerId[] {
  const leader = pickLeader(tally);
  const chosen = [leader];
  record(tally, leader, true);
  const inPartition = new Map<string, number>([[rackIn(tally, leader), 1]]);
  while (chosen.length < replicationFactor) {
    const follower = pickFollower(tally, chosen, inPartition);
    chosen.push(follower);
    record(tally, follower, false);
    const rack = rackIn(tally, follower);
    inPartition.set(rack, (inPartition.get(rack) ?? 0) + 1);
  }
  return chosen;
}

/** Fewest leaderships; then the rack with the fewest leaderships per broker; then fewest replicas. */
function pickLeader(tally: Tally): BrokerId {
  return minimum(tally.order, (a, b) =>
    count(tally.leaders, a) - count(tally.leaders, b) ||
    compareDensity(tally, tally.rackLeaders, rackIn(tally, a), rackIn(tally, b)) ||
    count(tally.replicas, a) - count(tally.replicas, b) ||
    rankOf(tally, a) - rankOf(tally, b),
  );
}

/**
 * The rack with the fewest replicas of this partition that still has a broker outside it (so racks
 * fill evenly, and a rack is used twice only once every rack is used); then the rack with the fewest
 * replicas per broker, then the one with the most leaderships per broker. Within it, the broker
 * with the fewest replicas, then the most leaderships.
 */
function pickFollower(tally: Tally, chosen: readonly BrokerId[], inPartition: ReadonlyMap<string, number>): BrokerId {
  const free = (rack: string): BrokerId[] => (tally.members.get(rack) ?? []).filter((id) => !chosen.includes(id));
  const racks = [...tally.members.keys()].filter((rack) => free(rack).length > 0);
  const rack = minimum(racks, (a, b) =>
    (inPartition.get(a) ?? 0) - (inPartition.get(b) ?? 0) ||
    compareDensity(tally, tally.rackReplicas, a, b) ||
    compareDensity(tally, tally.rackLeaders, b, a) ||
    (tally.rackRank.get(a) ?? 0) - (tally.rackRank.get(b) ?? 0),
  );
  return minimum(free(rack), (a, b) =>
    count(tally.replicas, a) - count(tally.replicas, b) ||
    count(tally.leaders, b) - count(tally.leaders, a) ||
    rankOf(tally, a) - rankOf(tally, b),
  );
}

function record(tally: Tally, id: BrokerId, asLeader: boolean): void {
  const rack = rackIn(tally, id);
  tally.replicas.set(id, count(tally.replicas, id) + 1);
  tally.rackReplicas.set(rack, (tally.rackReplicas.get(rack) ?? 0) + 1);
  if (!asLeader) return;
  tally.leaders.set(id, count(tally.leaders, id) + 1);
  tally.rackLeaders.set(rack, (tally.rackLeaders.get(rack) ?? 0) + 1);
}

/** Compares per-broker averages of two racks without dividing: a/|A| vs b/|B| as a·|B| vs b·|A|. */
function compareDensity(tally: Tally, totals: ReadonlyMap<string, number>, a: string, b: string): number {
  const sizeA = tally.members.get(a)?.length ?? 1;
  const sizeB = tally.members.get(b)?.length ?? 1;
  return (totals.get(a) ?? 0) * sizeB - (totals.get(b) ?? 0) * sizeA;
}

function minimum<T>(items: readonly T[], compare: (a: T, b: T) => number): T {
  let best = items[0];
  if (best === undefined) throw new Error('placement invariant: no candidate (validatePlacement guarantees one)');
  for (const item of items) if (compare(item, best) < 0) best = item;
  return best;
}

function count(counts: ReadonlyMap<BrokerId, number>, id: BrokerId): number {
  return counts.get(id) ?? 0;
}

function rankOf(tally: Tally, id: BrokerId): number {
  return tally.rank.get(id) ?? 0;
}

function rackIn(tally: Tally, id: BrokerId): string {
  return tally.rackOf.get(id) ?? NO_RACK;
}
