/** Kafka's Topic.validate rules for a new topic's name. */
import { MAX_TOPIC_NAME_LENGTH, validateTopicName } from '../../src/controller/topic-names';

describe('validateTopicName', () => {
  it('accepts letters, digits, dot, underscore and dash up to 249 characters', () => {
    expect(validateTopicName('orders.v2_eu-west')).toBeNull();
    expect(validateTopicName('x'.repeat(MAX_TOPIC_NAME_LENGTH))).toBeNull();
    expect(validateTopicName('...')).toBeNull();
  });

  it.each([
    ['an empty name', '', /empty/],
    ['"."', '.', /cannot be "\."/],
    ['".."', '..', /cannot be "\.\."/],
    ['a name of 250 characters', 'x'.repeat(250), /250 characters; the limit is 249/],
    ['a name with an illegal first character', '!orders', /"!orders" may hold only/],
    ['a name with an illegal last character', 'orders!', /"orders!" may hold only/],
    ['a name with a space', 'my topic', /"my topic" may hold only/],
  ])('refuses %s with INVALID_TOPIC_EXCEPTION', (_what, name, message) => {
    const error = validateTopicName(name);
    expect(error?.code).toBe('INVALID_TOPIC_EXCEPTION');
    expect(error?.message).toMatch(message);
  });
});
