import * as $protobuf from "protobufjs/minimal";
import Long = require("long");

/** Namespace kz. */
export namespace kz {

    /** Namespace broker. */
    namespace broker {

        /** Namespace v1. */
        namespace v1 {

            /**
             * Properties of a CurrentLeader.
             * @deprecated Use kz.broker.v1.CurrentLeader.$Properties instead.
             */
            interface ICurrentLeader extends kz.broker.v1.CurrentLeader.$Properties {
            }

            /** Represents a CurrentLeader. */
            class CurrentLeader {

                /**
                 * Constructs a new CurrentLeader.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.broker.v1.CurrentLeader.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** CurrentLeader leaderId. */
                leaderId: number;

                /** CurrentLeader leaderEpoch. */
                leaderEpoch: number;

                /**
                 * Encodes the specified CurrentLeader message. Does not implicitly {@link kz.broker.v1.CurrentLeader.verify|verify} messages.
                 * @param message CurrentLeader message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.broker.v1.CurrentLeader.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CurrentLeader message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.broker.v1.CurrentLeader & kz.broker.v1.CurrentLeader.$Shape} CurrentLeader
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.broker.v1.CurrentLeader & kz.broker.v1.CurrentLeader.$Shape;
            }

            namespace CurrentLeader {

                /** Properties of a CurrentLeader. */
                interface $Properties {

                    /** CurrentLeader leaderId */
                    leaderId?: (number|null);

                    /** CurrentLeader leaderEpoch */
                    leaderEpoch?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a CurrentLeader. */
                type $Shape = kz.broker.v1.CurrentLeader.$Properties;
            }

            /**
             * Properties of a FetchPartition.
             * @deprecated Use kz.broker.v1.FetchPartition.$Properties instead.
             */
            interface IFetchPartition extends kz.broker.v1.FetchPartition.$Properties {
            }

            /** Represents a FetchPartition. */
            class FetchPartition {

                /**
                 * Constructs a new FetchPartition.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.broker.v1.FetchPartition.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FetchPartition partition. */
                partition: number;

                /** FetchPartition currentLeaderEpoch. */
                currentLeaderEpoch: number;

                /** FetchPartition fetchOffset. */
                fetchOffset: (number|Long);

                /** FetchPartition lastFetchedEpoch. */
                lastFetchedEpoch: number;

                /** FetchPartition logStartOffset. */
                logStartOffset: (number|Long);

                /** FetchPartition partitionMaxBytes. */
                partitionMaxBytes: number;

                /**
                 * Encodes the specified FetchPartition message. Does not implicitly {@link kz.broker.v1.FetchPartition.verify|verify} messages.
                 * @param message FetchPartition message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.broker.v1.FetchPartition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FetchPartition message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.broker.v1.FetchPartition & kz.broker.v1.FetchPartition.$Shape} FetchPartition
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.broker.v1.FetchPartition & kz.broker.v1.FetchPartition.$Shape;
            }

            namespace FetchPartition {

                /** Properties of a FetchPartition. */
                interface $Properties {

                    /** FetchPartition partition */
                    partition?: (number|null);

                    /** FetchPartition currentLeaderEpoch */
                    currentLeaderEpoch?: (number|null);

                    /** FetchPartition fetchOffset */
                    fetchOffset?: (number|Long|null);

                    /** FetchPartition lastFetchedEpoch */
                    lastFetchedEpoch?: (number|null);

                    /** FetchPartition logStartOffset */
                    logStartOffset?: (number|Long|null);

                    /** FetchPartition partitionMaxBytes */
                    partitionMaxBytes?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FetchPartition. */
                type $Shape = kz.broker.v1.FetchPartition.$Properties;
            }

            /**
             * Properties of a FetchTopic.
             * @deprecated Use kz.broker.v1.FetchTopic.$Properties instead.
             */
            interface IFetchTopic extends kz.broker.v1.FetchTopic.$Properties {
            }

            /** Represents a FetchTopic. */
            class FetchTopic {

                /**
                 * Constructs a new FetchTopic.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.broker.v1.FetchTopic.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FetchTopic topicId. */
                topicId: string;

