// Builds one kustomization the way Kustomize's KustTarget.accumulateTarget does:
// resources, then components, then generators, then the built-in transformers in Kustomize's order.

import { readObjects } from '../model/readObjects';
import { isInside, resolvePath } from '../paths';
import type { SourceLocation } from '../types';
import { isRemoteReference, markIncomplete, parseTracked, report, reportOutsideRoot, reportRemote, type RenderContext } from './context';
import { runGenerators } from './generators';
import { inflateHelmCharts } from './helmCharts';
import { childNode, field, findKustomizationFile, keyLocation, listField, mapField, readKustomization, type Entry, type Kustomization } from './kustomizationFile';
import { applyPatches, applyPatchesJson6902, applyPatchesStrategicMerge } from './patches';
import { resourceFromObject, type Resource } from './resource';
import { checkResourceDocuments } from './resourceDocuments';
import { applyAnnotations, applyLabels, applyNamespace, applyPrefixSuffix, type MetadataChange } from './transformers';
import { asRecord } from './ids';

/** Fields SyncPlan does not evaluate; their presence makes the render incomplete. */
const UNSUPPORTED_FIELDS = ['helmChartInflationGenerator', 'replacements', 'transformers', 'generators', 'validators', 'openapi', 'crds', 'vars', 'configurations', 'buildMetadata'];

/**
 * Builds the kustomization in `dir`. Components pass the accumulated resources in `into` and modify them in place.
 * Returns undefined when `dir` has no kustomization or is already being built (a cycle).
 */
export function buildDirectory(ctx: RenderContext, dir: string, into: Resource[], at?: SourceLocation): Resource[] | undefined {
  const file = findKustomizationFile(ctx.host, dir);
  if (!file) return undefined;
  if (ctx.stack.includes(dir)) {
    if (at) report(ctx, 'kustomize/cycle', 'error', `Kustomizations include each other in a cycle (${[...ctx.stack, dir].join(' → ')}); kustomize build fails.`, at);
    markIncomplete(ctx, `kustomization cycle through ${dir}`);
    return into;
  }
  const parsed = parseTracked(ctx, file);
  if (!parsed) return undefined;
  const k = readKustomization(file, dir, parsed);
  ctx.stack.push(dir);
  try {
    accumulate(ctx, k, into);
  } finally {
    ctx.stack.pop();
  }
  return into;
}

function accumulate(ctx: RenderContext, k: Kustomization, resources: Resource[]): void {
  const marksBefore = ctx.incompleteMarks ?? 0;
  for (const key of UNSUPPORTED_FIELDS) {
    if (!field(k, key)) continue;
    report(ctx, 'kustomize/unsupported', 'info', `SyncPlan does not evaluate "${key}"; objects it would produce or change are not shown.`, keyLocation(k, key));
    markIncomplete(ctx, `${key} in ${k.file} is not evaluated`);
  }
  for (const entry of [...listField(k, 'resources'), ...listField(k, 'bases')]) addResource(ctx, k, entry, resources);
  for (const entry of listField(k, 'components')) addComponent(ctx, k, entry, resources);
  // HelmChartInflationGenerator runs with the built-in generators (Kustomize's configureBuiltinGenerators).
  inflateHelmCharts(ctx, k, resources);
  runGenerators(ctx, k, resources);
  // When a resource of this kustomization could not be rendered, a patch target may be among the missing objects.
  const partial = (ctx.incompleteMarks ?? 0) > marksBefore;
  applyPatchesStrategicMerge(ctx, k, resources, partial);
  applyPatches(ctx, k, resources, partial);
  const namespace = field(k, 'namespace')?.value;
  if (typeof namespace === 'string' && namespace) applyNamespace(resources, namespace);
  const prefix = field(k, 'namePrefix')?.value;
  const suffix = field(k, 'nameSuffix')?.value;
  if ((typeof prefix === 'string' && prefix) || (typeof suffix === 'string' && suffix)) {
    applyPrefixSuffix(resources, typeof prefix === 'string' ? prefix : '', typeof suffix === 'string' ? suffix : '');
  }
  applyLabels(resources, changes(ctx, mapField(k, 'commonLabels')), { includeSelectors: true, includeTemplates: true }, 'commonLabels');
  for (const entry of listField(k, 'labels')) {
    const spec = asRecord(entry.value);
    const pairs = mapField(k, '', childNode(entry.node, 'pairs') ?? null);
    const scope = { includeSelectors: spec?.includeSelectors === true, includeTemplates: spec?.includeTemplates === true };
    applyLabels(resources, changes(ctx, pairs), scope, 'labels');
  }
  applyAnnotations(resources, changes(ctx, mapField(k, 'commonAnnotations')), 'commonAnnotations');
  applyPatchesJson6902(ctx, k, resources);
}

