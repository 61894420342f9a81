// Options an Argo CD Application sets in `spec.source.kustomize`. Argo CD writes them into the root
// kustomization with `kustomize edit` before building (argo-cd util/kustomize/kustomize.go), so they act
// like root-level fields applied after everything the kustomization itself does.

import type { SourceLocation } from '../types';
import type { Resource } from './resource';
import { applyAnnotations, applyLabels, applyNamespace, applyPrefixSuffix, type MetadataChange } from './transformers';

export interface KustomizeOverrides {
  namePrefix?: string;
  nameSuffix?: string;
  namespace?: string;
  commonLabels?: Record<string, string>;
  commonAnnotations?: Record<string, string>;
  /** Where the Application sets them; added metadata points here. */
  location: SourceLocation;
}

const ADDED_BY = 'Application spec.source.kustomize';

export function applyApplicationOverrides(resources: Resource[], overrides: KustomizeOverrides): void {
  if (overrides.namespace) applyNamespace(resources, overrides.namespace);
  if (overrides.namePrefix || overrides.nameSuffix) applyPrefixSuffix(resources, overrides.namePrefix ?? '', overrides.nameSuffix ?? '');
  const toChanges = (map: Record<string, string> | undefined): MetadataChange[] =>
    Object.entries(map ?? {}).map(([key, value]) => ({ key, value, location: overrides.location }));
  applyLabels(resources, toChanges(overrides.commonLabels), { includeSelectors: true, includeTemplates: true }, ADDED_BY);
  applyAnnotations(resources, toChanges(overrides.commonAnnotations), ADDED_BY);
}

export function hasOverrides(overrides: KustomizeOverrides | undefined): overrides is KustomizeOverrides {
  if (!overrides) return false;
  const { namePrefix, nameSuffix, namespace, commonLabels, commonAnnotations } = overrides;
  return Boolean(namePrefix || nameSuffix || namespace || Object.keys(commonLabels ?? {}).length || Object.keys(commonAnnotations ?? {}).length);
}
