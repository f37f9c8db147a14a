import { apiError, type ApiError } from '../errors/api-error';

/** Kafka's limit: a topic's directory name is `<topic>-<partition>` and must fit 255 bytes. */
export const MAX_TOPIC_NAME_LENGTH = 249;

const LEGAL = /^[a-zA-Z0-9._-]+$/;

/** Kafka's Topic.validate: INVALID_TOPIC_EXCEPTION for an empty, too long or illegal name. */
export function validateTopicName(name: string): ApiError | null {
  if (name.length === 0) return apiError('INVALID_TOPIC_EXCEPTION', 'topic name is empty');
  if (name === '.' || name === '..') return apiError('INVALID_TOPIC_EXCEPTION', `topic name cannot be "${name}"`);
  if (name.length > MAX_TOPIC_NAME_LENGTH) {
    return apiError('INVALID_TOPIC_EXCEPTION', `topic name is ${name.length} characters; the limit is ${MAX_TOPIC_NAME_LENGTH}`);
  }
  if (!LEGAL.test(name)) return apiError('INVALID_TOPIC_EXCEPTION', `topic name "${name}" may hold only ASCII letters, digits, '.', '_' and '-'`);
  return null;
}
