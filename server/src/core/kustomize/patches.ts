// patches, patchesStrategicMerge and patchesJson6902: choosing targets, applying, and recording what changed metadata.

import type { SourceLocation } from '../types';
import { report, type RenderContext } from './context';
import { asRecord, idToString, sameGvkName, sameId, splitGroupVersion, type ResId } from './ids';
import { applyJsonPatch } from './jsonPatch';
import { childNode, listField, type Kustomization } from './kustomizationFile';
import { loadPatchDocuments, locateKey, type PatchDocument } from './patchSource';
import { allIds, currentId, metadataOf, stringMap, storePreviousId, type Resource } from './resource';
import { readTarget, selectResources, type Target } from './selectors';
import { applyStrategicMerge } from './strategicMerge';
import { internalError } from '../stageGuard';

export function applyPatchesStrategicMerge(ctx: RenderContext, k: Kustomization, resources: Resource[], partial = false): void {
  for (const entry of listField(k, 'patchesStrategicMerge')) {
    const text = typeof entry.value === 'string' ? entry.value : undefined;
    if (text === undefined) continue;
    // Each entry is a file path, or inline YAML when it spans several lines or looks like an object.
    const inline = text.includes('\n') || /^\s*(apiVersion|kind|metadata)\s*:/.test(text);
    const docs = loadPatchDocuments(ctx, k, { path: inline ? undefined : text, inline: inline ? text : undefined, node: entry.node, at: entry.location });
    for (const doc of docs) applyUntargeted(ctx, resources, doc, entry.location, 'patchesStrategicMerge', false, partial);
  }
}

export function applyPatches(ctx: RenderContext, k: Kustomization, resources: Resource[], partial = false): void {
  for (const entry of listField(k, 'patches')) {
    const spec = asRecord(entry.value);
    if (!spec) continue;
    const path = typeof spec.path === 'string' ? spec.path : undefined;
    const inline = typeof spec.patch === 'string' ? spec.patch : undefined;
    const node = inline !== undefined ? childNode(entry.node, 'patch') : childNode(entry.node, 'path');
    const at = { file: entry.location.file, span: (node?.range ? { start: node.range[0], end: node.range[1] } : entry.location.span) };
    const docs = loadPatchDocuments(ctx, k, { path, inline, node, at });
    const target = readTarget(spec.target);
    const allowNameChange = asRecord(spec.options)?.allowNameChange === true;
    for (const doc of docs) {
      if (target) applyTargeted(ctx, resources, doc, target, at, 'patches', allowNameChange);
      else if (doc.kind === 'strategic') applyUntargeted(ctx, resources, doc, at, 'patches', allowNameChange, partial);
      else report(ctx, 'kustomize/invalid-patch', 'error', 'A JSON6902 patch needs a target; kustomize build fails.', at);
    }
  }
}

export function applyPatchesJson6902(ctx: RenderContext, k: Kustomization, resources: Resource[]): void {
  for (const entry of listField(k, 'patchesJson6902')) {
    const spec = asRecord(entry.value);
    const target = readTarget(spec?.target);
    if (!spec || !target) continue;
    const path = typeof spec.path === 'string' ? spec.path : undefined;
    const inline = typeof spec.patch === 'string' ? spec.patch : undefined;
    const docs = loadPatchDocuments(ctx, k, { path, inline, node: childNode(entry.node, inline !== undefined ? 'patch' : 'path'), at: entry.location });
    for (const doc of docs) applyTargeted(ctx, resources, doc, target, entry.location, 'patchesJson6902', true);
  }
}

/**
 * A strategic merge patch without target applies to the one resource with the patch's id (Kustomize `GetById`).
 * `partial`: some resource could not be rendered (remote, missing, helmCharts), so a missing target cannot be judged.
 */
