import * as $protobuf from "protobufjs/minimal";
import Long = require("long");

/** Namespace kz. */
export namespace kz {

    /** Namespace raft. */
    namespace raft {

        /** Namespace v1. */
        namespace v1 {

            /** RaftRpc enum. */
            enum RaftRpc {

                /** RAFT_RPC_UNSPECIFIED value */
                RAFT_RPC_UNSPECIFIED = 0,

                /** VOTE value */
                VOTE = 1,

                /** BEGIN_QUORUM_EPOCH value */
                BEGIN_QUORUM_EPOCH = 2,

                /** END_QUORUM_EPOCH value */
                END_QUORUM_EPOCH = 3,

                /** FETCH value */
                FETCH = 4,

                /** FETCH_SNAPSHOT value */
                FETCH_SNAPSHOT = 5,

                /** UPDATE_RAFT_VOTER value */
                UPDATE_RAFT_VOTER = 6
            }

            /**
             * Properties of a RaftStreamFrame.
             * @deprecated Use kz.raft.v1.RaftStreamFrame.$Properties instead.
             */
            interface IRaftStreamFrame extends kz.raft.v1.RaftStreamFrame.$Properties {
            }

            /** Represents a RaftStreamFrame. */
            class RaftStreamFrame {

                /**
                 * Constructs a new RaftStreamFrame.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.RaftStreamFrame.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RaftStreamFrame id. */
                id: number;

                /** RaftStreamFrame rpc. */
                rpc: kz.raft.v1.RaftRpc;

                /** RaftStreamFrame status. */
                status: number;

                /** RaftStreamFrame details. */
                details: string;

                /** RaftStreamFrame errorCode. */
                errorCode: string;

                /** RaftStreamFrame body. */
                body: Uint8Array;

                /**
                 * Encodes the specified RaftStreamFrame message. Does not implicitly {@link kz.raft.v1.RaftStreamFrame.verify|verify} messages.
                 * @param message RaftStreamFrame message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.RaftStreamFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RaftStreamFrame message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.RaftStreamFrame & kz.raft.v1.RaftStreamFrame.$Shape} RaftStreamFrame
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.RaftStreamFrame & kz.raft.v1.RaftStreamFrame.$Shape;
            }

            namespace RaftStreamFrame {

                /** Properties of a RaftStreamFrame. */
                interface $Properties {

                    /** RaftStreamFrame id */
                    id?: (number|null);

                    /** RaftStreamFrame rpc */
                    rpc?: (kz.raft.v1.RaftRpc|null);

                    /** RaftStreamFrame status */
                    status?: (number|null);

                    /** RaftStreamFrame details */
                    details?: (string|null);

                    /** RaftStreamFrame errorCode */
                    errorCode?: (string|null);

                    /** RaftStreamFrame body */
                    body?: (Uint8Array|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a RaftStreamFrame. */
                type $Shape = kz.raft.v1.RaftStreamFrame.$Properties;
            }

            /** RaftErrorCode enum. */
            enum RaftErrorCode {

                /** NONE value */
                NONE = 0,

                /** NOT_LEADER_OR_FOLLOWER value */
                NOT_LEADER_OR_FOLLOWER = 6,

                /** REQUEST_TIMED_OUT value */
                REQUEST_TIMED_OUT = 7,

                /** BROKER_NOT_AVAILABLE value */
                BROKER_NOT_AVAILABLE = 8,

                /** UNSUPPORTED_VERSION value */
                UNSUPPORTED_VERSION = 35,

                /** INVALID_REQUEST value */
                INVALID_REQUEST = 42,

                /** FENCED_LEADER_EPOCH value */
                FENCED_LEADER_EPOCH = 74,

                /** UNKNOWN_LEADER_EPOCH value */
                UNKNOWN_LEADER_EPOCH = 75,

                /** SNAPSHOT_NOT_FOUND value */
                SNAPSHOT_NOT_FOUND = 98,

                /** POSITION_OUT_OF_RANGE value */
                POSITION_OUT_OF_RANGE = 99,

                /** INVALID_VOTER_KEY value */
                INVALID_VOTER_KEY = 125,

                /** DUPLICATE_VOTER value */
                DUPLICATE_VOTER = 126,

                /** VOTER_NOT_FOUND value */
                VOTER_NOT_FOUND = 127
            }

            /**
             * Properties of an Endpoint.
             * @deprecated Use kz.raft.v1.Endpoint.$Properties instead.
             */
            interface IEndpoint extends kz.raft.v1.Endpoint.$Properties {
            }

            /** Represents an Endpoint. */
            class Endpoint {

                /**
                 * Constructs a new Endpoint.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.Endpoint.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Endpoint name. */
                name: string;

                /** Endpoint host. */
                host: string;

                /** Endpoint port. */
                port: number;

                /**
                 * Encodes the specified Endpoint message. Does not implicitly {@link kz.raft.v1.Endpoint.verify|verify} messages.
                 * @param message Endpoint message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.Endpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Endpoint message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.Endpoint & kz.raft.v1.Endpoint.$Shape} Endpoint
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.Endpoint & kz.raft.v1.Endpoint.$Shape;
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
                type $Shape = kz.raft.v1.Endpoint.$Properties;
            }

            /**
             * Properties of an OffsetAndEpoch.
             * @deprecated Use kz.raft.v1.OffsetAndEpoch.$Properties instead.
             */
            interface IOffsetAndEpoch extends kz.raft.v1.OffsetAndEpoch.$Properties {
            }

            /** Represents an OffsetAndEpoch. */
            class OffsetAndEpoch {

                /**
                 * Constructs a new OffsetAndEpoch.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.OffsetAndEpoch.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** OffsetAndEpoch offset. */
                offset: (number|Long);

                /** OffsetAndEpoch epoch. */
                epoch: (number|Long);

