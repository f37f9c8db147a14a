/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

var $root = $protobuf.roots["kz_broker_replication"] || ($protobuf.roots["kz_broker_replication"] = {});

$root.kz = (function() {

    var kz = {};

    kz.broker = (function() {

        var broker = {};

        broker.v1 = (function() {

            var v1 = {};

            v1.CurrentLeader = (function() {

                var CurrentLeader = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                CurrentLeader.prototype.leaderId = 0;
                CurrentLeader.prototype.leaderEpoch = 0;

                CurrentLeader.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                        writer.uint32(8).int32(message.leaderId);
                    if (message.leaderEpoch != null && $Object.hasOwnProperty.call(message, "leaderEpoch") && message.leaderEpoch !== 0)
                        writer.uint32(16).int32(message.leaderEpoch);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                CurrentLeader.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.broker.v1.CurrentLeader();
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
                                    message.leaderId = value;
                                else
                                    delete message.leaderId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.leaderEpoch = value;
                                else
                                    delete message.leaderEpoch;
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

                return CurrentLeader;
            })();

            v1.FetchPartition = (function() {

                var FetchPartition = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                FetchPartition.prototype.partition = 0;
                FetchPartition.prototype.currentLeaderEpoch = 0;
                FetchPartition.prototype.fetchOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchPartition.prototype.lastFetchedEpoch = 0;
                FetchPartition.prototype.logStartOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchPartition.prototype.partitionMaxBytes = 0;

                FetchPartition.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.partition != null && $Object.hasOwnProperty.call(message, "partition") && message.partition !== 0)
                        writer.uint32(8).int32(message.partition);
                    if (message.currentLeaderEpoch != null && $Object.hasOwnProperty.call(message, "currentLeaderEpoch") && message.currentLeaderEpoch !== 0)
                        writer.uint32(16).int32(message.currentLeaderEpoch);
                    if (message.fetchOffset != null && $Object.hasOwnProperty.call(message, "fetchOffset") && (typeof message.fetchOffset === "object" ? message.fetchOffset.low || message.fetchOffset.high : message.fetchOffset !== 0))
                        writer.uint32(24).int64(message.fetchOffset);
                    if (message.lastFetchedEpoch != null && $Object.hasOwnProperty.call(message, "lastFetchedEpoch") && message.lastFetchedEpoch !== 0)
                        writer.uint32(32).int32(message.lastFetchedEpoch);
                    if (message.logStartOffset != null && $Object.hasOwnProperty.call(message, "logStartOffset") && (typeof message.logStartOffset === "object" ? message.logStartOffset.low || message.logStartOffset.high : message.logStartOffset !== 0))
                        writer.uint32(40).int64(message.logStartOffset);
                    if (message.partitionMaxBytes != null && $Object.hasOwnProperty.call(message, "partitionMaxBytes") && message.partitionMaxBytes !== 0)
                        writer.uint32(48).int32(message.partitionMaxBytes);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                FetchPartition.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.broker.v1.FetchPartition();
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
                                    message.partition = value;
                                else
                                    delete message.partition;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.currentLeaderEpoch = value;
                                else
                                    delete message.currentLeaderEpoch;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.fetchOffset = value;
                                else
                                    delete message.fetchOffset;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.lastFetchedEpoch = value;
                                else
                                    delete message.lastFetchedEpoch;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.logStartOffset = value;
                                else
                                    delete message.logStartOffset;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.partitionMaxBytes = value;
                                else
                                    delete message.partitionMaxBytes;
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

                return FetchPartition;
            })();

            v1.FetchTopic = (function() {

                var FetchTopic = function (properties) {
                    this.partitions = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                FetchTopic.prototype.topicId = "";
                FetchTopic.prototype.partitions = $util.emptyArray;

                FetchTopic.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.topicId != null && $Object.hasOwnProperty.call(message, "topicId") && message.topicId !== "")
                        writer.uint32(10).string(message.topicId);
                    if (message.partitions != null && message.partitions.length)
                        for (var i = 0; i < message.partitions.length; ++i)
                            $root.kz.broker.v1.FetchPartition.encode(message.partitions[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                FetchTopic.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.broker.v1.FetchTopic();
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
                                    message.topicId = value;
                                else
                                    delete message.topicId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.partitions && message.partitions.length))
                                    message.partitions = [];
                                message.partitions.push($root.kz.broker.v1.FetchPartition.decode(reader, reader.size(), $undefined, _depth + 1));
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

                return FetchTopic;
            })();

            v1.FetchRequest = (function() {

                var FetchRequest = function (properties) {
                    this.topics = [];
                    this.forgottenTopics = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                FetchRequest.prototype.replicaId = 0;
                FetchRequest.prototype.replicaEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchRequest.prototype.maxWaitMs = 0;
                FetchRequest.prototype.minBytes = 0;
                FetchRequest.prototype.maxBytes = 0;
                FetchRequest.prototype.topics = $util.emptyArray;
                FetchRequest.prototype.sessionId = 0;
                FetchRequest.prototype.sessionEpoch = 0;
                FetchRequest.prototype.forgottenTopics = $util.emptyArray;

                FetchRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.replicaId != null && $Object.hasOwnProperty.call(message, "replicaId") && message.replicaId !== 0)
                        writer.uint32(8).int32(message.replicaId);
                    if (message.replicaEpoch != null && $Object.hasOwnProperty.call(message, "replicaEpoch") && (typeof message.replicaEpoch === "object" ? message.replicaEpoch.low || message.replicaEpoch.high : message.replicaEpoch !== 0))
                        writer.uint32(16).int64(message.replicaEpoch);
                    if (message.maxWaitMs != null && $Object.hasOwnProperty.call(message, "maxWaitMs") && message.maxWaitMs !== 0)
                        writer.uint32(24).int32(message.maxWaitMs);
                    if (message.minBytes != null && $Object.hasOwnProperty.call(message, "minBytes") && message.minBytes !== 0)
                        writer.uint32(32).int32(message.minBytes);
                    if (message.maxBytes != null && $Object.hasOwnProperty.call(message, "maxBytes") && message.maxBytes !== 0)
                        writer.uint32(40).int32(message.maxBytes);
                    if (message.topics != null && message.topics.length)
                        for (var i = 0; i < message.topics.length; ++i)
                            $root.kz.broker.v1.FetchTopic.encode(message.topics[i], writer.uint32(50).fork(), _depth + 1).ldelim();
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== 0)
                        writer.uint32(56).int32(message.sessionId);
                    if (message.sessionEpoch != null && $Object.hasOwnProperty.call(message, "sessionEpoch") && message.sessionEpoch !== 0)
                        writer.uint32(64).int32(message.sessionEpoch);
                    if (message.forgottenTopics != null && message.forgottenTopics.length)
                        for (var i = 0; i < message.forgottenTopics.length; ++i)
                            $root.kz.broker.v1.ForgottenTopic.encode(message.forgottenTopics[i], writer.uint32(74).fork(), _depth + 1).ldelim();
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
                    message = _target || new $root.kz.broker.v1.FetchRequest();
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
                                    message.replicaId = value;
                                else
                                    delete message.replicaId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.replicaEpoch = value;
                                else
                                    delete message.replicaEpoch;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.maxWaitMs = value;
                                else
                                    delete message.maxWaitMs;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.minBytes = value;
                                else
                                    delete message.minBytes;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.maxBytes = value;
                                else
                                    delete message.maxBytes;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.topics && message.topics.length))
                                    message.topics = [];
                                message.topics.push($root.kz.broker.v1.FetchTopic.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.sessionId = value;
                                else
                                    delete message.sessionId;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.sessionEpoch = value;
                                else
                                    delete message.sessionEpoch;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.forgottenTopics && message.forgottenTopics.length))
                                    message.forgottenTopics = [];
                                message.forgottenTopics.push($root.kz.broker.v1.ForgottenTopic.decode(reader, reader.size(), $undefined, _depth + 1));
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

            v1.ForgottenTopic = (function() {

                var ForgottenTopic = function (properties) {
                    this.partitions = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                ForgottenTopic.prototype.topicId = "";
                ForgottenTopic.prototype.partitions = $util.emptyArray;

                ForgottenTopic.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.topicId != null && $Object.hasOwnProperty.call(message, "topicId") && message.topicId !== "")
                        writer.uint32(10).string(message.topicId);
                    if (message.partitions != null && message.partitions.length)
                        writer.uint32(18).int32s(message.partitions);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                ForgottenTopic.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.broker.v1.ForgottenTopic();
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
                                    message.topicId = value;
                                else
                                    delete message.topicId;
                                continue;
                            }
                        case 2: {
                                if (wireType === 2) {
                                    if (!(message.partitions && message.partitions.length))
                                        message.partitions = [];
                                    reader.int32s(message.partitions);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.partitions && message.partitions.length))
                                    message.partitions = [];
                                message.partitions.push(reader.int32());
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

                return ForgottenTopic;
            })();

            v1.DivergingEpoch = (function() {

                var DivergingEpoch = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                DivergingEpoch.prototype.epoch = 0;
                DivergingEpoch.prototype.endOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                DivergingEpoch.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && message.epoch !== 0)
                        writer.uint32(8).int32(message.epoch);
                    if (message.endOffset != null && $Object.hasOwnProperty.call(message, "endOffset") && (typeof message.endOffset === "object" ? message.endOffset.low || message.endOffset.high : message.endOffset !== 0))
                        writer.uint32(16).int64(message.endOffset);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                DivergingEpoch.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.broker.v1.DivergingEpoch();
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
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.endOffset = value;
                                else
                                    delete message.endOffset;
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

                return DivergingEpoch;
            })();

            v1.FetchPartitionResponse = (function() {

                var FetchPartitionResponse = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                FetchPartitionResponse.prototype.partition = 0;
                FetchPartitionResponse.prototype.errorCode = 0;
                FetchPartitionResponse.prototype.errorMessage = "";
                FetchPartitionResponse.prototype.highWatermark = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchPartitionResponse.prototype.logStartOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchPartitionResponse.prototype.logEndOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                FetchPartitionResponse.prototype.divergingEpoch = null;
                FetchPartitionResponse.prototype.currentLeader = null;
                FetchPartitionResponse.prototype.records = $util.newBuffer([]);

                FetchPartitionResponse.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.partition != null && $Object.hasOwnProperty.call(message, "partition") && message.partition !== 0)
                        writer.uint32(8).int32(message.partition);
                    if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== 0)
                        writer.uint32(16).int32(message.errorCode);
                    if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                        writer.uint32(26).string(message.errorMessage);
                    if (message.highWatermark != null && $Object.hasOwnProperty.call(message, "highWatermark") && (typeof message.highWatermark === "object" ? message.highWatermark.low || message.highWatermark.high : message.highWatermark !== 0))
                        writer.uint32(32).int64(message.highWatermark);
                    if (message.logStartOffset != null && $Object.hasOwnProperty.call(message, "logStartOffset") && (typeof message.logStartOffset === "object" ? message.logStartOffset.low || message.logStartOffset.high : message.logStartOffset !== 0))
                        writer.uint32(40).int64(message.logStartOffset);
                    if (message.logEndOffset != null && $Object.hasOwnProperty.call(message, "logEndOffset") && (typeof message.logEndOffset === "object" ? message.logEndOffset.low || message.logEndOffset.high : message.logEndOffset !== 0))
                        writer.uint32(48).int64(message.logEndOffset);
                    if (message.divergingEpoch != null && $Object.hasOwnProperty.call(message, "divergingEpoch"))
                        $root.kz.broker.v1.DivergingEpoch.encode(message.divergingEpoch, writer.uint32(58).fork(), _depth + 1).ldelim();
                    if (message.currentLeader != null && $Object.hasOwnProperty.call(message, "currentLeader"))
                        $root.kz.broker.v1.CurrentLeader.encode(message.currentLeader, writer.uint32(66).fork(), _depth + 1).ldelim();
                    if (message.records != null && $Object.hasOwnProperty.call(message, "records") && message.records.length)
                        writer.uint32(74).bytes(message.records);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                FetchPartitionResponse.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.broker.v1.FetchPartitionResponse();
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
                                    message.partition = value;
                                else
                                    delete message.partition;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.errorCode = value;
                                else
                                    delete message.errorCode;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.errorMessage = value;
                                else
                                    delete message.errorMessage;
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
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.logStartOffset = value;
                                else
                                    delete message.logStartOffset;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.logEndOffset = value;
                                else
                                    delete message.logEndOffset;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                message.divergingEpoch = $root.kz.broker.v1.DivergingEpoch.decode(reader, reader.size(), $undefined, _depth + 1, message.divergingEpoch);
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                message.currentLeader = $root.kz.broker.v1.CurrentLeader.decode(reader, reader.size(), $undefined, _depth + 1, message.currentLeader);
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.records = value;
                                else
                                    delete message.records;
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

                return FetchPartitionResponse;
            })();

            v1.FetchTopicResponse = (function() {

                var FetchTopicResponse = function (properties) {
                    this.partitions = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                FetchTopicResponse.prototype.topicId = "";
                FetchTopicResponse.prototype.partitions = $util.emptyArray;

                FetchTopicResponse.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.topicId != null && $Object.hasOwnProperty.call(message, "topicId") && message.topicId !== "")
                        writer.uint32(10).string(message.topicId);
                    if (message.partitions != null && message.partitions.length)
                        for (var i = 0; i < message.partitions.length; ++i)
                            $root.kz.broker.v1.FetchPartitionResponse.encode(message.partitions[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                FetchTopicResponse.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.broker.v1.FetchTopicResponse();
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
                                    message.topicId = value;
                                else
                                    delete message.topicId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.partitions && message.partitions.length))
                                    message.partitions = [];
                                message.partitions.push($root.kz.broker.v1.FetchPartitionResponse.decode(reader, reader.size(), $undefined, _depth + 1));
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

                return FetchTopicResponse;
            })();

            v1.FetchResponse = (function() {

                var FetchResponse = function (properties) {
                    this.topics = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                FetchResponse.prototype.errorCode = 0;
                FetchResponse.prototype.topics = $util.emptyArray;
                FetchResponse.prototype.sessionId = 0;

                FetchResponse.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== 0)
                        writer.uint32(8).int32(message.errorCode);
                    if (message.topics != null && message.topics.length)
                        for (var i = 0; i < message.topics.length; ++i)
                            $root.kz.broker.v1.FetchTopicResponse.encode(message.topics[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== 0)
                        writer.uint32(24).int32(message.sessionId);
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
                    message = _target || new $root.kz.broker.v1.FetchResponse();
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
                                    message.errorCode = value;
                                else
                                    delete message.errorCode;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.topics && message.topics.length))
                                    message.topics = [];
                                message.topics.push($root.kz.broker.v1.FetchTopicResponse.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.sessionId = value;
                                else
                                    delete message.sessionId;
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

            return v1;
        })();

        return broker;
    })();

    return kz;
})();

module.exports = $root;