function applyUntargeted(ctx: RenderContext, resources: Resource[], doc: PatchDocument, at: SourceLocation, addedBy: string, allowNameChange: boolean, partial: boolean): void {
  if (!doc.strategic) return;
  const { group, version } = splitGroupVersion(doc.strategic.apiVersion);
  const meta = asRecord(doc.strategic.metadata);
  const patchId: ResId = {
    group,
    version,
    kind: typeof doc.strategic.kind === 'string' ? doc.strategic.kind : '',
    name: typeof meta?.name === 'string' ? meta.name : '',
    namespace: typeof meta?.namespace === 'string' ? meta.namespace : '',
  };
  let matches = resources.filter((r) => allIds(r).some((id) => sameId(id, patchId)));
  if (matches.length === 0 && !patchId.namespace) matches = resources.filter((r) => allIds(r).some((id) => sameGvkName(id, patchId)));
  if (matches.length === 0 && partial) {
    const message = `Patch for ${patchId.kind} not checked: its target may be one of the objects SyncPlan could not render.`;
    const detail = `Cannot check the patch for ${idToString(patchId)}: its target may be one of the objects SyncPlan could not render here, so it is neither applied nor reported as missing.`;
    report(ctx, 'kustomize/patch-target', 'info', message, at, detail);
    return;
  }
  if (matches.length !== 1) {
    const problem = matches.length === 0 ? 'matches no resource' : 'matches several resources';
    report(ctx, 'kustomize/patch-target', 'error', `The patch for ${idToString(patchId)} ${problem}; kustomize build fails.`, at);
    return;
  }
  applyToResources(resources, [matches[0]], doc, addedBy, allowNameChange);
}

function applyTargeted(ctx: RenderContext, resources: Resource[], doc: PatchDocument, target: Target, at: SourceLocation, addedBy: string, allowNameChange: boolean): void {
  const selected = selectResources(resources, target);
  try {
    applyToResources(resources, selected, doc, addedBy, allowNameChange);
  } catch (error) {
    // The patch code throws plain Errors with Kustomize-like messages; any other exception is a SyncPlan bug.
    if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) ctx.findings.push(internalError('applying a patch', at.file));
    else report(ctx, 'kustomize/patch-failed', 'error', `The patch could not be applied: ${error instanceof Error ? error.message : String(error)}; kustomize build fails.`, at);
  }
}

function applyToResources(resources: Resource[], selected: Resource[], doc: PatchDocument, addedBy: string, allowNameChange: boolean): void {
  for (const resource of selected) {
    const before = snapshot(resource);
    if (doc.kind === 'json6902') {
      storePreviousId(resource);
      resource.body = applyJsonPatch(resource.body, doc.operations ?? []);
    } else if (!applySmp(resource, doc.strategic ?? {}, allowNameChange)) {
      resources.splice(resources.indexOf(resource), 1);
      continue;
    }
    recordChanges(resource, before, doc, addedBy);
  }
}

/** Kustomize keeps the target's kind, namespace and (unless allowed) name, whatever the patch says. */
function applySmp(resource: Resource, patch: Record<string, unknown>, allowNameChange: boolean): boolean {
  const id = currentId(resource);
  if (allowNameChange) storePreviousId(resource);
  const copy = structuredClone(patch);
  copy.apiVersion = resource.body.apiVersion;
  copy.kind = resource.body.kind;
  // Kustomize rebuilds the patch's labels and annotations from string maps, so `labels: null` deletes nothing.
  const patchMeta = asRecord(copy.metadata);
  for (const key of ['labels', 'annotations']) if (patchMeta && patchMeta[key] === null) delete patchMeta[key];
  const merged = applyStrategicMerge(resource.body, copy, 'patch-first');
  if (!merged || Object.keys(merged).length === 0) return false;
  resource.body = merged;
  const meta = metadataOf(merged);
  if (!allowNameChange || typeof meta.name !== 'string') meta.name = id.name;
  if (id.namespace) meta.namespace = id.namespace;
  else delete meta.namespace;
  return true;
}

/** Current annotations and labels as strings; Kustomize writes patched values as strings too. */
function snapshot(resource: Resource): { annotations: Record<string, string>; labels: Record<string, string> } {
  const meta = asRecord(resource.body.metadata);
  const annotations = stringMap(meta?.annotations);
  const labels = stringMap(meta?.labels);
  if (meta && asRecord(meta.annotations)) meta.annotations = annotations;
  if (meta && asRecord(meta.labels)) meta.labels = labels;
  return { annotations, labels };
}

function recordChanges(resource: Resource, before: ReturnType<typeof snapshot>, doc: PatchDocument, addedBy: string): void {
  const after = snapshot(resource);
  for (const [field, origins] of [['annotations', resource.annotationOrigins], ['labels', resource.labelOrigins]] as const) {
    for (const [key, value] of Object.entries(after[field])) {
      if (before[field][key] !== value) origins.set(key, { addedBy, location: locateKey(doc, key) });
    }
    for (const key of Object.keys(before[field])) if (!(key in after[field])) origins.delete(key);
  }
}