                /**
                 * Encodes the specified OffsetAndEpoch message. Does not implicitly {@link kz.raft.v1.OffsetAndEpoch.verify|verify} messages.
                 * @param message OffsetAndEpoch message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.OffsetAndEpoch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an OffsetAndEpoch message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.OffsetAndEpoch & kz.raft.v1.OffsetAndEpoch.$Shape} OffsetAndEpoch
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.OffsetAndEpoch & kz.raft.v1.OffsetAndEpoch.$Shape;
            }

            namespace OffsetAndEpoch {

                /** Properties of an OffsetAndEpoch. */
                interface $Properties {

                    /** OffsetAndEpoch offset */
                    offset?: (number|Long|null);

                    /** OffsetAndEpoch epoch */
                    epoch?: (number|Long|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an OffsetAndEpoch. */
                type $Shape = kz.raft.v1.OffsetAndEpoch.$Properties;
            }

            /**
             * Properties of a VoteRequest.
             * @deprecated Use kz.raft.v1.VoteRequest.$Properties instead.
             */
            interface IVoteRequest extends kz.raft.v1.VoteRequest.$Properties {
            }

            /** Represents a VoteRequest. */
            class VoteRequest {

                /**
                 * Constructs a new VoteRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.VoteRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** VoteRequest requestId. */
                requestId: (number|Long);

                /** VoteRequest epoch. */
                epoch: (number|Long);

                /** VoteRequest candidateId. */
                candidateId: number;

                /** VoteRequest lastEpoch. */
                lastEpoch: (number|Long);

                /** VoteRequest lastOffset. */
                lastOffset: (number|Long);

                /** VoteRequest preVote. */
                preVote: boolean;

                /** VoteRequest candidateDirectoryId. */
                candidateDirectoryId: string;

                /** VoteRequest voterDirectoryId. */
                voterDirectoryId: string;

                /**
                 * Encodes the specified VoteRequest message. Does not implicitly {@link kz.raft.v1.VoteRequest.verify|verify} messages.
                 * @param message VoteRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.VoteRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a VoteRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.VoteRequest & kz.raft.v1.VoteRequest.$Shape} VoteRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.VoteRequest & kz.raft.v1.VoteRequest.$Shape;
            }

            namespace VoteRequest {

                /** Properties of a VoteRequest. */
                interface $Properties {

                    /** VoteRequest requestId */
                    requestId?: (number|Long|null);

                    /** VoteRequest epoch */
                    epoch?: (number|Long|null);

                    /** VoteRequest candidateId */
                    candidateId?: (number|null);

                    /** VoteRequest lastEpoch */
                    lastEpoch?: (number|Long|null);

                    /** VoteRequest lastOffset */
                    lastOffset?: (number|Long|null);

                    /** VoteRequest preVote */
                    preVote?: (boolean|null);

                    /** VoteRequest candidateDirectoryId */
                    candidateDirectoryId?: (string|null);

                    /** VoteRequest voterDirectoryId */
                    voterDirectoryId?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a VoteRequest. */
                type $Shape = kz.raft.v1.VoteRequest.$Properties;
            }

            /**
             * Properties of a VoteResponse.
             * @deprecated Use kz.raft.v1.VoteResponse.$Properties instead.
             */
            interface IVoteResponse extends kz.raft.v1.VoteResponse.$Properties {
            }

            /** Represents a VoteResponse. */
            class VoteResponse {

                /**
                 * Constructs a new VoteResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.VoteResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** VoteResponse requestId. */
                requestId: (number|Long);

                /** VoteResponse error. */
                error: kz.raft.v1.RaftErrorCode;

                /** VoteResponse epoch. */
                epoch: (number|Long);

                /** VoteResponse leaderId. */
                leaderId: number;

                /** VoteResponse granted. */
                granted: boolean;

                /** VoteResponse preVote. */
                preVote: boolean;

                /**
                 * Encodes the specified VoteResponse message. Does not implicitly {@link kz.raft.v1.VoteResponse.verify|verify} messages.
                 * @param message VoteResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.VoteResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a VoteResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.VoteResponse & kz.raft.v1.VoteResponse.$Shape} VoteResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.VoteResponse & kz.raft.v1.VoteResponse.$Shape;
            }

            namespace VoteResponse {

                /** Properties of a VoteResponse. */
                interface $Properties {

                    /** VoteResponse requestId */
                    requestId?: (number|Long|null);

                    /** VoteResponse error */
                    error?: (kz.raft.v1.RaftErrorCode|null);

                    /** VoteResponse epoch */
                    epoch?: (number|Long|null);

                    /** VoteResponse leaderId */
                    leaderId?: (number|null);

                    /** VoteResponse granted */
                    granted?: (boolean|null);

                    /** VoteResponse preVote */
                    preVote?: (boolean|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a VoteResponse. */
                type $Shape = kz.raft.v1.VoteResponse.$Properties;
            }

            /**
             * Properties of a BeginQuorumEpochRequest.
             * @deprecated Use kz.raft.v1.BeginQuorumEpochRequest.$Properties instead.
             */
            interface IBeginQuorumEpochRequest extends kz.raft.v1.BeginQuorumEpochRequest.$Properties {
            }

            /** Represents a BeginQuorumEpochRequest. */
            class BeginQuorumEpochRequest {

                /**
                 * Constructs a new BeginQuorumEpochRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.BeginQuorumEpochRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** BeginQuorumEpochRequest requestId. */
                requestId: (number|Long);

                /** BeginQuorumEpochRequest epoch. */
                epoch: (number|Long);

                /** BeginQuorumEpochRequest leaderId. */
                leaderId: number;

                /** BeginQuorumEpochRequest voterDirectoryId. */
                voterDirectoryId: string;

