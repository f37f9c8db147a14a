import * as $protobuf from "protobufjs/minimal";
import Long = require("long");

/** Namespace kz. */
export namespace kz {

    /** Namespace metadata. */
    namespace metadata {

        /** Namespace admin. */
        namespace admin {

            /** Namespace v1. */
            namespace v1 {

                /**
                 * Properties of an ApiError.
                 * @deprecated Use kz.metadata.admin.v1.ApiError.$Properties instead.
                 */
                interface IApiError extends kz.metadata.admin.v1.ApiError.$Properties {
                }

                /** Represents an ApiError. */
                class ApiError {

                    /**
                     * Constructs a new ApiError.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.ApiError.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** ApiError errorCode. */
                    errorCode: number;

                    /** ApiError errorName. */
                    errorName: string;

                    /** ApiError errorMessage. */
                    errorMessage: string;

                    /** ApiError leaderId. */
                    leaderId: number;

                    /**
                     * Encodes the specified ApiError message. Does not implicitly {@link kz.metadata.admin.v1.ApiError.verify|verify} messages.
                     * @param message ApiError message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.ApiError.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an ApiError message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.ApiError & kz.metadata.admin.v1.ApiError.$Shape} ApiError
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.ApiError & kz.metadata.admin.v1.ApiError.$Shape;
                }

                namespace ApiError {

                    /** Properties of an ApiError. */
                    interface $Properties {

                        /** ApiError errorCode */
                        errorCode?: (number|null);

                        /** ApiError errorName */
                        errorName?: (string|null);

                        /** ApiError errorMessage */
                        errorMessage?: (string|null);

                        /** ApiError leaderId */
                        leaderId?: (number|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an ApiError. */
                    type $Shape = kz.metadata.admin.v1.ApiError.$Properties;
                }

                /**
                 * Properties of an Endpoint.
                 * @deprecated Use kz.metadata.admin.v1.Endpoint.$Properties instead.
                 */
                interface IEndpoint extends kz.metadata.admin.v1.Endpoint.$Properties {
                }

                /** Represents an Endpoint. */
                class Endpoint {

                    /**
                     * Constructs a new Endpoint.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.Endpoint.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** Endpoint name. */
                    name: string;

                    /** Endpoint host. */
                    host: string;

                    /** Endpoint port. */
                    port: number;

                    /**
                     * Encodes the specified Endpoint message. Does not implicitly {@link kz.metadata.admin.v1.Endpoint.verify|verify} messages.
                     * @param message Endpoint message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.Endpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an Endpoint message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.Endpoint & kz.metadata.admin.v1.Endpoint.$Shape} Endpoint
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.Endpoint & kz.metadata.admin.v1.Endpoint.$Shape;
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
                    type $Shape = kz.metadata.admin.v1.Endpoint.$Properties;
                }

                /**
                 * Properties of a BrokerIdList.
                 * @deprecated Use kz.metadata.admin.v1.BrokerIdList.$Properties instead.
                 */
                interface IBrokerIdList extends kz.metadata.admin.v1.BrokerIdList.$Properties {
                }

                /** Represents a BrokerIdList. */
                class BrokerIdList {

                    /**
                     * Constructs a new BrokerIdList.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.BrokerIdList.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** BrokerIdList ids. */
                    ids: number[];

                    /**
                     * Encodes the specified BrokerIdList message. Does not implicitly {@link kz.metadata.admin.v1.BrokerIdList.verify|verify} messages.
                     * @param message BrokerIdList message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.BrokerIdList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a BrokerIdList message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.BrokerIdList & kz.metadata.admin.v1.BrokerIdList.$Shape} BrokerIdList
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.BrokerIdList & kz.metadata.admin.v1.BrokerIdList.$Shape;
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
                    type $Shape = kz.metadata.admin.v1.BrokerIdList.$Properties;
                }

                /**
                 * Properties of a ReplicaAssignment.
                 * @deprecated Use kz.metadata.admin.v1.ReplicaAssignment.$Properties instead.
                 */
                interface IReplicaAssignment extends kz.metadata.admin.v1.ReplicaAssignment.$Properties {
                }

                /** Represents a ReplicaAssignment. */
                class ReplicaAssignment {

                    /**
                     * Constructs a new ReplicaAssignment.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.ReplicaAssignment.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** ReplicaAssignment partitions. */
                    partitions: kz.metadata.admin.v1.BrokerIdList.$Properties[];

                    /**
                     * Encodes the specified ReplicaAssignment message. Does not implicitly {@link kz.metadata.admin.v1.ReplicaAssignment.verify|verify} messages.
                     * @param message ReplicaAssignment message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.ReplicaAssignment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a ReplicaAssignment message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.ReplicaAssignment & kz.metadata.admin.v1.ReplicaAssignment.$Shape} ReplicaAssignment
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.ReplicaAssignment & kz.metadata.admin.v1.ReplicaAssignment.$Shape;
                }

                namespace ReplicaAssignment {

                    /** Properties of a ReplicaAssignment. */
                    interface $Properties {

                        /** ReplicaAssignment partitions */
                        partitions?: (kz.metadata.admin.v1.BrokerIdList.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a ReplicaAssignment. */
                    type $Shape = kz.metadata.admin.v1.ReplicaAssignment.$Properties;
                }

                /**
                 * Properties of a TopicPartition.
                 * @deprecated Use kz.metadata.admin.v1.TopicPartition.$Properties instead.
                 */
                interface ITopicPartition extends kz.metadata.admin.v1.TopicPartition.$Properties {
                }

                /** Represents a TopicPartition. */
                class TopicPartition {

                    /**
                     * Constructs a new TopicPartition.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.TopicPartition.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** TopicPartition topic. */
                    topic: string;

                    /** TopicPartition partitionId. */
                    partitionId: number;

                    /**
                     * Encodes the specified TopicPartition message. Does not implicitly {@link kz.metadata.admin.v1.TopicPartition.verify|verify} messages.
                     * @param message TopicPartition message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.TopicPartition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a TopicPartition message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.TopicPartition & kz.metadata.admin.v1.TopicPartition.$Shape} TopicPartition
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.TopicPartition & kz.metadata.admin.v1.TopicPartition.$Shape;
                }

                namespace TopicPartition {

                    /** Properties of a TopicPartition. */
                    interface $Properties {

                        /** TopicPartition topic */
                        topic?: (string|null);

                        /** TopicPartition partitionId */
                        partitionId?: (number|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a TopicPartition. */
                    type $Shape = kz.metadata.admin.v1.TopicPartition.$Properties;
                }

                /**
                 * Properties of a PartitionOutcome.
                 * @deprecated Use kz.metadata.admin.v1.PartitionOutcome.$Properties instead.
                 */
                interface IPartitionOutcome extends kz.metadata.admin.v1.PartitionOutcome.$Properties {
                }

                /** Represents a PartitionOutcome. */
                class PartitionOutcome {

                    /**
                     * Constructs a new PartitionOutcome.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.PartitionOutcome.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** PartitionOutcome topic. */
                    topic: string;

                    /** PartitionOutcome partitionId. */
                    partitionId: number;

                    /** PartitionOutcome error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /**
                     * Encodes the specified PartitionOutcome message. Does not implicitly {@link kz.metadata.admin.v1.PartitionOutcome.verify|verify} messages.
                     * @param message PartitionOutcome message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.PartitionOutcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a PartitionOutcome message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.PartitionOutcome & kz.metadata.admin.v1.PartitionOutcome.$Shape} PartitionOutcome
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.PartitionOutcome & kz.metadata.admin.v1.PartitionOutcome.$Shape;
                }

                namespace PartitionOutcome {

                    /** Properties of a PartitionOutcome. */
                    interface $Properties {

                        /** PartitionOutcome topic */
                        topic?: (string|null);

                        /** PartitionOutcome partitionId */
                        partitionId?: (number|null);

                        /** PartitionOutcome error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a PartitionOutcome. */
                    type $Shape = kz.metadata.admin.v1.PartitionOutcome.$Properties;
                }

                /**
                 * Properties of a TopicOutcome.
                 * @deprecated Use kz.metadata.admin.v1.TopicOutcome.$Properties instead.
                 */
                interface ITopicOutcome extends kz.metadata.admin.v1.TopicOutcome.$Properties {
                }

                /** Represents a TopicOutcome. */
                class TopicOutcome {

                    /**
                     * Constructs a new TopicOutcome.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.TopicOutcome.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** TopicOutcome name. */
                    name: string;

                    /** TopicOutcome error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /**
                     * Encodes the specified TopicOutcome message. Does not implicitly {@link kz.metadata.admin.v1.TopicOutcome.verify|verify} messages.
                     * @param message TopicOutcome message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.TopicOutcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a TopicOutcome message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.TopicOutcome & kz.metadata.admin.v1.TopicOutcome.$Shape} TopicOutcome
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.TopicOutcome & kz.metadata.admin.v1.TopicOutcome.$Shape;
                }

                namespace TopicOutcome {

                    /** Properties of a TopicOutcome. */
                    interface $Properties {

                        /** TopicOutcome name */
                        name?: (string|null);

                        /** TopicOutcome error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a TopicOutcome. */
                    type $Shape = kz.metadata.admin.v1.TopicOutcome.$Properties;
                }

                /** ConfigResourceType enum. */
                enum ConfigResourceType {

                    /** CONFIG_RESOURCE_TYPE_UNSPECIFIED value */
                    CONFIG_RESOURCE_TYPE_UNSPECIFIED = 0,

                    /** CONFIG_RESOURCE_TYPE_TOPIC value */
                    CONFIG_RESOURCE_TYPE_TOPIC = 2,

                    /** CONFIG_RESOURCE_TYPE_BROKER value */
                    CONFIG_RESOURCE_TYPE_BROKER = 4
                }

                /**
                 * Properties of a RegisterBrokerRequest.
                 * @deprecated Use kz.metadata.admin.v1.RegisterBrokerRequest.$Properties instead.
                 */
                interface IRegisterBrokerRequest extends kz.metadata.admin.v1.RegisterBrokerRequest.$Properties {
                }

                /** Represents a RegisterBrokerRequest. */
                class RegisterBrokerRequest {

                    /**
                     * Constructs a new RegisterBrokerRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.RegisterBrokerRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** RegisterBrokerRequest brokerId. */
                    brokerId: number;

                    /** RegisterBrokerRequest clusterId. */
                    clusterId: string;

                    /** RegisterBrokerRequest incarnationId. */
                    incarnationId: string;

                    /** RegisterBrokerRequest endpoints. */
                    endpoints: kz.metadata.admin.v1.Endpoint.$Properties[];

                    /** RegisterBrokerRequest rack. */
                    rack?: (string|null);

                    /** RegisterBrokerRequest damagedReplicas. */
                    damagedReplicas: kz.metadata.admin.v1.ReplicaRef.$Properties[];

                    /**
                     * Encodes the specified RegisterBrokerRequest message. Does not implicitly {@link kz.metadata.admin.v1.RegisterBrokerRequest.verify|verify} messages.
                     * @param message RegisterBrokerRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.RegisterBrokerRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a RegisterBrokerRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.RegisterBrokerRequest & kz.metadata.admin.v1.RegisterBrokerRequest.$Shape} RegisterBrokerRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.RegisterBrokerRequest & kz.metadata.admin.v1.RegisterBrokerRequest.$Shape;
                }

                namespace RegisterBrokerRequest {

                    /** Properties of a RegisterBrokerRequest. */
                    interface $Properties {

                        /** RegisterBrokerRequest brokerId */
                        brokerId?: (number|null);

                        /** RegisterBrokerRequest clusterId */
                        clusterId?: (string|null);

                        /** RegisterBrokerRequest incarnationId */
                        incarnationId?: (string|null);

                        /** RegisterBrokerRequest endpoints */
                        endpoints?: (kz.metadata.admin.v1.Endpoint.$Properties[]|null);

                        /** RegisterBrokerRequest rack */
                        rack?: (string|null);

                        /** RegisterBrokerRequest damagedReplicas */
                        damagedReplicas?: (kz.metadata.admin.v1.ReplicaRef.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a RegisterBrokerRequest. */
                    type $Shape = kz.metadata.admin.v1.RegisterBrokerRequest.$Properties;
                }

                /**
                 * Properties of a RegisterBrokerResponse.
                 * @deprecated Use kz.metadata.admin.v1.RegisterBrokerResponse.$Properties instead.
                 */
                interface IRegisterBrokerResponse extends kz.metadata.admin.v1.RegisterBrokerResponse.$Properties {
                }

                /** Represents a RegisterBrokerResponse. */
                class RegisterBrokerResponse {

                    /**
                     * Constructs a new RegisterBrokerResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.RegisterBrokerResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** RegisterBrokerResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** RegisterBrokerResponse brokerEpoch. */
                    brokerEpoch: (number|Long);

                    /**
                     * Encodes the specified RegisterBrokerResponse message. Does not implicitly {@link kz.metadata.admin.v1.RegisterBrokerResponse.verify|verify} messages.
                     * @param message RegisterBrokerResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.RegisterBrokerResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a RegisterBrokerResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.RegisterBrokerResponse & kz.metadata.admin.v1.RegisterBrokerResponse.$Shape} RegisterBrokerResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.RegisterBrokerResponse & kz.metadata.admin.v1.RegisterBrokerResponse.$Shape;
                }

                namespace RegisterBrokerResponse {

                    /** Properties of a RegisterBrokerResponse. */
                    interface $Properties {

                        /** RegisterBrokerResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** RegisterBrokerResponse brokerEpoch */
                        brokerEpoch?: (number|Long|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a RegisterBrokerResponse. */
                    type $Shape = kz.metadata.admin.v1.RegisterBrokerResponse.$Properties;
                }

                /**
                 * Properties of a BrokerHeartbeatRequest.
                 * @deprecated Use kz.metadata.admin.v1.BrokerHeartbeatRequest.$Properties instead.
                 */
                interface IBrokerHeartbeatRequest extends kz.metadata.admin.v1.BrokerHeartbeatRequest.$Properties {
                }

                /** Represents a BrokerHeartbeatRequest. */
                class BrokerHeartbeatRequest {

                    /**
                     * Constructs a new BrokerHeartbeatRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.BrokerHeartbeatRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** BrokerHeartbeatRequest brokerId. */
                    brokerId: number;

                    /** BrokerHeartbeatRequest brokerEpoch. */
                    brokerEpoch: (number|Long);

                    /** BrokerHeartbeatRequest currentMetadataOffset. */
                    currentMetadataOffset: (number|Long);

                    /** BrokerHeartbeatRequest wantFence. */
                    wantFence: boolean;

                    /** BrokerHeartbeatRequest wantShutDown. */
                    wantShutDown: boolean;

                    /** BrokerHeartbeatRequest offlineReplicas. */
                    offlineReplicas: kz.metadata.admin.v1.ReplicaRef.$Properties[];

                    /**
                     * Encodes the specified BrokerHeartbeatRequest message. Does not implicitly {@link kz.metadata.admin.v1.BrokerHeartbeatRequest.verify|verify} messages.
                     * @param message BrokerHeartbeatRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.BrokerHeartbeatRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a BrokerHeartbeatRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.BrokerHeartbeatRequest & kz.metadata.admin.v1.BrokerHeartbeatRequest.$Shape} BrokerHeartbeatRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.BrokerHeartbeatRequest & kz.metadata.admin.v1.BrokerHeartbeatRequest.$Shape;
                }

                namespace BrokerHeartbeatRequest {

                    /** Properties of a BrokerHeartbeatRequest. */
                    interface $Properties {

                        /** BrokerHeartbeatRequest brokerId */
                        brokerId?: (number|null);

                        /** BrokerHeartbeatRequest brokerEpoch */
                        brokerEpoch?: (number|Long|null);

                        /** BrokerHeartbeatRequest currentMetadataOffset */
                        currentMetadataOffset?: (number|Long|null);

                        /** BrokerHeartbeatRequest wantFence */
                        wantFence?: (boolean|null);

                        /** BrokerHeartbeatRequest wantShutDown */
                        wantShutDown?: (boolean|null);

                        /** BrokerHeartbeatRequest offlineReplicas */
                        offlineReplicas?: (kz.metadata.admin.v1.ReplicaRef.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a BrokerHeartbeatRequest. */
                    type $Shape = kz.metadata.admin.v1.BrokerHeartbeatRequest.$Properties;
                }

                /**
                 * Properties of a ReplicaRef.
                 * @deprecated Use kz.metadata.admin.v1.ReplicaRef.$Properties instead.
                 */
                interface IReplicaRef extends kz.metadata.admin.v1.ReplicaRef.$Properties {
                }

                /** Represents a ReplicaRef. */
                class ReplicaRef {

                    /**
                     * Constructs a new ReplicaRef.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.ReplicaRef.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** ReplicaRef topicId. */
                    topicId: string;

                    /** ReplicaRef partitionId. */
                    partitionId: number;

                    /**
                     * Encodes the specified ReplicaRef message. Does not implicitly {@link kz.metadata.admin.v1.ReplicaRef.verify|verify} messages.
                     * @param message ReplicaRef message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.ReplicaRef.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a ReplicaRef message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.ReplicaRef & kz.metadata.admin.v1.ReplicaRef.$Shape} ReplicaRef
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.ReplicaRef & kz.metadata.admin.v1.ReplicaRef.$Shape;
                }

                namespace ReplicaRef {

                    /** Properties of a ReplicaRef. */
                    interface $Properties {

                        /** ReplicaRef topicId */
                        topicId?: (string|null);

                        /** ReplicaRef partitionId */
                        partitionId?: (number|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a ReplicaRef. */
                    type $Shape = kz.metadata.admin.v1.ReplicaRef.$Properties;
                }

                /**
                 * Properties of a BrokerHeartbeatResponse.
                 * @deprecated Use kz.metadata.admin.v1.BrokerHeartbeatResponse.$Properties instead.
                 */
                interface IBrokerHeartbeatResponse extends kz.metadata.admin.v1.BrokerHeartbeatResponse.$Properties {
                }

                /** Represents a BrokerHeartbeatResponse. */
                class BrokerHeartbeatResponse {

                    /**
                     * Constructs a new BrokerHeartbeatResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.BrokerHeartbeatResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** BrokerHeartbeatResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** BrokerHeartbeatResponse isCaughtUp. */
                    isCaughtUp: boolean;

