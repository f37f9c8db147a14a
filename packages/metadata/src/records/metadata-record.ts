/**
 * The records of the metadata log, as TypeScript values (proto/metadata.proto is their wire form).
 * Everything the cluster knows is one of these, in log order; reference/KRAFT.md §3.1.
 */
import type { AclBinding } from '../security/acl';
import type { ScramMechanism } from '../security/scram';

export type BrokerId = number;

/** A partition without a leader (every replica is offline or fenced). */
export const NO_LEADER = -1;

export interface Endpoint {
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

export type ConfigResourceType = 'topic' | 'broker';

export interface RegisterBrokerRecord {
  readonly type: 'registerBroker';
  readonly brokerId: BrokerId;
  readonly incarnationId: string;
  /** The offset of this record in the log (KIP-631). */
  readonly brokerEpoch: number;
  readonly endpoints: readonly Endpoint[];
  readonly rack: string | null;
  readonly fenced: boolean;
  readonly inControlledShutdown: boolean;
}

export interface UnregisterBrokerRecord {
  readonly type: 'unregisterBroker';
  readonly brokerId: BrokerId;
  readonly brokerEpoch: number;
}

/** KIP-746: an absent field does not change. */
export interface BrokerRegistrationChangeRecord {
  readonly type: 'brokerRegistrationChange';
  readonly brokerId: BrokerId;
  readonly brokerEpoch: number;
  readonly fenced?: boolean;
  readonly inControlledShutdown?: boolean;
}

export interface TopicRecord {
  readonly type: 'topic';
  readonly name: string;
  readonly topicId: string;
}

export interface PartitionRecord {
  readonly type: 'partition';
  readonly topicId: string;
  readonly partitionId: number;
  readonly replicas: readonly BrokerId[];
  readonly isr: readonly BrokerId[];
  readonly removingReplicas: readonly BrokerId[];
  readonly addingReplicas: readonly BrokerId[];
  readonly leader: BrokerId;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  /** KIP-966: replicas out of the ISR that still hold every committed record; absent: none. */
  readonly eligibleLeaderReplicas?: readonly BrokerId[];
  /** KIP-966: the leader the partition had when its ISR emptied; absent: none. */
  readonly lastKnownElr?: readonly BrokerId[];
}

/**
 * Only changed fields are present. A present leader — even the same broker — bumps the leader epoch,
 * which fences the old leader's requests; every change bumps the partition epoch.
 */
export interface PartitionChangeRecord {
  readonly type: 'partitionChange';
  readonly topicId: string;
  readonly partitionId: number;
  readonly leader?: BrokerId;
  readonly isr?: readonly BrokerId[];
  readonly replicas?: readonly BrokerId[];
  readonly removingReplicas?: readonly BrokerId[];
  readonly addingReplicas?: readonly BrokerId[];
  readonly eligibleLeaderReplicas?: readonly BrokerId[];
  readonly lastKnownElr?: readonly BrokerId[];
}

export interface RemoveTopicRecord {
  readonly type: 'removeTopic';
  readonly topicId: string;
}

/** A dynamic config; value null deletes the key. Broker resource "" is the cluster-wide default. */
export interface ConfigRecord {
  readonly type: 'config';
  readonly resourceType: ConfigResourceType;
  readonly resourceName: string;
  readonly name: string;
  readonly value: string | null;
}

export interface FeatureLevelRecord {
  readonly type: 'featureLevel';
  readonly name: string;
  readonly level: number;
}

/** Producer ids below nextProducerId are handed out; the last block went to brokerId. */
export interface ProducerIdsRecord {
  readonly type: 'producerIds';
  readonly brokerId: BrokerId;
  readonly brokerEpoch: number;
  readonly nextProducerId: number;
}

export interface NoOpRecord {
  readonly type: 'noOp';
}

/** A user's SCRAM credential for one mechanism (KIP-554): salted and iterated, never the password. */
export interface UserScramCredentialRecord {
  readonly type: 'userScramCredential';
  readonly name: string;
  readonly mechanism: ScramMechanism;
  readonly salt: Uint8Array;
  readonly storedKey: Uint8Array;
  readonly serverKey: Uint8Array;
  readonly iterations: number;
}

export interface RemoveUserScramCredentialRecord {
  readonly type: 'removeUserScramCredential';
  readonly name: string;
  readonly mechanism: ScramMechanism;
}

/** One ACL binding, under an id the controller drew (KRaft's AccessControlEntryRecord). */
export interface AccessControlEntryRecord extends AclBinding {
  readonly type: 'accessControlEntry';
  readonly id: string;
}

export interface RemoveAccessControlEntryRecord {
  readonly type: 'removeAccessControlEntry';
  readonly id: string;
}

export type MetadataRecord =
  | RegisterBrokerRecord
  | UnregisterBrokerRecord
  | BrokerRegistrationChangeRecord
  | TopicRecord
  | PartitionRecord
  | PartitionChangeRecord
  | RemoveTopicRecord
  | ConfigRecord
  | FeatureLevelRecord
  | ProducerIdsRecord
  | NoOpRecord
  | UserScramCredentialRecord
  | RemoveUserScramCredentialRecord
  | AccessControlEntryRecord
  | RemoveAccessControlEntryRecord;

export type MetadataRecordType = MetadataRecord['type'];