                /** FetchTopic partitions. */
                partitions: kz.broker.v1.FetchPartition.$Properties[];

                /**
                 * Encodes the specified FetchTopic message. Does not implicitly {@link kz.broker.v1.FetchTopic.verify|verify} messages.
                 * @param message FetchTopic message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.broker.v1.FetchTopic.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FetchTopic message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.broker.v1.FetchTopic & kz.broker.v1.FetchTopic.$Shape} FetchTopic
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.broker.v1.FetchTopic & kz.broker.v1.FetchTopic.$Shape;
            }

            namespace FetchTopic {

                /** Properties of a FetchTopic. */
                interface $Properties {

                    /** FetchTopic topicId */
                    topicId?: (string|null);

                    /** FetchTopic partitions */
                    partitions?: (kz.broker.v1.FetchPartition.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FetchTopic. */
                type $Shape = kz.broker.v1.FetchTopic.$Properties;
            }

            /**
             * Properties of a FetchRequest.
             * @deprecated Use kz.broker.v1.FetchRequest.$Properties instead.
             */
            interface IFetchRequest extends kz.broker.v1.FetchRequest.$Properties {
            }

            /** Represents a FetchRequest. */
            class FetchRequest {

                /**
                 * Constructs a new FetchRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.broker.v1.FetchRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FetchRequest replicaId. */
                replicaId: number;

                /** FetchRequest replicaEpoch. */
                replicaEpoch: (number|Long);

                /** FetchRequest maxWaitMs. */
                maxWaitMs: number;

                /** FetchRequest minBytes. */
                minBytes: number;

                /** FetchRequest maxBytes. */
                maxBytes: number;

                /** FetchRequest topics. */
                topics: kz.broker.v1.FetchTopic.$Properties[];

                /** FetchRequest sessionId. */
                sessionId: number;

                /** FetchRequest sessionEpoch. */
                sessionEpoch: number;

                /** FetchRequest forgottenTopics. */
                forgottenTopics: kz.broker.v1.ForgottenTopic.$Properties[];

                /**
                 * Encodes the specified FetchRequest message. Does not implicitly {@link kz.broker.v1.FetchRequest.verify|verify} messages.
                 * @param message FetchRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.broker.v1.FetchRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FetchRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.broker.v1.FetchRequest & kz.broker.v1.FetchRequest.$Shape} FetchRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.broker.v1.FetchRequest & kz.broker.v1.FetchRequest.$Shape;
            }

            namespace FetchRequest {

                /** Properties of a FetchRequest. */
                interface $Properties {

                    /** FetchRequest replicaId */
                    replicaId?: (number|null);

                    /** FetchRequest replicaEpoch */
                    replicaEpoch?: (number|Long|null);

                    /** FetchRequest maxWaitMs */
                    maxWaitMs?: (number|null);

                    /** FetchRequest minBytes */
                    minBytes?: (number|null);

                    /** FetchRequest maxBytes */
                    maxBytes?: (number|null);

                    /** FetchRequest topics */
                    topics?: (kz.broker.v1.FetchTopic.$Properties[]|null);

                    /** FetchRequest sessionId */
                    sessionId?: (number|null);

                    /** FetchRequest sessionEpoch */
                    sessionEpoch?: (number|null);

                    /** FetchRequest forgottenTopics */
                    forgottenTopics?: (kz.broker.v1.ForgottenTopic.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FetchRequest. */
                type $Shape = kz.broker.v1.FetchRequest.$Properties;
            }

            /**
             * Properties of a ForgottenTopic.
             * @deprecated Use kz.broker.v1.ForgottenTopic.$Properties instead.
             */
            interface IForgottenTopic extends kz.broker.v1.ForgottenTopic.$Properties {
            }

            /** Represents a ForgottenTopic. */
            class ForgottenTopic {

                /**
                 * Constructs a new ForgottenTopic.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.broker.v1.ForgottenTopic.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ForgottenTopic topicId. */
                topicId: string;

                /** ForgottenTopic partitions. */
                partitions: number[];

