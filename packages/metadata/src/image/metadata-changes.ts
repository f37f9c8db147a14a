import type { BrokerId } from '../records/metadata-record';
import type { TopicImage } from './topic-image';

/**
 * What one delta changed, for publishers: a broker uses it to find the partitions it must start
 * leading or following, a client cache to drop what is stale. Ids only; the new image has the values.
 */
export interface MetadataChanges {
  readonly brokers: ReadonlySet<BrokerId>;
  /** Topics created in this delta. */
  readonly createdTopics: ReadonlySet<string>;
  /** Topics removed in this delta, as they were before. */
  readonly removedTopics: ReadonlyMap<string, TopicImage>;
  /** Changed or created partitions, by topic id. */
  readonly partitions: ReadonlyMap<string, ReadonlySet<number>>;
  /** Config resource keys (configResourceKey) whose configs changed. */
  readonly configs: ReadonlySet<string>;
  readonly features: boolean;
  readonly producerIds: boolean;
  /** SCRAM credentials were added, changed or removed. */
  readonly scramCredentials: boolean;
  /** ACL bindings were added or removed. */
  readonly acls: boolean;
}
