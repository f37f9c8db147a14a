import * as $protobuf from "protobufjs/minimal";
import Long = require("long");

/** Namespace kz. */
export namespace kz {

    /** Namespace metadata. */
    namespace metadata {

        /** Namespace v1. */
        namespace v1 {

            /**
             * Properties of an Endpoint.
             * @deprecated Use kz.metadata.v1.Endpoint.$Properties instead.
             */
            interface IEndpoint extends kz.metadata.v1.Endpoint.$Properties {
            }

            /** Represents an Endpoint. */
            class Endpoint {

                /**
                 * Constructs a new Endpoint.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.Endpoint.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Endpoint name. */
                name: string;

                /** Endpoint host. */
                host: string;

                /** Endpoint port. */
                port: number;

                /**
                 * Encodes the specified Endpoint message. Does not implicitly {@link kz.metadata.v1.Endpoint.verify|verify} messages.
                 * @param message Endpoint message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.Endpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Endpoint message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.Endpoint & kz.metadata.v1.Endpoint.$Shape} Endpoint
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.Endpoint & kz.metadata.v1.Endpoint.$Shape;
            }

            namespace Endpoint {

                /** Properties of an Endpoint. */
                interface $Properties {

                    /** Endpoint name */
                    name?: (string|null);

                    /** Endpoint host */
                    host?: (string|null);

                    /** Endpoint port */
                    port?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an Endpoint. */
                type $Shape = kz.metadata.v1.Endpoint.$Properties;
            }

            /**
             * Properties of a RegisterBrokerRecord.
             * @deprecated Use kz.metadata.v1.RegisterBrokerRecord.$Properties instead.
             */
            interface IRegisterBrokerRecord extends kz.metadata.v1.RegisterBrokerRecord.$Properties {
            }

            /** Represents a RegisterBrokerRecord. */
            class RegisterBrokerRecord {

                /**
                 * Constructs a new RegisterBrokerRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.RegisterBrokerRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RegisterBrokerRecord brokerId. */
                brokerId: number;

                /** RegisterBrokerRecord incarnationId. */
                incarnationId: string;

                /** RegisterBrokerRecord brokerEpoch. */
                brokerEpoch: (number|Long);

                /** RegisterBrokerRecord endpoints. */
                endpoints: kz.metadata.v1.Endpoint.$Properties[];

                /** RegisterBrokerRecord rack. */
                rack?: (string|null);

                /** RegisterBrokerRecord fenced. */
                fenced: boolean;

                /** RegisterBrokerRecord inControlledShutdown. */
                inControlledShutdown: boolean;

                /**
                 * Encodes the specified RegisterBrokerRecord message. Does not implicitly {@link kz.metadata.v1.RegisterBrokerRecord.verify|verify} messages.
                 * @param message RegisterBrokerRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.RegisterBrokerRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RegisterBrokerRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.RegisterBrokerRecord & kz.metadata.v1.RegisterBrokerRecord.$Shape} RegisterBrokerRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.RegisterBrokerRecord & kz.metadata.v1.RegisterBrokerRecord.$Shape;
            }

            namespace RegisterBrokerRecord {

                /** Properties of a RegisterBrokerRecord. */
                interface $Properties {

                    /** RegisterBrokerRecord brokerId */
                    brokerId?: (number|null);

                    /** RegisterBrokerRecord incarnationId */
                    incarnationId?: (string|null);

                    /** RegisterBrokerRecord brokerEpoch */
                    brokerEpoch?: (number|Long|null);

                    /** RegisterBrokerRecord endpoints */
                    endpoints?: (kz.metadata.v1.Endpoint.$Properties[]|null);

                    /** RegisterBrokerRecord rack */
                    rack?: (string|null);

                    /** RegisterBrokerRecord fenced */
                    fenced?: (boolean|null);

                    /** RegisterBrokerRecord inControlledShutdown */
                    inControlledShutdown?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RegisterBrokerRecord. */
                type $Shape = kz.metadata.v1.RegisterBrokerRecord.$Properties;
            }

            /**
             * Properties of an UnregisterBrokerRecord.
             * @deprecated Use kz.metadata.v1.UnregisterBrokerRecord.$Properties instead.
             */
            interface IUnregisterBrokerRecord extends kz.metadata.v1.UnregisterBrokerRecord.$Properties {
            }

            /** Represents an UnregisterBrokerRecord. */
            class UnregisterBrokerRecord {

                /**
                 * Constructs a new UnregisterBrokerRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.UnregisterBrokerRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** UnregisterBrokerRecord brokerId. */
                brokerId: number;

                /** UnregisterBrokerRecord brokerEpoch. */
                brokerEpoch: (number|Long);

                /**
                 * Encodes the specified UnregisterBrokerRecord message. Does not implicitly {@link kz.metadata.v1.UnregisterBrokerRecord.verify|verify} messages.
                 * @param message UnregisterBrokerRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.UnregisterBrokerRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an UnregisterBrokerRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.UnregisterBrokerRecord & kz.metadata.v1.UnregisterBrokerRecord.$Shape} UnregisterBrokerRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.UnregisterBrokerRecord & kz.metadata.v1.UnregisterBrokerRecord.$Shape;
            }

            namespace UnregisterBrokerRecord {

                /** Properties of an UnregisterBrokerRecord. */
                interface $Properties {

                    /** UnregisterBrokerRecord brokerId */
                    brokerId?: (number|null);

                    /** UnregisterBrokerRecord brokerEpoch */
                    brokerEpoch?: (number|Long|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an UnregisterBrokerRecord. */
                type $Shape = kz.metadata.v1.UnregisterBrokerRecord.$Properties;
            }

            /**
             * Properties of a BrokerRegistrationChangeRecord.
             * @deprecated Use kz.metadata.v1.BrokerRegistrationChangeRecord.$Properties instead.
             */
            interface IBrokerRegistrationChangeRecord extends kz.metadata.v1.BrokerRegistrationChangeRecord.$Properties {
            }