                /**
                 * Encodes the specified ForgottenTopic message. Does not implicitly {@link kz.broker.v1.ForgottenTopic.verify|verify} messages.
                 * @param message ForgottenTopic message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.broker.v1.ForgottenTopic.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ForgottenTopic message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.broker.v1.ForgottenTopic & kz.broker.v1.ForgottenTopic.$Shape} ForgottenTopic
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.broker.v1.ForgottenTopic & kz.broker.v1.ForgottenTopic.$Shape;
            }

            namespace ForgottenTopic {

                /** Properties of a ForgottenTopic. */
                interface $Properties {

                    /** ForgottenTopic topicId */
                    topicId?: (string|null);

                    /** ForgottenTopic partitions */
                    partitions?: (number[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ForgottenTopic. */
                type $Shape = kz.broker.v1.ForgottenTopic.$Properties;
            }

            /**
             * Properties of a DivergingEpoch.
             * @deprecated Use kz.broker.v1.DivergingEpoch.$Properties instead.
             */
            interface IDivergingEpoch extends kz.broker.v1.DivergingEpoch.$Properties {
            }

            /** Represents a DivergingEpoch. */
            class DivergingEpoch {

                /**
                 * Constructs a new DivergingEpoch.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.broker.v1.DivergingEpoch.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** DivergingEpoch epoch. */
                epoch: number;

                /** DivergingEpoch endOffset. */
                endOffset: (number|Long);

                /**
                 * Encodes the specified DivergingEpoch message. Does not implicitly {@link kz.broker.v1.DivergingEpoch.verify|verify} messages.
                 * @param message DivergingEpoch message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.broker.v1.DivergingEpoch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a DivergingEpoch message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.broker.v1.DivergingEpoch & kz.broker.v1.DivergingEpoch.$Shape} DivergingEpoch
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.broker.v1.DivergingEpoch & kz.broker.v1.DivergingEpoch.$Shape;
            }

            namespace DivergingEpoch {

                /** Properties of a DivergingEpoch. */
                interface $Properties {

                    /** DivergingEpoch epoch */
                    epoch?: (number|null);

                    /** DivergingEpoch endOffset */
                    endOffset?: (number|Long|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a DivergingEpoch. */
                type $Shape = kz.broker.v1.DivergingEpoch.$Properties;
            }

            /**
             * Properties of a FetchPartitionResponse.
             * @deprecated Use kz.broker.v1.FetchPartitionResponse.$Properties instead.
             */
            interface IFetchPartitionResponse extends kz.broker.v1.FetchPartitionResponse.$Properties {
            }

            /** Represents a FetchPartitionResponse. */
            class FetchPartitionResponse {

                /**
                 * Constructs a new FetchPartitionResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.broker.v1.FetchPartitionResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FetchPartitionResponse partition. */
                partition: number;

                /** FetchPartitionResponse errorCode. */
                errorCode: number;

                /** FetchPartitionResponse errorMessage. */
                errorMessage: string;

                /** FetchPartitionResponse highWatermark. */
                highWatermark: (number|Long);

                /** FetchPartitionResponse logStartOffset. */
                logStartOffset: (number|Long);

                /** FetchPartitionResponse logEndOffset. */
                logEndOffset: (number|Long);

                /** FetchPartitionResponse divergingEpoch. */
                divergingEpoch?: (kz.broker.v1.DivergingEpoch.$Properties|null);

                /** FetchPartitionResponse currentLeader. */
                currentLeader?: (kz.broker.v1.CurrentLeader.$Properties|null);

                /** FetchPartitionResponse records. */
                records: Uint8Array;

                /**
                 * Encodes the specified FetchPartitionResponse message. Does not implicitly {@link kz.broker.v1.FetchPartitionResponse.verify|verify} messages.
                 * @param message FetchPartitionResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.broker.v1.FetchPartitionResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FetchPartitionResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.broker.v1.FetchPartitionResponse & kz.broker.v1.FetchPartitionResponse.$Shape} FetchPartitionResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.broker.v1.FetchPartitionResponse & kz.broker.v1.FetchPartitionResponse.$Shape;
            }

            namespace FetchPartitionResponse {

                /** Properties of a FetchPartitionResponse. */
                interface $Properties {

                    /** FetchPartitionResponse partition */
                    partition?: (number|null);

                    /** FetchPartitionResponse errorCode */
                    errorCode?: (number|null);

                    /** FetchPartitionResponse errorMessage */
                    errorMessage?: (string|null);

                    /** FetchPartitionResponse highWatermark */
                    highWatermark?: (number|Long|null);

                    /** FetchPartitionResponse logStartOffset */
                    logStartOffset?: (number|Long|null);

                    /** FetchPartitionResponse logEndOffset */
                    logEndOffset?: (number|Long|null);

                    /** FetchPartitionResponse divergingEpoch */
                    divergingEpoch?: (kz.broker.v1.DivergingEpoch.$Properties|null);

                    /** FetchPartitionResponse currentLeader */
                    currentLeader?: (kz.broker.v1.CurrentLeader.$Properties|null);

                    /** FetchPartitionResponse records */
                    records?: (Uint8Array|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FetchPartitionResponse. */
                type $Shape = kz.broker.v1.FetchPartitionResponse.$Properties;
            }

            /**
             * Properties of a FetchTopicResponse.
             * @deprecated Use kz.broker.v1.FetchTopicResponse.$Properties instead.
             */
            interface IFetchTopicResponse extends kz.broker.v1.FetchTopicResponse.$Properties {
            }

            /** Represents a FetchTopicResponse. */
            class FetchTopicResponse {

                /**
                 * Constructs a new FetchTopicResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.broker.v1.FetchTopicResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FetchTopicResponse topicId. */
                topicId: string;

                /** FetchTopicResponse partitions. */
                partitions: kz.broker.v1.FetchPartitionResponse.$Properties[];

                /**
                 * Encodes the specified FetchTopicResponse message. Does not implicitly {@link kz.broker.v1.FetchTopicResponse.verify|verify} messages.
                 * @param message FetchTopicResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.broker.v1.FetchTopicResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FetchTopicResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.broker.v1.FetchTopicResponse & kz.broker.v1.FetchTopicResponse.$Shape} FetchTopicResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.broker.v1.FetchTopicResponse & kz.broker.v1.FetchTopicResponse.$Shape;
            }

            namespace FetchTopicResponse {

                /** Properties of a FetchTopicResponse. */
                interface $Properties {

                    /** FetchTopicResponse topicId */
                    topicId?: (string|null);

                    /** FetchTopicResponse partitions */
                    partitions?: (kz.broker.v1.FetchPartitionResponse.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FetchTopicResponse. */
                type $Shape = kz.broker.v1.FetchTopicResponse.$Properties;
            }

            /**
             * Properties of a FetchResponse.
             * @deprecated Use kz.broker.v1.FetchResponse.$Properties instead.
             */
            interface IFetchResponse extends kz.broker.v1.FetchResponse.$Properties {
            }

            /** Represents a FetchResponse. */
            class FetchResponse {

                /**
                 * Constructs a new FetchResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.broker.v1.FetchResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FetchResponse errorCode. */
                errorCode: number;

                /** FetchResponse topics. */
                topics: kz.broker.v1.FetchTopicResponse.$Properties[];

                /** FetchResponse sessionId. */
                sessionId: number;

                /**
                 * Encodes the specified FetchResponse message. Does not implicitly {@link kz.broker.v1.FetchResponse.verify|verify} messages.
                 * @param message FetchResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.broker.v1.FetchResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FetchResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.broker.v1.FetchResponse & kz.broker.v1.FetchResponse.$Shape} FetchResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.broker.v1.FetchResponse & kz.broker.v1.FetchResponse.$Shape;
            }

            namespace FetchResponse {

                /** Properties of a FetchResponse. */
                interface $Properties {

                    /** FetchResponse errorCode */
                    errorCode?: (number|null);

                    /** FetchResponse topics */
                    topics?: (kz.broker.v1.FetchTopicResponse.$Properties[]|null);

                    /** FetchResponse sessionId */
                    sessionId?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FetchResponse. */
                type $Shape = kz.broker.v1.FetchResponse.$Properties;
            }
        }
    }
}
