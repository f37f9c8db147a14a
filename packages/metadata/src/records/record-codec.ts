/**
 * MetadataRecord <-> protobuf bytes. Decoding checks what protobuf cannot: that exactly one record
 * is present and that ids, epochs and offsets are in range, so a corrupt value fails here with a
 * typed error instead of later inside the image.
 */
import type { KafkaRecord } from '@kz/records';
import type { FieldOf, WireMessage as WireMessage_ } from '@kz/runtime';
import { MalformedMetadataRecordError } from './record-errors';
import type { ConfigResourceType, Endpoint, MetadataRecord, PartitionChangeRecord } from './metadata-record';
import type { kz } from '../../generated/metadata';
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

/** A record's body as the generated code decodes it (metadata.proto, `pnpm gen-proto`): field names are checked against the .proto. */
type Wire<K extends MetadataRecord['type']> = NonNullable<kz.metadata.v1.MetadataRecord.$Properties[K]>;
/** A record's body as toWire builds it: every field of the .proto named (undefined when absent). */
type Body<K extends MetadataRecord['type']> = WireMessage_<Wire<K>>;

function toWire(record: MetadataRecord): Body<MetadataRecord['type']> {
  switch (record.type) {
    case 'registerBroker':
      return {
        brokerId: record.brokerId,
        incarnationId: record.incarnationId,
        brokerEpoch: record.brokerEpoch,
        endpoints: record.endpoints.map((e) => ({ name: e.name, host: e.host, port: e.port })),
        rack: record.rack ?? undefined,
        fenced: record.fenced,
        inControlledShutdown: record.inControlledShutdown,
      } satisfies Body<'registerBroker'>;
    case 'unregisterBroker':
      return { brokerId: record.brokerId, brokerEpoch: record.brokerEpoch } satisfies Body<'unregisterBroker'>;
    case 'brokerRegistrationChange':
      return {
        brokerId: record.brokerId,
        brokerEpoch: record.brokerEpoch,
        // Absent (undefined) is not written: no change.
        fenced: record.fenced,
        inControlledShutdown: record.inControlledShutdown,
      } satisfies Body<'brokerRegistrationChange'>;
    case 'topic':
      return { name: record.name, topicId: record.topicId } satisfies Body<'topic'>;
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
      } satisfies Body<'partition'>;
    case 'partitionChange': {
      // The hottest record (fencing a broker writes one per partition it touched): no spreads.
      const wire: { -readonly [K in keyof Body<'partitionChange'>]?: Body<'partitionChange'>[K] } = { partitionId: record.partitionId, topicId: record.topicId };
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
      return { topicId: record.topicId } satisfies Body<'removeTopic'>;
    case 'config':
      return {
        resourceType: RESOURCE_TYPE_CODES[record.resourceType],
        resourceName: record.resourceName,
        name: record.name,
        value: record.value ?? undefined,
      } satisfies Body<'config'>;
    case 'featureLevel':
      return { name: record.name, featureLevel: record.level } satisfies Body<'featureLevel'>;
    case 'producerIds':
      return { brokerId: record.brokerId, brokerEpoch: record.brokerEpoch, nextProducerId: record.nextProducerId } satisfies Body<'producerIds'>;
    case 'noOp':
      return {} satisfies Body<'noOp'>;
    case 'userScramCredential':
      return {
        name: record.name,
        mechanism: SCRAM_MECHANISM_CODES[record.mechanism],
        salt: record.salt,
        storedKey: record.storedKey,
        serverKey: record.serverKey,
        iterations: record.iterations,
      } satisfies Body<'userScramCredential'>;
    case 'removeUserScramCredential':
      return { name: record.name, mechanism: SCRAM_MECHANISM_CODES[record.mechanism] } satisfies Body<'removeUserScramCredential'>;
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
      } satisfies Body<'accessControlEntry'>;
    case 'removeAccessControlEntry':
      return { id: record.id } satisfies Body<'removeAccessControlEntry'>;
  }
}

