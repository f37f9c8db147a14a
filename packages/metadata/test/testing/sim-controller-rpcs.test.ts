import type { NodeId } from '@kz/raft';
import { EventQueue, SeededRandom, SimNetwork } from '@kz/raft/testing';
import { ADMIN_CLIENT, SimControllerRpcs } from '@kz/metadata/testing';
import type { ControllerReply, ControllerRequest } from '@kz/metadata';

/** A channel over a calm network with a hand-driven clock; controller 1 answers what it is given. */
function harness() {
  const queue = new EventQueue<() => void>();
  let now = 0;
  const incarnations = new Map<NodeId, number | null>([[1, 1], [2, 1], [4, 1]]);
  const delivered: { to: NodeId; requestId: number; request: ControllerRequest }[] = [];
  const network = new SimNetwork(new SeededRandom(1), () => {});
  const channel = new SimControllerRpcs({
    network,
    random: new SeededRandom(2),
    now: () => now,
    schedule: (at, _label, run) => queue.push(at, run),
    incarnationOf: (node) => (node === ADMIN_CLIENT ? 0 : (incarnations.get(node) ?? null)),
    registeredEpoch: (brokerId) => (brokerId === 4 ? 10 : null),
    deliver: (to, requestId, request) => {
      delivered.push({ to, requestId, request });
      return true;
    },
  });
  const run = (): void => {
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      now = next.at;
      next.item();
    }
  };
  return { channel, network, incarnations, delivered, run };
}

const HEARTBEAT: ControllerRequest = { kind: 'brokerHeartbeat', body: { brokerId: 4, brokerEpoch: 7, currentMetadataOffset: 0, wantFence: false, wantShutDown: false } };

function okReply(requestId: number): ControllerReply {
  return { requestId, kind: 'brokerHeartbeat', result: { ok: true, value: { isCaughtUp: true, isFenced: false, shouldShutDown: false } } };
}

describe('SimControllerRpcs', () => {
  it('delivers a request after a delay and brings the reply back; the sent reply is observed with the epoch registered when it was sent', () => {
    const h = harness();
    const replies: ControllerReply[] = [];
    const id = h.channel.send(4, 1, HEARTBEAT, (r) => replies.push(r));
    expect(h.delivered).toHaveLength(0);
    h.run();
    expect(h.delivered.map((d) => d.requestId)).toEqual([id]);
    h.channel.reply(1, okReply(id));
    h.run();
    expect(replies).toHaveLength(1);
    const { replies: sent } = h.channel.takeObservations();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ controller: 1, from: 4, registeredEpochAtSend: 10 });
  });

  it('loses a request on a cut link, at sending or in flight, and one to a controller that is down', () => {
    const h = harness();
    h.network.cutLink(4, 1);
    h.channel.send(4, 1, HEARTBEAT, () => {});
    h.network.heal();
    h.channel.send(4, 1, HEARTBEAT, () => {});
    h.network.cutLink(4, 1);
    h.run();
    h.network.heal();
    h.incarnations.set(2, null);
    h.channel.send(4, 2, HEARTBEAT, () => {});
    h.run();
    expect(h.delivered).toHaveLength(0);
    expect(h.channel.stats.requestsLost).toBe(3);
  });

  it('loses a reply when the asker restarted meanwhile, and notes a request answered twice', () => {
    const h = harness();
    const replies: ControllerReply[] = [];
    const id = h.channel.send(4, 1, HEARTBEAT, (r) => replies.push(r));
    h.run();
    h.incarnations.set(4, 2);
    h.channel.reply(1, okReply(id));
    h.run();
    expect(replies).toHaveLength(0);
    expect(h.channel.stats.repliesLost).toBe(1);
    h.channel.reply(1, okReply(id));
    expect(h.channel.takeObservations().doubleAnswers).toEqual([{ requestId: id, controller: 1 }]);
  });

  it('forgets what a crashed controller was asked', () => {
    const h = harness();
    const id = h.channel.send(ADMIN_CLIENT, 1, { kind: 'deleteTopics', body: { names: ['x'] } }, () => {});
    h.run();
    h.channel.forgetRequestsTo(1);
    h.channel.reply(1, { requestId: id, kind: 'deleteTopics', result: { ok: true, value: { topics: [] } } });
    expect(h.channel.takeObservations().replies).toHaveLength(0);
  });
});
