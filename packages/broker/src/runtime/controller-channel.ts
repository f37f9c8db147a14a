/**
 * What a broker asks of the controller quorum: register, heartbeat, AlterPartition, create the
 * offsets topic, and blocks of producer ids. MetadataAdminClient is one (over gRPC to the controllers); the methods reject with
 * ApiError when the whole request fails.
 */
import type { ControllerApi } from '@kz/metadata';

export interface ControllerChannel {
  registerBroker(request: ControllerApi['registerBroker'][0]): Promise<ControllerApi['registerBroker'][1]>;
  brokerHeartbeat(request: ControllerApi['brokerHeartbeat'][0]): Promise<ControllerApi['brokerHeartbeat'][1]>;
  alterPartition(request: ControllerApi['alterPartition'][0]): Promise<ControllerApi['alterPartition'][1]>;
  createTopics(request: ControllerApi['createTopics'][0]): Promise<ControllerApi['createTopics'][1]>;
  allocateProducerIds(request: ControllerApi['allocateProducerIds'][0]): Promise<ControllerApi['allocateProducerIds'][1]>;
}