/** Kustomize reads these maps as map[string]string: unquoted numbers or booleans make the build fail. */
function changes(ctx: RenderContext, entries: ReturnType<typeof mapField>): MetadataChange[] {
  for (const entry of entries) {
    if (!entry.isString) report(ctx, 'kustomize/non-string-value', 'error', `The value of "${entry.key}" must be a quoted string; kustomize build fails on unquoted numbers and booleans.`, entry.location);
  }
  return entries.map((entry) => ({ key: entry.key, value: entry.value, location: entry.location }));
}

function addResource(ctx: RenderContext, k: Kustomization, entry: Entry, resources: Resource[]): void {
  if (typeof entry.value !== 'string' || entry.value === '') return;
  const target = resolveEntry(ctx, k, entry.value, entry.location);
  if (!target) return;
  if (target.isDirectory) {
    const built = buildDirectory(ctx, target.path, [], entry.location);
    if (!built) return reportNoKustomization(ctx, entry.value, target.path, entry.location);
    ctx.referencedKustomizations.add(target.path);
    resources.push(...built);
    return;
  }
  if (!isInside(k.dir, target.path)) return reportOutsideRoot(ctx, entry.value, target.path, k, entry.location);
  const parsed = parseTracked(ctx, target.path);
  if (!parsed) return;
  if (parsed.documents.some((d) => d.hasErrors)) markIncomplete(ctx, `YAML errors in ${target.path}`);
  checkResourceDocuments(ctx, parsed, entry.value, entry.location);
  for (const object of readObjects(parsed)) resources.push(resourceFromObject(object));
}

function addComponent(ctx: RenderContext, k: Kustomization, entry: Entry, resources: Resource[]): void {
  if (typeof entry.value !== 'string' || entry.value === '') return;
  const target = resolveEntry(ctx, k, entry.value, entry.location);
  if (!target) return;
  if (!target.isDirectory || !buildDirectory(ctx, target.path, resources, entry.location)) {
    return reportNoKustomization(ctx, entry.value, target.path, entry.location);
  }
  ctx.referencedKustomizations.add(target.path);
}

/** Local file or folder first, as Kustomize tries; otherwise a remote reference or a missing path. */
function resolveEntry(ctx: RenderContext, k: Kustomization, entry: string, at: SourceLocation): { path: string; isDirectory: boolean } | undefined {
  const path = resolvePath(k.dir, entry);
  if (ctx.host.readDir(path)) return { path, isDirectory: true };
  if (ctx.host.readFile(path) !== undefined) return { path, isDirectory: false };
  ctx.filesRead.add(path);
  if (isRemoteReference(entry)) {
    reportRemote(ctx, entry, at);
    return undefined;
  }
  report(ctx, 'kustomize/missing-resource', 'error', `"${entry}" does not exist, so kustomize build fails and Argo CD cannot render this application.`, at);
  markIncomplete(ctx, `missing ${entry}`);
  return undefined;
}

function reportNoKustomization(ctx: RenderContext, entry: string, path: string, at: SourceLocation): void {
  report(ctx, 'kustomize/missing-resource', 'error', `"${entry}" is a folder without a kustomization.yaml, so kustomize build fails and Argo CD cannot render this application.`, at);
  markIncomplete(ctx, `no kustomization in ${path}`);
}
