/**
 * MetadataRecord <-> protobuf bytes. Decoding checks what protobuf cannot: that exactly one record
 * is present and that ids, epochs and offsets are in range, so a corrupt value fails here with a
 * typed error instead of later inside the image.
 */
import type { KafkaRecord } from '@kz/records';
import { MalformedMetadataRecordError } from './record-errors';
import type { ConfigResourceType, Endpoint, MetadataRecord, PartitionChangeRecord } from './metadata-record';
import { metadataWire } from './metadata-schema';
import { decodePartitionChange, encodePartitionChange } from './partition-change-wire';
import { ACL_OPERATIONS, ACL_PERMISSIONS, nameOfCode, PATTERN_TYPES, RESOURCE_TYPES, validateBinding } from '../security/acl';
import { SCRAM_MAX_ITERATIONS, SCRAM_MECHANISM_CODES, SCRAM_MIN_ITERATIONS, scramMechanismOfCode, type ScramMechanism } from '../security/scram';

const RESOURCE_TYPE_CODES: Record<ConfigResourceType, number> = { topic: 2, broker: 4 };

/** The protobuf field of the MetadataRecord oneof for each record type. */
const ONEOF_FIELD = {
  registerBroker: 'registerBroker',
  unregisterBroker: 'unregisterBroker',
  brokerRegistrationChange: 'brokerRegistrationChange',
  topic: 'topic',
  partition: 'partition',
  partitionChange: 'partitionChange',
  removeTopic: 'removeTopic',
  config: 'config',
  featureLevel: 'featureLevel',
  producerIds: 'producerIds',
  noOp: 'noOp',
  userScramCredential: 'userScramCredential',
  removeUserScramCredential: 'removeUserScramCredential',
  accessControlEntry: 'accessControlEntry',
  removeAccessControlEntry: 'removeAccessControlEntry',
} as const satisfies Record<MetadataRecord['type'], string>;

export function encodeMetadataRecord(record: MetadataRecord): Uint8Array {
  if (record.type === 'partitionChange') return encodePartitionChange(record);
  return metadataWire.MetadataRecord.encode(toWireMessage(record)).finish();
}

/** The record as the protobufjs object of a MetadataRecord message. */
export function toWireMessage(record: MetadataRecord): WireMessage {
  return { [ONEOF_FIELD[record.type]]: toWire(record) };
}

/** Each record as the value of one Kafka record, ready for a RecordBatch. */
export function toKafkaRecords(records: readonly MetadataRecord[]): KafkaRecord[] {
  return records.map((record) => ({ key: null, value: encodeMetadataRecord(record) }));
}

export function decodeMetadataRecord(bytes: Uint8Array): MetadataRecord {
  const change = decodePartitionChange(bytes);
  if (change !== null) return change;
  let message: WireMessage;
  try {
    message = metadataWire.MetadataRecord.decode(bytes) as unknown as WireMessage;
  } catch (error) {
    throw new MalformedMetadataRecordError(`metadata record does not decode: ${error instanceof Error ? error.message : String(error)}`);
  }
  return fromWireMessage(message);
}

/** A decoded protobufjs MetadataRecord message as a record, checked. */
export function fromWireMessage(message: WireMessage): MetadataRecord {
  const kind = message['record'];
  if (typeof kind !== 'string') throw new MalformedMetadataRecordError('metadata record holds no record');
  const body = message[kind];
  if (typeof body !== 'object' || body === null) throw new MalformedMetadataRecordError(`metadata record ${kind} has no body`);
  return fromWire(kind, body as WireMessage);
}

export type WireMessage = Record<string, unknown>;