function fromWire(kind: string, m: WireMessage): MetadataRecord {
  switch (kind) {
    case 'registerBroker': {
      const w = m as Wire<'registerBroker'>;
      return {
        type: 'registerBroker',
        brokerId: brokerId(w, 'brokerId'),
        incarnationId: str(w, 'incarnationId'),
        brokerEpoch: offset(w, 'brokerEpoch'),
        endpoints: list(w, 'endpoints').map(endpoint),
        rack: has(w, 'rack') ? str(w, 'rack') : null,
        fenced: bool(w, 'fenced'),
        inControlledShutdown: bool(w, 'inControlledShutdown'),
      };
    }
    case 'unregisterBroker': {
      const w = m as Wire<'unregisterBroker'>;
      return { type: 'unregisterBroker', brokerId: brokerId(w, 'brokerId'), brokerEpoch: offset(w, 'brokerEpoch') };
    }
    case 'brokerRegistrationChange': {
      const w = m as Wire<'brokerRegistrationChange'>;
      return {
        type: 'brokerRegistrationChange',
        brokerId: brokerId(w, 'brokerId'),
        brokerEpoch: offset(w, 'brokerEpoch'),
        ...(has(w, 'fenced') ? { fenced: bool(w, 'fenced') } : {}),
        ...(has(w, 'inControlledShutdown') ? { inControlledShutdown: bool(w, 'inControlledShutdown') } : {}),
      };
    }
    case 'topic': {
      const w = m as Wire<'topic'>;
      return { type: 'topic', name: nonEmpty(w, 'name'), topicId: nonEmpty(w, 'topicId') };
    }
    case 'partition': {
      const w = m as Wire<'partition'>;
      return {
        type: 'partition',
        topicId: nonEmpty(w, 'topicId'),
        partitionId: counter(w, 'partitionId'),
        replicas: brokerIds(w, 'replicas'),
        isr: brokerIds(w, 'isr'),
        removingReplicas: brokerIds(w, 'removingReplicas'),
        addingReplicas: brokerIds(w, 'addingReplicas'),
        leader: leaderId(w, 'leader'),
        leaderEpoch: counter(w, 'leaderEpoch'),
        partitionEpoch: counter(w, 'partitionEpoch'),
        ...optionalIds(w, 'eligibleLeaderReplicas'),
        ...optionalIds(w, 'lastKnownElr'),
      };
    }
    case 'partitionChange': {
      const w = m as Wire<'partitionChange'>;
      const change: { -readonly [K in keyof PartitionChangeRecord]: PartitionChangeRecord[K] } = {
        type: 'partitionChange',
        topicId: nonEmpty(w, 'topicId'),
        partitionId: counter(w, 'partitionId'),
      };
      if (has(w, 'leader')) change.leader = leaderId(w, 'leader');
      if (has(w, 'isr')) change.isr = brokerIds(w['isr'] as WireMessage, 'ids');
      if (has(w, 'replicas')) change.replicas = brokerIds(w['replicas'] as WireMessage, 'ids');
      if (has(w, 'removingReplicas')) change.removingReplicas = brokerIds(w['removingReplicas'] as WireMessage, 'ids');
      if (has(w, 'addingReplicas')) change.addingReplicas = brokerIds(w['addingReplicas'] as WireMessage, 'ids');
      if (has(w, 'eligibleLeaderReplicas')) change.eligibleLeaderReplicas = brokerIds(w['eligibleLeaderReplicas'] as WireMessage, 'ids');
      if (has(w, 'lastKnownElr')) change.lastKnownElr = brokerIds(w['lastKnownElr'] as WireMessage, 'ids');
      return change;
    }
    case 'removeTopic': {
      const w = m as Wire<'removeTopic'>;
      return { type: 'removeTopic', topicId: nonEmpty(w, 'topicId') };
    }
    case 'config': {
      const w = m as Wire<'config'>;
      const code = num(w, 'resourceType');
      const resourceType = code === RESOURCE_TYPE_CODES.topic ? 'topic' : code === RESOURCE_TYPE_CODES.broker ? 'broker' : null;
      if (resourceType === null) throw new MalformedMetadataRecordError(`config record has unknown resource type ${code}`);
      return {
        type: 'config',
        resourceType,
        resourceName: str(w, 'resourceName'),
        name: nonEmpty(w, 'name'),
        value: has(w, 'value') ? str(w, 'value') : null,
      };
    }
    case 'featureLevel': {
      const w = m as Wire<'featureLevel'>;
      return { type: 'featureLevel', name: nonEmpty(w, 'name'), level: counter(w, 'featureLevel') };
    }
    case 'producerIds': {
      const w = m as Wire<'producerIds'>;
      return { type: 'producerIds', brokerId: brokerId(w, 'brokerId'), brokerEpoch: offset(w, 'brokerEpoch'), nextProducerId: offset(w, 'nextProducerId') };
    }
    case 'noOp': {
      const w = m as Wire<'noOp'>;
      return { type: 'noOp' };
    }
    case 'userScramCredential': {
      const w = m as Wire<'userScramCredential'>;
      const iterations = counter(w, 'iterations');
      if (iterations < SCRAM_MIN_ITERATIONS || iterations > SCRAM_MAX_ITERATIONS) throw new MalformedMetadataRecordError(`SCRAM iterations ${iterations} are out of range`);
      return {
        type: 'userScramCredential',
        name: nonEmpty(w, 'name'),
        mechanism: mechanism(w),
        salt: bytes(w, 'salt'),
        storedKey: bytes(w, 'storedKey'),
        serverKey: bytes(w, 'serverKey'),
        iterations,
      };
    }
    case 'removeUserScramCredential': {
      const w = m as Wire<'removeUserScramCredential'>;
      return { type: 'removeUserScramCredential', name: nonEmpty(w, 'name'), mechanism: mechanism(w) };
    }
    case 'accessControlEntry': {
      const w = m as Wire<'accessControlEntry'>;
      let binding;
      try {
        binding = validateBinding({
          resourceType: nameOfCode(RESOURCE_TYPES, num(w, 'resourceType')),
          resourceName: str(w, 'resourceName'),
          patternType: nameOfCode(PATTERN_TYPES, num(w, 'patternType')),
          principal: str(w, 'principal'),
          host: str(w, 'host'),
          operation: nameOfCode(ACL_OPERATIONS, num(w, 'operation')),
          permission: nameOfCode(ACL_PERMISSIONS, num(w, 'permissionType')),
        });
      } catch (error) {
        throw new MalformedMetadataRecordError(`access control entry is not a valid ACL: ${(error as Error).message}`);
      }
      return { type: 'accessControlEntry', id: nonEmpty(w, 'id'), ...binding };
    }
    case 'removeAccessControlEntry': {
      const w = m as Wire<'removeAccessControlEntry'>;
      return { type: 'removeAccessControlEntry', id: nonEmpty(w, 'id') };
    }
    default:
      throw new MalformedMetadataRecordError(`unknown metadata record ${kind}`);
  }
}