                    /** BrokerHeartbeatResponse isFenced. */
                    isFenced: boolean;

                    /** BrokerHeartbeatResponse shouldShutDown. */
                    shouldShutDown: boolean;

                    /**
                     * Encodes the specified BrokerHeartbeatResponse message. Does not implicitly {@link kz.metadata.admin.v1.BrokerHeartbeatResponse.verify|verify} messages.
                     * @param message BrokerHeartbeatResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.BrokerHeartbeatResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a BrokerHeartbeatResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.BrokerHeartbeatResponse & kz.metadata.admin.v1.BrokerHeartbeatResponse.$Shape} BrokerHeartbeatResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.BrokerHeartbeatResponse & kz.metadata.admin.v1.BrokerHeartbeatResponse.$Shape;
                }

                namespace BrokerHeartbeatResponse {

                    /** Properties of a BrokerHeartbeatResponse. */
                    interface $Properties {

                        /** BrokerHeartbeatResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** BrokerHeartbeatResponse isCaughtUp */
                        isCaughtUp?: (boolean|null);

                        /** BrokerHeartbeatResponse isFenced */
                        isFenced?: (boolean|null);

                        /** BrokerHeartbeatResponse shouldShutDown */
                        shouldShutDown?: (boolean|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a BrokerHeartbeatResponse. */
                    type $Shape = kz.metadata.admin.v1.BrokerHeartbeatResponse.$Properties;
                }

                /**
                 * Properties of an UnregisterBrokerRequest.
                 * @deprecated Use kz.metadata.admin.v1.UnregisterBrokerRequest.$Properties instead.
                 */
                interface IUnregisterBrokerRequest extends kz.metadata.admin.v1.UnregisterBrokerRequest.$Properties {
                }

                /** Represents an UnregisterBrokerRequest. */
                class UnregisterBrokerRequest {

                    /**
                     * Constructs a new UnregisterBrokerRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.UnregisterBrokerRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** UnregisterBrokerRequest brokerId. */
                    brokerId: number;

                    /**
                     * Encodes the specified UnregisterBrokerRequest message. Does not implicitly {@link kz.metadata.admin.v1.UnregisterBrokerRequest.verify|verify} messages.
                     * @param message UnregisterBrokerRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.UnregisterBrokerRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an UnregisterBrokerRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.UnregisterBrokerRequest & kz.metadata.admin.v1.UnregisterBrokerRequest.$Shape} UnregisterBrokerRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.UnregisterBrokerRequest & kz.metadata.admin.v1.UnregisterBrokerRequest.$Shape;
                }

                namespace UnregisterBrokerRequest {

                    /** Properties of an UnregisterBrokerRequest. */
                    interface $Properties {

                        /** UnregisterBrokerRequest brokerId */
                        brokerId?: (number|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an UnregisterBrokerRequest. */
                    type $Shape = kz.metadata.admin.v1.UnregisterBrokerRequest.$Properties;
                }

                /**
                 * Properties of an UnregisterBrokerResponse.
                 * @deprecated Use kz.metadata.admin.v1.UnregisterBrokerResponse.$Properties instead.
                 */
                interface IUnregisterBrokerResponse extends kz.metadata.admin.v1.UnregisterBrokerResponse.$Properties {
                }

                /** Represents an UnregisterBrokerResponse. */
                class UnregisterBrokerResponse {

                    /**
                     * Constructs a new UnregisterBrokerResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.UnregisterBrokerResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** UnregisterBrokerResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /**
                     * Encodes the specified UnregisterBrokerResponse message. Does not implicitly {@link kz.metadata.admin.v1.UnregisterBrokerResponse.verify|verify} messages.
                     * @param message UnregisterBrokerResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.UnregisterBrokerResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an UnregisterBrokerResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.UnregisterBrokerResponse & kz.metadata.admin.v1.UnregisterBrokerResponse.$Shape} UnregisterBrokerResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.UnregisterBrokerResponse & kz.metadata.admin.v1.UnregisterBrokerResponse.$Shape;
                }

                namespace UnregisterBrokerResponse {

                    /** Properties of an UnregisterBrokerResponse. */
                    interface $Properties {

                        /** UnregisterBrokerResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an UnregisterBrokerResponse. */
                    type $Shape = kz.metadata.admin.v1.UnregisterBrokerResponse.$Properties;
                }

                /**
                 * Properties of a CreatableTopic.
                 * @deprecated Use kz.metadata.admin.v1.CreatableTopic.$Properties instead.
                 */
                interface ICreatableTopic extends kz.metadata.admin.v1.CreatableTopic.$Properties {
                }

                /** Represents a CreatableTopic. */
                class CreatableTopic {

                    /**
                     * Constructs a new CreatableTopic.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.CreatableTopic.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** CreatableTopic name. */
                    name: string;

                    /** CreatableTopic numPartitions. */
                    numPartitions?: (number|null);

                    /** CreatableTopic replicationFactor. */
                    replicationFactor?: (number|null);

                    /** CreatableTopic assignments. */
                    assignments?: (kz.metadata.admin.v1.ReplicaAssignment.$Properties|null);

                    /** CreatableTopic configs. */
                    configs: { [k: string]: string };

                    /**
                     * Encodes the specified CreatableTopic message. Does not implicitly {@link kz.metadata.admin.v1.CreatableTopic.verify|verify} messages.
                     * @param message CreatableTopic message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.CreatableTopic.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a CreatableTopic message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.CreatableTopic & kz.metadata.admin.v1.CreatableTopic.$Shape} CreatableTopic
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.CreatableTopic & kz.metadata.admin.v1.CreatableTopic.$Shape;
                }

                namespace CreatableTopic {

                    /** Properties of a CreatableTopic. */
                    interface $Properties {

                        /** CreatableTopic name */
                        name?: (string|null);

                        /** CreatableTopic numPartitions */
                        numPartitions?: (number|null);

                        /** CreatableTopic replicationFactor */
                        replicationFactor?: (number|null);

                        /** CreatableTopic assignments */
                        assignments?: (kz.metadata.admin.v1.ReplicaAssignment.$Properties|null);

                        /** CreatableTopic configs */
                        configs?: ({ [k: string]: string }|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a CreatableTopic. */
                    type $Shape = kz.metadata.admin.v1.CreatableTopic.$Properties;
                }

                /**
                 * Properties of a CreateTopicsRequest.
                 * @deprecated Use kz.metadata.admin.v1.CreateTopicsRequest.$Properties instead.
                 */
                interface ICreateTopicsRequest extends kz.metadata.admin.v1.CreateTopicsRequest.$Properties {
                }

                /** Represents a CreateTopicsRequest. */
                class CreateTopicsRequest {

                    /**
                     * Constructs a new CreateTopicsRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.CreateTopicsRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** CreateTopicsRequest topics. */
                    topics: kz.metadata.admin.v1.CreatableTopic.$Properties[];

                    /** CreateTopicsRequest validateOnly. */
                    validateOnly: boolean;

                    /**
                     * Encodes the specified CreateTopicsRequest message. Does not implicitly {@link kz.metadata.admin.v1.CreateTopicsRequest.verify|verify} messages.
                     * @param message CreateTopicsRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.CreateTopicsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a CreateTopicsRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.CreateTopicsRequest & kz.metadata.admin.v1.CreateTopicsRequest.$Shape} CreateTopicsRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.CreateTopicsRequest & kz.metadata.admin.v1.CreateTopicsRequest.$Shape;
                }

                namespace CreateTopicsRequest {

                    /** Properties of a CreateTopicsRequest. */
                    interface $Properties {

                        /** CreateTopicsRequest topics */
                        topics?: (kz.metadata.admin.v1.CreatableTopic.$Properties[]|null);

                        /** CreateTopicsRequest validateOnly */
                        validateOnly?: (boolean|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a CreateTopicsRequest. */
                    type $Shape = kz.metadata.admin.v1.CreateTopicsRequest.$Properties;
                }

                /**
                 * Properties of a CreateTopicResult.
                 * @deprecated Use kz.metadata.admin.v1.CreateTopicResult.$Properties instead.
                 */
                interface ICreateTopicResult extends kz.metadata.admin.v1.CreateTopicResult.$Properties {
                }

                /** Represents a CreateTopicResult. */
                class CreateTopicResult {

                    /**
                     * Constructs a new CreateTopicResult.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.CreateTopicResult.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** CreateTopicResult name. */
                    name: string;

                    /** CreateTopicResult error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** CreateTopicResult topicId. */
                    topicId?: (string|null);

                    /** CreateTopicResult numPartitions. */
                    numPartitions: number;

                    /** CreateTopicResult replicationFactor. */
                    replicationFactor: number;

                    /**
                     * Encodes the specified CreateTopicResult message. Does not implicitly {@link kz.metadata.admin.v1.CreateTopicResult.verify|verify} messages.
                     * @param message CreateTopicResult message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.CreateTopicResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a CreateTopicResult message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.CreateTopicResult & kz.metadata.admin.v1.CreateTopicResult.$Shape} CreateTopicResult
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.CreateTopicResult & kz.metadata.admin.v1.CreateTopicResult.$Shape;
                }

                namespace CreateTopicResult {

                    /** Properties of a CreateTopicResult. */
                    interface $Properties {

                        /** CreateTopicResult name */
                        name?: (string|null);

                        /** CreateTopicResult error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** CreateTopicResult topicId */
                        topicId?: (string|null);

                        /** CreateTopicResult numPartitions */
                        numPartitions?: (number|null);

                        /** CreateTopicResult replicationFactor */
                        replicationFactor?: (number|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a CreateTopicResult. */
                    type $Shape = kz.metadata.admin.v1.CreateTopicResult.$Properties;
                }

                /**
                 * Properties of a CreateTopicsResponse.
                 * @deprecated Use kz.metadata.admin.v1.CreateTopicsResponse.$Properties instead.
                 */
                interface ICreateTopicsResponse extends kz.metadata.admin.v1.CreateTopicsResponse.$Properties {
                }

                /** Represents a CreateTopicsResponse. */
                class CreateTopicsResponse {

                    /**
                     * Constructs a new CreateTopicsResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.CreateTopicsResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** CreateTopicsResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** CreateTopicsResponse topics. */
                    topics: kz.metadata.admin.v1.CreateTopicResult.$Properties[];

                    /**
                     * Encodes the specified CreateTopicsResponse message. Does not implicitly {@link kz.metadata.admin.v1.CreateTopicsResponse.verify|verify} messages.
                     * @param message CreateTopicsResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.CreateTopicsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a CreateTopicsResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.CreateTopicsResponse & kz.metadata.admin.v1.CreateTopicsResponse.$Shape} CreateTopicsResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.CreateTopicsResponse & kz.metadata.admin.v1.CreateTopicsResponse.$Shape;
                }

                namespace CreateTopicsResponse {

                    /** Properties of a CreateTopicsResponse. */
                    interface $Properties {

                        /** CreateTopicsResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** CreateTopicsResponse topics */
                        topics?: (kz.metadata.admin.v1.CreateTopicResult.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a CreateTopicsResponse. */
                    type $Shape = kz.metadata.admin.v1.CreateTopicsResponse.$Properties;
                }

                /**
                 * Properties of a DeleteTopicsRequest.
                 * @deprecated Use kz.metadata.admin.v1.DeleteTopicsRequest.$Properties instead.
                 */
                interface IDeleteTopicsRequest extends kz.metadata.admin.v1.DeleteTopicsRequest.$Properties {
                }

                /** Represents a DeleteTopicsRequest. */
                class DeleteTopicsRequest {

                    /**
                     * Constructs a new DeleteTopicsRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DeleteTopicsRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DeleteTopicsRequest names. */
                    names: string[];

                    /**
                     * Encodes the specified DeleteTopicsRequest message. Does not implicitly {@link kz.metadata.admin.v1.DeleteTopicsRequest.verify|verify} messages.
                     * @param message DeleteTopicsRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DeleteTopicsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DeleteTopicsRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DeleteTopicsRequest & kz.metadata.admin.v1.DeleteTopicsRequest.$Shape} DeleteTopicsRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DeleteTopicsRequest & kz.metadata.admin.v1.DeleteTopicsRequest.$Shape;
                }

                namespace DeleteTopicsRequest {

                    /** Properties of a DeleteTopicsRequest. */
                    interface $Properties {