                /**
                 * Encodes the specified BeginQuorumEpochRequest message. Does not implicitly {@link kz.raft.v1.BeginQuorumEpochRequest.verify|verify} messages.
                 * @param message BeginQuorumEpochRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.BeginQuorumEpochRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a BeginQuorumEpochRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.BeginQuorumEpochRequest & kz.raft.v1.BeginQuorumEpochRequest.$Shape} BeginQuorumEpochRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.BeginQuorumEpochRequest & kz.raft.v1.BeginQuorumEpochRequest.$Shape;
            }

            namespace BeginQuorumEpochRequest {

                /** Properties of a BeginQuorumEpochRequest. */
                interface $Properties {

                    /** BeginQuorumEpochRequest requestId */
                    requestId?: (number|Long|null);

                    /** BeginQuorumEpochRequest epoch */
                    epoch?: (number|Long|null);

                    /** BeginQuorumEpochRequest leaderId */
                    leaderId?: (number|null);

                    /** BeginQuorumEpochRequest voterDirectoryId */
                    voterDirectoryId?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a BeginQuorumEpochRequest. */
                type $Shape = kz.raft.v1.BeginQuorumEpochRequest.$Properties;
            }

            /**
             * Properties of a BeginQuorumEpochResponse.
             * @deprecated Use kz.raft.v1.BeginQuorumEpochResponse.$Properties instead.
             */
            interface IBeginQuorumEpochResponse extends kz.raft.v1.BeginQuorumEpochResponse.$Properties {
            }

            /** Represents a BeginQuorumEpochResponse. */
            class BeginQuorumEpochResponse {

                /**
                 * Constructs a new BeginQuorumEpochResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.BeginQuorumEpochResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** BeginQuorumEpochResponse requestId. */
                requestId: (number|Long);

                /** BeginQuorumEpochResponse error. */
                error: kz.raft.v1.RaftErrorCode;

                /** BeginQuorumEpochResponse epoch. */
                epoch: (number|Long);

                /** BeginQuorumEpochResponse leaderId. */
                leaderId: number;

                /**
                 * Encodes the specified BeginQuorumEpochResponse message. Does not implicitly {@link kz.raft.v1.BeginQuorumEpochResponse.verify|verify} messages.
                 * @param message BeginQuorumEpochResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.BeginQuorumEpochResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a BeginQuorumEpochResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.BeginQuorumEpochResponse & kz.raft.v1.BeginQuorumEpochResponse.$Shape} BeginQuorumEpochResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.BeginQuorumEpochResponse & kz.raft.v1.BeginQuorumEpochResponse.$Shape;
            }

            namespace BeginQuorumEpochResponse {

                /** Properties of a BeginQuorumEpochResponse. */
                interface $Properties {

                    /** BeginQuorumEpochResponse requestId */
                    requestId?: (number|Long|null);

                    /** BeginQuorumEpochResponse error */
                    error?: (kz.raft.v1.RaftErrorCode|null);

                    /** BeginQuorumEpochResponse epoch */
                    epoch?: (number|Long|null);

                    /** BeginQuorumEpochResponse leaderId */
                    leaderId?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a BeginQuorumEpochResponse. */
                type $Shape = kz.raft.v1.BeginQuorumEpochResponse.$Properties;
            }

            /**
             * Properties of an EndQuorumEpochRequest.
             * @deprecated Use kz.raft.v1.EndQuorumEpochRequest.$Properties instead.
             */
            interface IEndQuorumEpochRequest extends kz.raft.v1.EndQuorumEpochRequest.$Properties {
            }

            /** Represents an EndQuorumEpochRequest. */
            class EndQuorumEpochRequest {

                /**
                 * Constructs a new EndQuorumEpochRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.EndQuorumEpochRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** EndQuorumEpochRequest requestId. */
                requestId: (number|Long);

                /** EndQuorumEpochRequest epoch. */
                epoch: (number|Long);

                /** EndQuorumEpochRequest leaderId. */
                leaderId: number;

                /** EndQuorumEpochRequest preferredSuccessors. */
                preferredSuccessors: number[];

                /**
                 * Encodes the specified EndQuorumEpochRequest message. Does not implicitly {@link kz.raft.v1.EndQuorumEpochRequest.verify|verify} messages.
                 * @param message EndQuorumEpochRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.EndQuorumEpochRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an EndQuorumEpochRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.EndQuorumEpochRequest & kz.raft.v1.EndQuorumEpochRequest.$Shape} EndQuorumEpochRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.EndQuorumEpochRequest & kz.raft.v1.EndQuorumEpochRequest.$Shape;
            }

            namespace EndQuorumEpochRequest {

                /** Properties of an EndQuorumEpochRequest. */
                interface $Properties {

                    /** EndQuorumEpochRequest requestId */
                    requestId?: (number|Long|null);

                    /** EndQuorumEpochRequest epoch */
                    epoch?: (number|Long|null);

                    /** EndQuorumEpochRequest leaderId */
                    leaderId?: (number|null);