            /** Represents a BrokerRegistrationChangeRecord. */
            class BrokerRegistrationChangeRecord {

                /**
                 * Constructs a new BrokerRegistrationChangeRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.BrokerRegistrationChangeRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** BrokerRegistrationChangeRecord brokerId. */
                brokerId: number;

                /** BrokerRegistrationChangeRecord brokerEpoch. */
                brokerEpoch: (number|Long);

                /** BrokerRegistrationChangeRecord fenced. */
                fenced?: (boolean|null);

                /** BrokerRegistrationChangeRecord inControlledShutdown. */
                inControlledShutdown?: (boolean|null);

                /**
                 * Encodes the specified BrokerRegistrationChangeRecord message. Does not implicitly {@link kz.metadata.v1.BrokerRegistrationChangeRecord.verify|verify} messages.
                 * @param message BrokerRegistrationChangeRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.BrokerRegistrationChangeRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a BrokerRegistrationChangeRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.BrokerRegistrationChangeRecord & kz.metadata.v1.BrokerRegistrationChangeRecord.$Shape} BrokerRegistrationChangeRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.BrokerRegistrationChangeRecord & kz.metadata.v1.BrokerRegistrationChangeRecord.$Shape;
            }

            namespace BrokerRegistrationChangeRecord {

                /** Properties of a BrokerRegistrationChangeRecord. */
                interface $Properties {

                    /** BrokerRegistrationChangeRecord brokerId */
                    brokerId?: (number|null);

                    /** BrokerRegistrationChangeRecord brokerEpoch */
                    brokerEpoch?: (number|Long|null);

                    /** BrokerRegistrationChangeRecord fenced */
                    fenced?: (boolean|null);

                    /** BrokerRegistrationChangeRecord inControlledShutdown */
                    inControlledShutdown?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a BrokerRegistrationChangeRecord. */
                type $Shape = kz.metadata.v1.BrokerRegistrationChangeRecord.$Properties;
            }

            /**
             * Properties of a TopicRecord.
             * @deprecated Use kz.metadata.v1.TopicRecord.$Properties instead.
             */
            interface ITopicRecord extends kz.metadata.v1.TopicRecord.$Properties {
            }

            /** Represents a TopicRecord. */
            class TopicRecord {

                /**
                 * Constructs a new TopicRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.TopicRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** TopicRecord name. */
                name: string;

                /** TopicRecord topicId. */
                topicId: string;

                /**
                 * Encodes the specified TopicRecord message. Does not implicitly {@link kz.metadata.v1.TopicRecord.verify|verify} messages.
                 * @param message TopicRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.TopicRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TopicRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.TopicRecord & kz.metadata.v1.TopicRecord.$Shape} TopicRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.TopicRecord & kz.metadata.v1.TopicRecord.$Shape;
            }

            namespace TopicRecord {

                /** Properties of a TopicRecord. */
                interface $Properties {

                    /** TopicRecord name */
                    name?: (string|null);

                    /** TopicRecord topicId */
                    topicId?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a TopicRecord. */
                type $Shape = kz.metadata.v1.TopicRecord.$Properties;
            }

            /**
             * Properties of a PartitionRecord.
             * @deprecated Use kz.metadata.v1.PartitionRecord.$Properties instead.
             */
            interface IPartitionRecord extends kz.metadata.v1.PartitionRecord.$Properties {
            }

            /** Represents a PartitionRecord. */
            class PartitionRecord {

                /**
                 * Constructs a new PartitionRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.PartitionRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** PartitionRecord partitionId. */
                partitionId: number;

                /** PartitionRecord topicId. */
                topicId: string;

                /** PartitionRecord replicas. */
                replicas: number[];

                /** PartitionRecord isr. */
                isr: number[];

                /** PartitionRecord removingReplicas. */
                removingReplicas: number[];

                /** PartitionRecord addingReplicas. */
                addingReplicas: number[];

                /** PartitionRecord leader. */
                leader: number;

                /** PartitionRecord leaderEpoch. */
                leaderEpoch: number;

                /** PartitionRecord partitionEpoch. */
                partitionEpoch: number;

                /** PartitionRecord eligibleLeaderReplicas. */
                eligibleLeaderReplicas: number[];

                /** PartitionRecord lastKnownElr. */
                lastKnownElr: number[];

                /**
                 * Encodes the specified PartitionRecord message. Does not implicitly {@link kz.metadata.v1.PartitionRecord.verify|verify} messages.
                 * @param message PartitionRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.PartitionRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a PartitionRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.PartitionRecord & kz.metadata.v1.PartitionRecord.$Shape} PartitionRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.PartitionRecord & kz.metadata.v1.PartitionRecord.$Shape;
            }

            namespace PartitionRecord {

                /** Properties of a PartitionRecord. */
                interface $Properties {

                    /** PartitionRecord partitionId */
                    partitionId?: (number|null);

                    /** PartitionRecord topicId */
                    topicId?: (string|null);

                    /** PartitionRecord replicas */
                    replicas?: (number[]|null);

                    /** PartitionRecord isr */
                    isr?: (number[]|null);

                    /** PartitionRecord removingReplicas */
                    removingReplicas?: (number[]|null);

                    /** PartitionRecord addingReplicas */
                    addingReplicas?: (number[]|null);

                    /** PartitionRecord leader */
                    leader?: (number|null);

                    /** PartitionRecord leaderEpoch */
                    leaderEpoch?: (number|null);

                    /** PartitionRecord partitionEpoch */
                    partitionEpoch?: (number|null);

                    /** PartitionRecord eligibleLeaderReplicas */
                    eligibleLeaderReplicas?: (number[]|null);