                        /** DeleteTopicsRequest names */
                        names?: (string[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DeleteTopicsRequest. */
                    type $Shape = kz.metadata.admin.v1.DeleteTopicsRequest.$Properties;
                }

                /**
                 * Properties of a DeleteTopicsResponse.
                 * @deprecated Use kz.metadata.admin.v1.DeleteTopicsResponse.$Properties instead.
                 */
                interface IDeleteTopicsResponse extends kz.metadata.admin.v1.DeleteTopicsResponse.$Properties {
                }

                /** Represents a DeleteTopicsResponse. */
                class DeleteTopicsResponse {

                    /**
                     * Constructs a new DeleteTopicsResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DeleteTopicsResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DeleteTopicsResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** DeleteTopicsResponse topics. */
                    topics: kz.metadata.admin.v1.TopicOutcome.$Properties[];

                    /**
                     * Encodes the specified DeleteTopicsResponse message. Does not implicitly {@link kz.metadata.admin.v1.DeleteTopicsResponse.verify|verify} messages.
                     * @param message DeleteTopicsResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DeleteTopicsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DeleteTopicsResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DeleteTopicsResponse & kz.metadata.admin.v1.DeleteTopicsResponse.$Shape} DeleteTopicsResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DeleteTopicsResponse & kz.metadata.admin.v1.DeleteTopicsResponse.$Shape;
                }

                namespace DeleteTopicsResponse {

                    /** Properties of a DeleteTopicsResponse. */
                    interface $Properties {

                        /** DeleteTopicsResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** DeleteTopicsResponse topics */
                        topics?: (kz.metadata.admin.v1.TopicOutcome.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DeleteTopicsResponse. */
                    type $Shape = kz.metadata.admin.v1.DeleteTopicsResponse.$Properties;
                }

                /**
                 * Properties of a CreatePartitionsTopic.
                 * @deprecated Use kz.metadata.admin.v1.CreatePartitionsTopic.$Properties instead.
                 */
                interface ICreatePartitionsTopic extends kz.metadata.admin.v1.CreatePartitionsTopic.$Properties {
                }

                /** Represents a CreatePartitionsTopic. */
                class CreatePartitionsTopic {

                    /**
                     * Constructs a new CreatePartitionsTopic.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.CreatePartitionsTopic.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** CreatePartitionsTopic name. */
                    name: string;

                    /** CreatePartitionsTopic count. */
                    count: number;

                    /** CreatePartitionsTopic assignments. */
                    assignments?: (kz.metadata.admin.v1.ReplicaAssignment.$Properties|null);

                    /**
                     * Encodes the specified CreatePartitionsTopic message. Does not implicitly {@link kz.metadata.admin.v1.CreatePartitionsTopic.verify|verify} messages.
                     * @param message CreatePartitionsTopic message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.CreatePartitionsTopic.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a CreatePartitionsTopic message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.CreatePartitionsTopic & kz.metadata.admin.v1.CreatePartitionsTopic.$Shape} CreatePartitionsTopic
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.CreatePartitionsTopic & kz.metadata.admin.v1.CreatePartitionsTopic.$Shape;
                }

                namespace CreatePartitionsTopic {

                    /** Properties of a CreatePartitionsTopic. */
                    interface $Properties {

                        /** CreatePartitionsTopic name */
                        name?: (string|null);

                        /** CreatePartitionsTopic count */
                        count?: (number|null);

                        /** CreatePartitionsTopic assignments */
                        assignments?: (kz.metadata.admin.v1.ReplicaAssignment.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a CreatePartitionsTopic. */
                    type $Shape = kz.metadata.admin.v1.CreatePartitionsTopic.$Properties;
                }

                /**
                 * Properties of a CreatePartitionsRequest.
                 * @deprecated Use kz.metadata.admin.v1.CreatePartitionsRequest.$Properties instead.
                 */
                interface ICreatePartitionsRequest extends kz.metadata.admin.v1.CreatePartitionsRequest.$Properties {
                }

                /** Represents a CreatePartitionsRequest. */
                class CreatePartitionsRequest {

                    /**
                     * Constructs a new CreatePartitionsRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.CreatePartitionsRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** CreatePartitionsRequest topics. */
                    topics: kz.metadata.admin.v1.CreatePartitionsTopic.$Properties[];

                    /** CreatePartitionsRequest validateOnly. */
                    validateOnly: boolean;

                    /**
                     * Encodes the specified CreatePartitionsRequest message. Does not implicitly {@link kz.metadata.admin.v1.CreatePartitionsRequest.verify|verify} messages.
                     * @param message CreatePartitionsRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.CreatePartitionsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a CreatePartitionsRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.CreatePartitionsRequest & kz.metadata.admin.v1.CreatePartitionsRequest.$Shape} CreatePartitionsRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.CreatePartitionsRequest & kz.metadata.admin.v1.CreatePartitionsRequest.$Shape;
                }

                namespace CreatePartitionsRequest {

                    /** Properties of a CreatePartitionsRequest. */
                    interface $Properties {

                        /** CreatePartitionsRequest topics */
                        topics?: (kz.metadata.admin.v1.CreatePartitionsTopic.$Properties[]|null);

                        /** CreatePartitionsRequest validateOnly */
                        validateOnly?: (boolean|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a CreatePartitionsRequest. */
                    type $Shape = kz.metadata.admin.v1.CreatePartitionsRequest.$Properties;
                }

                /**
                 * Properties of a CreatePartitionsResponse.
                 * @deprecated Use kz.metadata.admin.v1.CreatePartitionsResponse.$Properties instead.
                 */
                interface ICreatePartitionsResponse extends kz.metadata.admin.v1.CreatePartitionsResponse.$Properties {
                }

                /** Represents a CreatePartitionsResponse. */
                class CreatePartitionsResponse {

                    /**
                     * Constructs a new CreatePartitionsResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.CreatePartitionsResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** CreatePartitionsResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** CreatePartitionsResponse topics. */
                    topics: kz.metadata.admin.v1.TopicOutcome.$Properties[];

                    /**
                     * Encodes the specified CreatePartitionsResponse message. Does not implicitly {@link kz.metadata.admin.v1.CreatePartitionsResponse.verify|verify} messages.
                     * @param message CreatePartitionsResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.CreatePartitionsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a CreatePartitionsResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.CreatePartitionsResponse & kz.metadata.admin.v1.CreatePartitionsResponse.$Shape} CreatePartitionsResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.CreatePartitionsResponse & kz.metadata.admin.v1.CreatePartitionsResponse.$Shape;
                }

                namespace CreatePartitionsResponse {

                    /** Properties of a CreatePartitionsResponse. */
                    interface $Properties {

                        /** CreatePartitionsResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** CreatePartitionsResponse topics */
                        topics?: (kz.metadata.admin.v1.TopicOutcome.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a CreatePartitionsResponse. */
                    type $Shape = kz.metadata.admin.v1.CreatePartitionsResponse.$Properties;
                }

                /**
                 * Properties of an AlterPartitionItem.
                 * @deprecated Use kz.metadata.admin.v1.AlterPartitionItem.$Properties instead.
                 */
                interface IAlterPartitionItem extends kz.metadata.admin.v1.AlterPartitionItem.$Properties {
                }

                /** Represents an AlterPartitionItem. */
                class AlterPartitionItem {

                    /**
                     * Constructs a new AlterPartitionItem.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AlterPartitionItem.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AlterPartitionItem topicId. */
                    topicId: string;

                    /** AlterPartitionItem partitionId. */
                    partitionId: number;

                    /** AlterPartitionItem leaderEpoch. */
                    leaderEpoch: (number|Long);

                    /** AlterPartitionItem partitionEpoch. */
                    partitionEpoch: (number|Long);

                    /** AlterPartitionItem newIsr. */
                    newIsr: number[];

                    /**
                     * Encodes the specified AlterPartitionItem message. Does not implicitly {@link kz.metadata.admin.v1.AlterPartitionItem.verify|verify} messages.
                     * @param message AlterPartitionItem message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AlterPartitionItem.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AlterPartitionItem message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AlterPartitionItem & kz.metadata.admin.v1.AlterPartitionItem.$Shape} AlterPartitionItem
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AlterPartitionItem & kz.metadata.admin.v1.AlterPartitionItem.$Shape;
                }

                namespace AlterPartitionItem {

                    /** Properties of an AlterPartitionItem. */
                    interface $Properties {

                        /** AlterPartitionItem topicId */
                        topicId?: (string|null);

                        /** AlterPartitionItem partitionId */
                        partitionId?: (number|null);

                        /** AlterPartitionItem leaderEpoch */
                        leaderEpoch?: (number|Long|null);

                        /** AlterPartitionItem partitionEpoch */
                        partitionEpoch?: (number|Long|null);

                        /** AlterPartitionItem newIsr */
                        newIsr?: (number[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AlterPartitionItem. */
                    type $Shape = kz.metadata.admin.v1.AlterPartitionItem.$Properties;
                }

                /**
                 * Properties of an AlterPartitionRequest.
                 * @deprecated Use kz.metadata.admin.v1.AlterPartitionRequest.$Properties instead.
                 */
                interface IAlterPartitionRequest extends kz.metadata.admin.v1.AlterPartitionRequest.$Properties {
                }

                /** Represents an AlterPartitionRequest. */
                class AlterPartitionRequest {

                    /**
                     * Constructs a new AlterPartitionRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AlterPartitionRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AlterPartitionRequest brokerId. */
                    brokerId: number;

                    /** AlterPartitionRequest brokerEpoch. */
                    brokerEpoch: (number|Long);

                    /** AlterPartitionRequest partitions. */
                    partitions: kz.metadata.admin.v1.AlterPartitionItem.$Properties[];

                    /**
                     * Encodes the specified AlterPartitionRequest message. Does not implicitly {@link kz.metadata.admin.v1.AlterPartitionRequest.verify|verify} messages.
                     * @param message AlterPartitionRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AlterPartitionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AlterPartitionRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AlterPartitionRequest & kz.metadata.admin.v1.AlterPartitionRequest.$Shape} AlterPartitionRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AlterPartitionRequest & kz.metadata.admin.v1.AlterPartitionRequest.$Shape;
                }

                namespace AlterPartitionRequest {

                    /** Properties of an AlterPartitionRequest. */
                    interface $Properties {

                        /** AlterPartitionRequest brokerId */
                        brokerId?: (number|null);

                        /** AlterPartitionRequest brokerEpoch */
                        brokerEpoch?: (number|Long|null);

                        /** AlterPartitionRequest partitions */
                        partitions?: (kz.metadata.admin.v1.AlterPartitionItem.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AlterPartitionRequest. */
                    type $Shape = kz.metadata.admin.v1.AlterPartitionRequest.$Properties;
                }

                /**
                 * Properties of a PartitionState.
                 * @deprecated Use kz.metadata.admin.v1.PartitionState.$Properties instead.
                 */
                interface IPartitionState extends kz.metadata.admin.v1.PartitionState.$Properties {
                }

                /** Represents a PartitionState. */
                class PartitionState {

                    /**
                     * Constructs a new PartitionState.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.PartitionState.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** PartitionState topicId. */
                    topicId: string;

                    /** PartitionState partitionId. */
                    partitionId: number;

                    /** PartitionState leader. */
                    leader: number;

                    /** PartitionState leaderEpoch. */
                    leaderEpoch: (number|Long);

                    /** PartitionState partitionEpoch. */
                    partitionEpoch: (number|Long);

                    /** PartitionState isr. */
                    isr: number[];

                    /**
                     * Encodes the specified PartitionState message. Does not implicitly {@link kz.metadata.admin.v1.PartitionState.verify|verify} messages.
                     * @param message PartitionState message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.PartitionState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a PartitionState message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.PartitionState & kz.metadata.admin.v1.PartitionState.$Shape} PartitionState
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.PartitionState & kz.metadata.admin.v1.PartitionState.$Shape;
                }

                namespace PartitionState {

                    /** Properties of a PartitionState. */
                    interface $Properties {

                        /** PartitionState topicId */
                        topicId?: (string|null);

                        /** PartitionState partitionId */
                        partitionId?: (number|null);

                        /** PartitionState leader */
                        leader?: (number|null);

                        /** PartitionState leaderEpoch */
                        leaderEpoch?: (number|Long|null);

                        /** PartitionState partitionEpoch */
                        partitionEpoch?: (number|Long|null);

                        /** PartitionState isr */
                        isr?: (number[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a PartitionState. */
                    type $Shape = kz.metadata.admin.v1.PartitionState.$Properties;
                }

                /**
                 * Properties of an AlterPartitionResult.
                 * @deprecated Use kz.metadata.admin.v1.AlterPartitionResult.$Properties instead.
                 */
                interface IAlterPartitionResult extends kz.metadata.admin.v1.AlterPartitionResult.$Properties {
                }

                /** Represents an AlterPartitionResult. */
                class AlterPartitionResult {

                    /**
                     * Constructs a new AlterPartitionResult.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AlterPartitionResult.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AlterPartitionResult topicId. */
                    topicId: string;

                    /** AlterPartitionResult partitionId. */
                    partitionId: number;

                    /** AlterPartitionResult error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** AlterPartitionResult state. */
                    state?: (kz.metadata.admin.v1.PartitionState.$Properties|null);

                    /**
                     * Encodes the specified AlterPartitionResult message. Does not implicitly {@link kz.metadata.admin.v1.AlterPartitionResult.verify|verify} messages.
                     * @param message AlterPartitionResult message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AlterPartitionResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AlterPartitionResult message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AlterPartitionResult & kz.metadata.admin.v1.AlterPartitionResult.$Shape} AlterPartitionResult
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AlterPartitionResult & kz.metadata.admin.v1.AlterPartitionResult.$Shape;
                }

                namespace AlterPartitionResult {

                    /** Properties of an AlterPartitionResult. */
                    interface $Properties {

                        /** AlterPartitionResult topicId */
                        topicId?: (string|null);

                        /** AlterPartitionResult partitionId */
                        partitionId?: (number|null);

                        /** AlterPartitionResult error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** AlterPartitionResult state */
                        state?: (kz.metadata.admin.v1.PartitionState.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AlterPartitionResult. */
                    type $Shape = kz.metadata.admin.v1.AlterPartitionResult.$Properties;
                }

                /**
                 * Properties of an AlterPartitionResponse.
                 * @deprecated Use kz.metadata.admin.v1.AlterPartitionResponse.$Properties instead.
                 */
                interface IAlterPartitionResponse extends kz.metadata.admin.v1.AlterPartitionResponse.$Properties {
                }

                /** Represents an AlterPartitionResponse. */
                class AlterPartitionResponse {

                    /**
                     * Constructs a new AlterPartitionResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AlterPartitionResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AlterPartitionResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** AlterPartitionResponse partitions. */
                    partitions: kz.metadata.admin.v1.AlterPartitionResult.$Properties[];

                    /**
                     * Encodes the specified AlterPartitionResponse message. Does not implicitly {@link kz.metadata.admin.v1.AlterPartitionResponse.verify|verify} messages.
                     * @param message AlterPartitionResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AlterPartitionResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AlterPartitionResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AlterPartitionResponse & kz.metadata.admin.v1.AlterPartitionResponse.$Shape} AlterPartitionResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AlterPartitionResponse & kz.metadata.admin.v1.AlterPartitionResponse.$Shape;
                }

                namespace AlterPartitionResponse {

                    /** Properties of an AlterPartitionResponse. */
                    interface $Properties {

                        /** AlterPartitionResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** AlterPartitionResponse partitions */
                        partitions?: (kz.metadata.admin.v1.AlterPartitionResult.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AlterPartitionResponse. */
                    type $Shape = kz.metadata.admin.v1.AlterPartitionResponse.$Properties;
                }

                /** ElectionType enum. */
                enum ElectionType {

                    /** ELECTION_TYPE_UNSPECIFIED value */
                    ELECTION_TYPE_UNSPECIFIED = 0,

                    /** ELECTION_TYPE_PREFERRED value */
                    ELECTION_TYPE_PREFERRED = 1,

                    /** ELECTION_TYPE_UNCLEAN value */
                    ELECTION_TYPE_UNCLEAN = 2
                }

                /**
                 * Properties of a TopicPartitionList.
                 * @deprecated Use kz.metadata.admin.v1.TopicPartitionList.$Properties instead.
                 */
                interface ITopicPartitionList extends kz.metadata.admin.v1.TopicPartitionList.$Properties {
                }

                /** Represents a TopicPartitionList. */
                class TopicPartitionList {

                    /**
                     * Constructs a new TopicPartitionList.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.TopicPartitionList.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** TopicPartitionList partitions. */
                    partitions: kz.metadata.admin.v1.TopicPartition.$Properties[];

                    /**
                     * Encodes the specified TopicPartitionList message. Does not implicitly {@link kz.metadata.admin.v1.TopicPartitionList.verify|verify} messages.
                     * @param message TopicPartitionList message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.TopicPartitionList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a TopicPartitionList message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.TopicPartitionList & kz.metadata.admin.v1.TopicPartitionList.$Shape} TopicPartitionList
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.TopicPartitionList & kz.metadata.admin.v1.TopicPartitionList.$Shape;
                }

                namespace TopicPartitionList {

                    /** Properties of a TopicPartitionList. */
                    interface $Properties {

                        /** TopicPartitionList partitions */
                        partitions?: (kz.metadata.admin.v1.TopicPartition.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a TopicPartitionList. */
                    type $Shape = kz.metadata.admin.v1.TopicPartitionList.$Properties;
                }

                /**
                 * Properties of an ElectLeadersRequest.
                 * @deprecated Use kz.metadata.admin.v1.ElectLeadersRequest.$Properties instead.
                 */
                interface IElectLeadersRequest extends kz.metadata.admin.v1.ElectLeadersRequest.$Properties {
                }

                /** Represents an ElectLeadersRequest. */
                class ElectLeadersRequest {

                    /**
                     * Constructs a new ElectLeadersRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.ElectLeadersRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** ElectLeadersRequest type. */
                    type: kz.metadata.admin.v1.ElectionType;

                    /** ElectLeadersRequest partitions. */
                    partitions?: (kz.metadata.admin.v1.TopicPartitionList.$Properties|null);

                    /**
                     * Encodes the specified ElectLeadersRequest message. Does not implicitly {@link kz.metadata.admin.v1.ElectLeadersRequest.verify|verify} messages.
                     * @param message ElectLeadersRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.ElectLeadersRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an ElectLeadersRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.ElectLeadersRequest & kz.metadata.admin.v1.ElectLeadersRequest.$Shape} ElectLeadersRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.ElectLeadersRequest & kz.metadata.admin.v1.ElectLeadersRequest.$Shape;
                }

                namespace ElectLeadersRequest {

                    /** Properties of an ElectLeadersRequest. */
                    interface $Properties {

                        /** ElectLeadersRequest type */
                        type?: (kz.metadata.admin.v1.ElectionType|null);

                        /** ElectLeadersRequest partitions */
                        partitions?: (kz.metadata.admin.v1.TopicPartitionList.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an ElectLeadersRequest. */
                    type $Shape = kz.metadata.admin.v1.ElectLeadersRequest.$Properties;
                }

                /**
                 * Properties of an ElectLeadersResponse.
                 * @deprecated Use kz.metadata.admin.v1.ElectLeadersResponse.$Properties instead.
                 */
                interface IElectLeadersResponse extends kz.metadata.admin.v1.ElectLeadersResponse.$Properties {
                }

                /** Represents an ElectLeadersResponse. */
                class ElectLeadersResponse {

                    /**
                     * Constructs a new ElectLeadersResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.ElectLeadersResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** ElectLeadersResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** ElectLeadersResponse partitions. */
                    partitions: kz.metadata.admin.v1.PartitionOutcome.$Properties[];

                    /**
                     * Encodes the specified ElectLeadersResponse message. Does not implicitly {@link kz.metadata.admin.v1.ElectLeadersResponse.verify|verify} messages.
                     * @param message ElectLeadersResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.ElectLeadersResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an ElectLeadersResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.ElectLeadersResponse & kz.metadata.admin.v1.ElectLeadersResponse.$Shape} ElectLeadersResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.ElectLeadersResponse & kz.metadata.admin.v1.ElectLeadersResponse.$Shape;
                }

                namespace ElectLeadersResponse {

                    /** Properties of an ElectLeadersResponse. */
                    interface $Properties {

                        /** ElectLeadersResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** ElectLeadersResponse partitions */
                        partitions?: (kz.metadata.admin.v1.PartitionOutcome.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an ElectLeadersResponse. */
                    type $Shape = kz.metadata.admin.v1.ElectLeadersResponse.$Properties;
                }

                /**
                 * Properties of a Reassignment.
                 * @deprecated Use kz.metadata.admin.v1.Reassignment.$Properties instead.
                 */
                interface IReassignment extends kz.metadata.admin.v1.Reassignment.$Properties {
                }

                /** Represents a Reassignment. */
                class Reassignment {

                    /**
                     * Constructs a new Reassignment.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.Reassignment.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** Reassignment topic. */
                    topic: string;

                    /** Reassignment partitionId. */
                    partitionId: number;

                    /** Reassignment replicas. */
                    replicas?: (kz.metadata.admin.v1.BrokerIdList.$Properties|null);

                    /**
                     * Encodes the specified Reassignment message. Does not implicitly {@link kz.metadata.admin.v1.Reassignment.verify|verify} messages.
                     * @param message Reassignment message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.Reassignment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a Reassignment message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.Reassignment & kz.metadata.admin.v1.Reassignment.$Shape} Reassignment
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.Reassignment & kz.metadata.admin.v1.Reassignment.$Shape;
                }

                namespace Reassignment {

                    /** Properties of a Reassignment. */
                    interface $Properties {

                        /** Reassignment topic */
                        topic?: (string|null);

                        /** Reassignment partitionId */
                        partitionId?: (number|null);

                        /** Reassignment replicas */
                        replicas?: (kz.metadata.admin.v1.BrokerIdList.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a Reassignment. */
                    type $Shape = kz.metadata.admin.v1.Reassignment.$Properties;
                }

                /**
                 * Properties of an AlterPartitionReassignmentsRequest.
                 * @deprecated Use kz.metadata.admin.v1.AlterPartitionReassignmentsRequest.$Properties instead.
                 */
                interface IAlterPartitionReassignmentsRequest extends kz.metadata.admin.v1.AlterPartitionReassignmentsRequest.$Properties {
                }

                /** Represents an AlterPartitionReassignmentsRequest. */
                class AlterPartitionReassignmentsRequest {

                    /**
                     * Constructs a new AlterPartitionReassignmentsRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AlterPartitionReassignmentsRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AlterPartitionReassignmentsRequest reassignments. */
                    reassignments: kz.metadata.admin.v1.Reassignment.$Properties[];

                    /**
                     * Encodes the specified AlterPartitionReassignmentsRequest message. Does not implicitly {@link kz.metadata.admin.v1.AlterPartitionReassignmentsRequest.verify|verify} messages.
                     * @param message AlterPartitionReassignmentsRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AlterPartitionReassignmentsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AlterPartitionReassignmentsRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AlterPartitionReassignmentsRequest & kz.metadata.admin.v1.AlterPartitionReassignmentsRequest.$Shape} AlterPartitionReassignmentsRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AlterPartitionReassignmentsRequest & kz.metadata.admin.v1.AlterPartitionReassignmentsRequest.$Shape;
                }

                namespace AlterPartitionReassignmentsRequest {

                    /** Properties of an AlterPartitionReassignmentsRequest. */
                    interface $Properties {

                        /** AlterPartitionReassignmentsRequest reassignments */
                        reassignments?: (kz.metadata.admin.v1.Reassignment.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AlterPartitionReassignmentsRequest. */
                    type $Shape = kz.metadata.admin.v1.AlterPartitionReassignmentsRequest.$Properties;
                }

                /**
                 * Properties of an AlterPartitionReassignmentsResponse.
                 * @deprecated Use kz.metadata.admin.v1.AlterPartitionReassignmentsResponse.$Properties instead.
                 */
                interface IAlterPartitionReassignmentsResponse extends kz.metadata.admin.v1.AlterPartitionReassignmentsResponse.$Properties {
                }

                /** Represents an AlterPartitionReassignmentsResponse. */
                class AlterPartitionReassignmentsResponse {

                    /**
                     * Constructs a new AlterPartitionReassignmentsResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AlterPartitionReassignmentsResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AlterPartitionReassignmentsResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** AlterPartitionReassignmentsResponse partitions. */
                    partitions: kz.metadata.admin.v1.PartitionOutcome.$Properties[];

                    /**
                     * Encodes the specified AlterPartitionReassignmentsResponse message. Does not implicitly {@link kz.metadata.admin.v1.AlterPartitionReassignmentsResponse.verify|verify} messages.
                     * @param message AlterPartitionReassignmentsResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AlterPartitionReassignmentsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AlterPartitionReassignmentsResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AlterPartitionReassignmentsResponse & kz.metadata.admin.v1.AlterPartitionReassignmentsResponse.$Shape} AlterPartitionReassignmentsResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AlterPartitionReassignmentsResponse & kz.metadata.admin.v1.AlterPartitionReassignmentsResponse.$Shape;
                }

                namespace AlterPartitionReassignmentsResponse {

                    /** Properties of an AlterPartitionReassignmentsResponse. */
                    interface $Properties {

                        /** AlterPartitionReassignmentsResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** AlterPartitionReassignmentsResponse partitions */
                        partitions?: (kz.metadata.admin.v1.PartitionOutcome.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AlterPartitionReassignmentsResponse. */
                    type $Shape = kz.metadata.admin.v1.AlterPartitionReassignmentsResponse.$Properties;
                }

                /**
                 * Properties of a ListPartitionReassignmentsRequest.
                 * @deprecated Use kz.metadata.admin.v1.ListPartitionReassignmentsRequest.$Properties instead.
                 */
                interface IListPartitionReassignmentsRequest extends kz.metadata.admin.v1.ListPartitionReassignmentsRequest.$Properties {
                }

                /** Represents a ListPartitionReassignmentsRequest. */
                class ListPartitionReassignmentsRequest {

                    /**
                     * Constructs a new ListPartitionReassignmentsRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.ListPartitionReassignmentsRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /**
                     * Encodes the specified ListPartitionReassignmentsRequest message. Does not implicitly {@link kz.metadata.admin.v1.ListPartitionReassignmentsRequest.verify|verify} messages.
                     * @param message ListPartitionReassignmentsRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.ListPartitionReassignmentsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a ListPartitionReassignmentsRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.ListPartitionReassignmentsRequest & kz.metadata.admin.v1.ListPartitionReassignmentsRequest.$Shape} ListPartitionReassignmentsRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.ListPartitionReassignmentsRequest & kz.metadata.admin.v1.ListPartitionReassignmentsRequest.$Shape;
                }

                namespace ListPartitionReassignmentsRequest {

                    /** Properties of a ListPartitionReassignmentsRequest. */
                    interface $Properties {

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a ListPartitionReassignmentsRequest. */
                    type $Shape = kz.metadata.admin.v1.ListPartitionReassignmentsRequest.$Properties;
                }

                /**
                 * Properties of an OngoingReassignment.
                 * @deprecated Use kz.metadata.admin.v1.OngoingReassignment.$Properties instead.
                 */
                interface IOngoingReassignment extends kz.metadata.admin.v1.OngoingReassignment.$Properties {
                }

                /** Represents an OngoingReassignment. */
                class OngoingReassignment {

                    /**
                     * Constructs a new OngoingReassignment.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.OngoingReassignment.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** OngoingReassignment topic. */
                    topic: string;

                    /** OngoingReassignment partitionId. */
                    partitionId: number;

                    /** OngoingReassignment replicas. */
                    replicas: number[];

                    /** OngoingReassignment addingReplicas. */
                    addingReplicas: number[];

                    /** OngoingReassignment removingReplicas. */
                    removingReplicas: number[];

                    /**
                     * Encodes the specified OngoingReassignment message. Does not implicitly {@link kz.metadata.admin.v1.OngoingReassignment.verify|verify} messages.
                     * @param message OngoingReassignment message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.OngoingReassignment.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an OngoingReassignment message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.OngoingReassignment & kz.metadata.admin.v1.OngoingReassignment.$Shape} OngoingReassignment
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.OngoingReassignment & kz.metadata.admin.v1.OngoingReassignment.$Shape;
                }

                namespace OngoingReassignment {

                    /** Properties of an OngoingReassignment. */
                    interface $Properties {

                        /** OngoingReassignment topic */
                        topic?: (string|null);

                        /** OngoingReassignment partitionId */
                        partitionId?: (number|null);

                        /** OngoingReassignment replicas */
                        replicas?: (number[]|null);

                        /** OngoingReassignment addingReplicas */
                        addingReplicas?: (number[]|null);

                        /** OngoingReassignment removingReplicas */
                        removingReplicas?: (number[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an OngoingReassignment. */
                    type $Shape = kz.metadata.admin.v1.OngoingReassignment.$Properties;
                }

                /**
                 * Properties of a ListPartitionReassignmentsResponse.
                 * @deprecated Use kz.metadata.admin.v1.ListPartitionReassignmentsResponse.$Properties instead.
                 */
                interface IListPartitionReassignmentsResponse extends kz.metadata.admin.v1.ListPartitionReassignmentsResponse.$Properties {
                }

                /** Represents a ListPartitionReassignmentsResponse. */
                class ListPartitionReassignmentsResponse {

                    /**
                     * Constructs a new ListPartitionReassignmentsResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.ListPartitionReassignmentsResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** ListPartitionReassignmentsResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** ListPartitionReassignmentsResponse reassignments. */
                    reassignments: kz.metadata.admin.v1.OngoingReassignment.$Properties[];

                    /**
                     * Encodes the specified ListPartitionReassignmentsResponse message. Does not implicitly {@link kz.metadata.admin.v1.ListPartitionReassignmentsResponse.verify|verify} messages.
                     * @param message ListPartitionReassignmentsResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.ListPartitionReassignmentsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a ListPartitionReassignmentsResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.ListPartitionReassignmentsResponse & kz.metadata.admin.v1.ListPartitionReassignmentsResponse.$Shape} ListPartitionReassignmentsResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.ListPartitionReassignmentsResponse & kz.metadata.admin.v1.ListPartitionReassignmentsResponse.$Shape;
                }

                namespace ListPartitionReassignmentsResponse {

                    /** Properties of a ListPartitionReassignmentsResponse. */
                    interface $Properties {

                        /** ListPartitionReassignmentsResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** ListPartitionReassignmentsResponse reassignments */
                        reassignments?: (kz.metadata.admin.v1.OngoingReassignment.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a ListPartitionReassignmentsResponse. */
                    type $Shape = kz.metadata.admin.v1.ListPartitionReassignmentsResponse.$Properties;
                }

                /** ConfigOperation enum. */
                enum ConfigOperation {

                    /** CONFIG_OPERATION_UNSPECIFIED value */
                    CONFIG_OPERATION_UNSPECIFIED = 0,

                    /** CONFIG_OPERATION_SET value */
                    CONFIG_OPERATION_SET = 1,

                    /** CONFIG_OPERATION_DELETE value */
                    CONFIG_OPERATION_DELETE = 2,

                    /** CONFIG_OPERATION_APPEND value */
                    CONFIG_OPERATION_APPEND = 3,

                    /** CONFIG_OPERATION_SUBTRACT value */
                    CONFIG_OPERATION_SUBTRACT = 4
                }

                /**
                 * Properties of an AlterableConfig.
                 * @deprecated Use kz.metadata.admin.v1.AlterableConfig.$Properties instead.
                 */
                interface IAlterableConfig extends kz.metadata.admin.v1.AlterableConfig.$Properties {
                }

                /** Represents an AlterableConfig. */
                class AlterableConfig {

                    /**
                     * Constructs a new AlterableConfig.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AlterableConfig.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AlterableConfig name. */
                    name: string;

                    /** AlterableConfig op. */
                    op: kz.metadata.admin.v1.ConfigOperation;

                    /** AlterableConfig value. */
                    value?: (string|null);

                    /**
                     * Encodes the specified AlterableConfig message. Does not implicitly {@link kz.metadata.admin.v1.AlterableConfig.verify|verify} messages.
                     * @param message AlterableConfig message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AlterableConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AlterableConfig message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AlterableConfig & kz.metadata.admin.v1.AlterableConfig.$Shape} AlterableConfig
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AlterableConfig & kz.metadata.admin.v1.AlterableConfig.$Shape;
                }

                namespace AlterableConfig {

                    /** Properties of an AlterableConfig. */
                    interface $Properties {

                        /** AlterableConfig name */
                        name?: (string|null);

                        /** AlterableConfig op */
                        op?: (kz.metadata.admin.v1.ConfigOperation|null);

                        /** AlterableConfig value */
                        value?: (string|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AlterableConfig. */
                    type $Shape = kz.metadata.admin.v1.AlterableConfig.$Properties;
                }

                /**
                 * Properties of an AlterConfigsResource.
                 * @deprecated Use kz.metadata.admin.v1.AlterConfigsResource.$Properties instead.
                 */
                interface IAlterConfigsResource extends kz.metadata.admin.v1.AlterConfigsResource.$Properties {
                }

                /** Represents an AlterConfigsResource. */
                class AlterConfigsResource {

                    /**
                     * Constructs a new AlterConfigsResource.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AlterConfigsResource.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AlterConfigsResource type. */
                    type: kz.metadata.admin.v1.ConfigResourceType;

                    /** AlterConfigsResource name. */
                    name: string;

                    /** AlterConfigsResource changes. */
                    changes: kz.metadata.admin.v1.AlterableConfig.$Properties[];

                    /**
                     * Encodes the specified AlterConfigsResource message. Does not implicitly {@link kz.metadata.admin.v1.AlterConfigsResource.verify|verify} messages.
                     * @param message AlterConfigsResource message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AlterConfigsResource.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AlterConfigsResource message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AlterConfigsResource & kz.metadata.admin.v1.AlterConfigsResource.$Shape} AlterConfigsResource
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AlterConfigsResource & kz.metadata.admin.v1.AlterConfigsResource.$Shape;
                }

                namespace AlterConfigsResource {

                    /** Properties of an AlterConfigsResource. */
                    interface $Properties {

                        /** AlterConfigsResource type */
                        type?: (kz.metadata.admin.v1.ConfigResourceType|null);

                        /** AlterConfigsResource name */
                        name?: (string|null);

                        /** AlterConfigsResource changes */
                        changes?: (kz.metadata.admin.v1.AlterableConfig.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AlterConfigsResource. */
                    type $Shape = kz.metadata.admin.v1.AlterConfigsResource.$Properties;
                }

                /**
                 * Properties of an IncrementalAlterConfigsRequest.
                 * @deprecated Use kz.metadata.admin.v1.IncrementalAlterConfigsRequest.$Properties instead.
                 */
                interface IIncrementalAlterConfigsRequest extends kz.metadata.admin.v1.IncrementalAlterConfigsRequest.$Properties {
                }

                /** Represents an IncrementalAlterConfigsRequest. */
                class IncrementalAlterConfigsRequest {

                    /**
                     * Constructs a new IncrementalAlterConfigsRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.IncrementalAlterConfigsRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** IncrementalAlterConfigsRequest resources. */
                    resources: kz.metadata.admin.v1.AlterConfigsResource.$Properties[];

                    /** IncrementalAlterConfigsRequest validateOnly. */
                    validateOnly: boolean;

                    /**
                     * Encodes the specified IncrementalAlterConfigsRequest message. Does not implicitly {@link kz.metadata.admin.v1.IncrementalAlterConfigsRequest.verify|verify} messages.
                     * @param message IncrementalAlterConfigsRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.IncrementalAlterConfigsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an IncrementalAlterConfigsRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.IncrementalAlterConfigsRequest & kz.metadata.admin.v1.IncrementalAlterConfigsRequest.$Shape} IncrementalAlterConfigsRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.IncrementalAlterConfigsRequest & kz.metadata.admin.v1.IncrementalAlterConfigsRequest.$Shape;
                }

                namespace IncrementalAlterConfigsRequest {

                    /** Properties of an IncrementalAlterConfigsRequest. */
                    interface $Properties {

                        /** IncrementalAlterConfigsRequest resources */
                        resources?: (kz.metadata.admin.v1.AlterConfigsResource.$Properties[]|null);

                        /** IncrementalAlterConfigsRequest validateOnly */
                        validateOnly?: (boolean|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an IncrementalAlterConfigsRequest. */
                    type $Shape = kz.metadata.admin.v1.IncrementalAlterConfigsRequest.$Properties;
                }

                /**
                 * Properties of an AlterConfigsResourceResult.
                 * @deprecated Use kz.metadata.admin.v1.AlterConfigsResourceResult.$Properties instead.
                 */
                interface IAlterConfigsResourceResult extends kz.metadata.admin.v1.AlterConfigsResourceResult.$Properties {
                }

                /** Represents an AlterConfigsResourceResult. */
                class AlterConfigsResourceResult {

                    /**
                     * Constructs a new AlterConfigsResourceResult.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AlterConfigsResourceResult.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AlterConfigsResourceResult type. */
                    type: kz.metadata.admin.v1.ConfigResourceType;

                    /** AlterConfigsResourceResult name. */
                    name: string;

                    /** AlterConfigsResourceResult error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /**
                     * Encodes the specified AlterConfigsResourceResult message. Does not implicitly {@link kz.metadata.admin.v1.AlterConfigsResourceResult.verify|verify} messages.
                     * @param message AlterConfigsResourceResult message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AlterConfigsResourceResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AlterConfigsResourceResult message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AlterConfigsResourceResult & kz.metadata.admin.v1.AlterConfigsResourceResult.$Shape} AlterConfigsResourceResult
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AlterConfigsResourceResult & kz.metadata.admin.v1.AlterConfigsResourceResult.$Shape;
                }

                namespace AlterConfigsResourceResult {

                    /** Properties of an AlterConfigsResourceResult. */
                    interface $Properties {

                        /** AlterConfigsResourceResult type */
                        type?: (kz.metadata.admin.v1.ConfigResourceType|null);

                        /** AlterConfigsResourceResult name */
                        name?: (string|null);

                        /** AlterConfigsResourceResult error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AlterConfigsResourceResult. */
                    type $Shape = kz.metadata.admin.v1.AlterConfigsResourceResult.$Properties;
                }

                /**
                 * Properties of an IncrementalAlterConfigsResponse.
                 * @deprecated Use kz.metadata.admin.v1.IncrementalAlterConfigsResponse.$Properties instead.
                 */
                interface IIncrementalAlterConfigsResponse extends kz.metadata.admin.v1.IncrementalAlterConfigsResponse.$Properties {
                }

                /** Represents an IncrementalAlterConfigsResponse. */
                class IncrementalAlterConfigsResponse {

                    /**
                     * Constructs a new IncrementalAlterConfigsResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.IncrementalAlterConfigsResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** IncrementalAlterConfigsResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** IncrementalAlterConfigsResponse resources. */
                    resources: kz.metadata.admin.v1.AlterConfigsResourceResult.$Properties[];

                    /**
                     * Encodes the specified IncrementalAlterConfigsResponse message. Does not implicitly {@link kz.metadata.admin.v1.IncrementalAlterConfigsResponse.verify|verify} messages.
                     * @param message IncrementalAlterConfigsResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.IncrementalAlterConfigsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an IncrementalAlterConfigsResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.IncrementalAlterConfigsResponse & kz.metadata.admin.v1.IncrementalAlterConfigsResponse.$Shape} IncrementalAlterConfigsResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.IncrementalAlterConfigsResponse & kz.metadata.admin.v1.IncrementalAlterConfigsResponse.$Shape;
                }

                namespace IncrementalAlterConfigsResponse {

                    /** Properties of an IncrementalAlterConfigsResponse. */
                    interface $Properties {

                        /** IncrementalAlterConfigsResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** IncrementalAlterConfigsResponse resources */
                        resources?: (kz.metadata.admin.v1.AlterConfigsResourceResult.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an IncrementalAlterConfigsResponse. */
                    type $Shape = kz.metadata.admin.v1.IncrementalAlterConfigsResponse.$Properties;
                }

                /**
                 * Properties of an AllocateProducerIdsRequest.
                 * @deprecated Use kz.metadata.admin.v1.AllocateProducerIdsRequest.$Properties instead.
                 */
                interface IAllocateProducerIdsRequest extends kz.metadata.admin.v1.AllocateProducerIdsRequest.$Properties {
                }

                /** Represents an AllocateProducerIdsRequest. */
                class AllocateProducerIdsRequest {

                    /**
                     * Constructs a new AllocateProducerIdsRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AllocateProducerIdsRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AllocateProducerIdsRequest brokerId. */
                    brokerId: number;

                    /** AllocateProducerIdsRequest brokerEpoch. */
                    brokerEpoch: (number|Long);

                    /**
                     * Encodes the specified AllocateProducerIdsRequest message. Does not implicitly {@link kz.metadata.admin.v1.AllocateProducerIdsRequest.verify|verify} messages.
                     * @param message AllocateProducerIdsRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AllocateProducerIdsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AllocateProducerIdsRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AllocateProducerIdsRequest & kz.metadata.admin.v1.AllocateProducerIdsRequest.$Shape} AllocateProducerIdsRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AllocateProducerIdsRequest & kz.metadata.admin.v1.AllocateProducerIdsRequest.$Shape;
                }

                namespace AllocateProducerIdsRequest {

                    /** Properties of an AllocateProducerIdsRequest. */
                    interface $Properties {

                        /** AllocateProducerIdsRequest brokerId */
                        brokerId?: (number|null);

                        /** AllocateProducerIdsRequest brokerEpoch */
                        brokerEpoch?: (number|Long|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AllocateProducerIdsRequest. */
                    type $Shape = kz.metadata.admin.v1.AllocateProducerIdsRequest.$Properties;
                }

                /**
                 * Properties of an AllocateProducerIdsResponse.
                 * @deprecated Use kz.metadata.admin.v1.AllocateProducerIdsResponse.$Properties instead.
                 */
                interface IAllocateProducerIdsResponse extends kz.metadata.admin.v1.AllocateProducerIdsResponse.$Properties {
                }

                /** Represents an AllocateProducerIdsResponse. */
                class AllocateProducerIdsResponse {

                    /**
                     * Constructs a new AllocateProducerIdsResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AllocateProducerIdsResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AllocateProducerIdsResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** AllocateProducerIdsResponse firstProducerId. */
                    firstProducerId: (number|Long);

                    /** AllocateProducerIdsResponse count. */
                    count: number;

                    /**
                     * Encodes the specified AllocateProducerIdsResponse message. Does not implicitly {@link kz.metadata.admin.v1.AllocateProducerIdsResponse.verify|verify} messages.
                     * @param message AllocateProducerIdsResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AllocateProducerIdsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AllocateProducerIdsResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AllocateProducerIdsResponse & kz.metadata.admin.v1.AllocateProducerIdsResponse.$Shape} AllocateProducerIdsResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AllocateProducerIdsResponse & kz.metadata.admin.v1.AllocateProducerIdsResponse.$Shape;
                }

                namespace AllocateProducerIdsResponse {

                    /** Properties of an AllocateProducerIdsResponse. */
                    interface $Properties {

                        /** AllocateProducerIdsResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** AllocateProducerIdsResponse firstProducerId */
                        firstProducerId?: (number|Long|null);

                        /** AllocateProducerIdsResponse count */
                        count?: (number|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AllocateProducerIdsResponse. */
                    type $Shape = kz.metadata.admin.v1.AllocateProducerIdsResponse.$Properties;
                }

                /**
                 * Properties of a DescribeClusterRequest.
                 * @deprecated Use kz.metadata.admin.v1.DescribeClusterRequest.$Properties instead.
                 */
                interface IDescribeClusterRequest extends kz.metadata.admin.v1.DescribeClusterRequest.$Properties {
                }

                /** Represents a DescribeClusterRequest. */
                class DescribeClusterRequest {

                    /**
                     * Constructs a new DescribeClusterRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DescribeClusterRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /**
                     * Encodes the specified DescribeClusterRequest message. Does not implicitly {@link kz.metadata.admin.v1.DescribeClusterRequest.verify|verify} messages.
                     * @param message DescribeClusterRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DescribeClusterRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DescribeClusterRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DescribeClusterRequest & kz.metadata.admin.v1.DescribeClusterRequest.$Shape} DescribeClusterRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DescribeClusterRequest & kz.metadata.admin.v1.DescribeClusterRequest.$Shape;
                }

                namespace DescribeClusterRequest {

                    /** Properties of a DescribeClusterRequest. */
                    interface $Properties {

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DescribeClusterRequest. */
                    type $Shape = kz.metadata.admin.v1.DescribeClusterRequest.$Properties;
                }

                /**
                 * Properties of a Broker.
                 * @deprecated Use kz.metadata.admin.v1.Broker.$Properties instead.
                 */
                interface IBroker extends kz.metadata.admin.v1.Broker.$Properties {
                }

                /** Represents a Broker. */
                class Broker {

                    /**
                     * Constructs a new Broker.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.Broker.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** Broker brokerId. */
                    brokerId: number;

                    /** Broker incarnationId. */
                    incarnationId: string;

                    /** Broker brokerEpoch. */
                    brokerEpoch: (number|Long);

                    /** Broker endpoints. */
                    endpoints: kz.metadata.admin.v1.Endpoint.$Properties[];

                    /** Broker rack. */
                    rack?: (string|null);

                    /** Broker fenced. */
                    fenced: boolean;

                    /** Broker inControlledShutdown. */
                    inControlledShutdown: boolean;

                    /**
                     * Encodes the specified Broker message. Does not implicitly {@link kz.metadata.admin.v1.Broker.verify|verify} messages.
                     * @param message Broker message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.Broker.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a Broker message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.Broker & kz.metadata.admin.v1.Broker.$Shape} Broker
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.Broker & kz.metadata.admin.v1.Broker.$Shape;
                }

                namespace Broker {

                    /** Properties of a Broker. */
                    interface $Properties {

                        /** Broker brokerId */
                        brokerId?: (number|null);

                        /** Broker incarnationId */
                        incarnationId?: (string|null);

                        /** Broker brokerEpoch */
                        brokerEpoch?: (number|Long|null);

                        /** Broker endpoints */
                        endpoints?: (kz.metadata.admin.v1.Endpoint.$Properties[]|null);

                        /** Broker rack */
                        rack?: (string|null);

                        /** Broker fenced */
                        fenced?: (boolean|null);

                        /** Broker inControlledShutdown */
                        inControlledShutdown?: (boolean|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a Broker. */
                    type $Shape = kz.metadata.admin.v1.Broker.$Properties;
                }

                /**
                 * Properties of a DescribeClusterResponse.
                 * @deprecated Use kz.metadata.admin.v1.DescribeClusterResponse.$Properties instead.
                 */
                interface IDescribeClusterResponse extends kz.metadata.admin.v1.DescribeClusterResponse.$Properties {
                }

                /** Represents a DescribeClusterResponse. */
                class DescribeClusterResponse {

                    /**
                     * Constructs a new DescribeClusterResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DescribeClusterResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DescribeClusterResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** DescribeClusterResponse clusterId. */
                    clusterId: string;

                    /** DescribeClusterResponse controllerId. */
                    controllerId: number;

                    /** DescribeClusterResponse brokers. */
                    brokers: kz.metadata.admin.v1.Broker.$Properties[];

                    /** DescribeClusterResponse metadataOffset. */
                    metadataOffset: (number|Long);

                    /** DescribeClusterResponse metadataEpoch. */
                    metadataEpoch: (number|Long);

                    /** DescribeClusterResponse nodeId. */
                    nodeId: number;

                    /** DescribeClusterResponse controllers. */
                    controllers: kz.metadata.admin.v1.ControllerEndpoint.$Properties[];

                    /** DescribeClusterResponse offlineReplicas. */
                    offlineReplicas: kz.metadata.admin.v1.BrokerOfflineReplicas.$Properties[];

                    /** DescribeClusterResponse directoryId. */
                    directoryId: string;

                    /** DescribeClusterResponse raftEndpoints. */
                    raftEndpoints: kz.metadata.admin.v1.Endpoint.$Properties[];

                    /**
                     * Encodes the specified DescribeClusterResponse message. Does not implicitly {@link kz.metadata.admin.v1.DescribeClusterResponse.verify|verify} messages.
                     * @param message DescribeClusterResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DescribeClusterResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DescribeClusterResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DescribeClusterResponse & kz.metadata.admin.v1.DescribeClusterResponse.$Shape} DescribeClusterResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DescribeClusterResponse & kz.metadata.admin.v1.DescribeClusterResponse.$Shape;
                }

                namespace DescribeClusterResponse {

                    /** Properties of a DescribeClusterResponse. */
                    interface $Properties {

                        /** DescribeClusterResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** DescribeClusterResponse clusterId */
                        clusterId?: (string|null);

                        /** DescribeClusterResponse controllerId */
                        controllerId?: (number|null);

                        /** DescribeClusterResponse brokers */
                        brokers?: (kz.metadata.admin.v1.Broker.$Properties[]|null);

                        /** DescribeClusterResponse metadataOffset */
                        metadataOffset?: (number|Long|null);

                        /** DescribeClusterResponse metadataEpoch */
                        metadataEpoch?: (number|Long|null);

                        /** DescribeClusterResponse nodeId */
                        nodeId?: (number|null);

                        /** DescribeClusterResponse controllers */
                        controllers?: (kz.metadata.admin.v1.ControllerEndpoint.$Properties[]|null);

                        /** DescribeClusterResponse offlineReplicas */
                        offlineReplicas?: (kz.metadata.admin.v1.BrokerOfflineReplicas.$Properties[]|null);

                        /** DescribeClusterResponse directoryId */
                        directoryId?: (string|null);

                        /** DescribeClusterResponse raftEndpoints */
                        raftEndpoints?: (kz.metadata.admin.v1.Endpoint.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DescribeClusterResponse. */
                    type $Shape = kz.metadata.admin.v1.DescribeClusterResponse.$Properties;
                }

                /**
                 * Properties of a BrokerOfflineReplicas.
                 * @deprecated Use kz.metadata.admin.v1.BrokerOfflineReplicas.$Properties instead.
                 */
                interface IBrokerOfflineReplicas extends kz.metadata.admin.v1.BrokerOfflineReplicas.$Properties {
                }

                /** Represents a BrokerOfflineReplicas. */
                class BrokerOfflineReplicas {

                    /**
                     * Constructs a new BrokerOfflineReplicas.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.BrokerOfflineReplicas.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** BrokerOfflineReplicas brokerId. */
                    brokerId: number;

                    /** BrokerOfflineReplicas count. */
                    count: number;

                    /**
                     * Encodes the specified BrokerOfflineReplicas message. Does not implicitly {@link kz.metadata.admin.v1.BrokerOfflineReplicas.verify|verify} messages.
                     * @param message BrokerOfflineReplicas message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.BrokerOfflineReplicas.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a BrokerOfflineReplicas message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.BrokerOfflineReplicas & kz.metadata.admin.v1.BrokerOfflineReplicas.$Shape} BrokerOfflineReplicas
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.BrokerOfflineReplicas & kz.metadata.admin.v1.BrokerOfflineReplicas.$Shape;
                }

                namespace BrokerOfflineReplicas {

                    /** Properties of a BrokerOfflineReplicas. */
                    interface $Properties {

                        /** BrokerOfflineReplicas brokerId */
                        brokerId?: (number|null);

                        /** BrokerOfflineReplicas count */
                        count?: (number|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a BrokerOfflineReplicas. */
                    type $Shape = kz.metadata.admin.v1.BrokerOfflineReplicas.$Properties;
                }

                /**
                 * Properties of a ControllerEndpoint.
                 * @deprecated Use kz.metadata.admin.v1.ControllerEndpoint.$Properties instead.
                 */
                interface IControllerEndpoint extends kz.metadata.admin.v1.ControllerEndpoint.$Properties {
                }

                /** Represents a ControllerEndpoint. */
                class ControllerEndpoint {

                    /**
                     * Constructs a new ControllerEndpoint.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.ControllerEndpoint.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** ControllerEndpoint nodeId. */
                    nodeId: number;

                    /** ControllerEndpoint address. */
                    address: string;

                    /**
                     * Encodes the specified ControllerEndpoint message. Does not implicitly {@link kz.metadata.admin.v1.ControllerEndpoint.verify|verify} messages.
                     * @param message ControllerEndpoint message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.ControllerEndpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a ControllerEndpoint message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.ControllerEndpoint & kz.metadata.admin.v1.ControllerEndpoint.$Shape} ControllerEndpoint
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.ControllerEndpoint & kz.metadata.admin.v1.ControllerEndpoint.$Shape;
                }

                namespace ControllerEndpoint {

                    /** Properties of a ControllerEndpoint. */
                    interface $Properties {

                        /** ControllerEndpoint nodeId */
                        nodeId?: (number|null);

                        /** ControllerEndpoint address */
                        address?: (string|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a ControllerEndpoint. */
                    type $Shape = kz.metadata.admin.v1.ControllerEndpoint.$Properties;
                }

                /**
                 * Properties of a TopicNameList.
                 * @deprecated Use kz.metadata.admin.v1.TopicNameList.$Properties instead.
                 */
                interface ITopicNameList extends kz.metadata.admin.v1.TopicNameList.$Properties {
                }

                /** Represents a TopicNameList. */
                class TopicNameList {

                    /**
                     * Constructs a new TopicNameList.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.TopicNameList.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** TopicNameList names. */
                    names: string[];

                    /**
                     * Encodes the specified TopicNameList message. Does not implicitly {@link kz.metadata.admin.v1.TopicNameList.verify|verify} messages.
                     * @param message TopicNameList message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.TopicNameList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a TopicNameList message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.TopicNameList & kz.metadata.admin.v1.TopicNameList.$Shape} TopicNameList
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.TopicNameList & kz.metadata.admin.v1.TopicNameList.$Shape;
                }

                namespace TopicNameList {

                    /** Properties of a TopicNameList. */
                    interface $Properties {

                        /** TopicNameList names */
                        names?: (string[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a TopicNameList. */
                    type $Shape = kz.metadata.admin.v1.TopicNameList.$Properties;
                }

                /**
                 * Properties of a DescribeTopicsRequest.
                 * @deprecated Use kz.metadata.admin.v1.DescribeTopicsRequest.$Properties instead.
                 */
                interface IDescribeTopicsRequest extends kz.metadata.admin.v1.DescribeTopicsRequest.$Properties {
                }

                /** Represents a DescribeTopicsRequest. */
                class DescribeTopicsRequest {

                    /**
                     * Constructs a new DescribeTopicsRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DescribeTopicsRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DescribeTopicsRequest topics. */
                    topics?: (kz.metadata.admin.v1.TopicNameList.$Properties|null);

                    /**
                     * Encodes the specified DescribeTopicsRequest message. Does not implicitly {@link kz.metadata.admin.v1.DescribeTopicsRequest.verify|verify} messages.
                     * @param message DescribeTopicsRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DescribeTopicsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DescribeTopicsRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DescribeTopicsRequest & kz.metadata.admin.v1.DescribeTopicsRequest.$Shape} DescribeTopicsRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DescribeTopicsRequest & kz.metadata.admin.v1.DescribeTopicsRequest.$Shape;
                }

                namespace DescribeTopicsRequest {

                    /** Properties of a DescribeTopicsRequest. */
                    interface $Properties {

                        /** DescribeTopicsRequest topics */
                        topics?: (kz.metadata.admin.v1.TopicNameList.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DescribeTopicsRequest. */
                    type $Shape = kz.metadata.admin.v1.DescribeTopicsRequest.$Properties;
                }

                /**
                 * Properties of a PartitionDescription.
                 * @deprecated Use kz.metadata.admin.v1.PartitionDescription.$Properties instead.
                 */
                interface IPartitionDescription extends kz.metadata.admin.v1.PartitionDescription.$Properties {
                }

                /** Represents a PartitionDescription. */
                class PartitionDescription {

                    /**
                     * Constructs a new PartitionDescription.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.PartitionDescription.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** PartitionDescription partitionId. */
                    partitionId: number;

                    /** PartitionDescription leader. */
                    leader: number;

                    /** PartitionDescription leaderEpoch. */
                    leaderEpoch: (number|Long);

                    /** PartitionDescription partitionEpoch. */
                    partitionEpoch: (number|Long);

                    /** PartitionDescription replicas. */
                    replicas: number[];

                    /** PartitionDescription isr. */
                    isr: number[];

                    /** PartitionDescription addingReplicas. */
                    addingReplicas: number[];

                    /** PartitionDescription removingReplicas. */
                    removingReplicas: number[];

                    /** PartitionDescription eligibleLeaderReplicas. */
                    eligibleLeaderReplicas: number[];

                    /** PartitionDescription lastKnownElr. */
                    lastKnownElr: number[];

                    /**
                     * Encodes the specified PartitionDescription message. Does not implicitly {@link kz.metadata.admin.v1.PartitionDescription.verify|verify} messages.
                     * @param message PartitionDescription message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.PartitionDescription.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a PartitionDescription message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.PartitionDescription & kz.metadata.admin.v1.PartitionDescription.$Shape} PartitionDescription
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.PartitionDescription & kz.metadata.admin.v1.PartitionDescription.$Shape;
                }

                namespace PartitionDescription {

                    /** Properties of a PartitionDescription. */
                    interface $Properties {

                        /** PartitionDescription partitionId */
                        partitionId?: (number|null);

                        /** PartitionDescription leader */
                        leader?: (number|null);

                        /** PartitionDescription leaderEpoch */
                        leaderEpoch?: (number|Long|null);

                        /** PartitionDescription partitionEpoch */
                        partitionEpoch?: (number|Long|null);

                        /** PartitionDescription replicas */
                        replicas?: (number[]|null);

                        /** PartitionDescription isr */
                        isr?: (number[]|null);

                        /** PartitionDescription addingReplicas */
                        addingReplicas?: (number[]|null);

                        /** PartitionDescription removingReplicas */
                        removingReplicas?: (number[]|null);

                        /** PartitionDescription eligibleLeaderReplicas */
                        eligibleLeaderReplicas?: (number[]|null);

                        /** PartitionDescription lastKnownElr */
                        lastKnownElr?: (number[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a PartitionDescription. */
                    type $Shape = kz.metadata.admin.v1.PartitionDescription.$Properties;
                }

                /**
                 * Properties of a TopicDescription.
                 * @deprecated Use kz.metadata.admin.v1.TopicDescription.$Properties instead.
                 */
                interface ITopicDescription extends kz.metadata.admin.v1.TopicDescription.$Properties {
                }

                /** Represents a TopicDescription. */
                class TopicDescription {

                    /**
                     * Constructs a new TopicDescription.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.TopicDescription.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** TopicDescription name. */
                    name: string;

                    /** TopicDescription error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** TopicDescription topicId. */
                    topicId?: (string|null);

                    /** TopicDescription partitions. */
                    partitions: kz.metadata.admin.v1.PartitionDescription.$Properties[];

                    /**
                     * Encodes the specified TopicDescription message. Does not implicitly {@link kz.metadata.admin.v1.TopicDescription.verify|verify} messages.
                     * @param message TopicDescription message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.TopicDescription.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a TopicDescription message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.TopicDescription & kz.metadata.admin.v1.TopicDescription.$Shape} TopicDescription
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.TopicDescription & kz.metadata.admin.v1.TopicDescription.$Shape;
                }

                namespace TopicDescription {

                    /** Properties of a TopicDescription. */
                    interface $Properties {

                        /** TopicDescription name */
                        name?: (string|null);

                        /** TopicDescription error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** TopicDescription topicId */
                        topicId?: (string|null);

                        /** TopicDescription partitions */
                        partitions?: (kz.metadata.admin.v1.PartitionDescription.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a TopicDescription. */
                    type $Shape = kz.metadata.admin.v1.TopicDescription.$Properties;
                }

                /**
                 * Properties of a DescribeTopicsResponse.
                 * @deprecated Use kz.metadata.admin.v1.DescribeTopicsResponse.$Properties instead.
                 */
                interface IDescribeTopicsResponse extends kz.metadata.admin.v1.DescribeTopicsResponse.$Properties {
                }

                /** Represents a DescribeTopicsResponse. */
                class DescribeTopicsResponse {

                    /**
                     * Constructs a new DescribeTopicsResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DescribeTopicsResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DescribeTopicsResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** DescribeTopicsResponse topics. */
                    topics: kz.metadata.admin.v1.TopicDescription.$Properties[];

                    /** DescribeTopicsResponse metadataOffset. */
                    metadataOffset: (number|Long);

                    /**
                     * Encodes the specified DescribeTopicsResponse message. Does not implicitly {@link kz.metadata.admin.v1.DescribeTopicsResponse.verify|verify} messages.
                     * @param message DescribeTopicsResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DescribeTopicsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DescribeTopicsResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DescribeTopicsResponse & kz.metadata.admin.v1.DescribeTopicsResponse.$Shape} DescribeTopicsResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DescribeTopicsResponse & kz.metadata.admin.v1.DescribeTopicsResponse.$Shape;
                }

                namespace DescribeTopicsResponse {

                    /** Properties of a DescribeTopicsResponse. */
                    interface $Properties {

                        /** DescribeTopicsResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** DescribeTopicsResponse topics */
                        topics?: (kz.metadata.admin.v1.TopicDescription.$Properties[]|null);

                        /** DescribeTopicsResponse metadataOffset */
                        metadataOffset?: (number|Long|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DescribeTopicsResponse. */
                    type $Shape = kz.metadata.admin.v1.DescribeTopicsResponse.$Properties;
                }

                /**
                 * Properties of a ConfigResource.
                 * @deprecated Use kz.metadata.admin.v1.ConfigResource.$Properties instead.
                 */
                interface IConfigResource extends kz.metadata.admin.v1.ConfigResource.$Properties {
                }

                /** Represents a ConfigResource. */
                class ConfigResource {

                    /**
                     * Constructs a new ConfigResource.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.ConfigResource.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** ConfigResource type. */
                    type: kz.metadata.admin.v1.ConfigResourceType;

                    /** ConfigResource name. */
                    name: string;

                    /**
                     * Encodes the specified ConfigResource message. Does not implicitly {@link kz.metadata.admin.v1.ConfigResource.verify|verify} messages.
                     * @param message ConfigResource message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.ConfigResource.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a ConfigResource message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.ConfigResource & kz.metadata.admin.v1.ConfigResource.$Shape} ConfigResource
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.ConfigResource & kz.metadata.admin.v1.ConfigResource.$Shape;
                }

                namespace ConfigResource {

                    /** Properties of a ConfigResource. */
                    interface $Properties {

                        /** ConfigResource type */
                        type?: (kz.metadata.admin.v1.ConfigResourceType|null);

                        /** ConfigResource name */
                        name?: (string|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a ConfigResource. */
                    type $Shape = kz.metadata.admin.v1.ConfigResource.$Properties;
                }

                /**
                 * Properties of a DescribeConfigsRequest.
                 * @deprecated Use kz.metadata.admin.v1.DescribeConfigsRequest.$Properties instead.
                 */
                interface IDescribeConfigsRequest extends kz.metadata.admin.v1.DescribeConfigsRequest.$Properties {
                }

                /** Represents a DescribeConfigsRequest. */
                class DescribeConfigsRequest {

                    /**
                     * Constructs a new DescribeConfigsRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DescribeConfigsRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DescribeConfigsRequest resources. */
                    resources: kz.metadata.admin.v1.ConfigResource.$Properties[];

                    /**
                     * Encodes the specified DescribeConfigsRequest message. Does not implicitly {@link kz.metadata.admin.v1.DescribeConfigsRequest.verify|verify} messages.
                     * @param message DescribeConfigsRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DescribeConfigsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DescribeConfigsRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DescribeConfigsRequest & kz.metadata.admin.v1.DescribeConfigsRequest.$Shape} DescribeConfigsRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DescribeConfigsRequest & kz.metadata.admin.v1.DescribeConfigsRequest.$Shape;
                }

                namespace DescribeConfigsRequest {

                    /** Properties of a DescribeConfigsRequest. */
                    interface $Properties {

                        /** DescribeConfigsRequest resources */
                        resources?: (kz.metadata.admin.v1.ConfigResource.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DescribeConfigsRequest. */
                    type $Shape = kz.metadata.admin.v1.DescribeConfigsRequest.$Properties;
                }

                /** ConfigSource enum. */
                enum ConfigSource {

                    /** CONFIG_SOURCE_UNKNOWN value */
                    CONFIG_SOURCE_UNKNOWN = 0,

                    /** CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG value */
                    CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG = 1,

                    /** CONFIG_SOURCE_DYNAMIC_BROKER_CONFIG value */
                    CONFIG_SOURCE_DYNAMIC_BROKER_CONFIG = 2,

                    /** CONFIG_SOURCE_DYNAMIC_DEFAULT_BROKER_CONFIG value */
                    CONFIG_SOURCE_DYNAMIC_DEFAULT_BROKER_CONFIG = 3,

                    /** CONFIG_SOURCE_STATIC_BROKER_CONFIG value */
                    CONFIG_SOURCE_STATIC_BROKER_CONFIG = 4,

                    /** CONFIG_SOURCE_DEFAULT_CONFIG value */
                    CONFIG_SOURCE_DEFAULT_CONFIG = 5
                }

                /**
                 * Properties of a DescribedConfig.
                 * @deprecated Use kz.metadata.admin.v1.DescribedConfig.$Properties instead.
                 */
                interface IDescribedConfig extends kz.metadata.admin.v1.DescribedConfig.$Properties {
                }

                /** Represents a DescribedConfig. */
                class DescribedConfig {

                    /**
                     * Constructs a new DescribedConfig.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DescribedConfig.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DescribedConfig name. */
                    name: string;

                    /** DescribedConfig value. */
                    value?: (string|null);

                    /** DescribedConfig source. */
                    source: kz.metadata.admin.v1.ConfigSource;

                    /** DescribedConfig readOnly. */
                    readOnly: boolean;

                    /** DescribedConfig sensitive. */
                    sensitive: boolean;

                    /**
                     * Encodes the specified DescribedConfig message. Does not implicitly {@link kz.metadata.admin.v1.DescribedConfig.verify|verify} messages.
                     * @param message DescribedConfig message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DescribedConfig.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DescribedConfig message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DescribedConfig & kz.metadata.admin.v1.DescribedConfig.$Shape} DescribedConfig
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DescribedConfig & kz.metadata.admin.v1.DescribedConfig.$Shape;
                }

                namespace DescribedConfig {

                    /** Properties of a DescribedConfig. */
                    interface $Properties {

                        /** DescribedConfig name */
                        name?: (string|null);

                        /** DescribedConfig value */
                        value?: (string|null);

                        /** DescribedConfig source */
                        source?: (kz.metadata.admin.v1.ConfigSource|null);

                        /** DescribedConfig readOnly */
                        readOnly?: (boolean|null);

                        /** DescribedConfig sensitive */
                        sensitive?: (boolean|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DescribedConfig. */
                    type $Shape = kz.metadata.admin.v1.DescribedConfig.$Properties;
                }

                /**
                 * Properties of a DescribeConfigsResult.
                 * @deprecated Use kz.metadata.admin.v1.DescribeConfigsResult.$Properties instead.
                 */
                interface IDescribeConfigsResult extends kz.metadata.admin.v1.DescribeConfigsResult.$Properties {
                }

                /** Represents a DescribeConfigsResult. */
                class DescribeConfigsResult {

                    /**
                     * Constructs a new DescribeConfigsResult.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DescribeConfigsResult.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DescribeConfigsResult type. */
                    type: kz.metadata.admin.v1.ConfigResourceType;

                    /** DescribeConfigsResult name. */
                    name: string;

                    /** DescribeConfigsResult error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** DescribeConfigsResult configs. */
                    configs: kz.metadata.admin.v1.DescribedConfig.$Properties[];

                    /**
                     * Encodes the specified DescribeConfigsResult message. Does not implicitly {@link kz.metadata.admin.v1.DescribeConfigsResult.verify|verify} messages.
                     * @param message DescribeConfigsResult message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DescribeConfigsResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DescribeConfigsResult message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DescribeConfigsResult & kz.metadata.admin.v1.DescribeConfigsResult.$Shape} DescribeConfigsResult
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DescribeConfigsResult & kz.metadata.admin.v1.DescribeConfigsResult.$Shape;
                }

                namespace DescribeConfigsResult {

                    /** Properties of a DescribeConfigsResult. */
                    interface $Properties {

                        /** DescribeConfigsResult type */
                        type?: (kz.metadata.admin.v1.ConfigResourceType|null);

                        /** DescribeConfigsResult name */
                        name?: (string|null);

                        /** DescribeConfigsResult error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** DescribeConfigsResult configs */
                        configs?: (kz.metadata.admin.v1.DescribedConfig.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DescribeConfigsResult. */
                    type $Shape = kz.metadata.admin.v1.DescribeConfigsResult.$Properties;
                }

                /**
                 * Properties of a DescribeConfigsResponse.
                 * @deprecated Use kz.metadata.admin.v1.DescribeConfigsResponse.$Properties instead.
                 */
                interface IDescribeConfigsResponse extends kz.metadata.admin.v1.DescribeConfigsResponse.$Properties {
                }

                /** Represents a DescribeConfigsResponse. */
                class DescribeConfigsResponse {

                    /**
                     * Constructs a new DescribeConfigsResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DescribeConfigsResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DescribeConfigsResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** DescribeConfigsResponse resources. */
                    resources: kz.metadata.admin.v1.DescribeConfigsResult.$Properties[];

                    /**
                     * Encodes the specified DescribeConfigsResponse message. Does not implicitly {@link kz.metadata.admin.v1.DescribeConfigsResponse.verify|verify} messages.
                     * @param message DescribeConfigsResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DescribeConfigsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DescribeConfigsResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DescribeConfigsResponse & kz.metadata.admin.v1.DescribeConfigsResponse.$Shape} DescribeConfigsResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DescribeConfigsResponse & kz.metadata.admin.v1.DescribeConfigsResponse.$Shape;
                }

                namespace DescribeConfigsResponse {

                    /** Properties of a DescribeConfigsResponse. */
                    interface $Properties {

                        /** DescribeConfigsResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** DescribeConfigsResponse resources */
                        resources?: (kz.metadata.admin.v1.DescribeConfigsResult.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DescribeConfigsResponse. */
                    type $Shape = kz.metadata.admin.v1.DescribeConfigsResponse.$Properties;
                }

                /**
                 * Properties of a DescribeQuorumRequest.
                 * @deprecated Use kz.metadata.admin.v1.DescribeQuorumRequest.$Properties instead.
                 */
                interface IDescribeQuorumRequest extends kz.metadata.admin.v1.DescribeQuorumRequest.$Properties {
                }

                /** Represents a DescribeQuorumRequest. */
                class DescribeQuorumRequest {

                    /**
                     * Constructs a new DescribeQuorumRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DescribeQuorumRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /**
                     * Encodes the specified DescribeQuorumRequest message. Does not implicitly {@link kz.metadata.admin.v1.DescribeQuorumRequest.verify|verify} messages.
                     * @param message DescribeQuorumRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DescribeQuorumRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DescribeQuorumRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DescribeQuorumRequest & kz.metadata.admin.v1.DescribeQuorumRequest.$Shape} DescribeQuorumRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DescribeQuorumRequest & kz.metadata.admin.v1.DescribeQuorumRequest.$Shape;
                }

                namespace DescribeQuorumRequest {

                    /** Properties of a DescribeQuorumRequest. */
                    interface $Properties {

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DescribeQuorumRequest. */
                    type $Shape = kz.metadata.admin.v1.DescribeQuorumRequest.$Properties;
                }

                /**
                 * Properties of a ReplicaState.
                 * @deprecated Use kz.metadata.admin.v1.ReplicaState.$Properties instead.
                 */
                interface IReplicaState extends kz.metadata.admin.v1.ReplicaState.$Properties {
                }

                /** Represents a ReplicaState. */
                class ReplicaState {

                    /**
                     * Constructs a new ReplicaState.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.ReplicaState.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** ReplicaState nodeId. */
                    nodeId: number;

                    /** ReplicaState logEndOffset. */
                    logEndOffset: (number|Long);

                    /** ReplicaState lastFetchTimestamp. */
                    lastFetchTimestamp: (number|Long);

                    /** ReplicaState lastCaughtUpTimestamp. */
                    lastCaughtUpTimestamp: (number|Long);

                    /** ReplicaState directoryId. */
                    directoryId: string;

                    /**
                     * Encodes the specified ReplicaState message. Does not implicitly {@link kz.metadata.admin.v1.ReplicaState.verify|verify} messages.
                     * @param message ReplicaState message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.ReplicaState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a ReplicaState message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.ReplicaState & kz.metadata.admin.v1.ReplicaState.$Shape} ReplicaState
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.ReplicaState & kz.metadata.admin.v1.ReplicaState.$Shape;
                }

                namespace ReplicaState {

                    /** Properties of a ReplicaState. */
                    interface $Properties {

                        /** ReplicaState nodeId */
                        nodeId?: (number|null);

                        /** ReplicaState logEndOffset */
                        logEndOffset?: (number|Long|null);

                        /** ReplicaState lastFetchTimestamp */
                        lastFetchTimestamp?: (number|Long|null);

                        /** ReplicaState lastCaughtUpTimestamp */
                        lastCaughtUpTimestamp?: (number|Long|null);

                        /** ReplicaState directoryId */
                        directoryId?: (string|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a ReplicaState. */
                    type $Shape = kz.metadata.admin.v1.ReplicaState.$Properties;
                }

                /**
                 * Properties of a DescribeQuorumResponse.
                 * @deprecated Use kz.metadata.admin.v1.DescribeQuorumResponse.$Properties instead.
                 */
                interface IDescribeQuorumResponse extends kz.metadata.admin.v1.DescribeQuorumResponse.$Properties {
                }

                /** Represents a DescribeQuorumResponse. */
                class DescribeQuorumResponse {

                    /**
                     * Constructs a new DescribeQuorumResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DescribeQuorumResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DescribeQuorumResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** DescribeQuorumResponse leaderId. */
                    leaderId: number;

                    /** DescribeQuorumResponse epoch. */
                    epoch: (number|Long);

                    /** DescribeQuorumResponse highWatermark. */
                    highWatermark: (number|Long);

                    /** DescribeQuorumResponse voters. */
                    voters: kz.metadata.admin.v1.ReplicaState.$Properties[];

                    /** DescribeQuorumResponse observers. */
                    observers: kz.metadata.admin.v1.ReplicaState.$Properties[];

                    /**
                     * Encodes the specified DescribeQuorumResponse message. Does not implicitly {@link kz.metadata.admin.v1.DescribeQuorumResponse.verify|verify} messages.
                     * @param message DescribeQuorumResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DescribeQuorumResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DescribeQuorumResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DescribeQuorumResponse & kz.metadata.admin.v1.DescribeQuorumResponse.$Shape} DescribeQuorumResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DescribeQuorumResponse & kz.metadata.admin.v1.DescribeQuorumResponse.$Shape;
                }

                namespace DescribeQuorumResponse {

                    /** Properties of a DescribeQuorumResponse. */
                    interface $Properties {

                        /** DescribeQuorumResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** DescribeQuorumResponse leaderId */
                        leaderId?: (number|null);

                        /** DescribeQuorumResponse epoch */
                        epoch?: (number|Long|null);

                        /** DescribeQuorumResponse highWatermark */
                        highWatermark?: (number|Long|null);

                        /** DescribeQuorumResponse voters */
                        voters?: (kz.metadata.admin.v1.ReplicaState.$Properties[]|null);

                        /** DescribeQuorumResponse observers */
                        observers?: (kz.metadata.admin.v1.ReplicaState.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DescribeQuorumResponse. */
                    type $Shape = kz.metadata.admin.v1.DescribeQuorumResponse.$Properties;
                }

                /**
                 * Properties of a ScramCredentialDeletion.
                 * @deprecated Use kz.metadata.admin.v1.ScramCredentialDeletion.$Properties instead.
                 */
                interface IScramCredentialDeletion extends kz.metadata.admin.v1.ScramCredentialDeletion.$Properties {
                }

                /** Represents a ScramCredentialDeletion. */
                class ScramCredentialDeletion {

                    /**
                     * Constructs a new ScramCredentialDeletion.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.ScramCredentialDeletion.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** ScramCredentialDeletion name. */
                    name: string;

                    /** ScramCredentialDeletion mechanism. */
                    mechanism: number;

                    /**
                     * Encodes the specified ScramCredentialDeletion message. Does not implicitly {@link kz.metadata.admin.v1.ScramCredentialDeletion.verify|verify} messages.
                     * @param message ScramCredentialDeletion message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.ScramCredentialDeletion.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a ScramCredentialDeletion message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.ScramCredentialDeletion & kz.metadata.admin.v1.ScramCredentialDeletion.$Shape} ScramCredentialDeletion
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.ScramCredentialDeletion & kz.metadata.admin.v1.ScramCredentialDeletion.$Shape;
                }

                namespace ScramCredentialDeletion {

                    /** Properties of a ScramCredentialDeletion. */
                    interface $Properties {

                        /** ScramCredentialDeletion name */
                        name?: (string|null);

                        /** ScramCredentialDeletion mechanism */
                        mechanism?: (number|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a ScramCredentialDeletion. */
                    type $Shape = kz.metadata.admin.v1.ScramCredentialDeletion.$Properties;
                }

                /**
                 * Properties of a ScramCredentialUpsertion.
                 * @deprecated Use kz.metadata.admin.v1.ScramCredentialUpsertion.$Properties instead.
                 */
                interface IScramCredentialUpsertion extends kz.metadata.admin.v1.ScramCredentialUpsertion.$Properties {
                }

                /** Represents a ScramCredentialUpsertion. */
                class ScramCredentialUpsertion {

                    /**
                     * Constructs a new ScramCredentialUpsertion.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.ScramCredentialUpsertion.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** ScramCredentialUpsertion name. */
                    name: string;

                    /** ScramCredentialUpsertion mechanism. */
                    mechanism: number;

                    /** ScramCredentialUpsertion iterations. */
                    iterations: number;

                    /** ScramCredentialUpsertion salt. */
                    salt: Uint8Array;

                    /** ScramCredentialUpsertion saltedPassword. */
                    saltedPassword: Uint8Array;

                    /**
                     * Encodes the specified ScramCredentialUpsertion message. Does not implicitly {@link kz.metadata.admin.v1.ScramCredentialUpsertion.verify|verify} messages.
                     * @param message ScramCredentialUpsertion message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.ScramCredentialUpsertion.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a ScramCredentialUpsertion message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.ScramCredentialUpsertion & kz.metadata.admin.v1.ScramCredentialUpsertion.$Shape} ScramCredentialUpsertion
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.ScramCredentialUpsertion & kz.metadata.admin.v1.ScramCredentialUpsertion.$Shape;
                }

                namespace ScramCredentialUpsertion {

                    /** Properties of a ScramCredentialUpsertion. */
                    interface $Properties {

                        /** ScramCredentialUpsertion name */
                        name?: (string|null);

                        /** ScramCredentialUpsertion mechanism */
                        mechanism?: (number|null);

                        /** ScramCredentialUpsertion iterations */
                        iterations?: (number|null);

                        /** ScramCredentialUpsertion salt */
                        salt?: (Uint8Array|null);

                        /** ScramCredentialUpsertion saltedPassword */
                        saltedPassword?: (Uint8Array|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a ScramCredentialUpsertion. */
                    type $Shape = kz.metadata.admin.v1.ScramCredentialUpsertion.$Properties;
                }

                /**
                 * Properties of an AlterUserScramCredentialsRequest.
                 * @deprecated Use kz.metadata.admin.v1.AlterUserScramCredentialsRequest.$Properties instead.
                 */
                interface IAlterUserScramCredentialsRequest extends kz.metadata.admin.v1.AlterUserScramCredentialsRequest.$Properties {
                }

                /** Represents an AlterUserScramCredentialsRequest. */
                class AlterUserScramCredentialsRequest {

                    /**
                     * Constructs a new AlterUserScramCredentialsRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AlterUserScramCredentialsRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AlterUserScramCredentialsRequest deletions. */
                    deletions: kz.metadata.admin.v1.ScramCredentialDeletion.$Properties[];

                    /** AlterUserScramCredentialsRequest upsertions. */
                    upsertions: kz.metadata.admin.v1.ScramCredentialUpsertion.$Properties[];

                    /**
                     * Encodes the specified AlterUserScramCredentialsRequest message. Does not implicitly {@link kz.metadata.admin.v1.AlterUserScramCredentialsRequest.verify|verify} messages.
                     * @param message AlterUserScramCredentialsRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AlterUserScramCredentialsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AlterUserScramCredentialsRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AlterUserScramCredentialsRequest & kz.metadata.admin.v1.AlterUserScramCredentialsRequest.$Shape} AlterUserScramCredentialsRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AlterUserScramCredentialsRequest & kz.metadata.admin.v1.AlterUserScramCredentialsRequest.$Shape;
                }

                namespace AlterUserScramCredentialsRequest {

                    /** Properties of an AlterUserScramCredentialsRequest. */
                    interface $Properties {

                        /** AlterUserScramCredentialsRequest deletions */
                        deletions?: (kz.metadata.admin.v1.ScramCredentialDeletion.$Properties[]|null);

                        /** AlterUserScramCredentialsRequest upsertions */
                        upsertions?: (kz.metadata.admin.v1.ScramCredentialUpsertion.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AlterUserScramCredentialsRequest. */
                    type $Shape = kz.metadata.admin.v1.AlterUserScramCredentialsRequest.$Properties;
                }

                /**
                 * Properties of a UserOutcome.
                 * @deprecated Use kz.metadata.admin.v1.UserOutcome.$Properties instead.
                 */
                interface IUserOutcome extends kz.metadata.admin.v1.UserOutcome.$Properties {
                }

                /** Represents a UserOutcome. */
                class UserOutcome {

                    /**
                     * Constructs a new UserOutcome.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.UserOutcome.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** UserOutcome user. */
                    user: string;

                    /** UserOutcome error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /**
                     * Encodes the specified UserOutcome message. Does not implicitly {@link kz.metadata.admin.v1.UserOutcome.verify|verify} messages.
                     * @param message UserOutcome message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.UserOutcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a UserOutcome message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.UserOutcome & kz.metadata.admin.v1.UserOutcome.$Shape} UserOutcome
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.UserOutcome & kz.metadata.admin.v1.UserOutcome.$Shape;
                }

                namespace UserOutcome {

                    /** Properties of a UserOutcome. */
                    interface $Properties {

                        /** UserOutcome user */
                        user?: (string|null);

                        /** UserOutcome error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a UserOutcome. */
                    type $Shape = kz.metadata.admin.v1.UserOutcome.$Properties;
                }

                /**
                 * Properties of an AlterUserScramCredentialsResponse.
                 * @deprecated Use kz.metadata.admin.v1.AlterUserScramCredentialsResponse.$Properties instead.
                 */
                interface IAlterUserScramCredentialsResponse extends kz.metadata.admin.v1.AlterUserScramCredentialsResponse.$Properties {
                }

                /** Represents an AlterUserScramCredentialsResponse. */
                class AlterUserScramCredentialsResponse {

                    /**
                     * Constructs a new AlterUserScramCredentialsResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AlterUserScramCredentialsResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AlterUserScramCredentialsResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** AlterUserScramCredentialsResponse results. */
                    results: kz.metadata.admin.v1.UserOutcome.$Properties[];

                    /**
                     * Encodes the specified AlterUserScramCredentialsResponse message. Does not implicitly {@link kz.metadata.admin.v1.AlterUserScramCredentialsResponse.verify|verify} messages.
                     * @param message AlterUserScramCredentialsResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AlterUserScramCredentialsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AlterUserScramCredentialsResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AlterUserScramCredentialsResponse & kz.metadata.admin.v1.AlterUserScramCredentialsResponse.$Shape} AlterUserScramCredentialsResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AlterUserScramCredentialsResponse & kz.metadata.admin.v1.AlterUserScramCredentialsResponse.$Shape;
                }

                namespace AlterUserScramCredentialsResponse {

                    /** Properties of an AlterUserScramCredentialsResponse. */
                    interface $Properties {

                        /** AlterUserScramCredentialsResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** AlterUserScramCredentialsResponse results */
                        results?: (kz.metadata.admin.v1.UserOutcome.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AlterUserScramCredentialsResponse. */
                    type $Shape = kz.metadata.admin.v1.AlterUserScramCredentialsResponse.$Properties;
                }

                /**
                 * Properties of a UserNameList.
                 * @deprecated Use kz.metadata.admin.v1.UserNameList.$Properties instead.
                 */
                interface IUserNameList extends kz.metadata.admin.v1.UserNameList.$Properties {
                }

                /** Represents a UserNameList. */
                class UserNameList {

                    /**
                     * Constructs a new UserNameList.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.UserNameList.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** UserNameList names. */
                    names: string[];

                    /**
                     * Encodes the specified UserNameList message. Does not implicitly {@link kz.metadata.admin.v1.UserNameList.verify|verify} messages.
                     * @param message UserNameList message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.UserNameList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a UserNameList message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.UserNameList & kz.metadata.admin.v1.UserNameList.$Shape} UserNameList
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.UserNameList & kz.metadata.admin.v1.UserNameList.$Shape;
                }

                namespace UserNameList {

                    /** Properties of a UserNameList. */
                    interface $Properties {

                        /** UserNameList names */
                        names?: (string[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a UserNameList. */
                    type $Shape = kz.metadata.admin.v1.UserNameList.$Properties;
                }

                /**
                 * Properties of a DescribeUserScramCredentialsRequest.
                 * @deprecated Use kz.metadata.admin.v1.DescribeUserScramCredentialsRequest.$Properties instead.
                 */
                interface IDescribeUserScramCredentialsRequest extends kz.metadata.admin.v1.DescribeUserScramCredentialsRequest.$Properties {
                }

                /** Represents a DescribeUserScramCredentialsRequest. */
                class DescribeUserScramCredentialsRequest {

                    /**
                     * Constructs a new DescribeUserScramCredentialsRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DescribeUserScramCredentialsRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DescribeUserScramCredentialsRequest users. */
                    users?: (kz.metadata.admin.v1.UserNameList.$Properties|null);

                    /**
                     * Encodes the specified DescribeUserScramCredentialsRequest message. Does not implicitly {@link kz.metadata.admin.v1.DescribeUserScramCredentialsRequest.verify|verify} messages.
                     * @param message DescribeUserScramCredentialsRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DescribeUserScramCredentialsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DescribeUserScramCredentialsRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DescribeUserScramCredentialsRequest & kz.metadata.admin.v1.DescribeUserScramCredentialsRequest.$Shape} DescribeUserScramCredentialsRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DescribeUserScramCredentialsRequest & kz.metadata.admin.v1.DescribeUserScramCredentialsRequest.$Shape;
                }

                namespace DescribeUserScramCredentialsRequest {

                    /** Properties of a DescribeUserScramCredentialsRequest. */
                    interface $Properties {

                        /** DescribeUserScramCredentialsRequest users */
                        users?: (kz.metadata.admin.v1.UserNameList.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DescribeUserScramCredentialsRequest. */
                    type $Shape = kz.metadata.admin.v1.DescribeUserScramCredentialsRequest.$Properties;
                }

                /**
                 * Properties of a ScramCredentialInfo.
                 * @deprecated Use kz.metadata.admin.v1.ScramCredentialInfo.$Properties instead.
                 */
                interface IScramCredentialInfo extends kz.metadata.admin.v1.ScramCredentialInfo.$Properties {
                }

                /** Represents a ScramCredentialInfo. */
                class ScramCredentialInfo {

                    /**
                     * Constructs a new ScramCredentialInfo.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.ScramCredentialInfo.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** ScramCredentialInfo mechanism. */
                    mechanism: number;

                    /** ScramCredentialInfo iterations. */
                    iterations: number;

                    /**
                     * Encodes the specified ScramCredentialInfo message. Does not implicitly {@link kz.metadata.admin.v1.ScramCredentialInfo.verify|verify} messages.
                     * @param message ScramCredentialInfo message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.ScramCredentialInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a ScramCredentialInfo message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.ScramCredentialInfo & kz.metadata.admin.v1.ScramCredentialInfo.$Shape} ScramCredentialInfo
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.ScramCredentialInfo & kz.metadata.admin.v1.ScramCredentialInfo.$Shape;
                }

                namespace ScramCredentialInfo {

                    /** Properties of a ScramCredentialInfo. */
                    interface $Properties {

                        /** ScramCredentialInfo mechanism */
                        mechanism?: (number|null);

                        /** ScramCredentialInfo iterations */
                        iterations?: (number|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a ScramCredentialInfo. */
                    type $Shape = kz.metadata.admin.v1.ScramCredentialInfo.$Properties;
                }

                /**
                 * Properties of a UserScramCredentials.
                 * @deprecated Use kz.metadata.admin.v1.UserScramCredentials.$Properties instead.
                 */
                interface IUserScramCredentials extends kz.metadata.admin.v1.UserScramCredentials.$Properties {
                }

                /** Represents a UserScramCredentials. */
                class UserScramCredentials {

                    /**
                     * Constructs a new UserScramCredentials.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.UserScramCredentials.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** UserScramCredentials user. */
                    user: string;

                    /** UserScramCredentials error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** UserScramCredentials credentials. */
                    credentials: kz.metadata.admin.v1.ScramCredentialInfo.$Properties[];

                    /**
                     * Encodes the specified UserScramCredentials message. Does not implicitly {@link kz.metadata.admin.v1.UserScramCredentials.verify|verify} messages.
                     * @param message UserScramCredentials message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.UserScramCredentials.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a UserScramCredentials message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.UserScramCredentials & kz.metadata.admin.v1.UserScramCredentials.$Shape} UserScramCredentials
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.UserScramCredentials & kz.metadata.admin.v1.UserScramCredentials.$Shape;
                }

                namespace UserScramCredentials {

                    /** Properties of a UserScramCredentials. */
                    interface $Properties {

                        /** UserScramCredentials user */
                        user?: (string|null);

                        /** UserScramCredentials error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** UserScramCredentials credentials */
                        credentials?: (kz.metadata.admin.v1.ScramCredentialInfo.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a UserScramCredentials. */
                    type $Shape = kz.metadata.admin.v1.UserScramCredentials.$Properties;
                }

                /**
                 * Properties of a DescribeUserScramCredentialsResponse.
                 * @deprecated Use kz.metadata.admin.v1.DescribeUserScramCredentialsResponse.$Properties instead.
                 */
                interface IDescribeUserScramCredentialsResponse extends kz.metadata.admin.v1.DescribeUserScramCredentialsResponse.$Properties {
                }

                /** Represents a DescribeUserScramCredentialsResponse. */
                class DescribeUserScramCredentialsResponse {

                    /**
                     * Constructs a new DescribeUserScramCredentialsResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DescribeUserScramCredentialsResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DescribeUserScramCredentialsResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** DescribeUserScramCredentialsResponse results. */
                    results: kz.metadata.admin.v1.UserScramCredentials.$Properties[];

                    /**
                     * Encodes the specified DescribeUserScramCredentialsResponse message. Does not implicitly {@link kz.metadata.admin.v1.DescribeUserScramCredentialsResponse.verify|verify} messages.
                     * @param message DescribeUserScramCredentialsResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DescribeUserScramCredentialsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DescribeUserScramCredentialsResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DescribeUserScramCredentialsResponse & kz.metadata.admin.v1.DescribeUserScramCredentialsResponse.$Shape} DescribeUserScramCredentialsResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DescribeUserScramCredentialsResponse & kz.metadata.admin.v1.DescribeUserScramCredentialsResponse.$Shape;
                }

                namespace DescribeUserScramCredentialsResponse {

                    /** Properties of a DescribeUserScramCredentialsResponse. */
                    interface $Properties {

                        /** DescribeUserScramCredentialsResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** DescribeUserScramCredentialsResponse results */
                        results?: (kz.metadata.admin.v1.UserScramCredentials.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DescribeUserScramCredentialsResponse. */
                    type $Shape = kz.metadata.admin.v1.DescribeUserScramCredentialsResponse.$Properties;
                }

                /**
                 * Properties of an AclBinding.
                 * @deprecated Use kz.metadata.admin.v1.AclBinding.$Properties instead.
                 */
                interface IAclBinding extends kz.metadata.admin.v1.AclBinding.$Properties {
                }

                /** Represents an AclBinding. */
                class AclBinding {

                    /**
                     * Constructs a new AclBinding.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AclBinding.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AclBinding resourceType. */
                    resourceType: number;

                    /** AclBinding resourceName. */
                    resourceName: string;

                    /** AclBinding patternType. */
                    patternType: number;

                    /** AclBinding principal. */
                    principal: string;

                    /** AclBinding host. */
                    host: string;

                    /** AclBinding operation. */
                    operation: number;

                    /** AclBinding permissionType. */
                    permissionType: number;

                    /**
                     * Encodes the specified AclBinding message. Does not implicitly {@link kz.metadata.admin.v1.AclBinding.verify|verify} messages.
                     * @param message AclBinding message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AclBinding.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AclBinding message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AclBinding & kz.metadata.admin.v1.AclBinding.$Shape} AclBinding
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AclBinding & kz.metadata.admin.v1.AclBinding.$Shape;
                }

                namespace AclBinding {

                    /** Properties of an AclBinding. */
                    interface $Properties {

                        /** AclBinding resourceType */
                        resourceType?: (number|null);

                        /** AclBinding resourceName */
                        resourceName?: (string|null);

                        /** AclBinding patternType */
                        patternType?: (number|null);

                        /** AclBinding principal */
                        principal?: (string|null);

                        /** AclBinding host */
                        host?: (string|null);

                        /** AclBinding operation */
                        operation?: (number|null);

                        /** AclBinding permissionType */
                        permissionType?: (number|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AclBinding. */
                    type $Shape = kz.metadata.admin.v1.AclBinding.$Properties;
                }

                /**
                 * Properties of an AclFilter.
                 * @deprecated Use kz.metadata.admin.v1.AclFilter.$Properties instead.
                 */
                interface IAclFilter extends kz.metadata.admin.v1.AclFilter.$Properties {
                }

                /** Represents an AclFilter. */
                class AclFilter {

                    /**
                     * Constructs a new AclFilter.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AclFilter.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AclFilter resourceType. */
                    resourceType: number;

                    /** AclFilter resourceName. */
                    resourceName?: (string|null);

                    /** AclFilter patternType. */
                    patternType: number;

                    /** AclFilter principal. */
                    principal?: (string|null);

                    /** AclFilter host. */
                    host?: (string|null);

                    /** AclFilter operation. */
                    operation: number;

                    /** AclFilter permissionType. */
                    permissionType: number;

                    /**
                     * Encodes the specified AclFilter message. Does not implicitly {@link kz.metadata.admin.v1.AclFilter.verify|verify} messages.
                     * @param message AclFilter message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AclFilter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AclFilter message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AclFilter & kz.metadata.admin.v1.AclFilter.$Shape} AclFilter
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AclFilter & kz.metadata.admin.v1.AclFilter.$Shape;
                }

                namespace AclFilter {

                    /** Properties of an AclFilter. */
                    interface $Properties {

                        /** AclFilter resourceType */
                        resourceType?: (number|null);

                        /** AclFilter resourceName */
                        resourceName?: (string|null);

                        /** AclFilter patternType */
                        patternType?: (number|null);

                        /** AclFilter principal */
                        principal?: (string|null);

                        /** AclFilter host */
                        host?: (string|null);

                        /** AclFilter operation */
                        operation?: (number|null);

                        /** AclFilter permissionType */
                        permissionType?: (number|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AclFilter. */
                    type $Shape = kz.metadata.admin.v1.AclFilter.$Properties;
                }

                /**
                 * Properties of a CreateAclsRequest.
                 * @deprecated Use kz.metadata.admin.v1.CreateAclsRequest.$Properties instead.
                 */
                interface ICreateAclsRequest extends kz.metadata.admin.v1.CreateAclsRequest.$Properties {
                }

                /** Represents a CreateAclsRequest. */
                class CreateAclsRequest {

                    /**
                     * Constructs a new CreateAclsRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.CreateAclsRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** CreateAclsRequest creations. */
                    creations: kz.metadata.admin.v1.AclBinding.$Properties[];

                    /**
                     * Encodes the specified CreateAclsRequest message. Does not implicitly {@link kz.metadata.admin.v1.CreateAclsRequest.verify|verify} messages.
                     * @param message CreateAclsRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.CreateAclsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a CreateAclsRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.CreateAclsRequest & kz.metadata.admin.v1.CreateAclsRequest.$Shape} CreateAclsRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.CreateAclsRequest & kz.metadata.admin.v1.CreateAclsRequest.$Shape;
                }

                namespace CreateAclsRequest {

                    /** Properties of a CreateAclsRequest. */
                    interface $Properties {

                        /** CreateAclsRequest creations */
                        creations?: (kz.metadata.admin.v1.AclBinding.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a CreateAclsRequest. */
                    type $Shape = kz.metadata.admin.v1.CreateAclsRequest.$Properties;
                }

                /**
                 * Properties of an AclOutcome.
                 * @deprecated Use kz.metadata.admin.v1.AclOutcome.$Properties instead.
                 */
                interface IAclOutcome extends kz.metadata.admin.v1.AclOutcome.$Properties {
                }

                /** Represents an AclOutcome. */
                class AclOutcome {

                    /**
                     * Constructs a new AclOutcome.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AclOutcome.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AclOutcome error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /**
                     * Encodes the specified AclOutcome message. Does not implicitly {@link kz.metadata.admin.v1.AclOutcome.verify|verify} messages.
                     * @param message AclOutcome message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AclOutcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AclOutcome message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AclOutcome & kz.metadata.admin.v1.AclOutcome.$Shape} AclOutcome
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AclOutcome & kz.metadata.admin.v1.AclOutcome.$Shape;
                }

                namespace AclOutcome {

                    /** Properties of an AclOutcome. */
                    interface $Properties {

                        /** AclOutcome error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AclOutcome. */
                    type $Shape = kz.metadata.admin.v1.AclOutcome.$Properties;
                }

                /**
                 * Properties of a CreateAclsResponse.
                 * @deprecated Use kz.metadata.admin.v1.CreateAclsResponse.$Properties instead.
                 */
                interface ICreateAclsResponse extends kz.metadata.admin.v1.CreateAclsResponse.$Properties {
                }

                /** Represents a CreateAclsResponse. */
                class CreateAclsResponse {

                    /**
                     * Constructs a new CreateAclsResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.CreateAclsResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** CreateAclsResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** CreateAclsResponse results. */
                    results: kz.metadata.admin.v1.AclOutcome.$Properties[];

                    /**
                     * Encodes the specified CreateAclsResponse message. Does not implicitly {@link kz.metadata.admin.v1.CreateAclsResponse.verify|verify} messages.
                     * @param message CreateAclsResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.CreateAclsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a CreateAclsResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.CreateAclsResponse & kz.metadata.admin.v1.CreateAclsResponse.$Shape} CreateAclsResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.CreateAclsResponse & kz.metadata.admin.v1.CreateAclsResponse.$Shape;
                }

                namespace CreateAclsResponse {

                    /** Properties of a CreateAclsResponse. */
                    interface $Properties {

                        /** CreateAclsResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** CreateAclsResponse results */
                        results?: (kz.metadata.admin.v1.AclOutcome.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a CreateAclsResponse. */
                    type $Shape = kz.metadata.admin.v1.CreateAclsResponse.$Properties;
                }

                /**
                 * Properties of a DeleteAclsRequest.
                 * @deprecated Use kz.metadata.admin.v1.DeleteAclsRequest.$Properties instead.
                 */
                interface IDeleteAclsRequest extends kz.metadata.admin.v1.DeleteAclsRequest.$Properties {
                }

                /** Represents a DeleteAclsRequest. */
                class DeleteAclsRequest {

                    /**
                     * Constructs a new DeleteAclsRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DeleteAclsRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DeleteAclsRequest filters. */
                    filters: kz.metadata.admin.v1.AclFilter.$Properties[];

                    /**
                     * Encodes the specified DeleteAclsRequest message. Does not implicitly {@link kz.metadata.admin.v1.DeleteAclsRequest.verify|verify} messages.
                     * @param message DeleteAclsRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DeleteAclsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DeleteAclsRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DeleteAclsRequest & kz.metadata.admin.v1.DeleteAclsRequest.$Shape} DeleteAclsRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DeleteAclsRequest & kz.metadata.admin.v1.DeleteAclsRequest.$Shape;
                }

                namespace DeleteAclsRequest {

                    /** Properties of a DeleteAclsRequest. */
                    interface $Properties {

                        /** DeleteAclsRequest filters */
                        filters?: (kz.metadata.admin.v1.AclFilter.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DeleteAclsRequest. */
                    type $Shape = kz.metadata.admin.v1.DeleteAclsRequest.$Properties;
                }

                /**
                 * Properties of a DeleteAclsFilterResult.
                 * @deprecated Use kz.metadata.admin.v1.DeleteAclsFilterResult.$Properties instead.
                 */
                interface IDeleteAclsFilterResult extends kz.metadata.admin.v1.DeleteAclsFilterResult.$Properties {
                }

                /** Represents a DeleteAclsFilterResult. */
                class DeleteAclsFilterResult {

                    /**
                     * Constructs a new DeleteAclsFilterResult.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DeleteAclsFilterResult.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DeleteAclsFilterResult error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** DeleteAclsFilterResult deleted. */
                    deleted: kz.metadata.admin.v1.AclBinding.$Properties[];

                    /**
                     * Encodes the specified DeleteAclsFilterResult message. Does not implicitly {@link kz.metadata.admin.v1.DeleteAclsFilterResult.verify|verify} messages.
                     * @param message DeleteAclsFilterResult message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DeleteAclsFilterResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DeleteAclsFilterResult message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DeleteAclsFilterResult & kz.metadata.admin.v1.DeleteAclsFilterResult.$Shape} DeleteAclsFilterResult
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DeleteAclsFilterResult & kz.metadata.admin.v1.DeleteAclsFilterResult.$Shape;
                }

                namespace DeleteAclsFilterResult {

                    /** Properties of a DeleteAclsFilterResult. */
                    interface $Properties {

                        /** DeleteAclsFilterResult error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** DeleteAclsFilterResult deleted */
                        deleted?: (kz.metadata.admin.v1.AclBinding.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DeleteAclsFilterResult. */
                    type $Shape = kz.metadata.admin.v1.DeleteAclsFilterResult.$Properties;
                }

                /**
                 * Properties of a DeleteAclsResponse.
                 * @deprecated Use kz.metadata.admin.v1.DeleteAclsResponse.$Properties instead.
                 */
                interface IDeleteAclsResponse extends kz.metadata.admin.v1.DeleteAclsResponse.$Properties {
                }

                /** Represents a DeleteAclsResponse. */
                class DeleteAclsResponse {

                    /**
                     * Constructs a new DeleteAclsResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DeleteAclsResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DeleteAclsResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** DeleteAclsResponse results. */
                    results: kz.metadata.admin.v1.DeleteAclsFilterResult.$Properties[];

                    /**
                     * Encodes the specified DeleteAclsResponse message. Does not implicitly {@link kz.metadata.admin.v1.DeleteAclsResponse.verify|verify} messages.
                     * @param message DeleteAclsResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DeleteAclsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DeleteAclsResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DeleteAclsResponse & kz.metadata.admin.v1.DeleteAclsResponse.$Shape} DeleteAclsResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DeleteAclsResponse & kz.metadata.admin.v1.DeleteAclsResponse.$Shape;
                }

                namespace DeleteAclsResponse {

                    /** Properties of a DeleteAclsResponse. */
                    interface $Properties {

                        /** DeleteAclsResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** DeleteAclsResponse results */
                        results?: (kz.metadata.admin.v1.DeleteAclsFilterResult.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DeleteAclsResponse. */
                    type $Shape = kz.metadata.admin.v1.DeleteAclsResponse.$Properties;
                }

                /**
                 * Properties of a DescribeAclsRequest.
                 * @deprecated Use kz.metadata.admin.v1.DescribeAclsRequest.$Properties instead.
                 */
                interface IDescribeAclsRequest extends kz.metadata.admin.v1.DescribeAclsRequest.$Properties {
                }

                /** Represents a DescribeAclsRequest. */
                class DescribeAclsRequest {

                    /**
                     * Constructs a new DescribeAclsRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DescribeAclsRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DescribeAclsRequest filter. */
                    filter?: (kz.metadata.admin.v1.AclFilter.$Properties|null);

                    /**
                     * Encodes the specified DescribeAclsRequest message. Does not implicitly {@link kz.metadata.admin.v1.DescribeAclsRequest.verify|verify} messages.
                     * @param message DescribeAclsRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DescribeAclsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DescribeAclsRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DescribeAclsRequest & kz.metadata.admin.v1.DescribeAclsRequest.$Shape} DescribeAclsRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DescribeAclsRequest & kz.metadata.admin.v1.DescribeAclsRequest.$Shape;
                }

                namespace DescribeAclsRequest {

                    /** Properties of a DescribeAclsRequest. */
                    interface $Properties {

                        /** DescribeAclsRequest filter */
                        filter?: (kz.metadata.admin.v1.AclFilter.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DescribeAclsRequest. */
                    type $Shape = kz.metadata.admin.v1.DescribeAclsRequest.$Properties;
                }

                /**
                 * Properties of a DescribeAclsResponse.
                 * @deprecated Use kz.metadata.admin.v1.DescribeAclsResponse.$Properties instead.
                 */
                interface IDescribeAclsResponse extends kz.metadata.admin.v1.DescribeAclsResponse.$Properties {
                }

                /** Represents a DescribeAclsResponse. */
                class DescribeAclsResponse {

                    /**
                     * Constructs a new DescribeAclsResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.DescribeAclsResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** DescribeAclsResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /** DescribeAclsResponse acls. */
                    acls: kz.metadata.admin.v1.AclBinding.$Properties[];

                    /**
                     * Encodes the specified DescribeAclsResponse message. Does not implicitly {@link kz.metadata.admin.v1.DescribeAclsResponse.verify|verify} messages.
                     * @param message DescribeAclsResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.DescribeAclsResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a DescribeAclsResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.DescribeAclsResponse & kz.metadata.admin.v1.DescribeAclsResponse.$Shape} DescribeAclsResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.DescribeAclsResponse & kz.metadata.admin.v1.DescribeAclsResponse.$Shape;
                }

                namespace DescribeAclsResponse {

                    /** Properties of a DescribeAclsResponse. */
                    interface $Properties {

                        /** DescribeAclsResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** DescribeAclsResponse acls */
                        acls?: (kz.metadata.admin.v1.AclBinding.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a DescribeAclsResponse. */
                    type $Shape = kz.metadata.admin.v1.DescribeAclsResponse.$Properties;
                }

                /**
                 * Properties of an AddRaftVoterRequest.
                 * @deprecated Use kz.metadata.admin.v1.AddRaftVoterRequest.$Properties instead.
                 */
                interface IAddRaftVoterRequest extends kz.metadata.admin.v1.AddRaftVoterRequest.$Properties {
                }

                /** Represents an AddRaftVoterRequest. */
                class AddRaftVoterRequest {

                    /**
                     * Constructs a new AddRaftVoterRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AddRaftVoterRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AddRaftVoterRequest voterId. */
                    voterId: number;

                    /** AddRaftVoterRequest voterDirectoryId. */
                    voterDirectoryId: string;

                    /** AddRaftVoterRequest listeners. */
                    listeners: kz.metadata.admin.v1.Endpoint.$Properties[];

                    /**
                     * Encodes the specified AddRaftVoterRequest message. Does not implicitly {@link kz.metadata.admin.v1.AddRaftVoterRequest.verify|verify} messages.
                     * @param message AddRaftVoterRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AddRaftVoterRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AddRaftVoterRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AddRaftVoterRequest & kz.metadata.admin.v1.AddRaftVoterRequest.$Shape} AddRaftVoterRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AddRaftVoterRequest & kz.metadata.admin.v1.AddRaftVoterRequest.$Shape;
                }

                namespace AddRaftVoterRequest {

                    /** Properties of an AddRaftVoterRequest. */
                    interface $Properties {

                        /** AddRaftVoterRequest voterId */
                        voterId?: (number|null);

                        /** AddRaftVoterRequest voterDirectoryId */
                        voterDirectoryId?: (string|null);

                        /** AddRaftVoterRequest listeners */
                        listeners?: (kz.metadata.admin.v1.Endpoint.$Properties[]|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AddRaftVoterRequest. */
                    type $Shape = kz.metadata.admin.v1.AddRaftVoterRequest.$Properties;
                }

                /**
                 * Properties of an AddRaftVoterResponse.
                 * @deprecated Use kz.metadata.admin.v1.AddRaftVoterResponse.$Properties instead.
                 */
                interface IAddRaftVoterResponse extends kz.metadata.admin.v1.AddRaftVoterResponse.$Properties {
                }

                /** Represents an AddRaftVoterResponse. */
                class AddRaftVoterResponse {

                    /**
                     * Constructs a new AddRaftVoterResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.AddRaftVoterResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** AddRaftVoterResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /**
                     * Encodes the specified AddRaftVoterResponse message. Does not implicitly {@link kz.metadata.admin.v1.AddRaftVoterResponse.verify|verify} messages.
                     * @param message AddRaftVoterResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.AddRaftVoterResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes an AddRaftVoterResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.AddRaftVoterResponse & kz.metadata.admin.v1.AddRaftVoterResponse.$Shape} AddRaftVoterResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.AddRaftVoterResponse & kz.metadata.admin.v1.AddRaftVoterResponse.$Shape;
                }

                namespace AddRaftVoterResponse {

                    /** Properties of an AddRaftVoterResponse. */
                    interface $Properties {

                        /** AddRaftVoterResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of an AddRaftVoterResponse. */
                    type $Shape = kz.metadata.admin.v1.AddRaftVoterResponse.$Properties;
                }

                /**
                 * Properties of a RemoveRaftVoterRequest.
                 * @deprecated Use kz.metadata.admin.v1.RemoveRaftVoterRequest.$Properties instead.
                 */
                interface IRemoveRaftVoterRequest extends kz.metadata.admin.v1.RemoveRaftVoterRequest.$Properties {
                }

                /** Represents a RemoveRaftVoterRequest. */
                class RemoveRaftVoterRequest {

                    /**
                     * Constructs a new RemoveRaftVoterRequest.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.RemoveRaftVoterRequest.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** RemoveRaftVoterRequest voterId. */
                    voterId: number;

                    /** RemoveRaftVoterRequest voterDirectoryId. */
                    voterDirectoryId: string;

                    /**
                     * Encodes the specified RemoveRaftVoterRequest message. Does not implicitly {@link kz.metadata.admin.v1.RemoveRaftVoterRequest.verify|verify} messages.
                     * @param message RemoveRaftVoterRequest message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.RemoveRaftVoterRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a RemoveRaftVoterRequest message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.RemoveRaftVoterRequest & kz.metadata.admin.v1.RemoveRaftVoterRequest.$Shape} RemoveRaftVoterRequest
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.RemoveRaftVoterRequest & kz.metadata.admin.v1.RemoveRaftVoterRequest.$Shape;
                }

                namespace RemoveRaftVoterRequest {

                    /** Properties of a RemoveRaftVoterRequest. */
                    interface $Properties {

                        /** RemoveRaftVoterRequest voterId */
                        voterId?: (number|null);

                        /** RemoveRaftVoterRequest voterDirectoryId */
                        voterDirectoryId?: (string|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a RemoveRaftVoterRequest. */
                    type $Shape = kz.metadata.admin.v1.RemoveRaftVoterRequest.$Properties;
                }

                /**
                 * Properties of a RemoveRaftVoterResponse.
                 * @deprecated Use kz.metadata.admin.v1.RemoveRaftVoterResponse.$Properties instead.
                 */
                interface IRemoveRaftVoterResponse extends kz.metadata.admin.v1.RemoveRaftVoterResponse.$Properties {
                }

                /** Represents a RemoveRaftVoterResponse. */
                class RemoveRaftVoterResponse {

                    /**
                     * Constructs a new RemoveRaftVoterResponse.
                     * @param [properties] Properties to set
                     */
                    constructor(properties?: kz.metadata.admin.v1.RemoveRaftVoterResponse.$Properties);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];

                    /** RemoveRaftVoterResponse error. */
                    error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                    /**
                     * Encodes the specified RemoveRaftVoterResponse message. Does not implicitly {@link kz.metadata.admin.v1.RemoveRaftVoterResponse.verify|verify} messages.
                     * @param message RemoveRaftVoterResponse message or plain object to encode
                     * @param [writer] Writer to encode to
                     * @returns Writer
                     */
                    static encode(message: kz.metadata.admin.v1.RemoveRaftVoterResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                    /**
                     * Decodes a RemoveRaftVoterResponse message from the specified reader or buffer.
                     * @param reader Reader or buffer to decode from
                     * @param [length] Message length if known beforehand
                     * @returns {kz.metadata.admin.v1.RemoveRaftVoterResponse & kz.metadata.admin.v1.RemoveRaftVoterResponse.$Shape} RemoveRaftVoterResponse
                     * @throws {Error} If the payload is not a reader or valid buffer
                     * @throws {$protobuf.util.ProtocolError} If required fields are missing
                     */
                    static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.metadata.admin.v1.RemoveRaftVoterResponse & kz.metadata.admin.v1.RemoveRaftVoterResponse.$Shape;
                }

                namespace RemoveRaftVoterResponse {

                    /** Properties of a RemoveRaftVoterResponse. */
                    interface $Properties {

                        /** RemoveRaftVoterResponse error */
                        error?: (kz.metadata.admin.v1.ApiError.$Properties|null);

                        /** Unknown fields preserved while decoding when enabled */
                        $unknowns?: Uint8Array[];
                    }

                    /** Shape of a RemoveRaftVoterResponse. */
                    type $Shape = kz.metadata.admin.v1.RemoveRaftVoterResponse.$Properties;
                }
            }
        }
    }
}
