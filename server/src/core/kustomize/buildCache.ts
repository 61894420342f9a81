// Each kustomization folder is built once per analysis: a base used by many overlays, by both sides of a diamond
// or by every folder of a long chain is read from here, so the work grows with the number of folders, not paths.

import type { Finding } from '../types';
import type { Resource } from './resource';

/** What one folder's build produced, kept pristine: every use gets its own copy of the resources. */
export interface BuildRecord {
  resources: Resource[];
  findings: Finding[];
  incompleteReasons: string[];
  filesRead: string[];
  referencedKustomizations: string[];
}

export class BuildCache {
  private readonly records = new Map<string, BuildRecord>();
  /**
   * Counts builds cut short by a cycle or the depth limit. Such a result depends on the path that led to the
   * folder, so a build during which this count changed is not remembered.
   */
  cutoffs = 0;

  get(dir: string): BuildRecord | undefined {
    return this.records.get(dir);
  }

  set(dir: string, record: BuildRecord): void {
    this.records.set(dir, record);
  }
}

/** A copy that later transformers can change without touching the cached original. */
export function copyResource(resource: Resource): Resource {
  return {
    ...resource,
    body: structuredClone(resource.body),
    orgId: { ...resource.orgId },
    prevIds: resource.prevIds.map((id) => ({ ...id })),
    annotationOrigins: new Map(resource.annotationOrigins),
    labelOrigins: new Map(resource.labelOrigins),
  };
}
