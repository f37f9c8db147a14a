import { checkBrokerEpoch, failed, ok, type Outcome } from './broker-lifecycle';
import type { ControlContext } from './control-context';
import type { AllocateProducerIdsRequest, AllocateProducerIdsResponse } from './controller-requests';

/**
 * AllocateProducerIds (KIP-730): a block of ids per call, recorded in the log before it is handed
 * out, so that no two brokers ever get the same id — even across controller failovers.
 */
export function allocateProducerIds(ctx: ControlContext, request: AllocateProducerIdsRequest): Outcome<AllocateProducerIdsResponse> {
  const broker = checkBrokerEpoch(ctx, request.brokerId, request.brokerEpoch);
  if (!('epoch' in broker)) return failed(broker);
  const firstProducerId = ctx.view.producerIdsNext;
  const count = ctx.config.producerIdBlockSize;
  ctx.write([{ type: 'producerIds', brokerId: request.brokerId, brokerEpoch: request.brokerEpoch, nextProducerId: firstProducerId + count }], true);
  return ok({ firstProducerId, count });
}
