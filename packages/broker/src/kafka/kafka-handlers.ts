/**
 * Every Kafka API the broker's listener serves, over one KafkaBackend. The ApiVersions table is
 * this list's declared ranges.
 */
import { apiVersionsHandler } from './api-versions-handler';
import { alterPartitionReassignmentsHandler, describeClusterHandler, describeLogDirsHandler, electLeadersHandler, listPartitionReassignmentsHandler } from './cluster-admin-handlers';
import { alterConfigsHandler, describeConfigsHandler, incrementalAlterConfigsHandler } from './config-handlers';
import { deleteRecordsHandler } from './delete-records-handler';
import { fetchHandler } from './fetch-handler';
import { deleteGroupsHandler, describeGroupsHandler, heartbeatHandler, joinGroupHandler, leaveGroupHandler, listGroupsHandler, syncGroupHandler } from './group-membership-handlers';
import { findCoordinatorHandler, offsetCommitHandler, offsetDeleteHandler, offsetFetchHandler } from './group-offsets-handlers';
import type { KafkaBackend } from './kafka-backend';
import { handlerTable, type KafkaHandlers } from './kafka-handler';
import { listOffsetsHandler } from './list-offsets-handler';
import { metadataHandler } from './metadata-handler';
import { produceHandler } from './produce-handler';
import { saslAuthenticateHandler, saslHandshakeHandler } from './sasl-handlers';
import { alterUserScramCredentialsHandler, createAclsHandler, deleteAclsHandler, describeAclsHandler, describeUserScramCredentialsHandler } from './security-admin-handlers';
import { describeProducersHandler, initProducerIdHandler } from './producer-id-handlers';
import { createPartitionsHandler, createTopicsHandler, deleteTopicsHandler } from './topic-admin-handlers';

export function kafkaHandlers(backend: KafkaBackend): KafkaHandlers {
  const table: KafkaHandlers = handlerTable([
    apiVersionsHandler(() => table),
    metadataHandler(backend),
    produceHandler(backend),
    fetchHandler(backend),
    listOffsetsHandler(backend),
    deleteRecordsHandler(backend),
    findCoordinatorHandler(backend),
    offsetCommitHandler(backend),
    offsetFetchHandler(backend),
    offsetDeleteHandler(backend),
    joinGroupHandler(backend.groups),
    syncGroupHandler(backend.groups),
    heartbeatHandler(backend.groups),
    leaveGroupHandler(backend.groups),
    describeGroupsHandler(backend.groups),
    listGroupsHandler(backend.groups),
    deleteGroupsHandler(backend.groups),
    initProducerIdHandler(backend.producerIds),
    describeProducersHandler(backend.producerIds),
    createTopicsHandler(backend),
    deleteTopicsHandler(backend),
    createPartitionsHandler(backend),
    describeConfigsHandler(backend),
    alterConfigsHandler(backend),
    incrementalAlterConfigsHandler(backend),
    describeClusterHandler(backend),
    electLeadersHandler(backend),
    alterPartitionReassignmentsHandler(backend),
    listPartitionReassignmentsHandler(backend),
    describeLogDirsHandler(backend),
    saslHandshakeHandler(),
    saslAuthenticateHandler(),
    createAclsHandler(backend),
    describeAclsHandler(backend),
    deleteAclsHandler(backend),
    describeUserScramCredentialsHandler(backend),
    alterUserScramCredentialsHandler(backend),
  ]);
  return table;
}
