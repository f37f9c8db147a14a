/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

var $root = $protobuf.roots["kz_metadata_admin"] || ($protobuf.roots["kz_metadata_admin"] = {});

$root.kz = (function() {

    var kz = {};

    kz.metadata = (function() {

        var metadata = {};

        metadata.admin = (function() {

            var admin = {};

            admin.v1 = (function() {

                var v1 = {};

                v1.ApiError = (function() {

                    var ApiError = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    ApiError.prototype.errorCode = 0;
                    ApiError.prototype.errorName = "";
                    ApiError.prototype.errorMessage = "";
                    ApiError.prototype.leaderId = 0;

                    ApiError.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== 0)
                            writer.uint32(8).int32(message.errorCode);
                        if (message.errorName != null && $Object.hasOwnProperty.call(message, "errorName") && message.errorName !== "")
                            writer.uint32(18).string(message.errorName);
                        if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                            writer.uint32(26).string(message.errorMessage);
                        if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                            writer.uint32(32).int32(message.leaderId);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    ApiError.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.ApiError();
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
                                    if ((value = reader.stringVerify()).length)
                                        message.errorName = value;
                                    else
                                        delete message.errorName;
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

                    return ApiError;
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
                        message = _target || new $root.kz.metadata.admin.v1.Endpoint();
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

                v1.BrokerIdList = (function() {

                    var BrokerIdList = function (properties) {
                        this.ids = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    BrokerIdList.prototype.ids = $util.emptyArray;

                    BrokerIdList.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.ids != null && message.ids.length)
                            writer.uint32(10).int32s(message.ids);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    BrokerIdList.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.BrokerIdList();
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
                                    if (wireType === 2) {
                                        if (!(message.ids && message.ids.length))
                                            message.ids = [];
                                        reader.int32s(message.ids);
                                        continue;
                                    }
                                    if (wireType !== 0)
                                        break;
                                    if (!(message.ids && message.ids.length))
                                        message.ids = [];
                                    message.ids.push(reader.int32());
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

                    return BrokerIdList;
                })();

                v1.ReplicaAssignment = (function() {

                    var ReplicaAssignment = function (properties) {
                        this.partitions = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    ReplicaAssignment.prototype.partitions = $util.emptyArray;

                    ReplicaAssignment.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.partitions != null && message.partitions.length)
                            for (var i = 0; i < message.partitions.length; ++i)
                                $root.kz.metadata.admin.v1.BrokerIdList.encode(message.partitions[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    ReplicaAssignment.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.ReplicaAssignment();
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
                                    if (!(message.partitions && message.partitions.length))
                                        message.partitions = [];
                                    message.partitions.push($root.kz.metadata.admin.v1.BrokerIdList.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return ReplicaAssignment;
                })();

                v1.TopicPartition = (function() {

                    var TopicPartition = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    TopicPartition.prototype.topic = "";
                    TopicPartition.prototype.partitionId = 0;

                    TopicPartition.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                            writer.uint32(10).string(message.topic);
                        if (message.partitionId != null && $Object.hasOwnProperty.call(message, "partitionId") && message.partitionId !== 0)
                            writer.uint32(16).int32(message.partitionId);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    TopicPartition.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.TopicPartition();
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
                                        message.topic = value;
                                    else
                                        delete message.topic;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.partitionId = value;
                                    else
                                        delete message.partitionId;
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

                    return TopicPartition;
                })();

                v1.PartitionOutcome = (function() {

                    var PartitionOutcome = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    PartitionOutcome.prototype.topic = "";
                    PartitionOutcome.prototype.partitionId = 0;
                    PartitionOutcome.prototype.error = null;

                    PartitionOutcome.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                            writer.uint32(10).string(message.topic);
                        if (message.partitionId != null && $Object.hasOwnProperty.call(message, "partitionId") && message.partitionId !== 0)
                            writer.uint32(16).int32(message.partitionId);
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(26).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    PartitionOutcome.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.PartitionOutcome();
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
                                        message.topic = value;
                                    else
                                        delete message.topic;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.partitionId = value;
                                    else
                                        delete message.partitionId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
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

                    return PartitionOutcome;
                })();

                v1.TopicOutcome = (function() {

                    var TopicOutcome = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    TopicOutcome.prototype.name = "";
                    TopicOutcome.prototype.error = null;

                    TopicOutcome.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                            writer.uint32(10).string(message.name);
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    TopicOutcome.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.TopicOutcome();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
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

                    return TopicOutcome;
                })();

                v1.ConfigResourceType = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "CONFIG_RESOURCE_TYPE_UNSPECIFIED"] = 0;
                    values[valuesById[2] = "CONFIG_RESOURCE_TYPE_TOPIC"] = 2;
                    values[valuesById[4] = "CONFIG_RESOURCE_TYPE_BROKER"] = 4;
                    return values;
                })();

                v1.RegisterBrokerRequest = (function() {

                    var RegisterBrokerRequest = function (properties) {
                        this.endpoints = [];
                        this.damagedReplicas = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    RegisterBrokerRequest.prototype.brokerId = 0;
                    RegisterBrokerRequest.prototype.clusterId = "";
                    RegisterBrokerRequest.prototype.incarnationId = "";
                    RegisterBrokerRequest.prototype.endpoints = $util.emptyArray;
                    RegisterBrokerRequest.prototype.rack = null;
                    RegisterBrokerRequest.prototype.damagedReplicas = $util.emptyArray;

                    var $oneOfFields;

                    // Virtual OneOf for proto3 optional field
                    $Object.defineProperty(RegisterBrokerRequest.prototype, "_rack", {
                        get: $util.oneOfGetter($oneOfFields = ["rack"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    RegisterBrokerRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.brokerId != null && $Object.hasOwnProperty.call(message, "brokerId") && message.brokerId !== 0)
                            writer.uint32(8).int32(message.brokerId);
                        if (message.clusterId != null && $Object.hasOwnProperty.call(message, "clusterId") && message.clusterId !== "")
                            writer.uint32(18).string(message.clusterId);
                        if (message.incarnationId != null && $Object.hasOwnProperty.call(message, "incarnationId") && message.incarnationId !== "")
                            writer.uint32(26).string(message.incarnationId);
                        if (message.endpoints != null && message.endpoints.length)
                            for (var i = 0; i < message.endpoints.length; ++i)
                                $root.kz.metadata.admin.v1.Endpoint.encode(message.endpoints[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                        if (message.rack != null && $Object.hasOwnProperty.call(message, "rack"))
                            writer.uint32(42).string(message.rack);
                        if (message.damagedReplicas != null && message.damagedReplicas.length)
                            for (var i = 0; i < message.damagedReplicas.length; ++i)
                                $root.kz.metadata.admin.v1.ReplicaRef.encode(message.damagedReplicas[i], writer.uint32(50).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    RegisterBrokerRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.RegisterBrokerRequest();
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
                                        message.brokerId = value;
                                    else
                                        delete message.brokerId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.clusterId = value;
                                    else
                                        delete message.clusterId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.incarnationId = value;
                                    else
                                        delete message.incarnationId;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.endpoints && message.endpoints.length))
                                        message.endpoints = [];
                                    message.endpoints.push($root.kz.metadata.admin.v1.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    message.rack = reader.stringVerify();
                                    message._rack = "rack";
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.damagedReplicas && message.damagedReplicas.length))
                                        message.damagedReplicas = [];
                                    message.damagedReplicas.push($root.kz.metadata.admin.v1.ReplicaRef.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return RegisterBrokerRequest;
                })();

                v1.RegisterBrokerResponse = (function() {

                    var RegisterBrokerResponse = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    RegisterBrokerResponse.prototype.error = null;
                    RegisterBrokerResponse.prototype.brokerEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                    RegisterBrokerResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.brokerEpoch != null && $Object.hasOwnProperty.call(message, "brokerEpoch") && (typeof message.brokerEpoch === "object" ? message.brokerEpoch.low || message.brokerEpoch.high : message.brokerEpoch !== 0))
                            writer.uint32(16).int64(message.brokerEpoch);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    RegisterBrokerResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.RegisterBrokerResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.brokerEpoch = value;
                                    else
                                        delete message.brokerEpoch;
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

                    return RegisterBrokerResponse;
                })();

                v1.BrokerHeartbeatRequest = (function() {

                    var BrokerHeartbeatRequest = function (properties) {
                        this.offlineReplicas = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    BrokerHeartbeatRequest.prototype.brokerId = 0;
                    BrokerHeartbeatRequest.prototype.brokerEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    BrokerHeartbeatRequest.prototype.currentMetadataOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    BrokerHeartbeatRequest.prototype.wantFence = false;
                    BrokerHeartbeatRequest.prototype.wantShutDown = false;
                    BrokerHeartbeatRequest.prototype.offlineReplicas = $util.emptyArray;

                    BrokerHeartbeatRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.brokerId != null && $Object.hasOwnProperty.call(message, "brokerId") && message.brokerId !== 0)
                            writer.uint32(8).int32(message.brokerId);
                        if (message.brokerEpoch != null && $Object.hasOwnProperty.call(message, "brokerEpoch") && (typeof message.brokerEpoch === "object" ? message.brokerEpoch.low || message.brokerEpoch.high : message.brokerEpoch !== 0))
                            writer.uint32(16).int64(message.brokerEpoch);
                        if (message.currentMetadataOffset != null && $Object.hasOwnProperty.call(message, "currentMetadataOffset") && (typeof message.currentMetadataOffset === "object" ? message.currentMetadataOffset.low || message.currentMetadataOffset.high : message.currentMetadataOffset !== 0))
                            writer.uint32(24).int64(message.currentMetadataOffset);
                        if (message.wantFence != null && $Object.hasOwnProperty.call(message, "wantFence") && message.wantFence !== false)
                            writer.uint32(32).bool(message.wantFence);
                        if (message.wantShutDown != null && $Object.hasOwnProperty.call(message, "wantShutDown") && message.wantShutDown !== false)
                            writer.uint32(40).bool(message.wantShutDown);
                        if (message.offlineReplicas != null && message.offlineReplicas.length)
                            for (var i = 0; i < message.offlineReplicas.length; ++i)
                                $root.kz.metadata.admin.v1.ReplicaRef.encode(message.offlineReplicas[i], writer.uint32(50).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    BrokerHeartbeatRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.BrokerHeartbeatRequest();
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
                                        message.brokerId = value;
                                    else
                                        delete message.brokerId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.brokerEpoch = value;
                                    else
                                        delete message.brokerEpoch;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.currentMetadataOffset = value;
                                    else
                                        delete message.currentMetadataOffset;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.bool())
                                        message.wantFence = value;
                                    else
                                        delete message.wantFence;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.bool())
                                        message.wantShutDown = value;
                                    else
                                        delete message.wantShutDown;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.offlineReplicas && message.offlineReplicas.length))
                                        message.offlineReplicas = [];
                                    message.offlineReplicas.push($root.kz.metadata.admin.v1.ReplicaRef.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return BrokerHeartbeatRequest;
                })();

                v1.ReplicaRef = (function() {

                    var ReplicaRef = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    ReplicaRef.prototype.topicId = "";
                    ReplicaRef.prototype.partitionId = 0;

                    ReplicaRef.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.topicId != null && $Object.hasOwnProperty.call(message, "topicId") && message.topicId !== "")
                            writer.uint32(10).string(message.topicId);
                        if (message.partitionId != null && $Object.hasOwnProperty.call(message, "partitionId") && message.partitionId !== 0)
                            writer.uint32(16).int32(message.partitionId);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    ReplicaRef.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.ReplicaRef();
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
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.partitionId = value;
                                    else
                                        delete message.partitionId;
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

                    return ReplicaRef;
                })();

                v1.BrokerHeartbeatResponse = (function() {

                    var BrokerHeartbeatResponse = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    BrokerHeartbeatResponse.prototype.error = null;
                    BrokerHeartbeatResponse.prototype.isCaughtUp = false;
                    BrokerHeartbeatResponse.prototype.isFenced = false;
                    BrokerHeartbeatResponse.prototype.shouldShutDown = false;

                    BrokerHeartbeatResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.isCaughtUp != null && $Object.hasOwnProperty.call(message, "isCaughtUp") && message.isCaughtUp !== false)
                            writer.uint32(16).bool(message.isCaughtUp);
                        if (message.isFenced != null && $Object.hasOwnProperty.call(message, "isFenced") && message.isFenced !== false)
                            writer.uint32(24).bool(message.isFenced);
                        if (message.shouldShutDown != null && $Object.hasOwnProperty.call(message, "shouldShutDown") && message.shouldShutDown !== false)
                            writer.uint32(32).bool(message.shouldShutDown);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    BrokerHeartbeatResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.BrokerHeartbeatResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.bool())
                                        message.isCaughtUp = value;
                                    else
                                        delete message.isCaughtUp;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.bool())
                                        message.isFenced = value;
                                    else
                                        delete message.isFenced;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.bool())
                                        message.shouldShutDown = value;
                                    else
                                        delete message.shouldShutDown;
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

                    return BrokerHeartbeatResponse;
                })();

                v1.UnregisterBrokerRequest = (function() {

                    var UnregisterBrokerRequest = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    UnregisterBrokerRequest.prototype.brokerId = 0;

                    UnregisterBrokerRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.brokerId != null && $Object.hasOwnProperty.call(message, "brokerId") && message.brokerId !== 0)
                            writer.uint32(8).int32(message.brokerId);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    UnregisterBrokerRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.UnregisterBrokerRequest();
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
                                        message.brokerId = value;
                                    else
                                        delete message.brokerId;
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

                    return UnregisterBrokerRequest;
                })();

                v1.UnregisterBrokerResponse = (function() {

                    var UnregisterBrokerResponse = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    UnregisterBrokerResponse.prototype.error = null;

                    UnregisterBrokerResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    UnregisterBrokerResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.UnregisterBrokerResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
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

                    return UnregisterBrokerResponse;
                })();

                v1.CreatableTopic = (function() {

                    var CreatableTopic = function (properties) {
                        this.configs = {};
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    CreatableTopic.prototype.name = "";
                    CreatableTopic.prototype.numPartitions = null;
                    CreatableTopic.prototype.replicationFactor = null;
                    CreatableTopic.prototype.assignments = null;
                    CreatableTopic.prototype.configs = $util.emptyObject;

                    var $oneOfFields;

                    // Virtual OneOf for proto3 optional field
                    $Object.defineProperty(CreatableTopic.prototype, "_numPartitions", {
                        get: $util.oneOfGetter($oneOfFields = ["numPartitions"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    // Virtual OneOf for proto3 optional field
                    $Object.defineProperty(CreatableTopic.prototype, "_replicationFactor", {
                        get: $util.oneOfGetter($oneOfFields = ["replicationFactor"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    CreatableTopic.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                            writer.uint32(10).string(message.name);
                        if (message.numPartitions != null && $Object.hasOwnProperty.call(message, "numPartitions"))
                            writer.uint32(16).int32(message.numPartitions);
                        if (message.replicationFactor != null && $Object.hasOwnProperty.call(message, "replicationFactor"))
                            writer.uint32(24).int32(message.replicationFactor);
                        if (message.assignments != null && $Object.hasOwnProperty.call(message, "assignments"))
                            $root.kz.metadata.admin.v1.ReplicaAssignment.encode(message.assignments, writer.uint32(34).fork(), _depth + 1).ldelim();
                        if (message.configs != null && $Object.hasOwnProperty.call(message, "configs"))
                            for (var keys = $Object.keys(message.configs), i = 0; i < keys.length; ++i)
                                writer.uint32(42).fork().uint32(10).string(keys[i]).uint32(18).string(message.configs[keys[i]]).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    CreatableTopic.decode = function (reader, length, _end, _depth, _target) {
                        if (!(reader instanceof $Reader))
                            reader = $Reader.create(reader);
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $Reader.recursionLimit)
                            throw $Error("max depth exceeded");
                        var end, message, key, value;
                        if (length === $undefined)
                            end = reader.len;
                        else {
                            end = reader.pos + length;
                            if (end > reader.len)
                                throw $RangeError("index out of range");
                            length = reader.len;
                            reader.len = end;
                        }
                        message = _target || new $root.kz.metadata.admin.v1.CreatableTopic();
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
                                    if (wireType !== 0)
                                        break;
                                    message.numPartitions = reader.int32();
                                    message._numPartitions = "numPartitions";
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    message.replicationFactor = reader.int32();
                                    message._replicationFactor = "replicationFactor";
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    message.assignments = $root.kz.metadata.admin.v1.ReplicaAssignment.decode(reader, reader.size(), $undefined, _depth + 1, message.assignments);
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    if (message.configs === $util.emptyObject)
                                        message.configs = {};
                                    var end2 = reader.size() + reader.pos;
                                    if (end2 > reader.len)
                                        throw $RangeError("index out of range");
                                    reader.len = end2;
                                    key = "";
                                    value = "";
                                    while (reader.pos < end2) {
                                        var tag2 = reader.tag();
                                        wireType = tag2 & 7;
                                        switch (tag2 >>>= 3) {
                                        case 1:
                                            if (wireType !== 2)
                                                break;
                                            key = reader.stringVerify();
                                            continue;
                                        case 2:
                                            if (wireType !== 2)
                                                break;
                                            value = reader.stringVerify();
                                            continue;
                                        }
                                        reader.skipType(wireType, _depth, tag2);
                                    }
                                    if (reader.pos !== end2)
                                        throw $RangeError("index out of range");
                                    reader.len = end;
                                    if (key === "__proto__")
                                        $util.makeProp(message.configs, key);
                                    message.configs[key] = value;
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

                    return CreatableTopic;
                })();

                v1.CreateTopicsRequest = (function() {

                    var CreateTopicsRequest = function (properties) {
                        this.topics = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    CreateTopicsRequest.prototype.topics = $util.emptyArray;
                    CreateTopicsRequest.prototype.validateOnly = false;

                    CreateTopicsRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.topics != null && message.topics.length)
                            for (var i = 0; i < message.topics.length; ++i)
                                $root.kz.metadata.admin.v1.CreatableTopic.encode(message.topics[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.validateOnly != null && $Object.hasOwnProperty.call(message, "validateOnly") && message.validateOnly !== false)
                            writer.uint32(16).bool(message.validateOnly);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    CreateTopicsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.CreateTopicsRequest();
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
                                    if (!(message.topics && message.topics.length))
                                        message.topics = [];
                                    message.topics.push($root.kz.metadata.admin.v1.CreatableTopic.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.bool())
                                        message.validateOnly = value;
                                    else
                                        delete message.validateOnly;
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

                    return CreateTopicsRequest;
                })();

                v1.CreateTopicResult = (function() {

                    var CreateTopicResult = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    CreateTopicResult.prototype.name = "";
                    CreateTopicResult.prototype.error = null;
                    CreateTopicResult.prototype.topicId = null;
                    CreateTopicResult.prototype.numPartitions = 0;
                    CreateTopicResult.prototype.replicationFactor = 0;

                    var $oneOfFields;

                    // Virtual OneOf for proto3 optional field
                    $Object.defineProperty(CreateTopicResult.prototype, "_topicId", {
                        get: $util.oneOfGetter($oneOfFields = ["topicId"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    CreateTopicResult.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                            writer.uint32(10).string(message.name);
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.topicId != null && $Object.hasOwnProperty.call(message, "topicId"))
                            writer.uint32(26).string(message.topicId);
                        if (message.numPartitions != null && $Object.hasOwnProperty.call(message, "numPartitions") && message.numPartitions !== 0)
                            writer.uint32(32).int32(message.numPartitions);
                        if (message.replicationFactor != null && $Object.hasOwnProperty.call(message, "replicationFactor") && message.replicationFactor !== 0)
                            writer.uint32(40).int32(message.replicationFactor);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    CreateTopicResult.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.CreateTopicResult();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    message.topicId = reader.stringVerify();
                                    message._topicId = "topicId";
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.numPartitions = value;
                                    else
                                        delete message.numPartitions;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.replicationFactor = value;
                                    else
                                        delete message.replicationFactor;
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

                    return CreateTopicResult;
                })();

                v1.CreateTopicsResponse = (function() {

                    var CreateTopicsResponse = function (properties) {
                        this.topics = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    CreateTopicsResponse.prototype.error = null;
                    CreateTopicsResponse.prototype.topics = $util.emptyArray;

                    CreateTopicsResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.topics != null && message.topics.length)
                            for (var i = 0; i < message.topics.length; ++i)
                                $root.kz.metadata.admin.v1.CreateTopicResult.encode(message.topics[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    CreateTopicsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.CreateTopicsResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.topics && message.topics.length))
                                        message.topics = [];
                                    message.topics.push($root.kz.metadata.admin.v1.CreateTopicResult.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return CreateTopicsResponse;
                })();

                v1.DeleteTopicsRequest = (function() {

                    var DeleteTopicsRequest = function (properties) {
                        this.names = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DeleteTopicsRequest.prototype.names = $util.emptyArray;

                    DeleteTopicsRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.names != null && message.names.length)
                            for (var i = 0; i < message.names.length; ++i)
                                writer.uint32(10).string(message.names[i]);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DeleteTopicsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DeleteTopicsRequest();
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
                                    if (!(message.names && message.names.length))
                                        message.names = [];
                                    message.names.push(reader.stringVerify());
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

                    return DeleteTopicsRequest;
                })();

                v1.DeleteTopicsResponse = (function() {

                    var DeleteTopicsResponse = function (properties) {
                        this.topics = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DeleteTopicsResponse.prototype.error = null;
                    DeleteTopicsResponse.prototype.topics = $util.emptyArray;

                    DeleteTopicsResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.topics != null && message.topics.length)
                            for (var i = 0; i < message.topics.length; ++i)
                                $root.kz.metadata.admin.v1.TopicOutcome.encode(message.topics[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DeleteTopicsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DeleteTopicsResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.topics && message.topics.length))
                                        message.topics = [];
                                    message.topics.push($root.kz.metadata.admin.v1.TopicOutcome.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return DeleteTopicsResponse;
                })();

                v1.CreatePartitionsTopic = (function() {

                    var CreatePartitionsTopic = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    CreatePartitionsTopic.prototype.name = "";
                    CreatePartitionsTopic.prototype.count = 0;
                    CreatePartitionsTopic.prototype.assignments = null;

                    CreatePartitionsTopic.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                            writer.uint32(10).string(message.name);
                        if (message.count != null && $Object.hasOwnProperty.call(message, "count") && message.count !== 0)
                            writer.uint32(16).int32(message.count);
                        if (message.assignments != null && $Object.hasOwnProperty.call(message, "assignments"))
                            $root.kz.metadata.admin.v1.ReplicaAssignment.encode(message.assignments, writer.uint32(26).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    CreatePartitionsTopic.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.CreatePartitionsTopic();
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
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.count = value;
                                    else
                                        delete message.count;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    message.assignments = $root.kz.metadata.admin.v1.ReplicaAssignment.decode(reader, reader.size(), $undefined, _depth + 1, message.assignments);
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

                    return CreatePartitionsTopic;
                })();

                v1.CreatePartitionsRequest = (function() {

                    var CreatePartitionsRequest = function (properties) {
                        this.topics = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    CreatePartitionsRequest.prototype.topics = $util.emptyArray;
                    CreatePartitionsRequest.prototype.validateOnly = false;

                    CreatePartitionsRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.topics != null && message.topics.length)
                            for (var i = 0; i < message.topics.length; ++i)
                                $root.kz.metadata.admin.v1.CreatePartitionsTopic.encode(message.topics[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.validateOnly != null && $Object.hasOwnProperty.call(message, "validateOnly") && message.validateOnly !== false)
                            writer.uint32(16).bool(message.validateOnly);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    CreatePartitionsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.CreatePartitionsRequest();
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
                                    if (!(message.topics && message.topics.length))
                                        message.topics = [];
                                    message.topics.push($root.kz.metadata.admin.v1.CreatePartitionsTopic.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.bool())
                                        message.validateOnly = value;
                                    else
                                        delete message.validateOnly;
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

                    return CreatePartitionsRequest;
                })();

                v1.CreatePartitionsResponse = (function() {

                    var CreatePartitionsResponse = function (properties) {
                        this.topics = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    CreatePartitionsResponse.prototype.error = null;
                    CreatePartitionsResponse.prototype.topics = $util.emptyArray;

                    CreatePartitionsResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.topics != null && message.topics.length)
                            for (var i = 0; i < message.topics.length; ++i)
                                $root.kz.metadata.admin.v1.TopicOutcome.encode(message.topics[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    CreatePartitionsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.CreatePartitionsResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.topics && message.topics.length))
                                        message.topics = [];
                                    message.topics.push($root.kz.metadata.admin.v1.TopicOutcome.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return CreatePartitionsResponse;
                })();

                v1.AlterPartitionItem = (function() {

                    var AlterPartitionItem = function (properties) {
                        this.newIsr = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AlterPartitionItem.prototype.topicId = "";
                    AlterPartitionItem.prototype.partitionId = 0;
                    AlterPartitionItem.prototype.leaderEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    AlterPartitionItem.prototype.partitionEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    AlterPartitionItem.prototype.newIsr = $util.emptyArray;

                    AlterPartitionItem.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.topicId != null && $Object.hasOwnProperty.call(message, "topicId") && message.topicId !== "")
                            writer.uint32(10).string(message.topicId);
                        if (message.partitionId != null && $Object.hasOwnProperty.call(message, "partitionId") && message.partitionId !== 0)
                            writer.uint32(16).int32(message.partitionId);
                        if (message.leaderEpoch != null && $Object.hasOwnProperty.call(message, "leaderEpoch") && (typeof message.leaderEpoch === "object" ? message.leaderEpoch.low || message.leaderEpoch.high : message.leaderEpoch !== 0))
                            writer.uint32(24).int64(message.leaderEpoch);
                        if (message.partitionEpoch != null && $Object.hasOwnProperty.call(message, "partitionEpoch") && (typeof message.partitionEpoch === "object" ? message.partitionEpoch.low || message.partitionEpoch.high : message.partitionEpoch !== 0))
                            writer.uint32(32).int64(message.partitionEpoch);
                        if (message.newIsr != null && message.newIsr.length)
                            writer.uint32(42).int32s(message.newIsr);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AlterPartitionItem.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AlterPartitionItem();
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
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.partitionId = value;
                                    else
                                        delete message.partitionId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.leaderEpoch = value;
                                    else
                                        delete message.leaderEpoch;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.partitionEpoch = value;
                                    else
                                        delete message.partitionEpoch;
                                    continue;
                                }
                            case 5: {
                                    if (wireType === 2) {
                                        if (!(message.newIsr && message.newIsr.length))
                                            message.newIsr = [];
                                        reader.int32s(message.newIsr);
                                        continue;
                                    }
                                    if (wireType !== 0)
                                        break;
                                    if (!(message.newIsr && message.newIsr.length))
                                        message.newIsr = [];
                                    message.newIsr.push(reader.int32());
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

                    return AlterPartitionItem;
                })();

                v1.AlterPartitionRequest = (function() {

                    var AlterPartitionRequest = function (properties) {
                        this.partitions = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AlterPartitionRequest.prototype.brokerId = 0;
                    AlterPartitionRequest.prototype.brokerEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    AlterPartitionRequest.prototype.partitions = $util.emptyArray;

                    AlterPartitionRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.brokerId != null && $Object.hasOwnProperty.call(message, "brokerId") && message.brokerId !== 0)
                            writer.uint32(8).int32(message.brokerId);
                        if (message.brokerEpoch != null && $Object.hasOwnProperty.call(message, "brokerEpoch") && (typeof message.brokerEpoch === "object" ? message.brokerEpoch.low || message.brokerEpoch.high : message.brokerEpoch !== 0))
                            writer.uint32(16).int64(message.brokerEpoch);
                        if (message.partitions != null && message.partitions.length)
                            for (var i = 0; i < message.partitions.length; ++i)
                                $root.kz.metadata.admin.v1.AlterPartitionItem.encode(message.partitions[i], writer.uint32(26).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AlterPartitionRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AlterPartitionRequest();
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
                                        message.brokerId = value;
                                    else
                                        delete message.brokerId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.brokerEpoch = value;
                                    else
                                        delete message.brokerEpoch;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.partitions && message.partitions.length))
                                        message.partitions = [];
                                    message.partitions.push($root.kz.metadata.admin.v1.AlterPartitionItem.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return AlterPartitionRequest;
                })();

                v1.PartitionState = (function() {

                    var PartitionState = function (properties) {
                        this.isr = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    PartitionState.prototype.topicId = "";
                    PartitionState.prototype.partitionId = 0;
                    PartitionState.prototype.leader = 0;
                    PartitionState.prototype.leaderEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    PartitionState.prototype.partitionEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    PartitionState.prototype.isr = $util.emptyArray;

                    PartitionState.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.topicId != null && $Object.hasOwnProperty.call(message, "topicId") && message.topicId !== "")
                            writer.uint32(10).string(message.topicId);
                        if (message.partitionId != null && $Object.hasOwnProperty.call(message, "partitionId") && message.partitionId !== 0)
                            writer.uint32(16).int32(message.partitionId);
                        if (message.leader != null && $Object.hasOwnProperty.call(message, "leader") && message.leader !== 0)
                            writer.uint32(24).int32(message.leader);
                        if (message.leaderEpoch != null && $Object.hasOwnProperty.call(message, "leaderEpoch") && (typeof message.leaderEpoch === "object" ? message.leaderEpoch.low || message.leaderEpoch.high : message.leaderEpoch !== 0))
                            writer.uint32(32).int64(message.leaderEpoch);
                        if (message.partitionEpoch != null && $Object.hasOwnProperty.call(message, "partitionEpoch") && (typeof message.partitionEpoch === "object" ? message.partitionEpoch.low || message.partitionEpoch.high : message.partitionEpoch !== 0))
                            writer.uint32(40).int64(message.partitionEpoch);
                        if (message.isr != null && message.isr.length)
                            writer.uint32(50).int32s(message.isr);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    PartitionState.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.PartitionState();
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
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.partitionId = value;
                                    else
                                        delete message.partitionId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.leader = value;
                                    else
                                        delete message.leader;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.leaderEpoch = value;
                                    else
                                        delete message.leaderEpoch;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.partitionEpoch = value;
                                    else
                                        delete message.partitionEpoch;
                                    continue;
                                }
                            case 6: {
                                    if (wireType === 2) {
                                        if (!(message.isr && message.isr.length))
                                            message.isr = [];
                                        reader.int32s(message.isr);
                                        continue;
                                    }
                                    if (wireType !== 0)
                                        break;
                                    if (!(message.isr && message.isr.length))
                                        message.isr = [];
                                    message.isr.push(reader.int32());
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

                    return PartitionState;
                })();

                v1.AlterPartitionResult = (function() {

                    var AlterPartitionResult = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AlterPartitionResult.prototype.topicId = "";
                    AlterPartitionResult.prototype.partitionId = 0;
                    AlterPartitionResult.prototype.error = null;
                    AlterPartitionResult.prototype.state = null;

                    AlterPartitionResult.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.topicId != null && $Object.hasOwnProperty.call(message, "topicId") && message.topicId !== "")
                            writer.uint32(10).string(message.topicId);
                        if (message.partitionId != null && $Object.hasOwnProperty.call(message, "partitionId") && message.partitionId !== 0)
                            writer.uint32(16).int32(message.partitionId);
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(26).fork(), _depth + 1).ldelim();
                        if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                            $root.kz.metadata.admin.v1.PartitionState.encode(message.state, writer.uint32(34).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AlterPartitionResult.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AlterPartitionResult();
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
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.partitionId = value;
                                    else
                                        delete message.partitionId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    message.state = $root.kz.metadata.admin.v1.PartitionState.decode(reader, reader.size(), $undefined, _depth + 1, message.state);
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

                    return AlterPartitionResult;
                })();

                v1.AlterPartitionResponse = (function() {

                    var AlterPartitionResponse = function (properties) {
                        this.partitions = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AlterPartitionResponse.prototype.error = null;
                    AlterPartitionResponse.prototype.partitions = $util.emptyArray;

                    AlterPartitionResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.partitions != null && message.partitions.length)
                            for (var i = 0; i < message.partitions.length; ++i)
                                $root.kz.metadata.admin.v1.AlterPartitionResult.encode(message.partitions[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AlterPartitionResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AlterPartitionResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.partitions && message.partitions.length))
                                        message.partitions = [];
                                    message.partitions.push($root.kz.metadata.admin.v1.AlterPartitionResult.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return AlterPartitionResponse;
                })();

                v1.ElectionType = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "ELECTION_TYPE_UNSPECIFIED"] = 0;
                    values[valuesById[1] = "ELECTION_TYPE_PREFERRED"] = 1;
                    values[valuesById[2] = "ELECTION_TYPE_UNCLEAN"] = 2;
                    return values;
                })();

                v1.TopicPartitionList = (function() {

                    var TopicPartitionList = function (properties) {
                        this.partitions = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    TopicPartitionList.prototype.partitions = $util.emptyArray;

                    TopicPartitionList.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.partitions != null && message.partitions.length)
                            for (var i = 0; i < message.partitions.length; ++i)
                                $root.kz.metadata.admin.v1.TopicPartition.encode(message.partitions[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    TopicPartitionList.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.TopicPartitionList();
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
                                    if (!(message.partitions && message.partitions.length))
                                        message.partitions = [];
                                    message.partitions.push($root.kz.metadata.admin.v1.TopicPartition.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return TopicPartitionList;
                })();

                v1.ElectLeadersRequest = (function() {

                    var ElectLeadersRequest = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    ElectLeadersRequest.prototype.type = 0;
                    ElectLeadersRequest.prototype.partitions = null;

                    ElectLeadersRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                            writer.uint32(8).int32(message.type);
                        if (message.partitions != null && $Object.hasOwnProperty.call(message, "partitions"))
                            $root.kz.metadata.admin.v1.TopicPartitionList.encode(message.partitions, writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    ElectLeadersRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.ElectLeadersRequest();
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
                                        message.type = value;
                                    else
                                        delete message.type;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    message.partitions = $root.kz.metadata.admin.v1.TopicPartitionList.decode(reader, reader.size(), $undefined, _depth + 1, message.partitions);
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

                    return ElectLeadersRequest;
                })();

                v1.ElectLeadersResponse = (function() {

                    var ElectLeadersResponse = function (properties) {
                        this.partitions = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    ElectLeadersResponse.prototype.error = null;
                    ElectLeadersResponse.prototype.partitions = $util.emptyArray;

                    ElectLeadersResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.partitions != null && message.partitions.length)
                            for (var i = 0; i < message.partitions.length; ++i)
                                $root.kz.metadata.admin.v1.PartitionOutcome.encode(message.partitions[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    ElectLeadersResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.ElectLeadersResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.partitions && message.partitions.length))
                                        message.partitions = [];
                                    message.partitions.push($root.kz.metadata.admin.v1.PartitionOutcome.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return ElectLeadersResponse;
                })();

                v1.Reassignment = (function() {

                    var Reassignment = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    Reassignment.prototype.topic = "";
                    Reassignment.prototype.partitionId = 0;
                    Reassignment.prototype.replicas = null;

                    Reassignment.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                            writer.uint32(10).string(message.topic);
                        if (message.partitionId != null && $Object.hasOwnProperty.call(message, "partitionId") && message.partitionId !== 0)
                            writer.uint32(16).int32(message.partitionId);
                        if (message.replicas != null && $Object.hasOwnProperty.call(message, "replicas"))
                            $root.kz.metadata.admin.v1.BrokerIdList.encode(message.replicas, writer.uint32(26).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    Reassignment.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.Reassignment();
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
                                        message.topic = value;
                                    else
                                        delete message.topic;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.partitionId = value;
                                    else
                                        delete message.partitionId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    message.replicas = $root.kz.metadata.admin.v1.BrokerIdList.decode(reader, reader.size(), $undefined, _depth + 1, message.replicas);
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

                    return Reassignment;
                })();

                v1.AlterPartitionReassignmentsRequest = (function() {

                    var AlterPartitionReassignmentsRequest = function (properties) {
                        this.reassignments = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AlterPartitionReassignmentsRequest.prototype.reassignments = $util.emptyArray;

                    AlterPartitionReassignmentsRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.reassignments != null && message.reassignments.length)
                            for (var i = 0; i < message.reassignments.length; ++i)
                                $root.kz.metadata.admin.v1.Reassignment.encode(message.reassignments[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AlterPartitionReassignmentsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AlterPartitionReassignmentsRequest();
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
                                    if (!(message.reassignments && message.reassignments.length))
                                        message.reassignments = [];
                                    message.reassignments.push($root.kz.metadata.admin.v1.Reassignment.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return AlterPartitionReassignmentsRequest;
                })();

                v1.AlterPartitionReassignmentsResponse = (function() {

                    var AlterPartitionReassignmentsResponse = function (properties) {
                        this.partitions = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AlterPartitionReassignmentsResponse.prototype.error = null;
                    AlterPartitionReassignmentsResponse.prototype.partitions = $util.emptyArray;

                    AlterPartitionReassignmentsResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.partitions != null && message.partitions.length)
                            for (var i = 0; i < message.partitions.length; ++i)
                                $root.kz.metadata.admin.v1.PartitionOutcome.encode(message.partitions[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AlterPartitionReassignmentsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AlterPartitionReassignmentsResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.partitions && message.partitions.length))
                                        message.partitions = [];
                                    message.partitions.push($root.kz.metadata.admin.v1.PartitionOutcome.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return AlterPartitionReassignmentsResponse;
                })();

                v1.ListPartitionReassignmentsRequest = (function() {

                    var ListPartitionReassignmentsRequest = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    ListPartitionReassignmentsRequest.encode = function (message, writer, _depth) {
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

                    ListPartitionReassignmentsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.ListPartitionReassignmentsRequest();
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

                    return ListPartitionReassignmentsRequest;
                })();

                v1.OngoingReassignment = (function() {

                    var OngoingReassignment = function (properties) {
                        this.replicas = [];
                        this.addingReplicas = [];
                        this.removingReplicas = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    OngoingReassignment.prototype.topic = "";
                    OngoingReassignment.prototype.partitionId = 0;
                    OngoingReassignment.prototype.replicas = $util.emptyArray;
                    OngoingReassignment.prototype.addingReplicas = $util.emptyArray;
                    OngoingReassignment.prototype.removingReplicas = $util.emptyArray;

                    OngoingReassignment.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                            writer.uint32(10).string(message.topic);
                        if (message.partitionId != null && $Object.hasOwnProperty.call(message, "partitionId") && message.partitionId !== 0)
                            writer.uint32(16).int32(message.partitionId);
                        if (message.replicas != null && message.replicas.length)
                            writer.uint32(26).int32s(message.replicas);
                        if (message.addingReplicas != null && message.addingReplicas.length)
                            writer.uint32(34).int32s(message.addingReplicas);
                        if (message.removingReplicas != null && message.removingReplicas.length)
                            writer.uint32(42).int32s(message.removingReplicas);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    OngoingReassignment.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.OngoingReassignment();
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
                                        message.topic = value;
                                    else
                                        delete message.topic;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.partitionId = value;
                                    else
                                        delete message.partitionId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType === 2) {
                                        if (!(message.replicas && message.replicas.length))
                                            message.replicas = [];
                                        reader.int32s(message.replicas);
                                        continue;
                                    }
                                    if (wireType !== 0)
                                        break;
                                    if (!(message.replicas && message.replicas.length))
                                        message.replicas = [];
                                    message.replicas.push(reader.int32());
                                    continue;
                                }
                            case 4: {
                                    if (wireType === 2) {
                                        if (!(message.addingReplicas && message.addingReplicas.length))
                                            message.addingReplicas = [];
                                        reader.int32s(message.addingReplicas);
                                        continue;
                                    }
                                    if (wireType !== 0)
                                        break;
                                    if (!(message.addingReplicas && message.addingReplicas.length))
                                        message.addingReplicas = [];
                                    message.addingReplicas.push(reader.int32());
                                    continue;
                                }
                            case 5: {
                                    if (wireType === 2) {
                                        if (!(message.removingReplicas && message.removingReplicas.length))
                                            message.removingReplicas = [];
                                        reader.int32s(message.removingReplicas);
                                        continue;
                                    }
                                    if (wireType !== 0)
                                        break;
                                    if (!(message.removingReplicas && message.removingReplicas.length))
                                        message.removingReplicas = [];
                                    message.removingReplicas.push(reader.int32());
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

                    return OngoingReassignment;
                })();

                v1.ListPartitionReassignmentsResponse = (function() {

                    var ListPartitionReassignmentsResponse = function (properties) {
                        this.reassignments = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    ListPartitionReassignmentsResponse.prototype.error = null;
                    ListPartitionReassignmentsResponse.prototype.reassignments = $util.emptyArray;

                    ListPartitionReassignmentsResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.reassignments != null && message.reassignments.length)
                            for (var i = 0; i < message.reassignments.length; ++i)
                                $root.kz.metadata.admin.v1.OngoingReassignment.encode(message.reassignments[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    ListPartitionReassignmentsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.ListPartitionReassignmentsResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.reassignments && message.reassignments.length))
                                        message.reassignments = [];
                                    message.reassignments.push($root.kz.metadata.admin.v1.OngoingReassignment.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return ListPartitionReassignmentsResponse;
                })();

                v1.ConfigOperation = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "CONFIG_OPERATION_UNSPECIFIED"] = 0;
                    values[valuesById[1] = "CONFIG_OPERATION_SET"] = 1;
                    values[valuesById[2] = "CONFIG_OPERATION_DELETE"] = 2;
                    values[valuesById[3] = "CONFIG_OPERATION_APPEND"] = 3;
                    values[valuesById[4] = "CONFIG_OPERATION_SUBTRACT"] = 4;
                    return values;
                })();

                v1.AlterableConfig = (function() {

                    var AlterableConfig = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AlterableConfig.prototype.name = "";
                    AlterableConfig.prototype.op = 0;
                    AlterableConfig.prototype.value = null;

                    var $oneOfFields;

                    // Virtual OneOf for proto3 optional field
                    $Object.defineProperty(AlterableConfig.prototype, "_value", {
                        get: $util.oneOfGetter($oneOfFields = ["value"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    AlterableConfig.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                            writer.uint32(10).string(message.name);
                        if (message.op != null && $Object.hasOwnProperty.call(message, "op") && message.op !== 0)
                            writer.uint32(16).int32(message.op);
                        if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                            writer.uint32(26).string(message.value);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AlterableConfig.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AlterableConfig();
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
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.op = value;
                                    else
                                        delete message.op;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    message.value = reader.stringVerify();
                                    message._value = "value";
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

                    return AlterableConfig;
                })();

                v1.AlterConfigsResource = (function() {

                    var AlterConfigsResource = function (properties) {
                        this.changes = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AlterConfigsResource.prototype.type = 0;
                    AlterConfigsResource.prototype.name = "";
                    AlterConfigsResource.prototype.changes = $util.emptyArray;

                    AlterConfigsResource.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                            writer.uint32(8).int32(message.type);
                        if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                            writer.uint32(18).string(message.name);
                        if (message.changes != null && message.changes.length)
                            for (var i = 0; i < message.changes.length; ++i)
                                $root.kz.metadata.admin.v1.AlterableConfig.encode(message.changes[i], writer.uint32(26).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AlterConfigsResource.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AlterConfigsResource();
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
                                        message.type = value;
                                    else
                                        delete message.type;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.name = value;
                                    else
                                        delete message.name;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.changes && message.changes.length))
                                        message.changes = [];
                                    message.changes.push($root.kz.metadata.admin.v1.AlterableConfig.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return AlterConfigsResource;
                })();

                v1.IncrementalAlterConfigsRequest = (function() {

                    var IncrementalAlterConfigsRequest = function (properties) {
                        this.resources = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    IncrementalAlterConfigsRequest.prototype.resources = $util.emptyArray;
                    IncrementalAlterConfigsRequest.prototype.validateOnly = false;

                    IncrementalAlterConfigsRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.resources != null && message.resources.length)
                            for (var i = 0; i < message.resources.length; ++i)
                                $root.kz.metadata.admin.v1.AlterConfigsResource.encode(message.resources[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.validateOnly != null && $Object.hasOwnProperty.call(message, "validateOnly") && message.validateOnly !== false)
                            writer.uint32(16).bool(message.validateOnly);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    IncrementalAlterConfigsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.IncrementalAlterConfigsRequest();
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
                                    if (!(message.resources && message.resources.length))
                                        message.resources = [];
                                    message.resources.push($root.kz.metadata.admin.v1.AlterConfigsResource.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.bool())
                                        message.validateOnly = value;
                                    else
                                        delete message.validateOnly;
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

                    return IncrementalAlterConfigsRequest;
                })();

                v1.AlterConfigsResourceResult = (function() {

                    var AlterConfigsResourceResult = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AlterConfigsResourceResult.prototype.type = 0;
                    AlterConfigsResourceResult.prototype.name = "";
                    AlterConfigsResourceResult.prototype.error = null;

                    AlterConfigsResourceResult.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                            writer.uint32(8).int32(message.type);
                        if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                            writer.uint32(18).string(message.name);
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(26).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AlterConfigsResourceResult.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AlterConfigsResourceResult();
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
                                        message.type = value;
                                    else
                                        delete message.type;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.name = value;
                                    else
                                        delete message.name;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
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

                    return AlterConfigsResourceResult;
                })();

                v1.IncrementalAlterConfigsResponse = (function() {

                    var IncrementalAlterConfigsResponse = function (properties) {
                        this.resources = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    IncrementalAlterConfigsResponse.prototype.error = null;
                    IncrementalAlterConfigsResponse.prototype.resources = $util.emptyArray;

                    IncrementalAlterConfigsResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.resources != null && message.resources.length)
                            for (var i = 0; i < message.resources.length; ++i)
                                $root.kz.metadata.admin.v1.AlterConfigsResourceResult.encode(message.resources[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    IncrementalAlterConfigsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.IncrementalAlterConfigsResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.resources && message.resources.length))
                                        message.resources = [];
                                    message.resources.push($root.kz.metadata.admin.v1.AlterConfigsResourceResult.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return IncrementalAlterConfigsResponse;
                })();

                v1.AllocateProducerIdsRequest = (function() {

                    var AllocateProducerIdsRequest = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AllocateProducerIdsRequest.prototype.brokerId = 0;
                    AllocateProducerIdsRequest.prototype.brokerEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                    AllocateProducerIdsRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.brokerId != null && $Object.hasOwnProperty.call(message, "brokerId") && message.brokerId !== 0)
                            writer.uint32(8).int32(message.brokerId);
                        if (message.brokerEpoch != null && $Object.hasOwnProperty.call(message, "brokerEpoch") && (typeof message.brokerEpoch === "object" ? message.brokerEpoch.low || message.brokerEpoch.high : message.brokerEpoch !== 0))
                            writer.uint32(16).int64(message.brokerEpoch);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AllocateProducerIdsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AllocateProducerIdsRequest();
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
                                        message.brokerId = value;
                                    else
                                        delete message.brokerId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.brokerEpoch = value;
                                    else
                                        delete message.brokerEpoch;
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

                    return AllocateProducerIdsRequest;
                })();

                v1.AllocateProducerIdsResponse = (function() {

                    var AllocateProducerIdsResponse = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AllocateProducerIdsResponse.prototype.error = null;
                    AllocateProducerIdsResponse.prototype.firstProducerId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    AllocateProducerIdsResponse.prototype.count = 0;

                    AllocateProducerIdsResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.firstProducerId != null && $Object.hasOwnProperty.call(message, "firstProducerId") && (typeof message.firstProducerId === "object" ? message.firstProducerId.low || message.firstProducerId.high : message.firstProducerId !== 0))
                            writer.uint32(16).int64(message.firstProducerId);
                        if (message.count != null && $Object.hasOwnProperty.call(message, "count") && message.count !== 0)
                            writer.uint32(24).int32(message.count);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AllocateProducerIdsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AllocateProducerIdsResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.firstProducerId = value;
                                    else
                                        delete message.firstProducerId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.count = value;
                                    else
                                        delete message.count;
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

                    return AllocateProducerIdsResponse;
                })();

                v1.DescribeClusterRequest = (function() {

                    var DescribeClusterRequest = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DescribeClusterRequest.encode = function (message, writer, _depth) {
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

                    DescribeClusterRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DescribeClusterRequest();
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

                    return DescribeClusterRequest;
                })();

                v1.Broker = (function() {

                    var Broker = function (properties) {
                        this.endpoints = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    Broker.prototype.brokerId = 0;
                    Broker.prototype.incarnationId = "";
                    Broker.prototype.brokerEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    Broker.prototype.endpoints = $util.emptyArray;
                    Broker.prototype.rack = null;
                    Broker.prototype.fenced = false;
                    Broker.prototype.inControlledShutdown = false;

                    var $oneOfFields;

                    // Virtual OneOf for proto3 optional field
                    $Object.defineProperty(Broker.prototype, "_rack", {
                        get: $util.oneOfGetter($oneOfFields = ["rack"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    Broker.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.brokerId != null && $Object.hasOwnProperty.call(message, "brokerId") && message.brokerId !== 0)
                            writer.uint32(8).int32(message.brokerId);
                        if (message.incarnationId != null && $Object.hasOwnProperty.call(message, "incarnationId") && message.incarnationId !== "")
                            writer.uint32(18).string(message.incarnationId);
                        if (message.brokerEpoch != null && $Object.hasOwnProperty.call(message, "brokerEpoch") && (typeof message.brokerEpoch === "object" ? message.brokerEpoch.low || message.brokerEpoch.high : message.brokerEpoch !== 0))
                            writer.uint32(24).int64(message.brokerEpoch);
                        if (message.endpoints != null && message.endpoints.length)
                            for (var i = 0; i < message.endpoints.length; ++i)
                                $root.kz.metadata.admin.v1.Endpoint.encode(message.endpoints[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                        if (message.rack != null && $Object.hasOwnProperty.call(message, "rack"))
                            writer.uint32(42).string(message.rack);
                        if (message.fenced != null && $Object.hasOwnProperty.call(message, "fenced") && message.fenced !== false)
                            writer.uint32(48).bool(message.fenced);
                        if (message.inControlledShutdown != null && $Object.hasOwnProperty.call(message, "inControlledShutdown") && message.inControlledShutdown !== false)
                            writer.uint32(56).bool(message.inControlledShutdown);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    Broker.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.Broker();
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
                                        message.brokerId = value;
                                    else
                                        delete message.brokerId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.incarnationId = value;
                                    else
                                        delete message.incarnationId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.brokerEpoch = value;
                                    else
                                        delete message.brokerEpoch;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.endpoints && message.endpoints.length))
                                        message.endpoints = [];
                                    message.endpoints.push($root.kz.metadata.admin.v1.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    message.rack = reader.stringVerify();
                                    message._rack = "rack";
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.bool())
                                        message.fenced = value;
                                    else
                                        delete message.fenced;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.bool())
                                        message.inControlledShutdown = value;
                                    else
                                        delete message.inControlledShutdown;
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

                    return Broker;
                })();

                v1.DescribeClusterResponse = (function() {

                    var DescribeClusterResponse = function (properties) {
                        this.brokers = [];
                        this.controllers = [];
                        this.offlineReplicas = [];
                        this.raftEndpoints = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DescribeClusterResponse.prototype.error = null;
                    DescribeClusterResponse.prototype.clusterId = "";
                    DescribeClusterResponse.prototype.controllerId = 0;
                    DescribeClusterResponse.prototype.brokers = $util.emptyArray;
                    DescribeClusterResponse.prototype.metadataOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    DescribeClusterResponse.prototype.metadataEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    DescribeClusterResponse.prototype.nodeId = 0;
                    DescribeClusterResponse.prototype.controllers = $util.emptyArray;
                    DescribeClusterResponse.prototype.offlineReplicas = $util.emptyArray;
                    DescribeClusterResponse.prototype.directoryId = "";
                    DescribeClusterResponse.prototype.raftEndpoints = $util.emptyArray;

                    DescribeClusterResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.clusterId != null && $Object.hasOwnProperty.call(message, "clusterId") && message.clusterId !== "")
                            writer.uint32(18).string(message.clusterId);
                        if (message.controllerId != null && $Object.hasOwnProperty.call(message, "controllerId") && message.controllerId !== 0)
                            writer.uint32(24).int32(message.controllerId);
                        if (message.brokers != null && message.brokers.length)
                            for (var i = 0; i < message.brokers.length; ++i)
                                $root.kz.metadata.admin.v1.Broker.encode(message.brokers[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                        if (message.metadataOffset != null && $Object.hasOwnProperty.call(message, "metadataOffset") && (typeof message.metadataOffset === "object" ? message.metadataOffset.low || message.metadataOffset.high : message.metadataOffset !== 0))
                            writer.uint32(40).int64(message.metadataOffset);
                        if (message.metadataEpoch != null && $Object.hasOwnProperty.call(message, "metadataEpoch") && (typeof message.metadataEpoch === "object" ? message.metadataEpoch.low || message.metadataEpoch.high : message.metadataEpoch !== 0))
                            writer.uint32(48).int64(message.metadataEpoch);
                        if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId") && message.nodeId !== 0)
                            writer.uint32(56).int32(message.nodeId);
                        if (message.controllers != null && message.controllers.length)
                            for (var i = 0; i < message.controllers.length; ++i)
                                $root.kz.metadata.admin.v1.ControllerEndpoint.encode(message.controllers[i], writer.uint32(66).fork(), _depth + 1).ldelim();
                        if (message.offlineReplicas != null && message.offlineReplicas.length)
                            for (var i = 0; i < message.offlineReplicas.length; ++i)
                                $root.kz.metadata.admin.v1.BrokerOfflineReplicas.encode(message.offlineReplicas[i], writer.uint32(74).fork(), _depth + 1).ldelim();
                        if (message.directoryId != null && $Object.hasOwnProperty.call(message, "directoryId") && message.directoryId !== "")
                            writer.uint32(82).string(message.directoryId);
                        if (message.raftEndpoints != null && message.raftEndpoints.length)
                            for (var i = 0; i < message.raftEndpoints.length; ++i)
                                $root.kz.metadata.admin.v1.Endpoint.encode(message.raftEndpoints[i], writer.uint32(90).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DescribeClusterResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DescribeClusterResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.clusterId = value;
                                    else
                                        delete message.clusterId;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.controllerId = value;
                                    else
                                        delete message.controllerId;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.brokers && message.brokers.length))
                                        message.brokers = [];
                                    message.brokers.push($root.kz.metadata.admin.v1.Broker.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.metadataOffset = value;
                                    else
                                        delete message.metadataOffset;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.metadataEpoch = value;
                                    else
                                        delete message.metadataEpoch;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.nodeId = value;
                                    else
                                        delete message.nodeId;
                                    continue;
                                }
                            case 8: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.controllers && message.controllers.length))
                                        message.controllers = [];
                                    message.controllers.push($root.kz.metadata.admin.v1.ControllerEndpoint.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 9: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.offlineReplicas && message.offlineReplicas.length))
                                        message.offlineReplicas = [];
                                    message.offlineReplicas.push($root.kz.metadata.admin.v1.BrokerOfflineReplicas.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 10: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.directoryId = value;
                                    else
                                        delete message.directoryId;
                                    continue;
                                }
                            case 11: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.raftEndpoints && message.raftEndpoints.length))
                                        message.raftEndpoints = [];
                                    message.raftEndpoints.push($root.kz.metadata.admin.v1.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return DescribeClusterResponse;
                })();

                v1.BrokerOfflineReplicas = (function() {

                    var BrokerOfflineReplicas = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    BrokerOfflineReplicas.prototype.brokerId = 0;
                    BrokerOfflineReplicas.prototype.count = 0;

                    BrokerOfflineReplicas.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.brokerId != null && $Object.hasOwnProperty.call(message, "brokerId") && message.brokerId !== 0)
                            writer.uint32(8).int32(message.brokerId);
                        if (message.count != null && $Object.hasOwnProperty.call(message, "count") && message.count !== 0)
                            writer.uint32(16).int32(message.count);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    BrokerOfflineReplicas.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.BrokerOfflineReplicas();
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
                                        message.brokerId = value;
                                    else
                                        delete message.brokerId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.count = value;
                                    else
                                        delete message.count;
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

                    return BrokerOfflineReplicas;
                })();

                v1.ControllerEndpoint = (function() {

                    var ControllerEndpoint = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    ControllerEndpoint.prototype.nodeId = 0;
                    ControllerEndpoint.prototype.address = "";

                    ControllerEndpoint.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId") && message.nodeId !== 0)
                            writer.uint32(8).int32(message.nodeId);
                        if (message.address != null && $Object.hasOwnProperty.call(message, "address") && message.address !== "")
                            writer.uint32(18).string(message.address);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    ControllerEndpoint.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.ControllerEndpoint();
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
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.address = value;
                                    else
                                        delete message.address;
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

                    return ControllerEndpoint;
                })();

                v1.TopicNameList = (function() {

                    var TopicNameList = function (properties) {
                        this.names = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    TopicNameList.prototype.names = $util.emptyArray;

                    TopicNameList.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.names != null && message.names.length)
                            for (var i = 0; i < message.names.length; ++i)
                                writer.uint32(10).string(message.names[i]);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    TopicNameList.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.TopicNameList();
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
                                    if (!(message.names && message.names.length))
                                        message.names = [];
                                    message.names.push(reader.stringVerify());
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

                    return TopicNameList;
                })();

                v1.DescribeTopicsRequest = (function() {

                    var DescribeTopicsRequest = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DescribeTopicsRequest.prototype.topics = null;

                    DescribeTopicsRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.topics != null && $Object.hasOwnProperty.call(message, "topics"))
                            $root.kz.metadata.admin.v1.TopicNameList.encode(message.topics, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DescribeTopicsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DescribeTopicsRequest();
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
                                    message.topics = $root.kz.metadata.admin.v1.TopicNameList.decode(reader, reader.size(), $undefined, _depth + 1, message.topics);
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

                    return DescribeTopicsRequest;
                })();

                v1.PartitionDescription = (function() {

                    var PartitionDescription = function (properties) {
                        this.replicas = [];
                        this.isr = [];
                        this.addingReplicas = [];
                        this.removingReplicas = [];
                        this.eligibleLeaderReplicas = [];
                        this.lastKnownElr = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    PartitionDescription.prototype.partitionId = 0;
                    PartitionDescription.prototype.leader = 0;
                    PartitionDescription.prototype.leaderEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    PartitionDescription.prototype.partitionEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    PartitionDescription.prototype.replicas = $util.emptyArray;
                    PartitionDescription.prototype.isr = $util.emptyArray;
                    PartitionDescription.prototype.addingReplicas = $util.emptyArray;
                    PartitionDescription.prototype.removingReplicas = $util.emptyArray;
                    PartitionDescription.prototype.eligibleLeaderReplicas = $util.emptyArray;
                    PartitionDescription.prototype.lastKnownElr = $util.emptyArray;

                    PartitionDescription.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.partitionId != null && $Object.hasOwnProperty.call(message, "partitionId") && message.partitionId !== 0)
                            writer.uint32(8).int32(message.partitionId);
                        if (message.leader != null && $Object.hasOwnProperty.call(message, "leader") && message.leader !== 0)
                            writer.uint32(16).int32(message.leader);
                        if (message.leaderEpoch != null && $Object.hasOwnProperty.call(message, "leaderEpoch") && (typeof message.leaderEpoch === "object" ? message.leaderEpoch.low || message.leaderEpoch.high : message.leaderEpoch !== 0))
                            writer.uint32(24).int64(message.leaderEpoch);
                        if (message.partitionEpoch != null && $Object.hasOwnProperty.call(message, "partitionEpoch") && (typeof message.partitionEpoch === "object" ? message.partitionEpoch.low || message.partitionEpoch.high : message.partitionEpoch !== 0))
                            writer.uint32(32).int64(message.partitionEpoch);
                        if (message.replicas != null && message.replicas.length)
                            writer.uint32(42).int32s(message.replicas);
                        if (message.isr != null && message.isr.length)
                            writer.uint32(50).int32s(message.isr);
                        if (message.addingReplicas != null && message.addingReplicas.length)
                            writer.uint32(58).int32s(message.addingReplicas);
                        if (message.removingReplicas != null && message.removingReplicas.length)
                            writer.uint32(66).int32s(message.removingReplicas);
                        if (message.eligibleLeaderReplicas != null && message.eligibleLeaderReplicas.length)
                            writer.uint32(74).int32s(message.eligibleLeaderReplicas);
                        if (message.lastKnownElr != null && message.lastKnownElr.length)
                            writer.uint32(82).int32s(message.lastKnownElr);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    PartitionDescription.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.PartitionDescription();
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
                                        message.partitionId = value;
                                    else
                                        delete message.partitionId;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.leader = value;
                                    else
                                        delete message.leader;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.leaderEpoch = value;
                                    else
                                        delete message.leaderEpoch;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.partitionEpoch = value;
                                    else
                                        delete message.partitionEpoch;
                                    continue;
                                }
                            case 5: {
                                    if (wireType === 2) {
                                        if (!(message.replicas && message.replicas.length))
                                            message.replicas = [];
                                        reader.int32s(message.replicas);
                                        continue;
                                    }
                                    if (wireType !== 0)
                                        break;
                                    if (!(message.replicas && message.replicas.length))
                                        message.replicas = [];
                                    message.replicas.push(reader.int32());
                                    continue;
                                }
                            case 6: {
                                    if (wireType === 2) {
                                        if (!(message.isr && message.isr.length))
                                            message.isr = [];
                                        reader.int32s(message.isr);
                                        continue;
                                    }
                                    if (wireType !== 0)
                                        break;
                                    if (!(message.isr && message.isr.length))
                                        message.isr = [];
                                    message.isr.push(reader.int32());
                                    continue;
                                }
                            case 7: {
                                    if (wireType === 2) {
                                        if (!(message.addingReplicas && message.addingReplicas.length))
                                            message.addingReplicas = [];
                                        reader.int32s(message.addingReplicas);
                                        continue;
                                    }
                                    if (wireType !== 0)
                                        break;
                                    if (!(message.addingReplicas && message.addingReplicas.length))
                                        message.addingReplicas = [];
                                    message.addingReplicas.push(reader.int32());
                                    continue;
                                }
                            case 8: {
                                    if (wireType === 2) {
                                        if (!(message.removingReplicas && message.removingReplicas.length))
                                            message.removingReplicas = [];
                                        reader.int32s(message.removingReplicas);
                                        continue;
                                    }
                                    if (wireType !== 0)
                                        break;
                                    if (!(message.removingReplicas && message.removingReplicas.length))
                                        message.removingReplicas = [];
                                    message.removingReplicas.push(reader.int32());
                                    continue;
                                }
                            case 9: {
                                    if (wireType === 2) {
                                        if (!(message.eligibleLeaderReplicas && message.eligibleLeaderReplicas.length))
                                            message.eligibleLeaderReplicas = [];
                                        reader.int32s(message.eligibleLeaderReplicas);
                                        continue;
                                    }
                                    if (wireType !== 0)
                                        break;
                                    if (!(message.eligibleLeaderReplicas && message.eligibleLeaderReplicas.length))
                                        message.eligibleLeaderReplicas = [];
                                    message.eligibleLeaderReplicas.push(reader.int32());
                                    continue;
                                }
                            case 10: {
                                    if (wireType === 2) {
                                        if (!(message.lastKnownElr && message.lastKnownElr.length))
                                            message.lastKnownElr = [];
                                        reader.int32s(message.lastKnownElr);
                                        continue;
                                    }
                                    if (wireType !== 0)
                                        break;
                                    if (!(message.lastKnownElr && message.lastKnownElr.length))
                                        message.lastKnownElr = [];
                                    message.lastKnownElr.push(reader.int32());
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

                    return PartitionDescription;
                })();

                v1.TopicDescription = (function() {

                    var TopicDescription = function (properties) {
                        this.partitions = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    TopicDescription.prototype.name = "";
                    TopicDescription.prototype.error = null;
                    TopicDescription.prototype.topicId = null;
                    TopicDescription.prototype.partitions = $util.emptyArray;

                    var $oneOfFields;

                    // Virtual OneOf for proto3 optional field
                    $Object.defineProperty(TopicDescription.prototype, "_topicId", {
                        get: $util.oneOfGetter($oneOfFields = ["topicId"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    TopicDescription.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                            writer.uint32(10).string(message.name);
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.topicId != null && $Object.hasOwnProperty.call(message, "topicId"))
                            writer.uint32(26).string(message.topicId);
                        if (message.partitions != null && message.partitions.length)
                            for (var i = 0; i < message.partitions.length; ++i)
                                $root.kz.metadata.admin.v1.PartitionDescription.encode(message.partitions[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    TopicDescription.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.TopicDescription();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    message.topicId = reader.stringVerify();
                                    message._topicId = "topicId";
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.partitions && message.partitions.length))
                                        message.partitions = [];
                                    message.partitions.push($root.kz.metadata.admin.v1.PartitionDescription.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return TopicDescription;
                })();

                v1.DescribeTopicsResponse = (function() {

                    var DescribeTopicsResponse = function (properties) {
                        this.topics = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DescribeTopicsResponse.prototype.error = null;
                    DescribeTopicsResponse.prototype.topics = $util.emptyArray;
                    DescribeTopicsResponse.prototype.metadataOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                    DescribeTopicsResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.topics != null && message.topics.length)
                            for (var i = 0; i < message.topics.length; ++i)
                                $root.kz.metadata.admin.v1.TopicDescription.encode(message.topics[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.metadataOffset != null && $Object.hasOwnProperty.call(message, "metadataOffset") && (typeof message.metadataOffset === "object" ? message.metadataOffset.low || message.metadataOffset.high : message.metadataOffset !== 0))
                            writer.uint32(24).int64(message.metadataOffset);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DescribeTopicsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DescribeTopicsResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.topics && message.topics.length))
                                        message.topics = [];
                                    message.topics.push($root.kz.metadata.admin.v1.TopicDescription.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                        message.metadataOffset = value;
                                    else
                                        delete message.metadataOffset;
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

                    return DescribeTopicsResponse;
                })();

                v1.ConfigResource = (function() {

                    var ConfigResource = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    ConfigResource.prototype.type = 0;
                    ConfigResource.prototype.name = "";

                    ConfigResource.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                            writer.uint32(8).int32(message.type);
                        if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                            writer.uint32(18).string(message.name);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    ConfigResource.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.ConfigResource();
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
                                        message.type = value;
                                    else
                                        delete message.type;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.name = value;
                                    else
                                        delete message.name;
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

                    return ConfigResource;
                })();

                v1.DescribeConfigsRequest = (function() {

                    var DescribeConfigsRequest = function (properties) {
                        this.resources = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DescribeConfigsRequest.prototype.resources = $util.emptyArray;

                    DescribeConfigsRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.resources != null && message.resources.length)
                            for (var i = 0; i < message.resources.length; ++i)
                                $root.kz.metadata.admin.v1.ConfigResource.encode(message.resources[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DescribeConfigsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DescribeConfigsRequest();
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
                                    if (!(message.resources && message.resources.length))
                                        message.resources = [];
                                    message.resources.push($root.kz.metadata.admin.v1.ConfigResource.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return DescribeConfigsRequest;
                })();

                v1.ConfigSource = (function() {
                    var valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "CONFIG_SOURCE_UNKNOWN"] = 0;
                    values[valuesById[1] = "CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG"] = 1;
                    values[valuesById[2] = "CONFIG_SOURCE_DYNAMIC_BROKER_CONFIG"] = 2;
                    values[valuesById[3] = "CONFIG_SOURCE_DYNAMIC_DEFAULT_BROKER_CONFIG"] = 3;
                    values[valuesById[4] = "CONFIG_SOURCE_STATIC_BROKER_CONFIG"] = 4;
                    values[valuesById[5] = "CONFIG_SOURCE_DEFAULT_CONFIG"] = 5;
                    return values;
                })();

                v1.DescribedConfig = (function() {

                    var DescribedConfig = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DescribedConfig.prototype.name = "";
                    DescribedConfig.prototype.value = null;
                    DescribedConfig.prototype.source = 0;
                    DescribedConfig.prototype.readOnly = false;
                    DescribedConfig.prototype.sensitive = false;

                    var $oneOfFields;

                    // Virtual OneOf for proto3 optional field
                    $Object.defineProperty(DescribedConfig.prototype, "_value", {
                        get: $util.oneOfGetter($oneOfFields = ["value"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    DescribedConfig.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                            writer.uint32(10).string(message.name);
                        if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                            writer.uint32(18).string(message.value);
                        if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== 0)
                            writer.uint32(24).int32(message.source);
                        if (message.readOnly != null && $Object.hasOwnProperty.call(message, "readOnly") && message.readOnly !== false)
                            writer.uint32(32).bool(message.readOnly);
                        if (message.sensitive != null && $Object.hasOwnProperty.call(message, "sensitive") && message.sensitive !== false)
                            writer.uint32(40).bool(message.sensitive);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DescribedConfig.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DescribedConfig();
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
                                    message.value = reader.stringVerify();
                                    message._value = "value";
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.source = value;
                                    else
                                        delete message.source;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.bool())
                                        message.readOnly = value;
                                    else
                                        delete message.readOnly;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.bool())
                                        message.sensitive = value;
                                    else
                                        delete message.sensitive;
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

                    return DescribedConfig;
                })();

                v1.DescribeConfigsResult = (function() {

                    var DescribeConfigsResult = function (properties) {
                        this.configs = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DescribeConfigsResult.prototype.type = 0;
                    DescribeConfigsResult.prototype.name = "";
                    DescribeConfigsResult.prototype.error = null;
                    DescribeConfigsResult.prototype.configs = $util.emptyArray;

                    DescribeConfigsResult.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                            writer.uint32(8).int32(message.type);
                        if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                            writer.uint32(18).string(message.name);
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(26).fork(), _depth + 1).ldelim();
                        if (message.configs != null && message.configs.length)
                            for (var i = 0; i < message.configs.length; ++i)
                                $root.kz.metadata.admin.v1.DescribedConfig.encode(message.configs[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DescribeConfigsResult.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DescribeConfigsResult();
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
                                        message.type = value;
                                    else
                                        delete message.type;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.name = value;
                                    else
                                        delete message.name;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.configs && message.configs.length))
                                        message.configs = [];
                                    message.configs.push($root.kz.metadata.admin.v1.DescribedConfig.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return DescribeConfigsResult;
                })();

                v1.DescribeConfigsResponse = (function() {

                    var DescribeConfigsResponse = function (properties) {
                        this.resources = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DescribeConfigsResponse.prototype.error = null;
                    DescribeConfigsResponse.prototype.resources = $util.emptyArray;

                    DescribeConfigsResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.resources != null && message.resources.length)
                            for (var i = 0; i < message.resources.length; ++i)
                                $root.kz.metadata.admin.v1.DescribeConfigsResult.encode(message.resources[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DescribeConfigsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DescribeConfigsResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.resources && message.resources.length))
                                        message.resources = [];
                                    message.resources.push($root.kz.metadata.admin.v1.DescribeConfigsResult.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return DescribeConfigsResponse;
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
                        message = _target || new $root.kz.metadata.admin.v1.DescribeQuorumRequest();
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
                        message = _target || new $root.kz.metadata.admin.v1.ReplicaState();
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

                    DescribeQuorumResponse.prototype.error = null;
                    DescribeQuorumResponse.prototype.leaderId = 0;
                    DescribeQuorumResponse.prototype.epoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    DescribeQuorumResponse.prototype.highWatermark = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                    DescribeQuorumResponse.prototype.voters = $util.emptyArray;
                    DescribeQuorumResponse.prototype.observers = $util.emptyArray;

                    DescribeQuorumResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.leaderId != null && $Object.hasOwnProperty.call(message, "leaderId") && message.leaderId !== 0)
                            writer.uint32(16).int32(message.leaderId);
                        if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && (typeof message.epoch === "object" ? message.epoch.low || message.epoch.high : message.epoch !== 0))
                            writer.uint32(24).int64(message.epoch);
                        if (message.highWatermark != null && $Object.hasOwnProperty.call(message, "highWatermark") && (typeof message.highWatermark === "object" ? message.highWatermark.low || message.highWatermark.high : message.highWatermark !== 0))
                            writer.uint32(32).int64(message.highWatermark);
                        if (message.voters != null && message.voters.length)
                            for (var i = 0; i < message.voters.length; ++i)
                                $root.kz.metadata.admin.v1.ReplicaState.encode(message.voters[i], writer.uint32(42).fork(), _depth + 1).ldelim();
                        if (message.observers != null && message.observers.length)
                            for (var i = 0; i < message.observers.length; ++i)
                                $root.kz.metadata.admin.v1.ReplicaState.encode(message.observers[i], writer.uint32(50).fork(), _depth + 1).ldelim();
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
                        message = _target || new $root.kz.metadata.admin.v1.DescribeQuorumResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
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
                                    message.voters.push($root.kz.metadata.admin.v1.ReplicaState.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.observers && message.observers.length))
                                        message.observers = [];
                                    message.observers.push($root.kz.metadata.admin.v1.ReplicaState.decode(reader, reader.size(), $undefined, _depth + 1));
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

                v1.ScramCredentialDeletion = (function() {

                    var ScramCredentialDeletion = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    ScramCredentialDeletion.prototype.name = "";
                    ScramCredentialDeletion.prototype.mechanism = 0;

                    ScramCredentialDeletion.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                            writer.uint32(10).string(message.name);
                        if (message.mechanism != null && $Object.hasOwnProperty.call(message, "mechanism") && message.mechanism !== 0)
                            writer.uint32(16).int32(message.mechanism);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    ScramCredentialDeletion.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.ScramCredentialDeletion();
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
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.mechanism = value;
                                    else
                                        delete message.mechanism;
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

                    return ScramCredentialDeletion;
                })();

                v1.ScramCredentialUpsertion = (function() {

                    var ScramCredentialUpsertion = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    ScramCredentialUpsertion.prototype.name = "";
                    ScramCredentialUpsertion.prototype.mechanism = 0;
                    ScramCredentialUpsertion.prototype.iterations = 0;
                    ScramCredentialUpsertion.prototype.salt = $util.newBuffer([]);
                    ScramCredentialUpsertion.prototype.saltedPassword = $util.newBuffer([]);

                    ScramCredentialUpsertion.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                            writer.uint32(10).string(message.name);
                        if (message.mechanism != null && $Object.hasOwnProperty.call(message, "mechanism") && message.mechanism !== 0)
                            writer.uint32(16).int32(message.mechanism);
                        if (message.iterations != null && $Object.hasOwnProperty.call(message, "iterations") && message.iterations !== 0)
                            writer.uint32(24).int32(message.iterations);
                        if (message.salt != null && $Object.hasOwnProperty.call(message, "salt") && message.salt.length)
                            writer.uint32(34).bytes(message.salt);
                        if (message.saltedPassword != null && $Object.hasOwnProperty.call(message, "saltedPassword") && message.saltedPassword.length)
                            writer.uint32(42).bytes(message.saltedPassword);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    ScramCredentialUpsertion.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.ScramCredentialUpsertion();
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
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.mechanism = value;
                                    else
                                        delete message.mechanism;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.iterations = value;
                                    else
                                        delete message.iterations;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.bytes()).length)
                                        message.salt = value;
                                    else
                                        delete message.salt;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.bytes()).length)
                                        message.saltedPassword = value;
                                    else
                                        delete message.saltedPassword;
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

                    return ScramCredentialUpsertion;
                })();

                v1.AlterUserScramCredentialsRequest = (function() {

                    var AlterUserScramCredentialsRequest = function (properties) {
                        this.deletions = [];
                        this.upsertions = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AlterUserScramCredentialsRequest.prototype.deletions = $util.emptyArray;
                    AlterUserScramCredentialsRequest.prototype.upsertions = $util.emptyArray;

                    AlterUserScramCredentialsRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.deletions != null && message.deletions.length)
                            for (var i = 0; i < message.deletions.length; ++i)
                                $root.kz.metadata.admin.v1.ScramCredentialDeletion.encode(message.deletions[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.upsertions != null && message.upsertions.length)
                            for (var i = 0; i < message.upsertions.length; ++i)
                                $root.kz.metadata.admin.v1.ScramCredentialUpsertion.encode(message.upsertions[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AlterUserScramCredentialsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AlterUserScramCredentialsRequest();
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
                                    if (!(message.deletions && message.deletions.length))
                                        message.deletions = [];
                                    message.deletions.push($root.kz.metadata.admin.v1.ScramCredentialDeletion.decode(reader, reader.size(), $undefined, _depth + 1));
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.upsertions && message.upsertions.length))
                                        message.upsertions = [];
                                    message.upsertions.push($root.kz.metadata.admin.v1.ScramCredentialUpsertion.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return AlterUserScramCredentialsRequest;
                })();

                v1.UserOutcome = (function() {

                    var UserOutcome = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    UserOutcome.prototype.user = "";
                    UserOutcome.prototype.error = null;

                    UserOutcome.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.user != null && $Object.hasOwnProperty.call(message, "user") && message.user !== "")
                            writer.uint32(10).string(message.user);
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    UserOutcome.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.UserOutcome();
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
                                        message.user = value;
                                    else
                                        delete message.user;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
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

                    return UserOutcome;
                })();

                v1.AlterUserScramCredentialsResponse = (function() {

                    var AlterUserScramCredentialsResponse = function (properties) {
                        this.results = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AlterUserScramCredentialsResponse.prototype.error = null;
                    AlterUserScramCredentialsResponse.prototype.results = $util.emptyArray;

                    AlterUserScramCredentialsResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.results != null && message.results.length)
                            for (var i = 0; i < message.results.length; ++i)
                                $root.kz.metadata.admin.v1.UserOutcome.encode(message.results[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AlterUserScramCredentialsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AlterUserScramCredentialsResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.results && message.results.length))
                                        message.results = [];
                                    message.results.push($root.kz.metadata.admin.v1.UserOutcome.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return AlterUserScramCredentialsResponse;
                })();

                v1.UserNameList = (function() {

                    var UserNameList = function (properties) {
                        this.names = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    UserNameList.prototype.names = $util.emptyArray;

                    UserNameList.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.names != null && message.names.length)
                            for (var i = 0; i < message.names.length; ++i)
                                writer.uint32(10).string(message.names[i]);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    UserNameList.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.UserNameList();
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
                                    if (!(message.names && message.names.length))
                                        message.names = [];
                                    message.names.push(reader.stringVerify());
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

                    return UserNameList;
                })();

                v1.DescribeUserScramCredentialsRequest = (function() {

                    var DescribeUserScramCredentialsRequest = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DescribeUserScramCredentialsRequest.prototype.users = null;

                    DescribeUserScramCredentialsRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.users != null && $Object.hasOwnProperty.call(message, "users"))
                            $root.kz.metadata.admin.v1.UserNameList.encode(message.users, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DescribeUserScramCredentialsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DescribeUserScramCredentialsRequest();
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
                                    message.users = $root.kz.metadata.admin.v1.UserNameList.decode(reader, reader.size(), $undefined, _depth + 1, message.users);
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

                    return DescribeUserScramCredentialsRequest;
                })();

                v1.ScramCredentialInfo = (function() {

                    var ScramCredentialInfo = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    ScramCredentialInfo.prototype.mechanism = 0;
                    ScramCredentialInfo.prototype.iterations = 0;

                    ScramCredentialInfo.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.mechanism != null && $Object.hasOwnProperty.call(message, "mechanism") && message.mechanism !== 0)
                            writer.uint32(8).int32(message.mechanism);
                        if (message.iterations != null && $Object.hasOwnProperty.call(message, "iterations") && message.iterations !== 0)
                            writer.uint32(16).int32(message.iterations);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    ScramCredentialInfo.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.ScramCredentialInfo();
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
                                        message.mechanism = value;
                                    else
                                        delete message.mechanism;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.iterations = value;
                                    else
                                        delete message.iterations;
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

                    return ScramCredentialInfo;
                })();

                v1.UserScramCredentials = (function() {

                    var UserScramCredentials = function (properties) {
                        this.credentials = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    UserScramCredentials.prototype.user = "";
                    UserScramCredentials.prototype.error = null;
                    UserScramCredentials.prototype.credentials = $util.emptyArray;

                    UserScramCredentials.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.user != null && $Object.hasOwnProperty.call(message, "user") && message.user !== "")
                            writer.uint32(10).string(message.user);
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.credentials != null && message.credentials.length)
                            for (var i = 0; i < message.credentials.length; ++i)
                                $root.kz.metadata.admin.v1.ScramCredentialInfo.encode(message.credentials[i], writer.uint32(26).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    UserScramCredentials.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.UserScramCredentials();
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
                                        message.user = value;
                                    else
                                        delete message.user;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.credentials && message.credentials.length))
                                        message.credentials = [];
                                    message.credentials.push($root.kz.metadata.admin.v1.ScramCredentialInfo.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return UserScramCredentials;
                })();

                v1.DescribeUserScramCredentialsResponse = (function() {

                    var DescribeUserScramCredentialsResponse = function (properties) {
                        this.results = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DescribeUserScramCredentialsResponse.prototype.error = null;
                    DescribeUserScramCredentialsResponse.prototype.results = $util.emptyArray;

                    DescribeUserScramCredentialsResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.results != null && message.results.length)
                            for (var i = 0; i < message.results.length; ++i)
                                $root.kz.metadata.admin.v1.UserScramCredentials.encode(message.results[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DescribeUserScramCredentialsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DescribeUserScramCredentialsResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.results && message.results.length))
                                        message.results = [];
                                    message.results.push($root.kz.metadata.admin.v1.UserScramCredentials.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return DescribeUserScramCredentialsResponse;
                })();

                v1.AclBinding = (function() {

                    var AclBinding = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AclBinding.prototype.resourceType = 0;
                    AclBinding.prototype.resourceName = "";
                    AclBinding.prototype.patternType = 0;
                    AclBinding.prototype.principal = "";
                    AclBinding.prototype.host = "";
                    AclBinding.prototype.operation = 0;
                    AclBinding.prototype.permissionType = 0;

                    AclBinding.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.resourceType != null && $Object.hasOwnProperty.call(message, "resourceType") && message.resourceType !== 0)
                            writer.uint32(8).int32(message.resourceType);
                        if (message.resourceName != null && $Object.hasOwnProperty.call(message, "resourceName") && message.resourceName !== "")
                            writer.uint32(18).string(message.resourceName);
                        if (message.patternType != null && $Object.hasOwnProperty.call(message, "patternType") && message.patternType !== 0)
                            writer.uint32(24).int32(message.patternType);
                        if (message.principal != null && $Object.hasOwnProperty.call(message, "principal") && message.principal !== "")
                            writer.uint32(34).string(message.principal);
                        if (message.host != null && $Object.hasOwnProperty.call(message, "host") && message.host !== "")
                            writer.uint32(42).string(message.host);
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation") && message.operation !== 0)
                            writer.uint32(48).int32(message.operation);
                        if (message.permissionType != null && $Object.hasOwnProperty.call(message, "permissionType") && message.permissionType !== 0)
                            writer.uint32(56).int32(message.permissionType);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AclBinding.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AclBinding();
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
                                        message.resourceType = value;
                                    else
                                        delete message.resourceType;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.resourceName = value;
                                    else
                                        delete message.resourceName;
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.patternType = value;
                                    else
                                        delete message.patternType;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.principal = value;
                                    else
                                        delete message.principal;
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    if ((value = reader.stringVerify()).length)
                                        message.host = value;
                                    else
                                        delete message.host;
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.operation = value;
                                    else
                                        delete message.operation;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.permissionType = value;
                                    else
                                        delete message.permissionType;
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

                    return AclBinding;
                })();

                v1.AclFilter = (function() {

                    var AclFilter = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AclFilter.prototype.resourceType = 0;
                    AclFilter.prototype.resourceName = null;
                    AclFilter.prototype.patternType = 0;
                    AclFilter.prototype.principal = null;
                    AclFilter.prototype.host = null;
                    AclFilter.prototype.operation = 0;
                    AclFilter.prototype.permissionType = 0;

                    var $oneOfFields;

                    // Virtual OneOf for proto3 optional field
                    $Object.defineProperty(AclFilter.prototype, "_resourceName", {
                        get: $util.oneOfGetter($oneOfFields = ["resourceName"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    // Virtual OneOf for proto3 optional field
                    $Object.defineProperty(AclFilter.prototype, "_principal", {
                        get: $util.oneOfGetter($oneOfFields = ["principal"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    // Virtual OneOf for proto3 optional field
                    $Object.defineProperty(AclFilter.prototype, "_host", {
                        get: $util.oneOfGetter($oneOfFields = ["host"]),
                        set: $util.oneOfSetter($oneOfFields)
                    });

                    AclFilter.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.resourceType != null && $Object.hasOwnProperty.call(message, "resourceType") && message.resourceType !== 0)
                            writer.uint32(8).int32(message.resourceType);
                        if (message.resourceName != null && $Object.hasOwnProperty.call(message, "resourceName"))
                            writer.uint32(18).string(message.resourceName);
                        if (message.patternType != null && $Object.hasOwnProperty.call(message, "patternType") && message.patternType !== 0)
                            writer.uint32(24).int32(message.patternType);
                        if (message.principal != null && $Object.hasOwnProperty.call(message, "principal"))
                            writer.uint32(34).string(message.principal);
                        if (message.host != null && $Object.hasOwnProperty.call(message, "host"))
                            writer.uint32(42).string(message.host);
                        if (message.operation != null && $Object.hasOwnProperty.call(message, "operation") && message.operation !== 0)
                            writer.uint32(48).int32(message.operation);
                        if (message.permissionType != null && $Object.hasOwnProperty.call(message, "permissionType") && message.permissionType !== 0)
                            writer.uint32(56).int32(message.permissionType);
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AclFilter.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AclFilter();
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
                                        message.resourceType = value;
                                    else
                                        delete message.resourceType;
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    message.resourceName = reader.stringVerify();
                                    message._resourceName = "resourceName";
                                    continue;
                                }
                            case 3: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.patternType = value;
                                    else
                                        delete message.patternType;
                                    continue;
                                }
                            case 4: {
                                    if (wireType !== 2)
                                        break;
                                    message.principal = reader.stringVerify();
                                    message._principal = "principal";
                                    continue;
                                }
                            case 5: {
                                    if (wireType !== 2)
                                        break;
                                    message.host = reader.stringVerify();
                                    message._host = "host";
                                    continue;
                                }
                            case 6: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.operation = value;
                                    else
                                        delete message.operation;
                                    continue;
                                }
                            case 7: {
                                    if (wireType !== 0)
                                        break;
                                    if (value = reader.int32())
                                        message.permissionType = value;
                                    else
                                        delete message.permissionType;
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

                    return AclFilter;
                })();

                v1.CreateAclsRequest = (function() {

                    var CreateAclsRequest = function (properties) {
                        this.creations = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    CreateAclsRequest.prototype.creations = $util.emptyArray;

                    CreateAclsRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.creations != null && message.creations.length)
                            for (var i = 0; i < message.creations.length; ++i)
                                $root.kz.metadata.admin.v1.AclBinding.encode(message.creations[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    CreateAclsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.CreateAclsRequest();
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
                                    if (!(message.creations && message.creations.length))
                                        message.creations = [];
                                    message.creations.push($root.kz.metadata.admin.v1.AclBinding.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return CreateAclsRequest;
                })();

                v1.AclOutcome = (function() {

                    var AclOutcome = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AclOutcome.prototype.error = null;

                    AclOutcome.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AclOutcome.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AclOutcome();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
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

                    return AclOutcome;
                })();

                v1.CreateAclsResponse = (function() {

                    var CreateAclsResponse = function (properties) {
                        this.results = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    CreateAclsResponse.prototype.error = null;
                    CreateAclsResponse.prototype.results = $util.emptyArray;

                    CreateAclsResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.results != null && message.results.length)
                            for (var i = 0; i < message.results.length; ++i)
                                $root.kz.metadata.admin.v1.AclOutcome.encode(message.results[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    CreateAclsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.CreateAclsResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.results && message.results.length))
                                        message.results = [];
                                    message.results.push($root.kz.metadata.admin.v1.AclOutcome.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return CreateAclsResponse;
                })();

                v1.DeleteAclsRequest = (function() {

                    var DeleteAclsRequest = function (properties) {
                        this.filters = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DeleteAclsRequest.prototype.filters = $util.emptyArray;

                    DeleteAclsRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.filters != null && message.filters.length)
                            for (var i = 0; i < message.filters.length; ++i)
                                $root.kz.metadata.admin.v1.AclFilter.encode(message.filters[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DeleteAclsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DeleteAclsRequest();
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
                                    if (!(message.filters && message.filters.length))
                                        message.filters = [];
                                    message.filters.push($root.kz.metadata.admin.v1.AclFilter.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return DeleteAclsRequest;
                })();

                v1.DeleteAclsFilterResult = (function() {

                    var DeleteAclsFilterResult = function (properties) {
                        this.deleted = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DeleteAclsFilterResult.prototype.error = null;
                    DeleteAclsFilterResult.prototype.deleted = $util.emptyArray;

                    DeleteAclsFilterResult.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.deleted != null && message.deleted.length)
                            for (var i = 0; i < message.deleted.length; ++i)
                                $root.kz.metadata.admin.v1.AclBinding.encode(message.deleted[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DeleteAclsFilterResult.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DeleteAclsFilterResult();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.deleted && message.deleted.length))
                                        message.deleted = [];
                                    message.deleted.push($root.kz.metadata.admin.v1.AclBinding.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return DeleteAclsFilterResult;
                })();

                v1.DeleteAclsResponse = (function() {

                    var DeleteAclsResponse = function (properties) {
                        this.results = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DeleteAclsResponse.prototype.error = null;
                    DeleteAclsResponse.prototype.results = $util.emptyArray;

                    DeleteAclsResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.results != null && message.results.length)
                            for (var i = 0; i < message.results.length; ++i)
                                $root.kz.metadata.admin.v1.DeleteAclsFilterResult.encode(message.results[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DeleteAclsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DeleteAclsResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.results && message.results.length))
                                        message.results = [];
                                    message.results.push($root.kz.metadata.admin.v1.DeleteAclsFilterResult.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return DeleteAclsResponse;
                })();

                v1.DescribeAclsRequest = (function() {

                    var DescribeAclsRequest = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DescribeAclsRequest.prototype.filter = null;

                    DescribeAclsRequest.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.filter != null && $Object.hasOwnProperty.call(message, "filter"))
                            $root.kz.metadata.admin.v1.AclFilter.encode(message.filter, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DescribeAclsRequest.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DescribeAclsRequest();
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
                                    message.filter = $root.kz.metadata.admin.v1.AclFilter.decode(reader, reader.size(), $undefined, _depth + 1, message.filter);
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

                    return DescribeAclsRequest;
                })();

                v1.DescribeAclsResponse = (function() {

                    var DescribeAclsResponse = function (properties) {
                        this.acls = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    DescribeAclsResponse.prototype.error = null;
                    DescribeAclsResponse.prototype.acls = $util.emptyArray;

                    DescribeAclsResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.acls != null && message.acls.length)
                            for (var i = 0; i < message.acls.length; ++i)
                                $root.kz.metadata.admin.v1.AclBinding.encode(message.acls[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    DescribeAclsResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.DescribeAclsResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                    continue;
                                }
                            case 2: {
                                    if (wireType !== 2)
                                        break;
                                    if (!(message.acls && message.acls.length))
                                        message.acls = [];
                                    message.acls.push($root.kz.metadata.admin.v1.AclBinding.decode(reader, reader.size(), $undefined, _depth + 1));
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

                    return DescribeAclsResponse;
                })();

                v1.AddRaftVoterRequest = (function() {

                    var AddRaftVoterRequest = function (properties) {
                        this.listeners = [];
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AddRaftVoterRequest.prototype.voterId = 0;
                    AddRaftVoterRequest.prototype.voterDirectoryId = "";
                    AddRaftVoterRequest.prototype.listeners = $util.emptyArray;

                    AddRaftVoterRequest.encode = function (message, writer, _depth) {
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
                        if (message.listeners != null && message.listeners.length)
                            for (var i = 0; i < message.listeners.length; ++i)
                                $root.kz.metadata.admin.v1.Endpoint.encode(message.listeners[i], writer.uint32(26).fork(), _depth + 1).ldelim();
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
                        message = _target || new $root.kz.metadata.admin.v1.AddRaftVoterRequest();
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
                                    if (!(message.listeners && message.listeners.length))
                                        message.listeners = [];
                                    message.listeners.push($root.kz.metadata.admin.v1.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1));
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

                v1.AddRaftVoterResponse = (function() {

                    var AddRaftVoterResponse = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    AddRaftVoterResponse.prototype.error = null;

                    AddRaftVoterResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    AddRaftVoterResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.AddRaftVoterResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
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

                    return AddRaftVoterResponse;
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
                        message = _target || new $root.kz.metadata.admin.v1.RemoveRaftVoterRequest();
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

                v1.RemoveRaftVoterResponse = (function() {

                    var RemoveRaftVoterResponse = function (properties) {
                        if (properties)
                            for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                                if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                    this[keys[i]] = properties[keys[i]];
                    };

                    RemoveRaftVoterResponse.prototype.error = null;

                    RemoveRaftVoterResponse.encode = function (message, writer, _depth) {
                        if (!writer)
                            writer = $Writer.create();
                        if (_depth === $undefined)
                            _depth = 0;
                        if (_depth > $util.recursionLimit)
                            throw $Error("max depth exceeded");
                        if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                            $root.kz.metadata.admin.v1.ApiError.encode(message.error, writer.uint32(10).fork(), _depth + 1).ldelim();
                        if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                            for (var i = 0; i < message.$unknowns.length; ++i)
                                writer.raw(message.$unknowns[i]);
                        return writer;
                    };

                    RemoveRaftVoterResponse.decode = function (reader, length, _end, _depth, _target) {
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
                        message = _target || new $root.kz.metadata.admin.v1.RemoveRaftVoterResponse();
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
                                    message.error = $root.kz.metadata.admin.v1.ApiError.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
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

                    return RemoveRaftVoterResponse;
                })();

                return v1;
            })();

            return admin;
        })();

        return metadata;
    })();

    return kz;
})();

module.exports = $root;
