/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

var $root = $protobuf.roots["kz_metadata"] || ($protobuf.roots["kz_metadata"] = {});

$root.kz = (function() {

    var kz = {};

    kz.metadata = (function() {

        var metadata = {};

        metadata.v1 = (function() {

            var v1 = {};

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
                    message = _target || new $root.kz.metadata.v1.Endpoint();
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

            v1.RegisterBrokerRecord = (function() {

                var RegisterBrokerRecord = function (properties) {
                    this.endpoints = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                RegisterBrokerRecord.prototype.brokerId = 0;
                RegisterBrokerRecord.prototype.incarnationId = "";
                RegisterBrokerRecord.prototype.brokerEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                RegisterBrokerRecord.prototype.endpoints = $util.emptyArray;
                RegisterBrokerRecord.prototype.rack = null;
                RegisterBrokerRecord.prototype.fenced = false;
                RegisterBrokerRecord.prototype.inControlledShutdown = false;

                var $oneOfFields;

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(RegisterBrokerRecord.prototype, "_rack", {
                    get: $util.oneOfGetter($oneOfFields = ["rack"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                RegisterBrokerRecord.encode = function (message, writer, _depth) {
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
                            $root.kz.metadata.v1.Endpoint.encode(message.endpoints[i], writer.uint32(34).fork(), _depth + 1).ldelim();
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

                RegisterBrokerRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.RegisterBrokerRecord();
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
                                message.endpoints.push($root.kz.metadata.v1.Endpoint.decode(reader, reader.size(), $undefined, _depth + 1));
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

                return RegisterBrokerRecord;
            })();

            v1.UnregisterBrokerRecord = (function() {

                var UnregisterBrokerRecord = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                UnregisterBrokerRecord.prototype.brokerId = 0;
                UnregisterBrokerRecord.prototype.brokerEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                UnregisterBrokerRecord.encode = function (message, writer, _depth) {
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

                UnregisterBrokerRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.UnregisterBrokerRecord();
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

                return UnregisterBrokerRecord;
            })();

            v1.BrokerRegistrationChangeRecord = (function() {

                var BrokerRegistrationChangeRecord = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                BrokerRegistrationChangeRecord.prototype.brokerId = 0;
                BrokerRegistrationChangeRecord.prototype.brokerEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                BrokerRegistrationChangeRecord.prototype.fenced = null;
                BrokerRegistrationChangeRecord.prototype.inControlledShutdown = null;

                var $oneOfFields;

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(BrokerRegistrationChangeRecord.prototype, "_fenced", {
                    get: $util.oneOfGetter($oneOfFields = ["fenced"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(BrokerRegistrationChangeRecord.prototype, "_inControlledShutdown", {
                    get: $util.oneOfGetter($oneOfFields = ["inControlledShutdown"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                BrokerRegistrationChangeRecord.encode = function (message, writer, _depth) {
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
                    if (message.fenced != null && $Object.hasOwnProperty.call(message, "fenced"))
                        writer.uint32(24).bool(message.fenced);
                    if (message.inControlledShutdown != null && $Object.hasOwnProperty.call(message, "inControlledShutdown"))
                        writer.uint32(32).bool(message.inControlledShutdown);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                BrokerRegistrationChangeRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.BrokerRegistrationChangeRecord();
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
                                message.fenced = reader.bool();
                                message._fenced = "fenced";
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                message.inControlledShutdown = reader.bool();
                                message._inControlledShutdown = "inControlledShutdown";
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

                return BrokerRegistrationChangeRecord;
            })();

            v1.TopicRecord = (function() {

                var TopicRecord = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                TopicRecord.prototype.name = "";
                TopicRecord.prototype.topicId = "";

                TopicRecord.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                        writer.uint32(10).string(message.name);
                    if (message.topicId != null && $Object.hasOwnProperty.call(message, "topicId") && message.topicId !== "")
                        writer.uint32(18).string(message.topicId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                TopicRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.TopicRecord();
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
                                    message.topicId = value;
                                else
                                    delete message.topicId;
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

                return TopicRecord;
            })();

            v1.PartitionRecord = (function() {

                var PartitionRecord = function (properties) {
                    this.replicas = [];
                    this.isr = [];
                    this.removingReplicas = [];
                    this.addingReplicas = [];
                    this.eligibleLeaderReplicas = [];
                    this.lastKnownElr = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                PartitionRecord.prototype.partitionId = 0;
                PartitionRecord.prototype.topicId = "";
                PartitionRecord.prototype.replicas = $util.emptyArray;
                PartitionRecord.prototype.isr = $util.emptyArray;
                PartitionRecord.prototype.removingReplicas = $util.emptyArray;
                PartitionRecord.prototype.addingReplicas = $util.emptyArray;
                PartitionRecord.prototype.leader = 0;
                PartitionRecord.prototype.leaderEpoch = 0;
                PartitionRecord.prototype.partitionEpoch = 0;
                PartitionRecord.prototype.eligibleLeaderReplicas = $util.emptyArray;
                PartitionRecord.prototype.lastKnownElr = $util.emptyArray;

                PartitionRecord.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.partitionId != null && $Object.hasOwnProperty.call(message, "partitionId") && message.partitionId !== 0)
                        writer.uint32(8).int32(message.partitionId);
                    if (message.topicId != null && $Object.hasOwnProperty.call(message, "topicId") && message.topicId !== "")
                        writer.uint32(18).string(message.topicId);
                    if (message.replicas != null && message.replicas.length)
                        writer.uint32(26).int32s(message.replicas);
                    if (message.isr != null && message.isr.length)
                        writer.uint32(34).int32s(message.isr);
                    if (message.removingReplicas != null && message.removingReplicas.length)
                        writer.uint32(42).int32s(message.removingReplicas);
                    if (message.addingReplicas != null && message.addingReplicas.length)
                        writer.uint32(50).int32s(message.addingReplicas);
                    if (message.leader != null && $Object.hasOwnProperty.call(message, "leader") && message.leader !== 0)
                        writer.uint32(56).int32(message.leader);
                    if (message.leaderEpoch != null && $Object.hasOwnProperty.call(message, "leaderEpoch") && message.leaderEpoch !== 0)
                        writer.uint32(64).int32(message.leaderEpoch);
                    if (message.partitionEpoch != null && $Object.hasOwnProperty.call(message, "partitionEpoch") && message.partitionEpoch !== 0)
                        writer.uint32(72).int32(message.partitionEpoch);
                    if (message.eligibleLeaderReplicas != null && message.eligibleLeaderReplicas.length)
                        writer.uint32(82).int32s(message.eligibleLeaderReplicas);
                    if (message.lastKnownElr != null && message.lastKnownElr.length)
                        writer.uint32(90).int32s(message.lastKnownElr);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                PartitionRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.PartitionRecord();
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
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.topicId = value;
                                else
                                    delete message.topicId;
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
                        case 6: {
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
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.leader = value;
                                else
                                    delete message.leader;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.leaderEpoch = value;
                                else
                                    delete message.leaderEpoch;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.partitionEpoch = value;
                                else
                                    delete message.partitionEpoch;
                                continue;
                            }
                        case 10: {
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
                        case 11: {
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

                return PartitionRecord;
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
                    message = _target || new $root.kz.metadata.v1.BrokerIdList();
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

            v1.PartitionChangeRecord = (function() {

                var PartitionChangeRecord = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                PartitionChangeRecord.prototype.partitionId = 0;
                PartitionChangeRecord.prototype.topicId = "";
                PartitionChangeRecord.prototype.leader = null;
                PartitionChangeRecord.prototype.isr = null;
                PartitionChangeRecord.prototype.replicas = null;
                PartitionChangeRecord.prototype.removingReplicas = null;
                PartitionChangeRecord.prototype.addingReplicas = null;
                PartitionChangeRecord.prototype.eligibleLeaderReplicas = null;
                PartitionChangeRecord.prototype.lastKnownElr = null;

                var $oneOfFields;

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(PartitionChangeRecord.prototype, "_leader", {
                    get: $util.oneOfGetter($oneOfFields = ["leader"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                PartitionChangeRecord.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.partitionId != null && $Object.hasOwnProperty.call(message, "partitionId") && message.partitionId !== 0)
                        writer.uint32(8).int32(message.partitionId);
                    if (message.topicId != null && $Object.hasOwnProperty.call(message, "topicId") && message.topicId !== "")
                        writer.uint32(18).string(message.topicId);
                    if (message.leader != null && $Object.hasOwnProperty.call(message, "leader"))
                        writer.uint32(24).int32(message.leader);
                    if (message.isr != null && $Object.hasOwnProperty.call(message, "isr"))
                        $root.kz.metadata.v1.BrokerIdList.encode(message.isr, writer.uint32(34).fork(), _depth + 1).ldelim();
                    if (message.replicas != null && $Object.hasOwnProperty.call(message, "replicas"))
                        $root.kz.metadata.v1.BrokerIdList.encode(message.replicas, writer.uint32(42).fork(), _depth + 1).ldelim();
                    if (message.removingReplicas != null && $Object.hasOwnProperty.call(message, "removingReplicas"))
                        $root.kz.metadata.v1.BrokerIdList.encode(message.removingReplicas, writer.uint32(50).fork(), _depth + 1).ldelim();
                    if (message.addingReplicas != null && $Object.hasOwnProperty.call(message, "addingReplicas"))
                        $root.kz.metadata.v1.BrokerIdList.encode(message.addingReplicas, writer.uint32(58).fork(), _depth + 1).ldelim();
                    if (message.eligibleLeaderReplicas != null && $Object.hasOwnProperty.call(message, "eligibleLeaderReplicas"))
                        $root.kz.metadata.v1.BrokerIdList.encode(message.eligibleLeaderReplicas, writer.uint32(66).fork(), _depth + 1).ldelim();
                    if (message.lastKnownElr != null && $Object.hasOwnProperty.call(message, "lastKnownElr"))
                        $root.kz.metadata.v1.BrokerIdList.encode(message.lastKnownElr, writer.uint32(74).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                PartitionChangeRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.PartitionChangeRecord();
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
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.topicId = value;
                                else
                                    delete message.topicId;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                message.leader = reader.int32();
                                message._leader = "leader";
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                message.isr = $root.kz.metadata.v1.BrokerIdList.decode(reader, reader.size(), $undefined, _depth + 1, message.isr);
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                message.replicas = $root.kz.metadata.v1.BrokerIdList.decode(reader, reader.size(), $undefined, _depth + 1, message.replicas);
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                message.removingReplicas = $root.kz.metadata.v1.BrokerIdList.decode(reader, reader.size(), $undefined, _depth + 1, message.removingReplicas);
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                message.addingReplicas = $root.kz.metadata.v1.BrokerIdList.decode(reader, reader.size(), $undefined, _depth + 1, message.addingReplicas);
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                message.eligibleLeaderReplicas = $root.kz.metadata.v1.BrokerIdList.decode(reader, reader.size(), $undefined, _depth + 1, message.eligibleLeaderReplicas);
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                message.lastKnownElr = $root.kz.metadata.v1.BrokerIdList.decode(reader, reader.size(), $undefined, _depth + 1, message.lastKnownElr);
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

                return PartitionChangeRecord;
            })();

            v1.RemoveTopicRecord = (function() {

                var RemoveTopicRecord = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                RemoveTopicRecord.prototype.topicId = "";

                RemoveTopicRecord.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.topicId != null && $Object.hasOwnProperty.call(message, "topicId") && message.topicId !== "")
                        writer.uint32(10).string(message.topicId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                RemoveTopicRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.RemoveTopicRecord();
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

                return RemoveTopicRecord;
            })();

            v1.ConfigResourceType = (function() {
                var valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "CONFIG_RESOURCE_UNKNOWN"] = 0;
                values[valuesById[2] = "CONFIG_RESOURCE_TOPIC"] = 2;
                values[valuesById[4] = "CONFIG_RESOURCE_BROKER"] = 4;
                return values;
            })();

            v1.ConfigRecord = (function() {

                var ConfigRecord = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                ConfigRecord.prototype.resourceType = 0;
                ConfigRecord.prototype.resourceName = "";
                ConfigRecord.prototype.name = "";
                ConfigRecord.prototype.value = null;

                var $oneOfFields;

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(ConfigRecord.prototype, "_value", {
                    get: $util.oneOfGetter($oneOfFields = ["value"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                ConfigRecord.encode = function (message, writer, _depth) {
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
                    if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                        writer.uint32(26).string(message.name);
                    if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                        writer.uint32(34).string(message.value);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                ConfigRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.ConfigRecord();
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
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.name = value;
                                else
                                    delete message.name;
                                continue;
                            }
                        case 4: {
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

                return ConfigRecord;
            })();

            v1.FeatureLevelRecord = (function() {

                var FeatureLevelRecord = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                FeatureLevelRecord.prototype.name = "";
                FeatureLevelRecord.prototype.featureLevel = 0;

                FeatureLevelRecord.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                        writer.uint32(10).string(message.name);
                    if (message.featureLevel != null && $Object.hasOwnProperty.call(message, "featureLevel") && message.featureLevel !== 0)
                        writer.uint32(16).int32(message.featureLevel);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                FeatureLevelRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.FeatureLevelRecord();
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
                                    message.featureLevel = value;
                                else
                                    delete message.featureLevel;
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

                return FeatureLevelRecord;
            })();

            v1.ProducerIdsRecord = (function() {

                var ProducerIdsRecord = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                ProducerIdsRecord.prototype.brokerId = 0;
                ProducerIdsRecord.prototype.brokerEpoch = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ProducerIdsRecord.prototype.nextProducerId = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                ProducerIdsRecord.encode = function (message, writer, _depth) {
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
                    if (message.nextProducerId != null && $Object.hasOwnProperty.call(message, "nextProducerId") && (typeof message.nextProducerId === "object" ? message.nextProducerId.low || message.nextProducerId.high : message.nextProducerId !== 0))
                        writer.uint32(24).int64(message.nextProducerId);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                ProducerIdsRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.ProducerIdsRecord();
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
                                    message.nextProducerId = value;
                                else
                                    delete message.nextProducerId;
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

                return ProducerIdsRecord;
            })();

            v1.NoOpRecord = (function() {

                var NoOpRecord = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                NoOpRecord.encode = function (message, writer, _depth) {
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

                NoOpRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.NoOpRecord();
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

                return NoOpRecord;
            })();

            v1.UserScramCredentialRecord = (function() {

                var UserScramCredentialRecord = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                UserScramCredentialRecord.prototype.name = "";
                UserScramCredentialRecord.prototype.mechanism = 0;
                UserScramCredentialRecord.prototype.salt = $util.newBuffer([]);
                UserScramCredentialRecord.prototype.storedKey = $util.newBuffer([]);
                UserScramCredentialRecord.prototype.serverKey = $util.newBuffer([]);
                UserScramCredentialRecord.prototype.iterations = 0;

                UserScramCredentialRecord.encode = function (message, writer, _depth) {
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
                    if (message.salt != null && $Object.hasOwnProperty.call(message, "salt") && message.salt.length)
                        writer.uint32(26).bytes(message.salt);
                    if (message.storedKey != null && $Object.hasOwnProperty.call(message, "storedKey") && message.storedKey.length)
                        writer.uint32(34).bytes(message.storedKey);
                    if (message.serverKey != null && $Object.hasOwnProperty.call(message, "serverKey") && message.serverKey.length)
                        writer.uint32(42).bytes(message.serverKey);
                    if (message.iterations != null && $Object.hasOwnProperty.call(message, "iterations") && message.iterations !== 0)
                        writer.uint32(48).int32(message.iterations);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                UserScramCredentialRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.UserScramCredentialRecord();
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
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.salt = value;
                                else
                                    delete message.salt;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.storedKey = value;
                                else
                                    delete message.storedKey;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.serverKey = value;
                                else
                                    delete message.serverKey;
                                continue;
                            }
                        case 6: {
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

                return UserScramCredentialRecord;
            })();

            v1.RemoveUserScramCredentialRecord = (function() {

                var RemoveUserScramCredentialRecord = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                RemoveUserScramCredentialRecord.prototype.name = "";
                RemoveUserScramCredentialRecord.prototype.mechanism = 0;

                RemoveUserScramCredentialRecord.encode = function (message, writer, _depth) {
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

                RemoveUserScramCredentialRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.RemoveUserScramCredentialRecord();
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

                return RemoveUserScramCredentialRecord;
            })();

            v1.AccessControlEntryRecord = (function() {

                var AccessControlEntryRecord = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                AccessControlEntryRecord.prototype.id = "";
                AccessControlEntryRecord.prototype.resourceType = 0;
                AccessControlEntryRecord.prototype.resourceName = "";
                AccessControlEntryRecord.prototype.patternType = 0;
                AccessControlEntryRecord.prototype.principal = "";
                AccessControlEntryRecord.prototype.host = "";
                AccessControlEntryRecord.prototype.operation = 0;
                AccessControlEntryRecord.prototype.permissionType = 0;

                AccessControlEntryRecord.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                        writer.uint32(10).string(message.id);
                    if (message.resourceType != null && $Object.hasOwnProperty.call(message, "resourceType") && message.resourceType !== 0)
                        writer.uint32(16).int32(message.resourceType);
                    if (message.resourceName != null && $Object.hasOwnProperty.call(message, "resourceName") && message.resourceName !== "")
                        writer.uint32(26).string(message.resourceName);
                    if (message.patternType != null && $Object.hasOwnProperty.call(message, "patternType") && message.patternType !== 0)
                        writer.uint32(32).int32(message.patternType);
                    if (message.principal != null && $Object.hasOwnProperty.call(message, "principal") && message.principal !== "")
                        writer.uint32(42).string(message.principal);
                    if (message.host != null && $Object.hasOwnProperty.call(message, "host") && message.host !== "")
                        writer.uint32(50).string(message.host);
                    if (message.operation != null && $Object.hasOwnProperty.call(message, "operation") && message.operation !== 0)
                        writer.uint32(56).int32(message.operation);
                    if (message.permissionType != null && $Object.hasOwnProperty.call(message, "permissionType") && message.permissionType !== 0)
                        writer.uint32(64).int32(message.permissionType);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                AccessControlEntryRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.AccessControlEntryRecord();
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
                                    message.id = value;
                                else
                                    delete message.id;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.resourceType = value;
                                else
                                    delete message.resourceType;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.resourceName = value;
                                else
                                    delete message.resourceName;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.patternType = value;
                                else
                                    delete message.patternType;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.principal = value;
                                else
                                    delete message.principal;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.host = value;
                                else
                                    delete message.host;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.operation = value;
                                else
                                    delete message.operation;
                                continue;
                            }
                        case 8: {
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

                return AccessControlEntryRecord;
            })();

            v1.RemoveAccessControlEntryRecord = (function() {

                var RemoveAccessControlEntryRecord = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                RemoveAccessControlEntryRecord.prototype.id = "";

                RemoveAccessControlEntryRecord.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                        writer.uint32(10).string(message.id);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                RemoveAccessControlEntryRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.RemoveAccessControlEntryRecord();
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
                                    message.id = value;
                                else
                                    delete message.id;
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

                return RemoveAccessControlEntryRecord;
            })();

            v1.MetadataRecord = (function() {

                var MetadataRecord = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                MetadataRecord.prototype.registerBroker = null;
                MetadataRecord.prototype.unregisterBroker = null;
                MetadataRecord.prototype.topic = null;
                MetadataRecord.prototype.partition = null;
                MetadataRecord.prototype.config = null;
                MetadataRecord.prototype.partitionChange = null;
                MetadataRecord.prototype.removeTopic = null;
                MetadataRecord.prototype.featureLevel = null;
                MetadataRecord.prototype.producerIds = null;
                MetadataRecord.prototype.brokerRegistrationChange = null;
                MetadataRecord.prototype.noOp = null;
                MetadataRecord.prototype.userScramCredential = null;
                MetadataRecord.prototype.removeUserScramCredential = null;
                MetadataRecord.prototype.accessControlEntry = null;
                MetadataRecord.prototype.removeAccessControlEntry = null;

                var $oneOfFields;

                $Object.defineProperty(MetadataRecord.prototype, "record", {
                    get: $util.oneOfGetter($oneOfFields = ["registerBroker", "unregisterBroker", "topic", "partition", "config", "partitionChange", "removeTopic", "featureLevel", "producerIds", "brokerRegistrationChange", "noOp", "userScramCredential", "removeUserScramCredential", "accessControlEntry", "removeAccessControlEntry"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                MetadataRecord.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.registerBroker != null && $Object.hasOwnProperty.call(message, "registerBroker"))
                        $root.kz.metadata.v1.RegisterBrokerRecord.encode(message.registerBroker, writer.uint32(10).fork(), _depth + 1).ldelim();
                    if (message.unregisterBroker != null && $Object.hasOwnProperty.call(message, "unregisterBroker"))
                        $root.kz.metadata.v1.UnregisterBrokerRecord.encode(message.unregisterBroker, writer.uint32(18).fork(), _depth + 1).ldelim();
                    if (message.topic != null && $Object.hasOwnProperty.call(message, "topic"))
                        $root.kz.metadata.v1.TopicRecord.encode(message.topic, writer.uint32(26).fork(), _depth + 1).ldelim();
                    if (message.partition != null && $Object.hasOwnProperty.call(message, "partition"))
                        $root.kz.metadata.v1.PartitionRecord.encode(message.partition, writer.uint32(34).fork(), _depth + 1).ldelim();
                    if (message.config != null && $Object.hasOwnProperty.call(message, "config"))
                        $root.kz.metadata.v1.ConfigRecord.encode(message.config, writer.uint32(42).fork(), _depth + 1).ldelim();
                    if (message.partitionChange != null && $Object.hasOwnProperty.call(message, "partitionChange"))
                        $root.kz.metadata.v1.PartitionChangeRecord.encode(message.partitionChange, writer.uint32(50).fork(), _depth + 1).ldelim();
                    if (message.removeTopic != null && $Object.hasOwnProperty.call(message, "removeTopic"))
                        $root.kz.metadata.v1.RemoveTopicRecord.encode(message.removeTopic, writer.uint32(58).fork(), _depth + 1).ldelim();
                    if (message.featureLevel != null && $Object.hasOwnProperty.call(message, "featureLevel"))
                        $root.kz.metadata.v1.FeatureLevelRecord.encode(message.featureLevel, writer.uint32(66).fork(), _depth + 1).ldelim();
                    if (message.producerIds != null && $Object.hasOwnProperty.call(message, "producerIds"))
                        $root.kz.metadata.v1.ProducerIdsRecord.encode(message.producerIds, writer.uint32(74).fork(), _depth + 1).ldelim();
                    if (message.brokerRegistrationChange != null && $Object.hasOwnProperty.call(message, "brokerRegistrationChange"))
                        $root.kz.metadata.v1.BrokerRegistrationChangeRecord.encode(message.brokerRegistrationChange, writer.uint32(82).fork(), _depth + 1).ldelim();
                    if (message.noOp != null && $Object.hasOwnProperty.call(message, "noOp"))
                        $root.kz.metadata.v1.NoOpRecord.encode(message.noOp, writer.uint32(90).fork(), _depth + 1).ldelim();
                    if (message.userScramCredential != null && $Object.hasOwnProperty.call(message, "userScramCredential"))
                        $root.kz.metadata.v1.UserScramCredentialRecord.encode(message.userScramCredential, writer.uint32(98).fork(), _depth + 1).ldelim();
                    if (message.removeUserScramCredential != null && $Object.hasOwnProperty.call(message, "removeUserScramCredential"))
                        $root.kz.metadata.v1.RemoveUserScramCredentialRecord.encode(message.removeUserScramCredential, writer.uint32(106).fork(), _depth + 1).ldelim();
                    if (message.accessControlEntry != null && $Object.hasOwnProperty.call(message, "accessControlEntry"))
                        $root.kz.metadata.v1.AccessControlEntryRecord.encode(message.accessControlEntry, writer.uint32(114).fork(), _depth + 1).ldelim();
                    if (message.removeAccessControlEntry != null && $Object.hasOwnProperty.call(message, "removeAccessControlEntry"))
                        $root.kz.metadata.v1.RemoveAccessControlEntryRecord.encode(message.removeAccessControlEntry, writer.uint32(122).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                MetadataRecord.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.MetadataRecord();
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
                                message.registerBroker = $root.kz.metadata.v1.RegisterBrokerRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.registerBroker);
                                message.record = "registerBroker";
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                message.unregisterBroker = $root.kz.metadata.v1.UnregisterBrokerRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.unregisterBroker);
                                message.record = "unregisterBroker";
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                message.topic = $root.kz.metadata.v1.TopicRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.topic);
                                message.record = "topic";
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                message.partition = $root.kz.metadata.v1.PartitionRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.partition);
                                message.record = "partition";
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                message.config = $root.kz.metadata.v1.ConfigRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.config);
                                message.record = "config";
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                message.partitionChange = $root.kz.metadata.v1.PartitionChangeRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.partitionChange);
                                message.record = "partitionChange";
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                message.removeTopic = $root.kz.metadata.v1.RemoveTopicRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.removeTopic);
                                message.record = "removeTopic";
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                message.featureLevel = $root.kz.metadata.v1.FeatureLevelRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.featureLevel);
                                message.record = "featureLevel";
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                message.producerIds = $root.kz.metadata.v1.ProducerIdsRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.producerIds);
                                message.record = "producerIds";
                                continue;
                            }
                        case 10: {
                                if (wireType !== 2)
                                    break;
                                message.brokerRegistrationChange = $root.kz.metadata.v1.BrokerRegistrationChangeRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.brokerRegistrationChange);
                                message.record = "brokerRegistrationChange";
                                continue;
                            }
                        case 11: {
                                if (wireType !== 2)
                                    break;
                                message.noOp = $root.kz.metadata.v1.NoOpRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.noOp);
                                message.record = "noOp";
                                continue;
                            }
                        case 12: {
                                if (wireType !== 2)
                                    break;
                                message.userScramCredential = $root.kz.metadata.v1.UserScramCredentialRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.userScramCredential);
                                message.record = "userScramCredential";
                                continue;
                            }
                        case 13: {
                                if (wireType !== 2)
                                    break;
                                message.removeUserScramCredential = $root.kz.metadata.v1.RemoveUserScramCredentialRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.removeUserScramCredential);
                                message.record = "removeUserScramCredential";
                                continue;
                            }
                        case 14: {
                                if (wireType !== 2)
                                    break;
                                message.accessControlEntry = $root.kz.metadata.v1.AccessControlEntryRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.accessControlEntry);
                                message.record = "accessControlEntry";
                                continue;
                            }
                        case 15: {
                                if (wireType !== 2)
                                    break;
                                message.removeAccessControlEntry = $root.kz.metadata.v1.RemoveAccessControlEntryRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.removeAccessControlEntry);
                                message.record = "removeAccessControlEntry";
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

                return MetadataRecord;
            })();

            v1.ImageHeader = (function() {

                var ImageHeader = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                ImageHeader.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
                ImageHeader.prototype.epoch = 0;
                ImageHeader.prototype.recordCount = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                ImageHeader.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && (typeof message.offset === "object" ? message.offset.low || message.offset.high : message.offset !== 0))
                        writer.uint32(8).int64(message.offset);
                    if (message.epoch != null && $Object.hasOwnProperty.call(message, "epoch") && message.epoch !== 0)
                        writer.uint32(16).int32(message.epoch);
                    if (message.recordCount != null && $Object.hasOwnProperty.call(message, "recordCount") && (typeof message.recordCount === "object" ? message.recordCount.low || message.recordCount.high : message.recordCount !== 0))
                        writer.uint32(24).int64(message.recordCount);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                ImageHeader.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.kz.metadata.v1.ImageHeader();
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
                                if (value = reader.int32())
                                    message.epoch = value;
                                else
                                    delete message.epoch;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.recordCount = value;
                                else
                                    delete message.recordCount;
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

                return ImageHeader;
            })();

            return v1;
        })();

        return metadata;
    })();

    return kz;
})();

module.exports = $root;