function toWire(record: MetadataRecord): WireMessage {
  switch (record.type) {
    case 'registerBroker':
      return {
        brokerId: record.brokerId,
        incarnationId: record.incarnationId,
        brokerEpoch: record.brokerEpoch,
        endpoints: record.endpoints.map((e) => ({ name: e.name, host: e.host, port: e.port })),
        ...(record.rack === null ? {} : { rack: record.rack }),
        fenced: record.fenced,
        inControlledShutdown: record.inControlledShutdown,
      };
    case 'unregisterBroker':
      return { brokerId: record.brokerId, brokerEpoch: record.brokerEpoch };
    case 'brokerRegistrationChange':
      return {
        brokerId: record.brokerId,
        brokerEpoch: record.brokerEpoch,
        ...(record.fenced === undefined ? {} : { fenced: record.fenced }),
        ...(record.inControlledShutdown === undefined ? {} : { inControlledShutdown: record.inControlledShutdown }),
      };
    case 'topic':
      return { name: record.name, topicId: record.topicId };
    case 'partition':
      return {
        partitionId: record.partitionId,
        topicId: record.topicId,
        replicas: record.replicas,
        isr: record.isr,
        removingReplicas: record.removingReplicas,
        addingReplicas: record.addingReplicas,
        leader: record.leader,
        leaderEpoch: record.leaderEpoch,
        partitionEpoch: record.partitionEpoch,
        eligibleLeaderReplicas: record.eligibleLeaderReplicas ?? [],
        lastKnownElr: record.lastKnownElr ?? [],
      };
    case 'partitionChange': {
      // The hottest record (fencing a broker writes one per partition it touched): no spreads.
      const wire: WireMessage = { partitionId: record.partitionId, topicId: record.topicId };
      if (record.leader !== undefined) wire['leader'] = record.leader;
      if (record.isr !== undefined) wire['isr'] = { ids: record.isr };
      if (record.replicas !== undefined) wire['replicas'] = { ids: record.replicas };
      if (record.removingReplicas !== undefined) wire['removingReplicas'] = { ids: record.removingReplicas };
      if (record.addingReplicas !== undefined) wire['addingReplicas'] = { ids: record.addingReplicas };
      if (record.eligibleLeaderReplicas !== undefined) wire['eligibleLeaderReplicas'] = { ids: record.eligibleLeaderReplicas };
      if (record.lastKnownElr !== undefined) wire['lastKnownElr'] = { ids: record.lastKnownElr };
      return wire;
    }
    case 'removeTopic':
      return { topicId: record.topicId };
    case 'config':
      return {
        resourceType: RESOURCE_TYPE_CODES[record.resourceType],
        resourceName: record.resourceName,
        name: record.name,
        ...(record.value === null ? {} : { value: record.value }),
      };
    case 'featureLevel':
      return { name: record.name, featureLevel: record.level };
    case 'producerIds':
      return { brokerId: record.brokerId, brokerEpoch: record.brokerEpoch, nextProducerId: record.nextProducerId };
    case 'noOp':
      return {};
    case 'userScramCredential':
      return {
        name: record.name,
        mechanism: SCRAM_MECHANISM_CODES[record.mechanism],
        salt: record.salt,
        storedKey: record.storedKey,
        serverKey: record.serverKey,
        iterations: record.iterations,
      };
    case 'removeUserScramCredential':
      return { name: record.name, mechanism: SCRAM_MECHANISM_CODES[record.mechanism] };
    case 'accessControlEntry':
      return {
        id: record.id,
        resourceType: RESOURCE_TYPES[record.resourceType],
        resourceName: record.resourceName,
        patternType: PATTERN_TYPES[record.patternType],
        principal: record.principal,
        host: record.host,
        operation: ACL_OPERATIONS[record.operation],
        permissionType: ACL_PERMISSIONS[record.permission],
      };
    case 'removeAccessControlEntry':
      return { id: record.id };
  }
}