                    /** PartitionRecord lastKnownElr */
                    lastKnownElr?: (number[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a PartitionRecord. */
                type $Shape = kz.metadata.v1.PartitionRecord.$Properties;
            }

            /**
             * Properties of a BrokerIdList.
             * @deprecated Use kz.metadata.v1.BrokerIdList.$Properties instead.
             */
            interface IBrokerIdList extends kz.metadata.v1.BrokerIdList.$Properties {
            }

            /** Represents a BrokerIdList. */
            class BrokerIdList {

                /**
                 * Constructs a new BrokerIdList.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.BrokerIdList.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** BrokerIdList ids. */
                ids: number[];

                /**
                 * Encodes the specified BrokerIdList message. Does not implicitly {@link kz.metadata.v1.BrokerIdList.verify|verify} messages.
                 * @param message BrokerIdList message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.BrokerIdList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a BrokerIdList message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.BrokerIdList & kz.metadata.v1.BrokerIdList.$Shape} BrokerIdList
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.BrokerIdList & kz.metadata.v1.BrokerIdList.$Shape;
            }

            namespace BrokerIdList {

                /** Properties of a BrokerIdList. */
                interface $Properties {

                    /** BrokerIdList ids */
                    ids?: (number[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a BrokerIdList. */
                type $Shape = kz.metadata.v1.BrokerIdList.$Properties;
            }

            /**
             * Properties of a PartitionChangeRecord.
             * @deprecated Use kz.metadata.v1.PartitionChangeRecord.$Properties instead.
             */
            interface IPartitionChangeRecord extends kz.metadata.v1.PartitionChangeRecord.$Properties {
            }

            /** Represents a PartitionChangeRecord. */
            class PartitionChangeRecord {

                /**
                 * Constructs a new PartitionChangeRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.PartitionChangeRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** PartitionChangeRecord partitionId. */
                partitionId: number;

                /** PartitionChangeRecord topicId. */
                topicId: string;

                /** PartitionChangeRecord leader. */
                leader?: (number|null);

                /** PartitionChangeRecord isr. */
                isr?: (kz.metadata.v1.BrokerIdList.$Properties|null);

                /** PartitionChangeRecord replicas. */
                replicas?: (kz.metadata.v1.BrokerIdList.$Properties|null);

                /** PartitionChangeRecord removingReplicas. */
                removingReplicas?: (kz.metadata.v1.BrokerIdList.$Properties|null);

                /** PartitionChangeRecord addingReplicas. */
                addingReplicas?: (kz.metadata.v1.BrokerIdList.$Properties|null);

                /** PartitionChangeRecord eligibleLeaderReplicas. */
                eligibleLeaderReplicas?: (kz.metadata.v1.BrokerIdList.$Properties|null);

                /** PartitionChangeRecord lastKnownElr. */
                lastKnownElr?: (kz.metadata.v1.BrokerIdList.$Properties|null);

                /**
                 * Encodes the specified PartitionChangeRecord message. Does not implicitly {@link kz.metadata.v1.PartitionChangeRecord.verify|verify} messages.
                 * @param message PartitionChangeRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.PartitionChangeRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a PartitionChangeRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.PartitionChangeRecord & kz.metadata.v1.PartitionChangeRecord.$Shape} PartitionChangeRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.PartitionChangeRecord & kz.metadata.v1.PartitionChangeRecord.$Shape;
            }

            namespace PartitionChangeRecord {

                /** Properties of a PartitionChangeRecord. */
                interface $Properties {

                    /** PartitionChangeRecord partitionId */
                    partitionId?: (number|null);

                    /** PartitionChangeRecord topicId */
                    topicId?: (string|null);

                    /** PartitionChangeRecord leader */
                    leader?: (number|null);

                    /** PartitionChangeRecord isr */
                    isr?: (kz.metadata.v1.BrokerIdList.$Properties|null);

                    /** PartitionChangeRecord replicas */
                    replicas?: (kz.metadata.v1.BrokerIdList.$Properties|null);

                    /** PartitionChangeRecord removingReplicas */
                    removingReplicas?: (kz.metadata.v1.BrokerIdList.$Properties|null);

                    /** PartitionChangeRecord addingReplicas */
                    addingReplicas?: (kz.metadata.v1.BrokerIdList.$Properties|null);

                    /** PartitionChangeRecord eligibleLeaderReplicas */
                    eligibleLeaderReplicas?: (kz.metadata.v1.BrokerIdList.$Properties|null);

                    /** PartitionChangeRecord lastKnownElr */
                    lastKnownElr?: (kz.metadata.v1.BrokerIdList.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a PartitionChangeRecord. */
                type $Shape = kz.metadata.v1.PartitionChangeRecord.$Properties;
            }

            /**
             * Properties of a RemoveTopicRecord.
             * @deprecated Use kz.metadata.v1.RemoveTopicRecord.$Properties instead.
             */
            interface IRemoveTopicRecord extends kz.metadata.v1.RemoveTopicRecord.$Properties {
            }

            /** Represents a RemoveTopicRecord. */
            class RemoveTopicRecord {

                /**
                 * Constructs a new RemoveTopicRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.RemoveTopicRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RemoveTopicRecord topicId. */
                topicId: string;

                /**
                 * Encodes the specified RemoveTopicRecord message. Does not implicitly {@link kz.metadata.v1.RemoveTopicRecord.verify|verify} messages.
                 * @param message RemoveTopicRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.RemoveTopicRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RemoveTopicRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.RemoveTopicRecord & kz.metadata.v1.RemoveTopicRecord.$Shape} RemoveTopicRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.RemoveTopicRecord & kz.metadata.v1.RemoveTopicRecord.$Shape;
            }

            namespace RemoveTopicRecord {

                /** Properties of a RemoveTopicRecord. */
                interface $Properties {

                    /** RemoveTopicRecord topicId */
                    topicId?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RemoveTopicRecord. */
                type $Shape = kz.metadata.v1.RemoveTopicRecord.$Properties;
            }

            /** ConfigResourceType enum. */
            enum ConfigResourceType {

                /** CONFIG_RESOURCE_UNKNOWN value */
                CONFIG_RESOURCE_UNKNOWN = 0,

                /** CONFIG_RESOURCE_TOPIC value */
                CONFIG_RESOURCE_TOPIC = 2,

                /** CONFIG_RESOURCE_BROKER value */
                CONFIG_RESOURCE_BROKER = 4
            }

            /**
             * Properties of a ConfigRecord.
             * @deprecated Use kz.metadata.v1.ConfigRecord.$Properties instead.
             */
            interface IConfigRecord extends kz.metadata.v1.ConfigRecord.$Properties {
            }

            /** Represents a ConfigRecord. */
            class ConfigRecord {

                /**
                 * Constructs a new ConfigRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.ConfigRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ConfigRecord resourceType. */
                resourceType: kz.metadata.v1.ConfigResourceType;

                /** ConfigRecord resourceName. */
                resourceName: string;

                /** ConfigRecord name. */
                name: string;

                /** ConfigRecord value. */
                value?: (string|null);

                /**
                 * Encodes the specified ConfigRecord message. Does not implicitly {@link kz.metadata.v1.ConfigRecord.verify|verify} messages.
                 * @param message ConfigRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.ConfigRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ConfigRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.ConfigRecord & kz.metadata.v1.ConfigRecord.$Shape} ConfigRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.ConfigRecord & kz.metadata.v1.ConfigRecord.$Shape;
            }

            namespace ConfigRecord {

                /** Properties of a ConfigRecord. */
                interface $Properties {

                    /** ConfigRecord resourceType */
                    resourceType?: (kz.metadata.v1.ConfigResourceType|null);

                    /** ConfigRecord resourceName */
                    resourceName?: (string|null);

                    /** ConfigRecord name */
                    name?: (string|null);

                    /** ConfigRecord value */
                    value?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ConfigRecord. */
                type $Shape = kz.metadata.v1.ConfigRecord.$Properties;
            }

            /**
             * Properties of a FeatureLevelRecord.
             * @deprecated Use kz.metadata.v1.FeatureLevelRecord.$Properties instead.
             */
            interface IFeatureLevelRecord extends kz.metadata.v1.FeatureLevelRecord.$Properties {
            }

            /** Represents a FeatureLevelRecord. */
            class FeatureLevelRecord {

                /**
                 * Constructs a new FeatureLevelRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.FeatureLevelRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FeatureLevelRecord name. */
                name: string;

                /** FeatureLevelRecord featureLevel. */
                featureLevel: number;

                /**
                 * Encodes the specified FeatureLevelRecord message. Does not implicitly {@link kz.metadata.v1.FeatureLevelRecord.verify|verify} messages.
                 * @param message FeatureLevelRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.FeatureLevelRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FeatureLevelRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.FeatureLevelRecord & kz.metadata.v1.FeatureLevelRecord.$Shape} FeatureLevelRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.FeatureLevelRecord & kz.metadata.v1.FeatureLevelRecord.$Shape;
            }

            namespace FeatureLevelRecord {

                /** Properties of a FeatureLevelRecord. */
                interface $Properties {

                    /** FeatureLevelRecord name */
                    name?: (string|null);

                    /** FeatureLevelRecord featureLevel */
                    featureLevel?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FeatureLevelRecord. */
                type $Shape = kz.metadata.v1.FeatureLevelRecord.$Properties;
            }

            /**
             * Properties of a ProducerIdsRecord.
             * @deprecated Use kz.metadata.v1.ProducerIdsRecord.$Properties instead.
             */
            interface IProducerIdsRecord extends kz.metadata.v1.ProducerIdsRecord.$Properties {
            }

            /** Represents a ProducerIdsRecord. */
            class ProducerIdsRecord {

                /**
                 * Constructs a new ProducerIdsRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.ProducerIdsRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ProducerIdsRecord brokerId. */
                brokerId: number;

                /** ProducerIdsRecord brokerEpoch. */
                brokerEpoch: (number|Long);

                /** ProducerIdsRecord nextProducerId. */
                nextProducerId: (number|Long);

                /**
                 * Encodes the specified ProducerIdsRecord message. Does not implicitly {@link kz.metadata.v1.ProducerIdsRecord.verify|verify} messages.
                 * @param message ProducerIdsRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.ProducerIdsRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ProducerIdsRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.ProducerIdsRecord & kz.metadata.v1.ProducerIdsRecord.$Shape} ProducerIdsRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.ProducerIdsRecord & kz.metadata.v1.ProducerIdsRecord.$Shape;
            }

            namespace ProducerIdsRecord {

                /** Properties of a ProducerIdsRecord. */
                interface $Properties {

                    /** ProducerIdsRecord brokerId */
                    brokerId?: (number|null);

                    /** ProducerIdsRecord brokerEpoch */
                    brokerEpoch?: (number|Long|null);

                    /** ProducerIdsRecord nextProducerId */
                    nextProducerId?: (number|Long|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ProducerIdsRecord. */
                type $Shape = kz.metadata.v1.ProducerIdsRecord.$Properties;
            }

            /**
             * Properties of a NoOpRecord.
             * @deprecated Use kz.metadata.v1.NoOpRecord.$Properties instead.
             */
            interface INoOpRecord extends kz.metadata.v1.NoOpRecord.$Properties {
            }

            /** Represents a NoOpRecord. */
            class NoOpRecord {

                /**
                 * Constructs a new NoOpRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.NoOpRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Encodes the specified NoOpRecord message. Does not implicitly {@link kz.metadata.v1.NoOpRecord.verify|verify} messages.
                 * @param message NoOpRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.NoOpRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a NoOpRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.NoOpRecord & kz.metadata.v1.NoOpRecord.$Shape} NoOpRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.NoOpRecord & kz.metadata.v1.NoOpRecord.$Shape;
            }

            namespace NoOpRecord {

                /** Properties of a NoOpRecord. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a NoOpRecord. */
                type $Shape = kz.metadata.v1.NoOpRecord.$Properties;
            }

            /**
             * Properties of a UserScramCredentialRecord.
             * @deprecated Use kz.metadata.v1.UserScramCredentialRecord.$Properties instead.
             */
            interface IUserScramCredentialRecord extends kz.metadata.v1.UserScramCredentialRecord.$Properties {
            }

            /** Represents a UserScramCredentialRecord. */
            class UserScramCredentialRecord {

                /**
                 * Constructs a new UserScramCredentialRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.UserScramCredentialRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** UserScramCredentialRecord name. */
                name: string;

                /** UserScramCredentialRecord mechanism. */
                mechanism: number;

                /** UserScramCredentialRecord salt. */
                salt: Uint8Array;

                /** UserScramCredentialRecord storedKey. */
                storedKey: Uint8Array;

                /** UserScramCredentialRecord serverKey. */
                serverKey: Uint8Array;

                /** UserScramCredentialRecord iterations. */
                iterations: number;

                /**
                 * Encodes the specified UserScramCredentialRecord message. Does not implicitly {@link kz.metadata.v1.UserScramCredentialRecord.verify|verify} messages.
                 * @param message UserScramCredentialRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.UserScramCredentialRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a UserScramCredentialRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.UserScramCredentialRecord & kz.metadata.v1.UserScramCredentialRecord.$Shape} UserScramCredentialRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.UserScramCredentialRecord & kz.metadata.v1.UserScramCredentialRecord.$Shape;
            }

            namespace UserScramCredentialRecord {

                /** Properties of a UserScramCredentialRecord. */
                interface $Properties {

                    /** UserScramCredentialRecord name */
                    name?: (string|null);

                    /** UserScramCredentialRecord mechanism */
                    mechanism?: (number|null);

                    /** UserScramCredentialRecord salt */
                    salt?: (Uint8Array|null);

                    /** UserScramCredentialRecord storedKey */
                    storedKey?: (Uint8Array|null);

                    /** UserScramCredentialRecord serverKey */
                    serverKey?: (Uint8Array|null);

                    /** UserScramCredentialRecord iterations */
                    iterations?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a UserScramCredentialRecord. */
                type $Shape = kz.metadata.v1.UserScramCredentialRecord.$Properties;
            }

            /**
             * Properties of a RemoveUserScramCredentialRecord.
             * @deprecated Use kz.metadata.v1.RemoveUserScramCredentialRecord.$Properties instead.
             */
            interface IRemoveUserScramCredentialRecord extends kz.metadata.v1.RemoveUserScramCredentialRecord.$Properties {
            }

            /** Represents a RemoveUserScramCredentialRecord. */
            class RemoveUserScramCredentialRecord {

                /**
                 * Constructs a new RemoveUserScramCredentialRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.RemoveUserScramCredentialRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RemoveUserScramCredentialRecord name. */
                name: string;

                /** RemoveUserScramCredentialRecord mechanism. */
                mechanism: number;

                /**
                 * Encodes the specified RemoveUserScramCredentialRecord message. Does not implicitly {@link kz.metadata.v1.RemoveUserScramCredentialRecord.verify|verify} messages.
                 * @param message RemoveUserScramCredentialRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.RemoveUserScramCredentialRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RemoveUserScramCredentialRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.RemoveUserScramCredentialRecord & kz.metadata.v1.RemoveUserScramCredentialRecord.$Shape} RemoveUserScramCredentialRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.RemoveUserScramCredentialRecord & kz.metadata.v1.RemoveUserScramCredentialRecord.$Shape;
            }

            namespace RemoveUserScramCredentialRecord {

                /** Properties of a RemoveUserScramCredentialRecord. */
                interface $Properties {

                    /** RemoveUserScramCredentialRecord name */
                    name?: (string|null);

                    /** RemoveUserScramCredentialRecord mechanism */
                    mechanism?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RemoveUserScramCredentialRecord. */
                type $Shape = kz.metadata.v1.RemoveUserScramCredentialRecord.$Properties;
            }

            /**
             * Properties of an AccessControlEntryRecord.
             * @deprecated Use kz.metadata.v1.AccessControlEntryRecord.$Properties instead.
             */
            interface IAccessControlEntryRecord extends kz.metadata.v1.AccessControlEntryRecord.$Properties {
            }

            /** Represents an AccessControlEntryRecord. */
            class AccessControlEntryRecord {

                /**
                 * Constructs a new AccessControlEntryRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.AccessControlEntryRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** AccessControlEntryRecord id. */
                id: string;

                /** AccessControlEntryRecord resourceType. */
                resourceType: number;

                /** AccessControlEntryRecord resourceName. */
                resourceName: string;

                /** AccessControlEntryRecord patternType. */
                patternType: number;

                /** AccessControlEntryRecord principal. */
                principal: string;

                /** AccessControlEntryRecord host. */
                host: string;

                /** AccessControlEntryRecord operation. */
                operation: number;

                /** AccessControlEntryRecord permissionType. */
                permissionType: number;

                /**
                 * Encodes the specified AccessControlEntryRecord message. Does not implicitly {@link kz.metadata.v1.AccessControlEntryRecord.verify|verify} messages.
                 * @param message AccessControlEntryRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.AccessControlEntryRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an AccessControlEntryRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.AccessControlEntryRecord & kz.metadata.v1.AccessControlEntryRecord.$Shape} AccessControlEntryRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.AccessControlEntryRecord & kz.metadata.v1.AccessControlEntryRecord.$Shape;
            }

            namespace AccessControlEntryRecord {

                /** Properties of an AccessControlEntryRecord. */
                interface $Properties {

                    /** AccessControlEntryRecord id */
                    id?: (string|null);

                    /** AccessControlEntryRecord resourceType */
                    resourceType?: (number|null);

                    /** AccessControlEntryRecord resourceName */
                    resourceName?: (string|null);

                    /** AccessControlEntryRecord patternType */
                    patternType?: (number|null);

                    /** AccessControlEntryRecord principal */
                    principal?: (string|null);

                    /** AccessControlEntryRecord host */
                    host?: (string|null);

                    /** AccessControlEntryRecord operation */
                    operation?: (number|null);

                    /** AccessControlEntryRecord permissionType */
                    permissionType?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an AccessControlEntryRecord. */
                type $Shape = kz.metadata.v1.AccessControlEntryRecord.$Properties;
            }

            /**
             * Properties of a RemoveAccessControlEntryRecord.
             * @deprecated Use kz.metadata.v1.RemoveAccessControlEntryRecord.$Properties instead.
             */
            interface IRemoveAccessControlEntryRecord extends kz.metadata.v1.RemoveAccessControlEntryRecord.$Properties {
            }

            /** Represents a RemoveAccessControlEntryRecord. */
            class RemoveAccessControlEntryRecord {

                /**
                 * Constructs a new RemoveAccessControlEntryRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.RemoveAccessControlEntryRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RemoveAccessControlEntryRecord id. */
                id: string;

                /**
                 * Encodes the specified RemoveAccessControlEntryRecord message. Does not implicitly {@link kz.metadata.v1.RemoveAccessControlEntryRecord.verify|verify} messages.
                 * @param message RemoveAccessControlEntryRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.RemoveAccessControlEntryRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RemoveAccessControlEntryRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.RemoveAccessControlEntryRecord & kz.metadata.v1.RemoveAccessControlEntryRecord.$Shape} RemoveAccessControlEntryRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.RemoveAccessControlEntryRecord & kz.metadata.v1.RemoveAccessControlEntryRecord.$Shape;
            }

            namespace RemoveAccessControlEntryRecord {

                /** Properties of a RemoveAccessControlEntryRecord. */
                interface $Properties {

                    /** RemoveAccessControlEntryRecord id */
                    id?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RemoveAccessControlEntryRecord. */
                type $Shape = kz.metadata.v1.RemoveAccessControlEntryRecord.$Properties;
            }

            /**
             * Properties of a MetadataRecord.
             * @deprecated Use kz.metadata.v1.MetadataRecord.$Properties instead.
             */
            interface IMetadataRecord extends kz.metadata.v1.MetadataRecord.$Properties {
            }

            /** Represents a MetadataRecord. */
            class MetadataRecord {

                /**
                 * Constructs a new MetadataRecord.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.MetadataRecord.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** MetadataRecord registerBroker. */
                registerBroker?: (kz.metadata.v1.RegisterBrokerRecord.$Properties|null);

                /** MetadataRecord unregisterBroker. */
                unregisterBroker?: (kz.metadata.v1.UnregisterBrokerRecord.$Properties|null);

                /** MetadataRecord topic. */
                topic?: (kz.metadata.v1.TopicRecord.$Properties|null);

                /** MetadataRecord partition. */
                partition?: (kz.metadata.v1.PartitionRecord.$Properties|null);

                /** MetadataRecord config. */
                config?: (kz.metadata.v1.ConfigRecord.$Properties|null);

                /** MetadataRecord partitionChange. */
                partitionChange?: (kz.metadata.v1.PartitionChangeRecord.$Properties|null);

                /** MetadataRecord removeTopic. */
                removeTopic?: (kz.metadata.v1.RemoveTopicRecord.$Properties|null);

                /** MetadataRecord featureLevel. */
                featureLevel?: (kz.metadata.v1.FeatureLevelRecord.$Properties|null);

                /** MetadataRecord producerIds. */
                producerIds?: (kz.metadata.v1.ProducerIdsRecord.$Properties|null);

                /** MetadataRecord brokerRegistrationChange. */
                brokerRegistrationChange?: (kz.metadata.v1.BrokerRegistrationChangeRecord.$Properties|null);

                /** MetadataRecord noOp. */
                noOp?: (kz.metadata.v1.NoOpRecord.$Properties|null);

                /** MetadataRecord userScramCredential. */
                userScramCredential?: (kz.metadata.v1.UserScramCredentialRecord.$Properties|null);

                /** MetadataRecord removeUserScramCredential. */
                removeUserScramCredential?: (kz.metadata.v1.RemoveUserScramCredentialRecord.$Properties|null);

                /** MetadataRecord accessControlEntry. */
                accessControlEntry?: (kz.metadata.v1.AccessControlEntryRecord.$Properties|null);

                /** MetadataRecord removeAccessControlEntry. */
                removeAccessControlEntry?: (kz.metadata.v1.RemoveAccessControlEntryRecord.$Properties|null);

                /** MetadataRecord record. */
                record?: ("registerBroker"|"unregisterBroker"|"topic"|"partition"|"config"|"partitionChange"|"removeTopic"|"featureLevel"|"producerIds"|"brokerRegistrationChange"|"noOp"|"userScramCredential"|"removeUserScramCredential"|"accessControlEntry"|"removeAccessControlEntry");

                /**
                 * Encodes the specified MetadataRecord message. Does not implicitly {@link kz.metadata.v1.MetadataRecord.verify|verify} messages.
                 * @param message MetadataRecord message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.MetadataRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a MetadataRecord message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.MetadataRecord & kz.metadata.v1.MetadataRecord.$Shape} MetadataRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.MetadataRecord & kz.metadata.v1.MetadataRecord.$Shape;
            }

            namespace MetadataRecord {

                /** Properties of a MetadataRecord. */
                interface $Properties {

                    /** MetadataRecord registerBroker */
                    registerBroker?: (kz.metadata.v1.RegisterBrokerRecord.$Properties|null);

                    /** MetadataRecord unregisterBroker */
                    unregisterBroker?: (kz.metadata.v1.UnregisterBrokerRecord.$Properties|null);

                    /** MetadataRecord topic */
                    topic?: (kz.metadata.v1.TopicRecord.$Properties|null);

                    /** MetadataRecord partition */
                    partition?: (kz.metadata.v1.PartitionRecord.$Properties|null);

                    /** MetadataRecord config */
                    config?: (kz.metadata.v1.ConfigRecord.$Properties|null);

                    /** MetadataRecord partitionChange */
                    partitionChange?: (kz.metadata.v1.PartitionChangeRecord.$Properties|null);

                    /** MetadataRecord removeTopic */
                    removeTopic?: (kz.metadata.v1.RemoveTopicRecord.$Properties|null);

                    /** MetadataRecord featureLevel */
                    featureLevel?: (kz.metadata.v1.FeatureLevelRecord.$Properties|null);

                    /** MetadataRecord producerIds */
                    producerIds?: (kz.metadata.v1.ProducerIdsRecord.$Properties|null);

                    /** MetadataRecord brokerRegistrationChange */
                    brokerRegistrationChange?: (kz.metadata.v1.BrokerRegistrationChangeRecord.$Properties|null);

                    /** MetadataRecord noOp */
                    noOp?: (kz.metadata.v1.NoOpRecord.$Properties|null);

                    /** MetadataRecord userScramCredential */
                    userScramCredential?: (kz.metadata.v1.UserScramCredentialRecord.$Properties|null);

                    /** MetadataRecord removeUserScramCredential */
                    removeUserScramCredential?: (kz.metadata.v1.RemoveUserScramCredentialRecord.$Properties|null);

                    /** MetadataRecord accessControlEntry */
                    accessControlEntry?: (kz.metadata.v1.AccessControlEntryRecord.$Properties|null);

                    /** MetadataRecord removeAccessControlEntry */
                    removeAccessControlEntry?: (kz.metadata.v1.RemoveAccessControlEntryRecord.$Properties|null);

                    /** MetadataRecord record */
                    record?: ("registerBroker"|"unregisterBroker"|"topic"|"partition"|"config"|"partitionChange"|"removeTopic"|"featureLevel"|"producerIds"|"brokerRegistrationChange"|"noOp"|"userScramCredential"|"removeUserScramCredential"|"accessControlEntry"|"removeAccessControlEntry");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a MetadataRecord. */
                type $Shape = {
                  registerBroker?: kz.metadata.v1.RegisterBrokerRecord.$Shape|null;
                  unregisterBroker?: kz.metadata.v1.UnregisterBrokerRecord.$Shape|null;
                  topic?: kz.metadata.v1.TopicRecord.$Shape|null;
                  partition?: kz.metadata.v1.PartitionRecord.$Shape|null;
                  config?: kz.metadata.v1.ConfigRecord.$Shape|null;
                  partitionChange?: kz.metadata.v1.PartitionChangeRecord.$Shape|null;
                  removeTopic?: kz.metadata.v1.RemoveTopicRecord.$Shape|null;
                  featureLevel?: kz.metadata.v1.FeatureLevelRecord.$Shape|null;
                  producerIds?: kz.metadata.v1.ProducerIdsRecord.$Shape|null;
                  brokerRegistrationChange?: kz.metadata.v1.BrokerRegistrationChangeRecord.$Shape|null;
                  noOp?: kz.metadata.v1.NoOpRecord.$Shape|null;
                  userScramCredential?: kz.metadata.v1.UserScramCredentialRecord.$Shape|null;
                  removeUserScramCredential?: kz.metadata.v1.RemoveUserScramCredentialRecord.$Shape|null;
                  accessControlEntry?: kz.metadata.v1.AccessControlEntryRecord.$Shape|null;
                  removeAccessControlEntry?: kz.metadata.v1.RemoveAccessControlEntryRecord.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ record?: undefined; registerBroker?: null; unregisterBroker?: null; topic?: null; partition?: null; config?: null; partitionChange?: null; removeTopic?: null; featureLevel?: null; producerIds?: null; brokerRegistrationChange?: null; noOp?: null; userScramCredential?: null; removeUserScramCredential?: null; accessControlEntry?: null; removeAccessControlEntry?: null }|{ record?: "registerBroker"; registerBroker: kz.metadata.v1.RegisterBrokerRecord.$Shape; unregisterBroker?: null; topic?: null; partition?: null; config?: null; partitionChange?: null; removeTopic?: null; featureLevel?: null; producerIds?: null; brokerRegistrationChange?: null; noOp?: null; userScramCredential?: null; removeUserScramCredential?: null; accessControlEntry?: null; removeAccessControlEntry?: null }|{ record?: "unregisterBroker"; registerBroker?: null; unregisterBroker: kz.metadata.v1.UnregisterBrokerRecord.$Shape; topic?: null; partition?: null; config?: null; partitionChange?: null; removeTopic?: null; featureLevel?: null; producerIds?: null; brokerRegistrationChange?: null; noOp?: null; userScramCredential?: null; removeUserScramCredential?: null; accessControlEntry?: null; removeAccessControlEntry?: null }|{ record?: "topic"; registerBroker?: null; unregisterBroker?: null; topic: kz.metadata.v1.TopicRecord.$Shape; partition?: null; config?: null; partitionChange?: null; removeTopic?: null; featureLevel?: null; producerIds?: null; brokerRegistrationChange?: null; noOp?: null; userScramCredential?: null; removeUserScramCredential?: null; accessControlEntry?: null; removeAccessControlEntry?: null }|{ record?: "partition"; registerBroker?: null; unregisterBroker?: null; topic?: null; partition: kz.metadata.v1.PartitionRecord.$Shape; config?: null; partitionChange?: null; removeTopic?: null; featureLevel?: null; producerIds?: null; brokerRegistrationChange?: null; noOp?: null; userScramCredential?: null; removeUserScramCredential?: null; accessControlEntry?: null; removeAccessControlEntry?: null }|{ record?: "config"; registerBroker?: null; unregisterBroker?: null; topic?: null; partition?: null; config: kz.metadata.v1.ConfigRecord.$Shape; partitionChange?: null; removeTopic?: null; featureLevel?: null; producerIds?: null; brokerRegistrationChange?: null; noOp?: null; userScramCredential?: null; removeUserScramCredential?: null; accessControlEntry?: null; removeAccessControlEntry?: null }|{ record?: "partitionChange"; registerBroker?: null; unregisterBroker?: null; topic?: null; partition?: null; config?: null; partitionChange: kz.metadata.v1.PartitionChangeRecord.$Shape; removeTopic?: null; featureLevel?: null; producerIds?: null; brokerRegistrationChange?: null; noOp?: null; userScramCredential?: null; removeUserScramCredential?: null; accessControlEntry?: null; removeAccessControlEntry?: null }|{ record?: "removeTopic"; registerBroker?: null; unregisterBroker?: null; topic?: null; partition?: null; config?: null; partitionChange?: null; removeTopic: kz.metadata.v1.RemoveTopicRecord.$Shape; featureLevel?: null; producerIds?: null; brokerRegistrationChange?: null; noOp?: null; userScramCredential?: null; removeUserScramCredential?: null; accessControlEntry?: null; removeAccessControlEntry?: null }|{ record?: "featureLevel"; registerBroker?: null; unregisterBroker?: null; topic?: null; partition?: null; config?: null; partitionChange?: null; removeTopic?: null; featureLevel: kz.metadata.v1.FeatureLevelRecord.$Shape; producerIds?: null; brokerRegistrationChange?: null; noOp?: null; userScramCredential?: null; removeUserScramCredential?: null; accessControlEntry?: null; removeAccessControlEntry?: null }|{ record?: "producerIds"; registerBroker?: null; unregisterBroker?: null; topic?: null; partition?: null; config?: null; partitionChange?: null; removeTopic?: null; featureLevel?: null; producerIds: kz.metadata.v1.ProducerIdsRecord.$Shape; brokerRegistrationChange?: null; noOp?: null; userScramCredential?: null; removeUserScramCredential?: null; accessControlEntry?: null; removeAccessControlEntry?: null }|{ record?: "brokerRegistrationChange"; registerBroker?: null; unregisterBroker?: null; topic?: null; partition?: null; config?: null; partitionChange?: null; removeTopic?: null; featureLevel?: null; producerIds?: null; brokerRegistrationChange: kz.metadata.v1.BrokerRegistrationChangeRecord.$Shape; noOp?: null; userScramCredential?: null; removeUserScramCredential?: null; accessControlEntry?: null; removeAccessControlEntry?: null }|{ record?: "noOp"; registerBroker?: null; unregisterBroker?: null; topic?: null; partition?: null; config?: null; partitionChange?: null; removeTopic?: null; featureLevel?: null; producerIds?: null; brokerRegistrationChange?: null; noOp: kz.metadata.v1.NoOpRecord.$Shape; userScramCredential?: null; removeUserScramCredential?: null; accessControlEntry?: null; removeAccessControlEntry?: null }|{ record?: "userScramCredential"; registerBroker?: null; unregisterBroker?: null; topic?: null; partition?: null; config?: null; partitionChange?: null; removeTopic?: null; featureLevel?: null; producerIds?: null; brokerRegistrationChange?: null; noOp?: null; userScramCredential: kz.metadata.v1.UserScramCredentialRecord.$Shape; removeUserScramCredential?: null; accessControlEntry?: null; removeAccessControlEntry?: null }|{ record?: "removeUserScramCredential"; registerBroker?: null; unregisterBroker?: null; topic?: null; partition?: null; config?: null; partitionChange?: null; removeTopic?: null; featureLevel?: null; producerIds?: null; brokerRegistrationChange?: null; noOp?: null; userScramCredential?: null; removeUserScramCredential: kz.metadata.v1.RemoveUserScramCredentialRecord.$Shape; accessControlEntry?: null; removeAccessControlEntry?: null }|{ record?: "accessControlEntry"; registerBroker?: null; unregisterBroker?: null; topic?: null; partition?: null; config?: null; partitionChange?: null; removeTopic?: null; featureLevel?: null; producerIds?: null; brokerRegistrationChange?: null; noOp?: null; userScramCredential?: null; removeUserScramCredential?: null; accessControlEntry: kz.metadata.v1.AccessControlEntryRecord.$Shape; removeAccessControlEntry?: null }|{ record?: "removeAccessControlEntry"; registerBroker?: null; unregisterBroker?: null; topic?: null; partition?: null; config?: null; partitionChange?: null; removeTopic?: null; featureLevel?: null; producerIds?: null; brokerRegistrationChange?: null; noOp?: null; userScramCredential?: null; removeUserScramCredential?: null; accessControlEntry?: null; removeAccessControlEntry: kz.metadata.v1.RemoveAccessControlEntryRecord.$Shape })
                );
            }

            /**
             * Properties of an ImageHeader.
             * @deprecated Use kz.metadata.v1.ImageHeader.$Properties instead.
             */
            interface IImageHeader extends kz.metadata.v1.ImageHeader.$Properties {
            }

            /** Represents an ImageHeader. */
            class ImageHeader {

                /**
                 * Constructs a new ImageHeader.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.metadata.v1.ImageHeader.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ImageHeader offset. */
                offset: (number|Long);

                /** ImageHeader epoch. */
                epoch: number;

                /** ImageHeader recordCount. */
                recordCount: (number|Long);

                /**
                 * Encodes the specified ImageHeader message. Does not implicitly {@link kz.metadata.v1.ImageHeader.verify|verify} messages.
                 * @param message ImageHeader message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.metadata.v1.ImageHeader.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an ImageHeader message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.metadata.v1.ImageHeader & kz.metadata.v1.ImageHeader.$Shape} ImageHeader
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.v1.ImageHeader & kz.metadata.v1.ImageHeader.$Shape;
            }

            namespace ImageHeader {

                /** Properties of an ImageHeader. */
                interface $Properties {

                    /** ImageHeader offset */
                    offset?: (number|Long|null);

                    /** ImageHeader epoch */
                    epoch?: (number|null);

                    /** ImageHeader recordCount */
                    recordCount?: (number|Long|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an ImageHeader. */
                type $Shape = kz.metadata.v1.ImageHeader.$Properties;
            }
        }
    }
}
