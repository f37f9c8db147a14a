import type { MetadataChanges } from '../image/metadata-changes';
import type { MetadataImage } from '../image/metadata-image';

/** One step of the image: what it was, what it is, and what changed in between. */
export interface MetadataUpdate {
  readonly previous: MetadataImage;
  readonly image: MetadataImage;
  readonly changes: MetadataChanges;
  /** True when the image came from a snapshot: publishers should treat everything as new. */
  readonly fromSnapshot: boolean;
}

/** Something that follows the image: the controller, a broker's replica manager, a client cache. */
export interface MetadataPublisher {
  onMetadataUpdate(update: MetadataUpdate): void;
}
