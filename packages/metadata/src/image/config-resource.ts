import type { ConfigResourceType } from '../records/metadata-record';

export interface ConfigResource {
  readonly type: ConfigResourceType;
  /** A topic name, a broker id, or "" for the cluster-wide broker default. */
  readonly name: string;
}

/** The key the image files a resource's configs under. */
export function configResourceKey(resource: ConfigResource): string {
  return `${resource.type}:${resource.name}`;
}

export function configResourceFromKey(key: string): ConfigResource {
  const at = key.indexOf(':');
  return { type: key.slice(0, at) as ConfigResourceType, name: key.slice(at + 1) };
}