function fromWire(kind: string, m: WireMessage): MetadataRecord {
  switch (kind) {
    case 'registerBroker':
      return {
        type: 'registerBroker',
        brokerId: brokerId(m, 'brokerId'),
        incarnationId: str(m, 'incarnationId'),
        brokerEpoch: offset(m, 'brokerEpoch'),
        endpoints: list(m, 'endpoints').map(endpoint),
        rack: has(m, 'rack') ? str(m, 'rack') : null,
        fenced: bool(m, 'fenced'),
        inControlledShutdown: bool(m, 'inControlledShutdown'),
      };
    case 'unregisterBroker':
      return { type: 'unregisterBroker', brokerId: brokerId(m, 'brokerId'), brokerEpoch: offset(m, 'brokerEpoch') };
    case 'brokerRegistrationChange':
      return {
        type: 'brokerRegistrationChange',
        brokerId: brokerId(m, 'brokerId'),
        brokerEpoch: offset(m, 'brokerEpoch'),
        ...(has(m, 'fenced') ? { fenced: bool(m, 'fenced') } : {}),
        ...(has(m, 'inControlledShutdown') ? { inControlledShutdown: bool(m, 'inControlledShutdown') } : {}),
      };
    case 'topic':
      return { type: 'topic', name: nonEmpty(m, 'name'), topicId: nonEmpty(m, 'topicId') };
    case 'partition':
      return {
        type: 'partition',
        topicId: nonEmpty(m, 'topicId'),
        partitionId: counter(m, 'partitionId'),
        replicas: brokerIds(m, 'replicas'),
        isr: brokerIds(m, 'isr'),
        removingReplicas: brokerIds(m, 'removingReplicas'),
        addingReplicas: brokerIds(m, 'addingReplicas'),
        leader: leaderId(m, 'leader'),
        leaderEpoch: counter(m, 'leaderEpoch'),
        partitionEpoch: counter(m, 'partitionEpoch'),
        ...optionalIds(m, 'eligibleLeaderReplicas'),
        ...optionalIds(m, 'lastKnownElr'),
      };
    case 'partitionChange': {
      const change: { -readonly [K in keyof PartitionChangeRecord]: PartitionChangeRecord[K] } = {
        type: 'partitionChange',
        topicId: nonEmpty(m, 'topicId'),
        partitionId: counter(m, 'partitionId'),
      };
      if (has(m, 'leader')) change.leader = leaderId(m, 'leader');
      if (has(m, 'isr')) change.isr = brokerIds(m['isr'] as WireMessage, 'ids');
      if (has(m, 'replicas')) change.replicas = brokerIds(m['replicas'] as WireMessage, 'ids');
      if (has(m, 'removingReplicas')) change.removingReplicas = brokerIds(m['removingReplicas'] as WireMessage, 'ids');
      if (has(m, 'addingReplicas')) change.addingReplicas = brokerIds(m['addingReplicas'] as WireMessage, 'ids');
      if (has(m, 'eligibleLeaderReplicas')) change.eligibleLeaderReplicas = brokerIds(m['eligibleLeaderReplicas'] as WireMessage, 'ids');
      if (has(m, 'lastKnownElr')) change.lastKnownElr = brokerIds(m['lastKnownElr'] as WireMessage, 'ids');
      return change;
    }
    case 'removeTopic':
      return { type: 'removeTopic', topicId: nonEmpty(m, 'topicId') };
    case 'config': {
      const code = num(m, 'resourceType');
      const resourceType = code === RESOURCE_TYPE_CODES.topic ? 'topic' : code === RESOURCE_TYPE_CODES.broker ? 'broker' : null;
      if (resourceType === null) throw new MalformedMetadataRecordError(`config record has unknown resource type ${code}`);
      return {
        type: 'config',
        resourceType,
        resourceName: str(m, 'resourceName'),
        name: nonEmpty(m, 'name'),
        value: has(m, 'value') ? str(m, 'value') : null,
      };
    }
    case 'featureLevel':
      return { type: 'featureLevel', name: nonEmpty(m, 'name'), level: counter(m, 'featureLevel') };
    case 'producerIds':
      return { type: 'producerIds', brokerId: brokerId(m, 'brokerId'), brokerEpoch: offset(m, 'brokerEpoch'), nextProducerId: offset(m, 'nextProducerId') };
    case 'noOp':
      return { type: 'noOp' };
    case 'userScramCredential': {
      const iterations = counter(m, 'iterations');
      if (iterations < SCRAM_MIN_ITERATIONS || iterations > SCRAM_MAX_ITERATIONS) throw new MalformedMetadataRecordError(`SCRAM iterations ${iterations} are out of range`);
      return {
        type: 'userScramCredential',
        name: nonEmpty(m, 'name'),
        mechanism: mechanism(m),
        salt: bytes(m, 'salt'),
        storedKey: bytes(m, 'storedKey'),
        serverKey: bytes(m, 'serverKey'),
        iterations,
      };
    }
    case 'removeUserScramCredential':
      return { type: 'removeUserScramCredential', name: nonEmpty(m, 'name'), mechanism: mechanism(m) };
    case 'accessControlEntry': {
      let binding;
      try {
        binding = validateBinding({
          resourceType: nameOfCode(RESOURCE_TYPES, num(m, 'resourceType')),
          resourceName: str(m, 'resourceName'),
          patternType: nameOfCode(PATTERN_TYPES, num(m, 'patternType')),
          principal: str(m, 'principal'),
          host: str(m, 'host'),
          operation: nameOfCode(ACL_OPERATIONS, num(m, 'operation')),
          permission: nameOfCode(ACL_PERMISSIONS, num(m, 'permissionType')),
        });
      } catch (error) {
        throw new MalformedMetadataRecordError(`access control entry is not a valid ACL: ${(error as Error).message}`);
      }
      return { type: 'accessControlEntry', id: nonEmpty(m, 'id'), ...binding };
    }
    case 'removeAccessControlEntry':
      return { type: 'removeAccessControlEntry', id: nonEmpty(m, 'id') };
    default:
      throw new MalformedMetadataRecordError(`unknown metadata record ${kind}`);
  }
}

