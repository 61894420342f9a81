// Native Kustomize renderer: builds a kustomization folder into K8sObjects without running kustomize.
// Sources stay on the original files; metadata Kustomize adds points at the kustomization line that added it.

import type { K8sObject } from '../model/k8sObject';
import { parseYamlFile, type ParsedFile } from '../parse/parseYamlFile';
import type { FileHost, Finding } from '../types';
import { buildBase } from './build';
import { BuildCache } from './buildCache';
import { applyApplicationOverrides, hasOverrides, type KustomizeOverrides } from './applicationOverrides';
import type { RenderContext } from './context';
import { compareLegacy } from './ids';
import { findKustomizationFile, readKustomization } from './kustomizationFile';
import { kustomizeHash } from './hash';
import { fixNameReferences, fixSubjectNamespaces } from './nameReferences';
import { currentId, setName, storePreviousId, toK8sObject, type Resource } from './resource';
import { internalError } from '../stageGuard';

export { KUSTOMIZATION_FILENAMES, findKustomizationFile } from './kustomizationFile';
export type { KustomizeOverrides } from './applicationOverrides';
export { BuildCache } from './buildCache';

export interface KustomizeResult {
  /** Rendered objects, in kustomize's (legacy) output order. */
  objects: K8sObject[];
  /** Problems, pointing into the kustomization or patch that caused them. */
  findings: Finding[];
  /** False when something could not be evaluated (remote resource, unsupported feature, failed load). */
  complete: boolean;
  incompleteReasons: string[];
  /** Every file the render read or looked for, for cache invalidation and file watching. */
  filesRead: string[];
  /** Kustomization folders used as resources, bases or components. */
  referencedKustomizations: string[];
  /** The folder's kustomization is `kind: Component`: a piece other kustomizations include, not an app of its own. */
  isComponent: boolean;
}

export function renderKustomization(
  host: FileHost,
  dir: string,
  parse: (path: string, text: string) => ParsedFile = parseYamlFile,
  overrides?: KustomizeOverrides,
  builds: BuildCache = new BuildCache(),
): KustomizeResult {
  const ctx: RenderContext = {
    host,
    parse,
    findings: [],
    incompleteReasons: [],
    filesRead: new Set(),
    referencedKustomizations: new Set(),
    stack: [],
    parsedCache: new Map(),
    builds,
  };
  let resources: Resource[] = [];
  try {
    const built = buildBase(ctx, dir);
    if (!built) ctx.incompleteReasons.push(`no kustomization file in ${dir}`);
    resources = built ?? [];
    if (hasOverrides(overrides)) applyApplicationOverrides(resources, overrides);
    addHashSuffixes(resources);
    fixNameReferences(resources);
    fixSubjectNamespaces(resources);
  } catch {
    // Rendering must never throw: keep what was built, and say in plain words that it stopped.
    ctx.incompleteReasons.push('SyncPlan stopped on an internal problem while building this folder, so its objects may be missing.');
    ctx.findings.push(internalError('building this Kustomize folder', findKustomizationFile(host, dir) ?? dir));
  }
  const objects = resources
    .map((resource) => ({ resource, id: currentId(resource) }))
    .sort((a, b) => compareLegacy(a.id, b.id))
    .map(({ resource }) => toK8sObject(resource));
  const file = findKustomizationFile(host, dir);
  const text = file ? host.readFile(file) : undefined;
  return {
    isComponent: file !== undefined && text !== undefined && readKustomization(file, dir, ctx.parsedCache.get(file) ?? parse(file, text)).isComponent,
    objects,
    findings: ctx.findings,
    complete: ctx.incompleteReasons.length === 0,
    incompleteReasons: ctx.incompleteReasons,
    filesRead: [...new Set([...(file ? [file] : []), ...ctx.filesRead])].sort(),
    referencedKustomizations: [...ctx.referencedKustomizations].sort(),
  };
}

/** Kustomize appends the content hash to generated names once, after all transformers of the whole build. */
function addHashSuffixes(resources: Resource[]): void {
  for (const resource of resources) {
    if (!resource.needsHash) continue;
    storePreviousId(resource);
    setName(resource, `${currentId(resource).name}-${kustomizeHash(resource.body)}`);
  }
}
