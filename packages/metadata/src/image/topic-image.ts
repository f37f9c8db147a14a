import type { PartitionRegistration } from './partition-registration';

/** A topic: its id (a 22-character base64url UUID, as Kafka prints them) and partitions 0..n-1. */
export interface TopicImage {
  readonly id: string;
  readonly name: string;
  readonly partitions: readonly PartitionRegistration[];
}
