/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

var $root = $protobuf.roots["kz_raft"] || ($protobuf.roots["kz_raft"] = {});

$root.kz = (function() {

    var kz = {};

    kz.raft = (function() {

        var raft = {};

        raft.v1 = (function() {

            var v1 = {};

            v1.RaftRpc = (function() {
                var valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "RAFT_RPC_UNSPECIFIED"] = 0;
                values[valuesById[1] = "VOTE"] = 1;
                values[valuesById[2] = "BEGIN_QUORUM_EPOCH"] = 2;
                values[valuesById[3] = "END_QUORUM_EPOCH"] = 3;
                values[valuesById[4] = "FETCH"] = 4;
                values[valuesById[5] = "FETCH_SNAPSHOT"] = 5;
                values[valuesById[6] = "UPDATE_RAFT_VOTER"] = 6;
                return values;
            })();

            v1.RaftStreamFrame = (function() {

                var RaftStreamFrame = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                RaftStreamFrame.prototype.id = 0;
                RaftStreamFrame.prototype.rpc = 0;
                RaftStreamFrame.prototype.status = 0;
                RaftStreamFrame.prototype.details = "";
                RaftStreamFrame.prototype.errorCode = "";
                RaftStreamFrame.prototype.body = $util.newBuffer([]);

                RaftStreamFrame.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                        writer.uint32(8).uint32(message.id);
                    if (message.rpc != null && $Object.hasOwnProperty.call(message, "rpc") && message.rpc !== 0)
                        writer.uint32(16).int32(message.rpc);
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                        writer.uint32(24).int32(message.status);
                    if (message.details != null && $Object.hasOwnProperty.call(message, "details") && message.details !== "")
                        writer.uint32(34).string(message.details);
                    if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== "")
                        writer.uint32(42).string(message.errorCode);
                    if (message.body != null && $Object.hasOwnProperty.call(message, "body") && message.body.length)
                        writer.uint32(122).bytes(message.body);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                RaftStreamFrame.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.RaftStreamFrame();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.id = value;
                                else
                                    delete message.id;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.rpc = value;
                                else
                                    delete message.rpc;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.status = value;
                                else
                                    delete message.status;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.details = value;
                                else
                                    delete message.details;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.errorCode = value;
                                else
                                    delete message.errorCode;
                                continue;
                            }
                        case 15: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.body = value;
                                else
                                    delete message.body;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return RaftStreamFrame;
            })();

            v1.RaftErrorCode = (function() {
                var valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "NONE"] = 0;
                values[valuesById[6] = "NOT_LEADER_OR_FOLLOWER"] = 6;
                values[valuesById[7] = "REQUEST_TIMED_OUT"] = 7;
                values[valuesById[8] = "BROKER_NOT_AVAILABLE"] = 8;
                values[valuesById[35] = "UNSUPPORTED_VERSION"] = 35;
                values[valuesById[42] = "INVALID_REQUEST"] = 42;
                values[valuesById[74] = "FENCED_LEADER_EPOCH"] = 74;
                values[valuesById[75] = "UNKNOWN_LEADER_EPOCH"] = 75;
                values[valuesById[98] = "SNAPSHOT_NOT_FOUND"] = 98;
                values[valuesById[99] = "POSITION_OUT_OF_RANGE"] = 99;
                values[valuesById[125] = "INVALID_VOTER_KEY"] = 125;
                values[valuesById[126] = "DUPLICATE_VOTER"] = 126;
                values[valuesById[127] = "VOTER_NOT_FOUND"] = 127;
                return values;
            })();

            v1.Endpoint = (function() {

                var Endpoint = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                Endpoint.prototype.name = "";
                Endpoint.prototype.host = "";
                Endpoint.prototype.port = 0;

                Endpoint.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                        writer.uint32(10).string(message.name);
                    if (message.host != null && $Object.hasOwnProperty.call(message, "host") && message.host !== "")
                        writer.uint32(18).string(message.host);
                    if (message.port != null && $Object.hasOwnProperty.call(message, "port") && message.port !== 0)
                        writer.uint32(24).int32(message.port);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                Endpoint.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.Endpoint();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.name = value;
                                else
                                    delete message.name;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.host = value;
                                else
                                    delete message.host;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.port = value;
                                else
                                    delete message.port;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return Endpoint;
            })();

            v1.OffsetAndEpoch = (function() {

                var OffsetAndEpoch = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                OffsetAndEpoch.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                OffsetAndEpoch.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                OffsetAndEpoch.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && (typeof message.offset === "object" ? message.offset.low || message.offset.high : message.offset !== 0))
                        writer.uint32(8).int64(message.offset);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(16).int64(message.epoch);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                OffsetAndEpoch.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.OffsetAndEpoch();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.offset = value;
                                else
                                    delete message.offset;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return OffsetAndEpoch;
            })();

            v1.VoteRequest = (function() {

                var VoteRequest = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                VoteRequest.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                VoteRequest.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                VoteRequest.prototype.candidateId = 0;
                VoteRequest.prototype.lastEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                VoteRequest.prototype.lastOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                VoteRequest.prototype.preVote = false;
                VoteRequest.prototype.candidateDirectoryId = "";
                VoteRequest.prototype.voterDirectoryId = "";

                VoteRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                        writer.uint32(8).int64(message.requestId);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(16).int64(message.epoch);
                    if (message.candidateId != null && $Object.hasOwnProperty.call(message, "candidateId") && message.candidateId !== 0)
                        writer.uint32(24).int32(message.candidateId);
                    if (message.lastEpoch != null && $Object.hasOwnProperty.call(message, "lastEpoch") && (typeof message.lastEpoch === "object" ? message.lastEpoch.low || message.lastEpoch.high : message.lastEpoch !== 0))
                        writer.uint32(32).int64(message.lastEpoch);
                    if (message.lastOffset != null && $Object.hasOwnProperty.call(message, "lastOffset") && (typeof message.lastOffset === "object" ? message.lastOffset.low || message.lastOffset.high : message.lastOffset !== 0))
                        writer.uint32(40).int64(message.lastOffset);
                    if (message.preVote != null && $Object.hasOwnProperty.call(message, "preVote") && message.preVote !== false)
                        writer.uint32(48).bool(message.preVote);
                    if (message.candidateDirectoryId != null && $Object.hasOwnProperty.call(message, "candidateDirectoryId") && message.candidateDirectoryId !== "")
                        writer.uint32(58).string(message.candidateDirectoryId);
                    if (message.voterDirectoryId != null && $Object.hasOwnProperty.call(message, "voterDirectoryId") && message.voterDirectoryId !== "")
                        writer.uint32(66).string(message.voterDirectoryId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                VoteRequest.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.VoteRequest();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requestId = value;
                                else
                                    delete message.requestId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.candidateId = value;
                                else
                                    delete message.candidateId;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.lastEpoch = value;
                                else
                                    delete message.lastEpoch;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.lastOffset = value;
                                else
                                    delete message.lastOffset;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.preVote = value;
                                else
                                    delete message.preVote;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.candidateDirectoryId = value;
                                else
                                    delete message.candidateDirectoryId;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.voterDirectoryId = value;
                                else
                                    delete message.voterDirectoryId;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return VoteRequest;
            })();

            v1.VoteResponse = (function() {

                var VoteResponse = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                VoteResponse.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                VoteResponse.prototype.error = 0;
                VoteResponse.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                VoteResponse.prototype.leaderId = 0;
                VoteResponse.prototype.granted = false;
                VoteResponse.prototype.preVote = false;

                VoteResponse.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                        writer.uint32(8).int64(message.requestId);
                    if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                        writer.uint32(16).int32(message.error);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(24).int64(message.epoch);
                    if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                        writer.uint32(32).int32(message.leaderId);
                    if (message.granted != null && $Object.hasOwnProperty.call(message, "granted") && message.granted !== false)
                        writer.uint32(40).bool(message.granted);
                    if (message.preVote != null && $Object.hasOwnProperty.call(message, "preVote") && message.preVote !== false)
                        writer.uint32(48).bool(message.preVote);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                VoteResponse.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.VoteResponse();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requestId = value;
                                else
                                    delete message.requestId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.error = value;
                                else
                                    delete message.error;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.leaderId = value;
                                else
                                    delete message.leaderId;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.granted = value;
                                else
                                    delete message.granted;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.preVote = value;
                                else
                                    delete message.preVote;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return VoteResponse;
            })();

            v1.BeginQuorumEpochRequest = (function() {

                var BeginQuorumEpochRequest = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                BeginQuorumEpochRequest.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                BeginQuorumEpochRequest.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                BeginQuorumEpochRequest.prototype.leaderId = 0;
                BeginQuorumEpochRequest.prototype.voterDirectoryId = "";

                BeginQuorumEpochRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                        writer.uint32(8).int64(message.requestId);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(16).int64(message.epoch);
                    if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                        writer.uint32(24).int32(message.leaderId);
                    if (message.voterDirectoryId != null && $Object.hasOwnProperty.call(message, "voterDirectoryId") && message.voterDirectoryId !== "")
                        writer.uint32(34).string(message.voterDirectoryId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                BeginQuorumEpochRequest.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.BeginQuorumEpochRequest();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requestId = value;
                                else
                                    delete message.requestId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.leaderId = value;
                                else
                                    delete message.leaderId;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.voterDirectoryId = value;
                                else
                                    delete message.voterDirectoryId;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return BeginQuorumEpochRequest;
            })();

            v1.BeginQuorumEpochResponse = (function() {

                var BeginQuorumEpochResponse = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                BeginQuorumEpochResponse.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                BeginQuorumEpochResponse.prototype.error = 0;
                BeginQuorumEpochResponse.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                BeginQuorumEpochResponse.prototype.leaderId = 0;

                BeginQuorumEpochResponse.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                        writer.uint32(8).int64(message.requestId);
                    if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                        writer.uint32(16).int32(message.error);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(24).int64(message.epoch);
                    if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                        writer.uint32(32).int32(message.leaderId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                BeginQuorumEpochResponse.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.BeginQuorumEpochResponse();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requestId = value;
                                else
                                    delete message.requestId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.error = value;
                                else
                                    delete message.error;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.leaderId = value;
                                else
                                    delete message.leaderId;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return BeginQuorumEpochResponse;
            })();

            v1.EndQuorumEpochRequest = (function() {

                var EndQuorumEpochRequest = function (properties) {
                    this.preferredSuccessors = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                EndQuorumEpochRequest.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                EndQuorumEpochRequest.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                EndQuorumEpochRequest.prototype.leaderId = 0;
                EndQuorumEpochRequest.prototype.preferredSuccessors = $util.emptyArray;

                EndQuorumEpochRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                        writer.uint32(8).int64(message.requestId);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(16).int64(message.epoch);
                    if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                        writer.uint32(24).int32(message.leaderId);
                    if (message.preferredSuccessors != null && message.preferredSuccessors.length)
                        writer.uint32(34).int32s(message.preferredSuccessors);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                EndQuorumEpochRequest.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.EndQuorumEpochRequest();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requestId = value;
                                else
                                    delete message.requestId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.leaderId = value;
                                else
                                    delete message.leaderId;
                                continue;
                            }
                        case 4: {
                                if (wireType === 2) {
                                    if (!(message.preferredSuccessors && message.preferredSuccessors.length))
                                        message.preferredSuccessors = [];
                                    reader.int32s(message.preferredSuccessors);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.preferredSuccessors && message.preferredSuccessors.length))
                                    message.preferredSuccessors = [];
                                message.preferredSuccessors.push(reader.int32());
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return EndQuorumEpochRequest;
            })();

            v1.EndQuorumEpochResponse = (function() {

                var EndQuorumEpochResponse = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                EndQuorumEpochResponse.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                EndQuorumEpochResponse.prototype.error = 0;
                EndQuorumEpochResponse.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                EndQuorumEpochResponse.prototype.leaderId = 0;

                EndQuorumEpochResponse.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                        writer.uint32(8).int64(message.requestId);
                    if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                        writer.uint32(16).int32(message.error);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(24).int64(message.epoch);
                    if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                        writer.uint32(32).int32(message.leaderId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                EndQuorumEpochResponse.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.EndQuorumEpochResponse();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requestId = value;
                                else
                                    delete message.requestId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.error = value;
                                else
                                    delete message.error;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.leaderId = value;
                                else
                                    delete message.leaderId;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return EndQuorumEpochResponse;
            })();

            v1.FetchRequest = (function() {

                var FetchRequest = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                FetchRequest.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchRequest.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchRequest.prototype.replicaId = 0;
                FetchRequest.prototype.fetchOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchRequest.prototype.lastFetchedEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchRequest.prototype.maxWaitMs = 0;
                FetchRequest.prototype.maxBytes = 0;
                FetchRequest.prototype.replicaDirectoryId = "";

                FetchRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                        writer.uint32(8).int64(message.requestId);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(16).int64(message.epoch);
                    if (message.replicaId != null && $Object.hasOwnProperty.call(message, "replicaId") && message.replicaId !== 0)
                        writer.uint32(24).int32(message.replicaId);
                    if (message.fetchOffset != null && $Object.hasOwnProperty.call(message, "fetchOffset") && (typeof message.fetchOffset === "object" ? message.fetchOffset.low || message.fetchOffset.high : message.fetchOffset !== 0))
                        writer.uint32(32).int64(message.fetchOffset);
                    if (message.lastFetchedEpoch != null && $Object.hasOwnProperty.call(message, "lastFetchedEpoch") && (typeof message.lastFetchedEpoch === "object" ? message.lastFetchedEpoch.low || message.lastFetchedEpoch.high : message.lastFetchedEpoch !== 0))
                        writer.uint32(40).int64(message.lastFetchedEpoch);
                    if (message.maxWaitMs != null && $Object.hasOwnProperty.call(message, "maxWaitMs") && message.maxWaitMs !== 0)
                        writer.uint32(48).int32(message.maxWaitMs);
                    if (message.maxBytes != null && $Object.hasOwnProperty.call(message, "maxBytes") && message.maxBytes !== 0)
                        writer.uint32(56).int32(message.maxBytes);
                    if (message.replicaDirectoryId != null && $Object.hasOwnProperty.call(message, "replicaDirectoryId") && message.replicaDirectoryId !== "")
                        writer.uint32(66).string(message.replicaDirectoryId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                FetchRequest.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.FetchRequest();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requestId = value;
                                else
                                    delete message.requestId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.replicaId = value;
                                else
                                    delete message.replicaId;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.fetchOffset = value;
                                else
                                    delete message.fetchOffset;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.lastFetchedEpoch = value;
                                else
                                    delete message.lastFetchedEpoch;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.maxWaitMs = value;
                                else
                                    delete message.maxWaitMs;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.maxBytes = value;
                                else
                                    delete message.maxBytes;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.replicaDirectoryId = value;
                                else
                                    delete message.replicaDirectoryId;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return FetchRequest;
            })();

            v1.FetchResponse = (function() {

                var FetchResponse = function (properties) {
                    this.batches = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                FetchResponse.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchResponse.prototype.error = 0;
                FetchResponse.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchResponse.prototype.leaderId = 0;
                FetchResponse.prototype.highWatermark = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchResponse.prototype.logStartOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchResponse.prototype.divergingEpoch = null;
                FetchResponse.prototype.snapshotId = null;
                FetchResponse.prototype.batches = $util.emptyArray;

                FetchResponse.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                        writer.uint32(8).int64(message.requestId);
                    if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                        writer.uint32(16).int32(message.error);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(24).int64(message.epoch);
                    if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                        writer.uint32(32).int32(message.leaderId);
                    if (message.highWatermark != null && $Object.hasOwnProperty.call(message, "highWatermark") && (typeof message.highWatermark === "object" ? message.highWatermark.low || message.highWatermark.high : message.highWatermark !== 0))
                        writer.uint32(40).int64(message.highWatermark);
                    if (message.logStartOffset != null && $Object.hasOwnProperty.call(message, "logStartOffset") && (typeof message.logStartOffset === "object" ? message.logStartOffset.low || message.logStartOffset.high : message.logStartOffset !== 0))
                        writer.uint32(48).int64(message.logStartOffset);
                    if (message.divergingEpoch != null && $Object.hasOwnProperty.call(message, "divergingEpoch"))
                        $root.kz.raft.v1.OffsetAndEpoch.encode(message.divergingEpoch, writer.uint32(58).fork(), _depth + 1).ldelim();
                    if (message.snapshotId != null && $Object.hasOwnProperty.call(message, "snapshotId"))
                        $root.kz.raft.v1.OffsetAndEpoch.encode(message.snapshotId, writer.uint32(66).fork(), _depth + 1).ldelim();
                    if (message.batches != null && message.batches.length)
                        for (var i = 0; i < message.batches.length; ++i)
                            writer.uint32(74).bytes(message.batches[i]);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                FetchResponse.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.FetchResponse();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requestId = value;
                                else
                                    delete message.requestId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.error = value;
                                else
                                    delete message.error;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.leaderId = value;
                                else
                                    delete message.leaderId;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.highWatermark = value;
                                else
                                    delete message.highWatermark;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.logStartOffset = value;
                                else
                                    delete message.logStartOffset;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                message.divergingEpoch = $root.kz.raft.v1.OffsetAndEpoch.decode(reader, reader.size(), $undefined, _depth + 1, message.divergingEpoch);
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                message.snapshotId = $root.kz.raft.v1.OffsetAndEpoch.decode(reader, reader.size(), $undefined, _depth + 1, message.snapshotId);
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.batches && message.batches.length))
                                    message.batches = [];
                                message.batches.push(reader.bytes());
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return FetchResponse;
            })();

            v1.FetchSnapshotRequest = (function() {

                var FetchSnapshotRequest = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                FetchSnapshotRequest.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchSnapshotRequest.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchSnapshotRequest.prototype.replicaId = 0;
                FetchSnapshotRequest.prototype.snapshotId = null;
                FetchSnapshotRequest.prototype.position = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchSnapshotRequest.prototype.maxBytes = 0;
                FetchSnapshotRequest.prototype.replicaDirectoryId = "";

                FetchSnapshotRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                        writer.uint32(8).int64(message.requestId);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(16).int64(message.epoch);
                    if (message.replicaId != null && $Object.hasOwnProperty.call(message, "replicaId") && message.replicaId !== 0)
                        writer.uint32(24).int32(message.replicaId);
                    if (message.snapshotId != null && $Object.hasOwnProperty.call(message, "snapshotId"))
                        $root.kz.raft.v1.OffsetAndEpoch.encode(message.snapshotId, writer.uint32(34).fork(), _depth + 1).ldelim();
                    if (message.position != null && $Object.hasOwnProperty.call(message, "position") && (typeof message.position === "object" ? message.position.low || message.position.high : message.position !== 0))
                        writer.uint32(40).int64(message.position);
                    if (message.maxBytes != null && $Object.hasOwnProperty.call(message, "maxBytes") && message.maxBytes !== 0)
                        writer.uint32(48).int32(message.maxBytes);
                    if (message.replicaDirectoryId != null && $Object.hasOwnProperty.call(message, "replicaDirectoryId") && message.replicaDirectoryId !== "")
                        writer.uint32(58).string(message.replicaDirectoryId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                FetchSnapshotRequest.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.FetchSnapshotRequest();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requestId = value;
                                else
                                    delete message.requestId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.replicaId = value;
                                else
                                    delete message.replicaId;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                message.snapshotId = $root.kz.raft.v1.OffsetAndEpoch.decode(reader, reader.size(), $undefined, _depth + 1, message.snapshotId);
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.position = value;
                                else
                                    delete message.position;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.maxBytes = value;
                                else
                                    delete message.maxBytes;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.replicaDirectoryId = value;
                                else
                                    delete message.replicaDirectoryId;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return FetchSnapshotRequest;
            })();

            v1.FetchSnapshotResponse = (function() {

                var FetchSnapshotResponse = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                FetchSnapshotResponse.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchSnapshotResponse.prototype.error = 0;
                FetchSnapshotResponse.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchSnapshotResponse.prototype.leaderId = 0;
                FetchSnapshotResponse.prototype.snapshotId = null;
                FetchSnapshotResponse.prototype.size = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchSnapshotResponse.prototype.position = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchSnapshotResponse.prototype.chunk = $util.newBuffer([]);

                FetchSnapshotResponse.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                        writer.uint32(8).int64(message.requestId);
                    if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                        writer.uint32(16).int32(message.error);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(24).int64(message.epoch);
                    if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                        writer.uint32(32).int32(message.leaderId);
                    if (message.snapshotId != null && $Object.hasOwnProperty.call(message, "snapshotId"))
                        $root.kz.raft.v1.OffsetAndEpoch.encode(message.snapshotId, writer.uint32(42).fork(), _depth + 1).ldelim();
                    if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                        writer.uint32(48).int64(message.size);
                    if (message.position != null && $Object.hasOwnProperty.call(message, "position") && (typeof message.position === "object" ? message.position.low || message.position.high : message.position !== 0))
                        writer.uint32(56).int64(message.position);
                    if (message.chunk != null && $Object.hasOwnProperty.call(message, "chunk") && message.chunk.length)
                        writer.uint32(66).bytes(message.chunk);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                FetchSnapshotResponse.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.FetchSnapshotResponse();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requestId = value;
                                else
                                    delete message.requestId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.error = value;
                                else
                                    delete message.error;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.leaderId = value;
                                else
                                    delete message.leaderId;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                message.snapshotId = $root.kz.raft.v1.OffsetAndEpoch.decode(reader, reader.size(), $undefined, _depth + 1, message.snapshotId);
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.size = value;
                                else
                                    delete message.size;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.position = value;
                                else
                                    delete message.position;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.chunk = value;
                                else
                                    delete message.chunk;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return FetchSnapshotResponse;
            })();

            v1.UpdateRaftVoterRequest = (function() {

                var UpdateRaftVoterRequest = function (properties) {
                    this.endpoints = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                UpdateRaftVoterRequest.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                UpdateRaftVoterRequest.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                UpdateRaftVoterRequest.prototype.voterId = 0;
                UpdateRaftVoterRequest.prototype.voterDirectoryId = "";
                UpdateRaftVoterRequest.prototype.endpoints = $util.emptyArray;

                UpdateRaftVoterRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                        writer.uint32(8).int64(message.requestId);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(16).int64(message.epoch);
                    if (message.voterId != null && $Object.hasOwnProperty.call(message, "voterId") && message.voterId !== 0)
                        writer.uint32(24).int32(message.voterId);
                    if (message.voterDirectoryId != null && $Object.hasOwnProperty.call(message, "voterDirectoryId") && message.voterDirectoryId !== "")
                        writer.uint32(34).string(message.voterDirectoryId);
                    if (message.endpoints != null && message.endpoints.length)
                        for (var i = 0; i < message.endpoints.length; ++i)
                            $root.kz.raft.v1.Endpoint.encode(message.endpoints[i], writer.uint32(42).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                UpdateRaftVoterRequest.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.UpdateRaftVoterRequest();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requestId = value;
                                else
                                    delete message.requestId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.voterId = value;
                                else
                                    delete message.voterId;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.voterDirectoryId = value;
                                else
                                    delete message.voterDirectoryId;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.endpoints && message.endpoints.length))
                                    message.endpoints = [];
                                message.endpoints.push($root.kz.raft.v1.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return UpdateRaftVoterRequest;
            })();

            v1.UpdateRaftVoterResponse = (function() {

                var UpdateRaftVoterResponse = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                UpdateRaftVoterResponse.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                UpdateRaftVoterResponse.prototype.error = 0;
                UpdateRaftVoterResponse.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                UpdateRaftVoterResponse.prototype.leaderId = 0;

                UpdateRaftVoterResponse.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                        writer.uint32(8).int64(message.requestId);
                    if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                        writer.uint32(16).int32(message.error);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(24).int64(message.epoch);
                    if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                        writer.uint32(32).int32(message.leaderId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                UpdateRaftVoterResponse.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.UpdateRaftVoterResponse();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requestId = value;
                                else
                                    delete message.requestId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.error = value;
                                else
                                    delete message.error;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.leaderId = value;
                                else
                                    delete message.leaderId;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return UpdateRaftVoterResponse;
            })();

            v1.DescribeQuorumRequest = (function() {

                var DescribeQuorumRequest = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                DescribeQuorumRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                DescribeQuorumRequest.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.DescribeQuorumRequest();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        reader.skipType(tag & 7, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return DescribeQuorumRequest;
            })();

            v1.ReplicaState = (function() {

                var ReplicaState = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                ReplicaState.prototype.nodeId = 0;
                ReplicaState.prototype.logEndOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ReplicaState.prototype.lastFetchTimestamp = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ReplicaState.prototype.lastCaughtUpTimestamp = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ReplicaState.prototype.directoryId = "";

                ReplicaState.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId") && message.nodeId !== 0)
                        writer.uint32(8).int32(message.nodeId);
                    if (message.logEndOffset != null && $Object.hasOwnProperty.call(message, "logEndOffset") && (typeof message.logEndOffset === "object" ? message.logEndOffset.low || message.logEndOffset.high : message.logEndOffset !== 0))
                        writer.uint32(16).int64(message.logEndOffset);
                    if (message.lastFetchTimestamp != null && $Object.hasOwnProperty.call(message, "lastFetchTimestamp") && (typeof message.lastFetchTimestamp === "object" ? message.lastFetchTimestamp.low || message.lastFetchTimestamp.high : message.lastFetchTimestamp !== 0))
                        writer.uint32(24).int64(message.lastFetchTimestamp);
                    if (message.lastCaughtUpTimestamp != null && $Object.hasOwnProperty.call(message, "lastCaughtUpTimestamp") && (typeof message.lastCaughtUpTimestamp === "object" ? message.lastCaughtUpTimestamp.low || message.lastCaughtUpTimestamp.high : message.lastCaughtUpTimestamp !== 0))
                        writer.uint32(32).int64(message.lastCaughtUpTimestamp);
                    if (message.directoryId != null && $Object.hasOwnProperty.call(message, "directoryId") && message.directoryId !== "")
                        writer.uint32(42).string(message.directoryId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                ReplicaState.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.ReplicaState();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.nodeId = value;
                                else
                                    delete message.nodeId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.logEndOffset = value;
                                else
                                    delete message.logEndOffset;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.lastFetchTimestamp = value;
                                else
                                    delete message.lastFetchTimestamp;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.lastCaughtUpTimestamp = value;
                                else
                                    delete message.lastCaughtUpTimestamp;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.directoryId = value;
                                else
                                    delete message.directoryId;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return ReplicaState;
            })();

            v1.DescribeQuorumResponse = (function() {

                var DescribeQuorumResponse = function (properties) {
                    this.voters = [];
                    this.observers = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                DescribeQuorumResponse.prototype.error = 0;
                DescribeQuorumResponse.prototype.leaderId = 0;
                DescribeQuorumResponse.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                DescribeQuorumResponse.prototype.highWatermark = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                DescribeQuorumResponse.prototype.voters = $util.emptyArray;
                DescribeQuorumResponse.prototype.observers = $util.emptyArray;
                DescribeQuorumResponse.prototype.leaderAddress = "";

                DescribeQuorumResponse.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                        writer.uint32(8).int32(message.error);
                    if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                        writer.uint32(16).int32(message.leaderId);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(24).int64(message.epoch);
                    if (message.highWatermark != null && $Object.hasOwnProperty.call(message, "highWatermark") && (typeof message.highWatermark === "object" ? message.highWatermark.low || message.highWatermark.high : message.highWatermark !== 0))
                        writer.uint32(32).int64(message.highWatermark);
                    if (message.voters != null && message.voters.length)
                        for (var i = 0; i < message.voters.length; ++i)
                            $root.kz.raft.v1.ReplicaState.encode(message.voters[i], writer.uint32(42).fork(), _depth + 1).ldelim();
                    if (message.observers != null && message.observers.length)
                        for (var i = 0; i < message.observers.length; ++i)
                            $root.kz.raft.v1.ReplicaState.encode(message.observers[i], writer.uint32(50).fork(), _depth + 1).ldelim();
                    if (message.leaderAddress != null && $Object.hasOwnProperty.call(message, "leaderAddress") && message.leaderAddress !== "")
                        writer.uint32(58).string(message.leaderAddress);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                DescribeQuorumResponse.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.DescribeQuorumResponse();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.error = value;
                                else
                                    delete message.error;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.leaderId = value;
                                else
                                    delete message.leaderId;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.highWatermark = value;
                                else
                                    delete message.highWatermark;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.voters && message.voters.length))
                                    message.voters = [];
                                message.voters.push($root.kz.raft.v1.ReplicaState.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.observers && message.observers.length))
                                    message.observers = [];
                                message.observers.push($root.kz.raft.v1.ReplicaState.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.leaderAddress = value;
                                else
                                    delete message.leaderAddress;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return DescribeQuorumResponse;
            })();

            v1.Voter = (function() {

                var Voter = function (properties) {
                    this.endpoints = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                Voter.prototype.id = 0;
                Voter.prototype.directoryId = "";
                Voter.prototype.endpoints = $util.emptyArray;

                Voter.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                        writer.uint32(8).int32(message.id);
                    if (message.directoryId != null && $Object.hasOwnProperty.call(message, "directoryId") && message.directoryId !== "")
                        writer.uint32(18).string(message.directoryId);
                    if (message.endpoints != null && message.endpoints.length)
                        for (var i = 0; i < message.endpoints.length; ++i)
                            $root.kz.raft.v1.Endpoint.encode(message.endpoints[i], writer.uint32(26).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                Voter.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.Voter();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.id = value;
                                else
                                    delete message.id;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.directoryId = value;
                                else
                                    delete message.directoryId;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.endpoints && message.endpoints.length))
                                    message.endpoints = [];
                                message.endpoints.push($root.kz.raft.v1.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return Voter;
            })();

            v1.AddRaftVoterRequest = (function() {

                var AddRaftVoterRequest = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                AddRaftVoterRequest.prototype.voter = null;

                AddRaftVoterRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.voter != null && $Object.hasOwnProperty.call(message, "voter"))
                        $root.kz.raft.v1.Voter.encode(message.voter, writer.uint32(10).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                AddRaftVoterRequest.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.AddRaftVoterRequest();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                message.voter = $root.kz.raft.v1.Voter.decode(reader, reader.size(), $undefined, _depth + 1, message.voter);
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return AddRaftVoterRequest;
            })();

            v1.RemoveRaftVoterRequest = (function() {

                var RemoveRaftVoterRequest = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                RemoveRaftVoterRequest.prototype.voterId = 0;
                RemoveRaftVoterRequest.prototype.voterDirectoryId = "";

                RemoveRaftVoterRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.voterId != null && $Object.hasOwnProperty.call(message, "voterId") && message.voterId !== 0)
                        writer.uint32(8).int32(message.voterId);
                    if (message.voterDirectoryId != null && $Object.hasOwnProperty.call(message, "voterDirectoryId") && message.voterDirectoryId !== "")
                        writer.uint32(18).string(message.voterDirectoryId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                RemoveRaftVoterRequest.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.RemoveRaftVoterRequest();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.voterId = value;
                                else
                                    delete message.voterId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.voterDirectoryId = value;
                                else
                                    delete message.voterDirectoryId;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return RemoveRaftVoterRequest;
            })();

            v1.SetRaftVoterEndpointsRequest = (function() {

                var SetRaftVoterEndpointsRequest = function (properties) {
                    this.endpoints = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                SetRaftVoterEndpointsRequest.prototype.voterId = 0;
                SetRaftVoterEndpointsRequest.prototype.voterDirectoryId = "";
                SetRaftVoterEndpointsRequest.prototype.endpoints = $util.emptyArray;

                SetRaftVoterEndpointsRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.voterId != null && $Object.hasOwnProperty.call(message, "voterId") && message.voterId !== 0)
                        writer.uint32(8).int32(message.voterId);
                    if (message.voterDirectoryId != null && $Object.hasOwnProperty.call(message, "voterDirectoryId") && message.voterDirectoryId !== "")
                        writer.uint32(18).string(message.voterDirectoryId);
                    if (message.endpoints != null && message.endpoints.length)
                        for (var i = 0; i < message.endpoints.length; ++i)
                            $root.kz.raft.v1.Endpoint.encode(message.endpoints[i], writer.uint32(26).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                SetRaftVoterEndpointsRequest.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.SetRaftVoterEndpointsRequest();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.voterId = value;
                                else
                                    delete message.voterId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.voterDirectoryId = value;
                                else
                                    delete message.voterDirectoryId;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.endpoints && message.endpoints.length))
                                    message.endpoints = [];
                                message.endpoints.push($root.kz.raft.v1.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return SetRaftVoterEndpointsRequest;
            })();

            v1.VoterChangeResponse = (function() {

                var VoterChangeResponse = function (properties) {
                    this.voters = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                VoterChangeResponse.prototype.error = 0;
                VoterChangeResponse.prototype.errorMessage = "";
                VoterChangeResponse.prototype.leaderId = 0;
                VoterChangeResponse.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                VoterChangeResponse.prototype.leaderAddress = "";
                VoterChangeResponse.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                VoterChangeResponse.prototype.voters = $util.emptyArray;

                VoterChangeResponse.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.error != null && $Object.hasOwnProperty.call(message, "error") && message.error !== 0)
                        writer.uint32(8).int32(message.error);
                    if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                        writer.uint32(18).string(message.errorMessage);
                    if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                        writer.uint32(24).int32(message.leaderId);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                        writer.uint32(32).int64(message.epoch);
                    if (message.leaderAddress != null && $Object.hasOwnProperty.call(message, "leaderAddress") && message.leaderAddress !== "")
                        writer.uint32(42).string(message.leaderAddress);
                    if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && (typeof message.offset === "object" ? message.offset.low || message.offset.high : message.offset !== 0))
                        writer.uint32(48).int64(message.offset);
                    if (message.voters != null && message.voters.length)
                        for (var i = 0; i < message.voters.length; ++i)
                            $root.kz.raft.v1.Voter.encode(message.voters[i], writer.uint32(58).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                VoterChangeResponse.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.kz.raft.v1.VoterChangeResponse();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.error = value;
                                else
                                    delete message.error;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.errorMessage = value;
                                else
                                    delete message.errorMessage;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.leaderId = value;
                                else
                                    delete message.leaderId;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.leaderAddress = value;
                                else
                                    delete message.leaderAddress;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.offset = value;
                                else
                                    delete message.offset;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.voters && message.voters.length))
                                    message.voters = [];
                                message.voters.push($root.kz.raft.v1.Voter.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return VoterChangeResponse;
            })();

            return v1;
        })();

        return raft;
    })();

    return kz;
})();

module.exports = $root;