function has<P extends object>(m: P, field: FieldOf<P>): boolean {
  const v = (m as WireMessage)[field];
  return v !== undefined && v !== null;
}

/** protobufjs decodes int64 as a Long when the `long` package is present, as a number otherwise. */
function num<P extends object>(m: P, field: FieldOf<P>): number {
  const v = (m as WireMessage)[field];
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && 'toNumber' in v && typeof v.toNumber === 'function') {
    const n = (v as { toNumber(): number }).toNumber();
    if (!Number.isSafeInteger(n)) throw new MalformedMetadataRecordError(`${field} ${String(v)} is not a safe integer`);
    return n;
  }
  throw new MalformedMetadataRecordError(`${field} is not a number`);
}

function counter<P extends object>(m: P, field: FieldOf<P>): number {
  const n = num(m, field);
  if (n < 0) throw new MalformedMetadataRecordError(`${field} ${n} is negative`);
  return n;
}

const offset = counter;

function brokerId<P extends object>(m: P, field: FieldOf<P>): number {
  return counter(m, field);
}

function leaderId<P extends object>(m: P, field: FieldOf<P>): number {
  const n = num(m, field);
  if (n < -1) throw new MalformedMetadataRecordError(`${field} ${n} is not a broker id or -1`);
  return n;
}

function str<P extends object>(m: P, field: FieldOf<P>): string {
  const v = (m as WireMessage)[field];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new MalformedMetadataRecordError(`${field} is not a string`);
  return v;
}

function nonEmpty<P extends object>(m: P, field: FieldOf<P>): string {
  const s = str(m, field);
  if (s === '') throw new MalformedMetadataRecordError(`${field} is empty`);
  return s;
}

function bool<P extends object>(m: P, field: FieldOf<P>): boolean {
  return (m as WireMessage)[field] === true;
}

function list<P extends object>(m: P, field: FieldOf<P>): WireMessage[] {
  const v = (m as WireMessage)[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new MalformedMetadataRecordError(`${field} is not a list`);
  return v as WireMessage[];
}

/** A list field that is absent when empty (KIP-966's, on records written before it): `{}` or `{ field: ids }`. */
function optionalIds<P extends object, F extends FieldOf<P>>(m: P, field: F): { [K in F]?: number[] } {
  const ids = brokerIds(m, field);
  return (ids.length === 0 ? {} : { [field]: ids }) as { [K in F]?: number[] };
}

/** A list of distinct broker ids; protobufjs's own array is kept (it is fresh per decode). */
function brokerIds<P extends object>(m: P, field: FieldOf<P>): number[] {
  const v = (m as WireMessage)[field];
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

function bytes<P extends object>(m: P, field: FieldOf<P>): Uint8Array {
  const v = (m as WireMessage)[field];
  if (v !== undefined && v !== null && !(v instanceof Uint8Array)) throw new MalformedMetadataRecordError(`${field} is not bytes`);
  if (v === undefined || v === null || v.length === 0) throw new MalformedMetadataRecordError(`${field} is empty`);
  return v;
}

function mechanism(m: Wire<'userScramCredential'> | Wire<'removeUserScramCredential'>): ScramMechanism {
  const code = num(m, 'mechanism');
  const found = scramMechanismOfCode(code);
  if (found === undefined) throw new MalformedMetadataRecordError(`unknown SCRAM mechanism ${code}`);
  return found;
}

function endpoint(m: kz.metadata.v1.Endpoint.$Properties): Endpoint {
  const port = num(m, 'port');
  if (port < 0 || port > 65535) throw new MalformedMetadataRecordError(`endpoint port ${port} is out of range`);
  return { name: str(m, 'name'), host: nonEmpty(m, 'host'), port };
}