                    /** EndQuorumEpochRequest preferredSuccessors */
                    preferredSuccessors?: (number[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an EndQuorumEpochRequest. */
                type $Shape = kz.raft.v1.EndQuorumEpochRequest.$Properties;
            }

            /**
             * Properties of an EndQuorumEpochResponse.
             * @deprecated Use kz.raft.v1.EndQuorumEpochResponse.$Properties instead.
             */
            interface IEndQuorumEpochResponse extends kz.raft.v1.EndQuorumEpochResponse.$Properties {
            }

            /** Represents an EndQuorumEpochResponse. */
            class EndQuorumEpochResponse {

                /**
                 * Constructs a new EndQuorumEpochResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.EndQuorumEpochResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** EndQuorumEpochResponse requestId. */
                requestId: (number|Long);

                /** EndQuorumEpochResponse error. */
                error: kz.raft.v1.RaftErrorCode;

                /** EndQuorumEpochResponse epoch. */
                epoch: (number|Long);

                /** EndQuorumEpochResponse leaderId. */
                leaderId: number;

                /**
                 * Encodes the specified EndQuorumEpochResponse message. Does not implicitly {@link kz.raft.v1.EndQuorumEpochResponse.verify|verify} messages.
                 * @param message EndQuorumEpochResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.EndQuorumEpochResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an EndQuorumEpochResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.EndQuorumEpochResponse & kz.raft.v1.EndQuorumEpochResponse.$Shape} EndQuorumEpochResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.EndQuorumEpochResponse & kz.raft.v1.EndQuorumEpochResponse.$Shape;
            }

            namespace EndQuorumEpochResponse {

                /** Properties of an EndQuorumEpochResponse. */
                interface $Properties {

                    /** EndQuorumEpochResponse requestId */
                    requestId?: (number|Long|null);

                    /** EndQuorumEpochResponse error */
                    error?: (kz.raft.v1.RaftErrorCode|null);

                    /** EndQuorumEpochResponse epoch */
                    epoch?: (number|Long|null);

                    /** EndQuorumEpochResponse leaderId */
                    leaderId?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an EndQuorumEpochResponse. */
                type $Shape = kz.raft.v1.EndQuorumEpochResponse.$Properties;
            }

            /**
             * Properties of a FetchRequest.
             * @deprecated Use kz.raft.v1.FetchRequest.$Properties instead.
             */
            interface IFetchRequest extends kz.raft.v1.FetchRequest.$Properties {
            }

            /** Represents a FetchRequest. */
            class FetchRequest {

                /**
                 * Constructs a new FetchRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.FetchRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FetchRequest requestId. */
                requestId: (number|Long);

                /** FetchRequest epoch. */
                epoch: (number|Long);

                /** FetchRequest replicaId. */
                replicaId: number;

                /** FetchRequest fetchOffset. */
                fetchOffset: (number|Long);

                /** FetchRequest lastFetchedEpoch. */
                lastFetchedEpoch: (number|Long);

                /** FetchRequest maxWaitMs. */
                maxWaitMs: number;

                /** FetchRequest maxBytes. */
                maxBytes: number;

                /** FetchRequest replicaDirectoryId. */
                replicaDirectoryId: string;

                /**
                 * Encodes the specified FetchRequest message. Does not implicitly {@link kz.raft.v1.FetchRequest.verify|verify} messages.
                 * @param message FetchRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.FetchRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FetchRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.FetchRequest & kz.raft.v1.FetchRequest.$Shape} FetchRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.FetchRequest & kz.raft.v1.FetchRequest.$Shape;
            }

            namespace FetchRequest {

                /** Properties of a FetchRequest. */
                interface $Properties {

                    /** FetchRequest requestId */
                    requestId?: (number|Long|null);

                    /** FetchRequest epoch */
                    epoch?: (number|Long|null);

                    /** FetchRequest replicaId */
                    replicaId?: (number|null);

                    /** FetchRequest fetchOffset */
                    fetchOffset?: (number|Long|null);

                    /** FetchRequest lastFetchedEpoch */
                    lastFetchedEpoch?: (number|Long|null);

                    /** FetchRequest maxWaitMs */
                    maxWaitMs?: (number|null);

                    /** FetchRequest maxBytes */
                    maxBytes?: (number|null);

                    /** FetchRequest replicaDirectoryId */
                    replicaDirectoryId?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FetchRequest. */
                type $Shape = kz.raft.v1.FetchRequest.$Properties;
            }

            /**
             * Properties of a FetchResponse.
             * @deprecated Use kz.raft.v1.FetchResponse.$Properties instead.
             */
            interface IFetchResponse extends kz.raft.v1.FetchResponse.$Properties {
            }

            /** Represents a FetchResponse. */
            class FetchResponse {

                /**
                 * Constructs a new FetchResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.FetchResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FetchResponse requestId. */
                requestId: (number|Long);

                /** FetchResponse error. */
                error: kz.raft.v1.RaftErrorCode;

                /** FetchResponse epoch. */
                epoch: (number|Long);

                /** FetchResponse leaderId. */
                leaderId: number;

                /** FetchResponse highWatermark. */
                highWatermark: (number|Long);

                /** FetchResponse logStartOffset. */
                logStartOffset: (number|Long);

                /** FetchResponse divergingEpoch. */
                divergingEpoch?: (kz.raft.v1.OffsetAndEpoch.$Properties|null);

                /** FetchResponse snapshotId. */
                snapshotId?: (kz.raft.v1.OffsetAndEpoch.$Properties|null);

                /** FetchResponse batches. */
                batches: Uint8Array[];

                /**
                 * Encodes the specified FetchResponse message. Does not implicitly {@link kz.raft.v1.FetchResponse.verify|verify} messages.
                 * @param message FetchResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.FetchResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FetchResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.FetchResponse & kz.raft.v1.FetchResponse.$Shape} FetchResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.FetchResponse & kz.raft.v1.FetchResponse.$Shape;
            }

            namespace FetchResponse {

                /** Properties of a FetchResponse. */
                interface $Properties {

                    /** FetchResponse requestId */
                    requestId?: (number|Long|null);

                    /** FetchResponse error */
                    error?: (kz.raft.v1.RaftErrorCode|null);

                    /** FetchResponse epoch */
                    epoch?: (number|Long|null);

                    /** FetchResponse leaderId */
                    leaderId?: (number|null);

                    /** FetchResponse highWatermark */
                    highWatermark?: (number|Long|null);

                    /** FetchResponse logStartOffset */
                    logStartOffset?: (number|Long|null);

                    /** FetchResponse divergingEpoch */
                    divergingEpoch?: (kz.raft.v1.OffsetAndEpoch.$Properties|null);

                    /** FetchResponse snapshotId */
                    snapshotId?: (kz.raft.v1.OffsetAndEpoch.$Properties|null);

                    /** FetchResponse batches */
                    batches?: (Uint8Array[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FetchResponse. */
                type $Shape = kz.raft.v1.FetchResponse.$Properties;
            }

            /**
             * Properties of a FetchSnapshotRequest.
             * @deprecated Use kz.raft.v1.FetchSnapshotRequest.$Properties instead.
             */
            interface IFetchSnapshotRequest extends kz.raft.v1.FetchSnapshotRequest.$Properties {
            }

            /** Represents a FetchSnapshotRequest. */
            class FetchSnapshotRequest {

                /**
                 * Constructs a new FetchSnapshotRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.FetchSnapshotRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FetchSnapshotRequest requestId. */
                requestId: (number|Long);

                /** FetchSnapshotRequest epoch. */
                epoch: (number|Long);

                /** FetchSnapshotRequest replicaId. */
                replicaId: number;

                /** FetchSnapshotRequest snapshotId. */
                snapshotId?: (kz.raft.v1.OffsetAndEpoch.$Properties|null);

                /** FetchSnapshotRequest position. */
                position: (number|Long);

                /** FetchSnapshotRequest maxBytes. */
                maxBytes: number;

                /** FetchSnapshotRequest replicaDirectoryId. */
                replicaDirectoryId: string;

                /**
                 * Encodes the specified FetchSnapshotRequest message. Does not implicitly {@link kz.raft.v1.FetchSnapshotRequest.verify|verify} messages.
                 * @param message FetchSnapshotRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.FetchSnapshotRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FetchSnapshotRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.FetchSnapshotRequest & kz.raft.v1.FetchSnapshotRequest.$Shape} FetchSnapshotRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.FetchSnapshotRequest & kz.raft.v1.FetchSnapshotRequest.$Shape;
            }

            namespace FetchSnapshotRequest {

                /** Properties of a FetchSnapshotRequest. */
                interface $Properties {

                    /** FetchSnapshotRequest requestId */
                    requestId?: (number|Long|null);

                    /** FetchSnapshotRequest epoch */
                    epoch?: (number|Long|null);

                    /** FetchSnapshotRequest replicaId */
                    replicaId?: (number|null);

                    /** FetchSnapshotRequest snapshotId */
                    snapshotId?: (kz.raft.v1.OffsetAndEpoch.$Properties|null);

                    /** FetchSnapshotRequest position */
                    position?: (number|Long|null);

                    /** FetchSnapshotRequest maxBytes */
                    maxBytes?: (number|null);

                    /** FetchSnapshotRequest replicaDirectoryId */
                    replicaDirectoryId?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FetchSnapshotRequest. */
                type $Shape = kz.raft.v1.FetchSnapshotRequest.$Properties;
            }

            /**
             * Properties of a FetchSnapshotResponse.
             * @deprecated Use kz.raft.v1.FetchSnapshotResponse.$Properties instead.
             */
            interface IFetchSnapshotResponse extends kz.raft.v1.FetchSnapshotResponse.$Properties {
            }

            /** Represents a FetchSnapshotResponse. */
            class FetchSnapshotResponse {

                /**
                 * Constructs a new FetchSnapshotResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.FetchSnapshotResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** FetchSnapshotResponse requestId. */
                requestId: (number|Long);

                /** FetchSnapshotResponse error. */
                error: kz.raft.v1.RaftErrorCode;

                /** FetchSnapshotResponse epoch. */
                epoch: (number|Long);

                /** FetchSnapshotResponse leaderId. */
                leaderId: number;

                /** FetchSnapshotResponse snapshotId. */
                snapshotId?: (kz.raft.v1.OffsetAndEpoch.$Properties|null);

                /** FetchSnapshotResponse size. */
                size: (number|Long);

                /** FetchSnapshotResponse position. */
                position: (number|Long);

                /** FetchSnapshotResponse chunk. */
                chunk: Uint8Array;

                /**
                 * Encodes the specified FetchSnapshotResponse message. Does not implicitly {@link kz.raft.v1.FetchSnapshotResponse.verify|verify} messages.
                 * @param message FetchSnapshotResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.FetchSnapshotResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a FetchSnapshotResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.FetchSnapshotResponse & kz.raft.v1.FetchSnapshotResponse.$Shape} FetchSnapshotResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.FetchSnapshotResponse & kz.raft.v1.FetchSnapshotResponse.$Shape;
            }

            namespace FetchSnapshotResponse {

                /** Properties of a FetchSnapshotResponse. */
                interface $Properties {

                    /** FetchSnapshotResponse requestId */
                    requestId?: (number|Long|null);

                    /** FetchSnapshotResponse error */
                    error?: (kz.raft.v1.RaftErrorCode|null);

                    /** FetchSnapshotResponse epoch */
                    epoch?: (number|Long|null);

                    /** FetchSnapshotResponse leaderId */
                    leaderId?: (number|null);

                    /** FetchSnapshotResponse snapshotId */
                    snapshotId?: (kz.raft.v1.OffsetAndEpoch.$Properties|null);

                    /** FetchSnapshotResponse size */
                    size?: (number|Long|null);

                    /** FetchSnapshotResponse position */
                    position?: (number|Long|null);

                    /** FetchSnapshotResponse chunk */
                    chunk?: (Uint8Array|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a FetchSnapshotResponse. */
                type $Shape = kz.raft.v1.FetchSnapshotResponse.$Properties;
            }

            /**
             * Properties of an UpdateRaftVoterRequest.
             * @deprecated Use kz.raft.v1.UpdateRaftVoterRequest.$Properties instead.
             */
            interface IUpdateRaftVoterRequest extends kz.raft.v1.UpdateRaftVoterRequest.$Properties {
            }

            /** Represents an UpdateRaftVoterRequest. */
            class UpdateRaftVoterRequest {

                /**
                 * Constructs a new UpdateRaftVoterRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.UpdateRaftVoterRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** UpdateRaftVoterRequest requestId. */
                requestId: (number|Long);

                /** UpdateRaftVoterRequest epoch. */
                epoch: (number|Long);

                /** UpdateRaftVoterRequest voterId. */
                voterId: number;

                /** UpdateRaftVoterRequest voterDirectoryId. */
                voterDirectoryId: string;

                /** UpdateRaftVoterRequest endpoints. */
                endpoints: kz.raft.v1.Endpoint.$Properties[];

                /**
                 * Encodes the specified UpdateRaftVoterRequest message. Does not implicitly {@link kz.raft.v1.UpdateRaftVoterRequest.verify|verify} messages.
                 * @param message UpdateRaftVoterRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.UpdateRaftVoterRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an UpdateRaftVoterRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.UpdateRaftVoterRequest & kz.raft.v1.UpdateRaftVoterRequest.$Shape} UpdateRaftVoterRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.UpdateRaftVoterRequest & kz.raft.v1.UpdateRaftVoterRequest.$Shape;
            }

            namespace UpdateRaftVoterRequest {

                /** Properties of an UpdateRaftVoterRequest. */
                interface $Properties {

                    /** UpdateRaftVoterRequest requestId */
                    requestId?: (number|Long|null);

                    /** UpdateRaftVoterRequest epoch */
                    epoch?: (number|Long|null);

                    /** UpdateRaftVoterRequest voterId */
                    voterId?: (number|null);

                    /** UpdateRaftVoterRequest voterDirectoryId */
                    voterDirectoryId?: (string|null);

                    /** UpdateRaftVoterRequest endpoints */
                    endpoints?: (kz.raft.v1.Endpoint.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an UpdateRaftVoterRequest. */
                type $Shape = kz.raft.v1.UpdateRaftVoterRequest.$Properties;
            }

            /**
             * Properties of an UpdateRaftVoterResponse.
             * @deprecated Use kz.raft.v1.UpdateRaftVoterResponse.$Properties instead.
             */
            interface IUpdateRaftVoterResponse extends kz.raft.v1.UpdateRaftVoterResponse.$Properties {
            }

            /** Represents an UpdateRaftVoterResponse. */
            class UpdateRaftVoterResponse {

                /**
                 * Constructs a new UpdateRaftVoterResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.UpdateRaftVoterResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** UpdateRaftVoterResponse requestId. */
                requestId: (number|Long);

                /** UpdateRaftVoterResponse error. */
                error: kz.raft.v1.RaftErrorCode;

                /** UpdateRaftVoterResponse epoch. */
                epoch: (number|Long);

                /** UpdateRaftVoterResponse leaderId. */
                leaderId: number;

                /**
                 * Encodes the specified UpdateRaftVoterResponse message. Does not implicitly {@link kz.raft.v1.UpdateRaftVoterResponse.verify|verify} messages.
                 * @param message UpdateRaftVoterResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.UpdateRaftVoterResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an UpdateRaftVoterResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.UpdateRaftVoterResponse & kz.raft.v1.UpdateRaftVoterResponse.$Shape} UpdateRaftVoterResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.UpdateRaftVoterResponse & kz.raft.v1.UpdateRaftVoterResponse.$Shape;
            }

            namespace UpdateRaftVoterResponse {

                /** Properties of an UpdateRaftVoterResponse. */
                interface $Properties {

                    /** UpdateRaftVoterResponse requestId */
                    requestId?: (number|Long|null);

                    /** UpdateRaftVoterResponse error */
                    error?: (kz.raft.v1.RaftErrorCode|null);

                    /** UpdateRaftVoterResponse epoch */
                    epoch?: (number|Long|null);

                    /** UpdateRaftVoterResponse leaderId */
                    leaderId?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an UpdateRaftVoterResponse. */
                type $Shape = kz.raft.v1.UpdateRaftVoterResponse.$Properties;
            }

            /**
             * Properties of a DescribeQuorumRequest.
             * @deprecated Use kz.raft.v1.DescribeQuorumRequest.$Properties instead.
             */
            interface IDescribeQuorumRequest extends kz.raft.v1.DescribeQuorumRequest.$Properties {
            }

            /** Represents a DescribeQuorumRequest. */
            class DescribeQuorumRequest {

                /**
                 * Constructs a new DescribeQuorumRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.DescribeQuorumRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /**
                 * Encodes the specified DescribeQuorumRequest message. Does not implicitly {@link kz.raft.v1.DescribeQuorumRequest.verify|verify} messages.
                 * @param message DescribeQuorumRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.DescribeQuorumRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a DescribeQuorumRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.DescribeQuorumRequest & kz.raft.v1.DescribeQuorumRequest.$Shape} DescribeQuorumRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.DescribeQuorumRequest & kz.raft.v1.DescribeQuorumRequest.$Shape;
            }

            namespace DescribeQuorumRequest {

                /** Properties of a DescribeQuorumRequest. */
                interface $Properties {

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a DescribeQuorumRequest. */
                type $Shape = kz.raft.v1.DescribeQuorumRequest.$Properties;
            }

            /**
             * Properties of a ReplicaState.
             * @deprecated Use kz.raft.v1.ReplicaState.$Properties instead.
             */
            interface IReplicaState extends kz.raft.v1.ReplicaState.$Properties {
            }

            /** Represents a ReplicaState. */
            class ReplicaState {

                /**
                 * Constructs a new ReplicaState.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.ReplicaState.$Properties);

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
                 * Encodes the specified ReplicaState message. Does not implicitly {@link kz.raft.v1.ReplicaState.verify|verify} messages.
                 * @param message ReplicaState message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.ReplicaState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ReplicaState message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.ReplicaState & kz.raft.v1.ReplicaState.$Shape} ReplicaState
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.ReplicaState & kz.raft.v1.ReplicaState.$Shape;
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
                type $Shape = kz.raft.v1.ReplicaState.$Properties;
            }

            /**
             * Properties of a DescribeQuorumResponse.
             * @deprecated Use kz.raft.v1.DescribeQuorumResponse.$Properties instead.
             */
            interface IDescribeQuorumResponse extends kz.raft.v1.DescribeQuorumResponse.$Properties {
            }

            /** Represents a DescribeQuorumResponse. */
            class DescribeQuorumResponse {

                /**
                 * Constructs a new DescribeQuorumResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.DescribeQuorumResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** DescribeQuorumResponse error. */
                error: kz.raft.v1.RaftErrorCode;

                /** DescribeQuorumResponse leaderId. */
                leaderId: number;

                /** DescribeQuorumResponse epoch. */
                epoch: (number|Long);

                /** DescribeQuorumResponse highWatermark. */
                highWatermark: (number|Long);

                /** DescribeQuorumResponse voters. */
                voters: kz.raft.v1.ReplicaState.$Properties[];

                /** DescribeQuorumResponse observers. */
                observers: kz.raft.v1.ReplicaState.$Properties[];

                /** DescribeQuorumResponse leaderAddress. */
                leaderAddress: string;

                /**
                 * Encodes the specified DescribeQuorumResponse message. Does not implicitly {@link kz.raft.v1.DescribeQuorumResponse.verify|verify} messages.
                 * @param message DescribeQuorumResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.DescribeQuorumResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a DescribeQuorumResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.DescribeQuorumResponse & kz.raft.v1.DescribeQuorumResponse.$Shape} DescribeQuorumResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.DescribeQuorumResponse & kz.raft.v1.DescribeQuorumResponse.$Shape;
            }

            namespace DescribeQuorumResponse {

                /** Properties of a DescribeQuorumResponse. */
                interface $Properties {

                    /** DescribeQuorumResponse error */
                    error?: (kz.raft.v1.RaftErrorCode|null);

                    /** DescribeQuorumResponse leaderId */
                    leaderId?: (number|null);

                    /** DescribeQuorumResponse epoch */
                    epoch?: (number|Long|null);

                    /** DescribeQuorumResponse highWatermark */
                    highWatermark?: (number|Long|null);

                    /** DescribeQuorumResponse voters */
                    voters?: (kz.raft.v1.ReplicaState.$Properties[]|null);

                    /** DescribeQuorumResponse observers */
                    observers?: (kz.raft.v1.ReplicaState.$Properties[]|null);

                    /** DescribeQuorumResponse leaderAddress */
                    leaderAddress?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a DescribeQuorumResponse. */
                type $Shape = kz.raft.v1.DescribeQuorumResponse.$Properties;
            }

            /**
             * Properties of a Voter.
             * @deprecated Use kz.raft.v1.Voter.$Properties instead.
             */
            interface IVoter extends kz.raft.v1.Voter.$Properties {
            }

            /** Represents a Voter. */
            class Voter {

                /**
                 * Constructs a new Voter.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.Voter.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Voter id. */
                id: number;

                /** Voter directoryId. */
                directoryId: string;

                /** Voter endpoints. */
                endpoints: kz.raft.v1.Endpoint.$Properties[];

                /**
                 * Encodes the specified Voter message. Does not implicitly {@link kz.raft.v1.Voter.verify|verify} messages.
                 * @param message Voter message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.Voter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Voter message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.Voter & kz.raft.v1.Voter.$Shape} Voter
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.Voter & kz.raft.v1.Voter.$Shape;
            }

            namespace Voter {

                /** Properties of a Voter. */
                interface $Properties {

                    /** Voter id */
                    id?: (number|null);

                    /** Voter directoryId */
                    directoryId?: (string|null);

                    /** Voter endpoints */
                    endpoints?: (kz.raft.v1.Endpoint.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Voter. */
                type $Shape = kz.raft.v1.Voter.$Properties;
            }

            /**
             * Properties of an AddRaftVoterRequest.
             * @deprecated Use kz.raft.v1.AddRaftVoterRequest.$Properties instead.
             */
            interface IAddRaftVoterRequest extends kz.raft.v1.AddRaftVoterRequest.$Properties {
            }

            /** Represents an AddRaftVoterRequest. */
            class AddRaftVoterRequest {

                /**
                 * Constructs a new AddRaftVoterRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.AddRaftVoterRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** AddRaftVoterRequest voter. */
                voter?: (kz.raft.v1.Voter.$Properties|null);

                /**
                 * Encodes the specified AddRaftVoterRequest message. Does not implicitly {@link kz.raft.v1.AddRaftVoterRequest.verify|verify} messages.
                 * @param message AddRaftVoterRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.AddRaftVoterRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an AddRaftVoterRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.AddRaftVoterRequest & kz.raft.v1.AddRaftVoterRequest.$Shape} AddRaftVoterRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.AddRaftVoterRequest & kz.raft.v1.AddRaftVoterRequest.$Shape;
            }

            namespace AddRaftVoterRequest {

                /** Properties of an AddRaftVoterRequest. */
                interface $Properties {

                    /** AddRaftVoterRequest voter */
                    voter?: (kz.raft.v1.Voter.$Properties|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an AddRaftVoterRequest. */
                type $Shape = kz.raft.v1.AddRaftVoterRequest.$Properties;
            }

            /**
             * Properties of a RemoveRaftVoterRequest.
             * @deprecated Use kz.raft.v1.RemoveRaftVoterRequest.$Properties instead.
             */
            interface IRemoveRaftVoterRequest extends kz.raft.v1.RemoveRaftVoterRequest.$Properties {
            }

            /** Represents a RemoveRaftVoterRequest. */
            class RemoveRaftVoterRequest {

                /**
                 * Constructs a new RemoveRaftVoterRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.RemoveRaftVoterRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** RemoveRaftVoterRequest voterId. */
                voterId: number;

                /** RemoveRaftVoterRequest voterDirectoryId. */
                voterDirectoryId: string;

                /**
                 * Encodes the specified RemoveRaftVoterRequest message. Does not implicitly {@link kz.raft.v1.RemoveRaftVoterRequest.verify|verify} messages.
                 * @param message RemoveRaftVoterRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.RemoveRaftVoterRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RemoveRaftVoterRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.RemoveRaftVoterRequest & kz.raft.v1.RemoveRaftVoterRequest.$Shape} RemoveRaftVoterRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.RemoveRaftVoterRequest & kz.raft.v1.RemoveRaftVoterRequest.$Shape;
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
                type $Shape = kz.raft.v1.RemoveRaftVoterRequest.$Properties;
            }

            /**
             * Properties of a SetRaftVoterEndpointsRequest.
             * @deprecated Use kz.raft.v1.SetRaftVoterEndpointsRequest.$Properties instead.
             */
            interface ISetRaftVoterEndpointsRequest extends kz.raft.v1.SetRaftVoterEndpointsRequest.$Properties {
            }

            /** Represents a SetRaftVoterEndpointsRequest. */
            class SetRaftVoterEndpointsRequest {

                /**
                 * Constructs a new SetRaftVoterEndpointsRequest.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.SetRaftVoterEndpointsRequest.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** SetRaftVoterEndpointsRequest voterId. */
                voterId: number;

                /** SetRaftVoterEndpointsRequest voterDirectoryId. */
                voterDirectoryId: string;

                /** SetRaftVoterEndpointsRequest endpoints. */
                endpoints: kz.raft.v1.Endpoint.$Properties[];

                /**
                 * Encodes the specified SetRaftVoterEndpointsRequest message. Does not implicitly {@link kz.raft.v1.SetRaftVoterEndpointsRequest.verify|verify} messages.
                 * @param message SetRaftVoterEndpointsRequest message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.SetRaftVoterEndpointsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SetRaftVoterEndpointsRequest message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.SetRaftVoterEndpointsRequest & kz.raft.v1.SetRaftVoterEndpointsRequest.$Shape} SetRaftVoterEndpointsRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.SetRaftVoterEndpointsRequest & kz.raft.v1.SetRaftVoterEndpointsRequest.$Shape;
            }

            namespace SetRaftVoterEndpointsRequest {

                /** Properties of a SetRaftVoterEndpointsRequest. */
                interface $Properties {

                    /** SetRaftVoterEndpointsRequest voterId */
                    voterId?: (number|null);

                    /** SetRaftVoterEndpointsRequest voterDirectoryId */
                    voterDirectoryId?: (string|null);

                    /** SetRaftVoterEndpointsRequest endpoints */
                    endpoints?: (kz.raft.v1.Endpoint.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a SetRaftVoterEndpointsRequest. */
                type $Shape = kz.raft.v1.SetRaftVoterEndpointsRequest.$Properties;
            }

            /**
             * Properties of a VoterChangeResponse.
             * @deprecated Use kz.raft.v1.VoterChangeResponse.$Properties instead.
             */
            interface IVoterChangeResponse extends kz.raft.v1.VoterChangeResponse.$Properties {
            }

            /** Represents a VoterChangeResponse. */
            class VoterChangeResponse {

                /**
                 * Constructs a new VoterChangeResponse.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: kz.raft.v1.VoterChangeResponse.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** VoterChangeResponse error. */
                error: kz.raft.v1.RaftErrorCode;

                /** VoterChangeResponse errorMessage. */
                errorMessage: string;

                /** VoterChangeResponse leaderId. */
                leaderId: number;

                /** VoterChangeResponse epoch. */
                epoch: (number|Long);

                /** VoterChangeResponse leaderAddress. */
                leaderAddress: string;

                /** VoterChangeResponse offset. */
                offset: (number|Long);

                /** VoterChangeResponse voters. */
                voters: kz.raft.v1.Voter.$Properties[];

                /**
                 * Encodes the specified VoterChangeResponse message. Does not implicitly {@link kz.raft.v1.VoterChangeResponse.verify|verify} messages.
                 * @param message VoterChangeResponse message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: kz.raft.v1.VoterChangeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a VoterChangeResponse message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {kz.raft.v1.VoterChangeResponse & kz.raft.v1.VoterChangeResponse.$Shape} VoterChangeResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): kz.raft.v1.VoterChangeResponse & kz.raft.v1.VoterChangeResponse.$Shape;
            }

            namespace VoterChangeResponse {

                /** Properties of a VoterChangeResponse. */
                interface $Properties {

                    /** VoterChangeResponse error */
                    error?: (kz.raft.v1.RaftErrorCode|null);

                    /** VoterChangeResponse errorMessage */
                    errorMessage?: (string|null);

                    /** VoterChangeResponse leaderId */
                    leaderId?: (number|null);

                    /** VoterChangeResponse epoch */
                    epoch?: (number|Long|null);

                    /** VoterChangeResponse leaderAddress */
                    leaderAddress?: (string|null);

                    /** VoterChangeResponse offset */
                    offset?: (number|Long|null);

                    /** VoterChangeResponse voters */
                    voters?: (kz.raft.v1.Voter.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a VoterChangeResponse. */
                type $Shape = kz.raft.v1.VoterChangeResponse.$Properties;
            }
        }
    }
}
