/** How the controller reads a topic's min.insync.replicas for its elections. */
import { topicMinInsyncReplicas } from '../../src/controller/partition-scan';
import { configResourceKey } from '../../src/image/config-resource';

/** Configs holding only this topic-level min.insync.replicas for topic t. */
function withTopicMinIsr(value: string): (key: string) => ReadonlyMap<string, string> {
  return (key) => (key === configResourceKey({ type: 'topic', name: 't' }) ? new Map([['min.insync.replicas', value]]) : new Map());
}

describe('topicMinInsyncReplicas', () => {
  it('is the topic setting, or the default 1 without one', () => {
    expect(topicMinInsyncReplicas(withTopicMinIsr('3'), 't')).toBe(3);
    expect(topicMinInsyncReplicas(() => new Map(), 't')).toBe(1);
  });

  it.each(['0', '-2', '1.5', 'two'])('counts a bad value (%s) as 1, as the broker does', (value) => {
    expect(topicMinInsyncReplicas(withTopicMinIsr(value), 't')).toBe(1);
  });
});