function has(m: WireMessage, field: string): boolean {
  return m[field] !== undefined && m[field] !== null;
}

/** protobufjs decodes int64 as a Long when the `long` package is present, as a number otherwise. */
function num(m: WireMessage, field: string): number {
  const v = m[field];
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && 'toNumber' in v && typeof v.toNumber === 'function') {
    const n = (v as { toNumber(): number }).toNumber();
    if (!Number.isSafeInteger(n)) throw new MalformedMetadataRecordError(`${field} ${String(v)} is not a safe integer`);
    return n;
  }
  throw new MalformedMetadataRecordError(`${field} is not a number`);
}

function counter(m: WireMessage, field: string): number {
  const n = num(m, field);
  if (n < 0) throw new MalformedMetadataRecordError(`${field} ${n} is negative`);
  return n;
}

const offset = counter;

function brokerId(m: WireMessage, field: string): number {
  return counter(m, field);
}

function leaderId(m: WireMessage, field: string): number {
  const n = num(m, field);
  if (n < -1) throw new MalformedMetadataRecordError(`${field} ${n} is not a broker id or -1`);
  return n;
}

function str(m: WireMessage, field: string): string {
  const v = m[field];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new MalformedMetadataRecordError(`${field} is not a string`);
  return v;
}

function nonEmpty(m: WireMessage, field: string): string {
  const s = str(m, field);
  if (s === '') throw new MalformedMetadataRecordError(`${field} is empty`);
  return s;
}

function bool(m: WireMessage, field: string): boolean {
  return m[field] === true;
}

function list(m: WireMessage, field: string): WireMessage[] {
  const v = m[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new MalformedMetadataRecordError(`${field} is not a list`);
  return v as WireMessage[];
}

/** A list field that is absent when empty (KIP-966's, on records written before it): `{}` or `{ field: ids }`. */
function optionalIds<F extends string>(m: WireMessage, field: F): { [K in F]?: number[] } {
  const ids = brokerIds(m, field);
  return (ids.length === 0 ? {} : { [field]: ids }) as { [K in F]?: number[] };
}

/** A list of distinct broker ids; protobufjs's own array is kept (it is fresh per decode). */
function brokerIds(m: WireMessage, field: string): number[] {
  const v = m[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new MalformedMetadataRecordError(`${field} is not a list`);
  const ids = v as unknown[];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) throw new MalformedMetadataRecordError(`${field} holds ${String(id)}, not a broker id`);
    // Replica lists are a handful of brokers: a scan beats building a Set per record.
    for (let j = 0; j < i; j++) if (ids[j] === id) throw new MalformedMetadataRecordError(`${field} [${ids.join(',')}] repeats a broker`);
  }
  return ids as number[];
}

function bytes(m: WireMessage, field: string): Uint8Array {
  const v = m[field];
  if (v !== undefined && v !== null && !(v instanceof Uint8Array)) throw new MalformedMetadataRecordError(`${field} is not bytes`);
  if (v === undefined || v === null || v.length === 0) throw new MalformedMetadataRecordError(`${field} is empty`);
  return v;
}

function mechanism(m: WireMessage): ScramMechanism {
  const code = num(m, 'mechanism');
  const found = scramMechanismOfCode(code);
  if (found === undefined) throw new MalformedMetadataRecordError(`unknown SCRAM mechanism ${code}`);
  return found;
}

function endpoint(m: WireMessage): Endpoint {
  const port = num(m, 'port');
  if (port < 0 || port > 65535) throw new MalformedMetadataRecordError(`endpoint port ${port} is out of range`);
  return { name: str(m, 'name'), host: nonEmpty(m, 'host'), port };
}
