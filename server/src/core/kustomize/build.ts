// Builds one kustomization the way Kustomize's KustTarget.accumulateTarget does:
// resources, then components, then generators, then the built-in transformers in Kustomize's order.

import { isScalar } from 'yaml';
import { readObjects } from '../model/readObjects';
import { isInside, resolvePath } from '../paths';
import type { SourceLocation } from '../types';
import { isRemoteReference, markIncomplete, parseTracked, report, reportOutsideRoot, reportRemote, type RenderContext } from './context';
import { runGenerators } from './generators';
import { inflateHelmCharts } from './helmCharts';
import { childNode, field, findKustomizationFile, keyLocation, listField, mapField, readKustomization, type Entry, type Kustomization } from './kustomizationFile';
import { applyPatches, applyPatchesJson6902, applyPatchesStrategicMerge } from './patches';
import { currentId, mergeEarlierAnnotations, resourceFromObject, type Resource } from './resource';
import { checkResourceDocuments } from './resourceDocuments';
import { applyAnnotations, applyLabels, applyNamespace, applyPrefixSuffix, type MetadataChange } from './transformers';
import { asRecord, idToString, isClusterScoped } from './ids';
import { copyResource } from './buildCache';
import { applyReplacements } from './replacements';
import { applyImages, applyReplicas } from './imagesAndReplicas';

/** Fields SyncPlan does not evaluate; their presence makes the render incomplete. */
const UNSUPPORTED_FIELDS = ['helmChartInflationGenerator', 'transformers', 'generators', 'validators', 'openapi', 'crds', 'vars', 'configurations', 'buildMetadata'];

/** Deepest nesting of kustomizations followed; deeper ones get `kustomize/too-deep` and are not built. */
export const MAX_KUSTOMIZATION_DEPTH = 100;

/**
 * Builds the kustomization in `dir` as a base (or the root): once per analysis, then from the build cache.
 * Returns undefined when `dir` has no kustomization.
 */
export function buildBase(ctx: RenderContext, dir: string, at?: SourceLocation): Resource[] | undefined {
  let record = ctx.builds.get(dir);
  if (!record) {
    const own: RenderContext = { ...ctx, findings: [], incompleteReasons: [], filesRead: new Set(), referencedKustomizations: new Set() };
    const cutoffsBefore = ctx.builds.cutoffs;
    const { value: built, reads } = ctx.builds.build(() => buildDirectory(own, dir, [], at));
    if (!built) return undefined;
    record = {
      reads,
      resources: built,
      findings: own.findings,
      incompleteReasons: own.incompleteReasons,
      filesRead: [...own.filesRead],
      referencedKustomizations: [...own.referencedKustomizations],
    };
    if (ctx.builds.cutoffs === cutoffsBefore) ctx.builds.set(dir, record);
  }
  // A base reached by two paths (a diamond) brings its findings once.
  const known = new Set(record.findings.length > 0 ? ctx.findings : []);
  for (const finding of record.findings) if (!known.has(finding)) ctx.findings.push(finding);
  for (const reason of record.incompleteReasons) markIncomplete(ctx, reason);
  for (const path of record.filesRead) ctx.filesRead.add(path);
  for (const path of record.referencedKustomizations) ctx.referencedKustomizations.add(path);
  return record.resources.map(copyResource);
}

/**
 * Builds the kustomization in `dir`. Components pass the accumulated resources in `into` and modify them in place.
 * Returns undefined when `dir` has no kustomization; a cycle or nesting deeper than the limit stops with a finding.
 */
export function buildDirectory(ctx: RenderContext, dir: string, into: Resource[], at?: SourceLocation): Resource[] | undefined {
  const file = findKustomizationFile(ctx.host, dir);
  if (!file) return undefined;
  if (ctx.stack.includes(dir)) {
    ctx.builds.cutoffs++;
    if (at) report(ctx, 'kustomize/cycle', 'error', `Kustomizations include each other in a cycle (${[...ctx.stack, dir].join(' → ')}); kustomize build fails.`, at);
    markIncomplete(ctx, `kustomization cycle through ${dir}`);
    return into;
  }
  if (ctx.stack.length >= MAX_KUSTOMIZATION_DEPTH) {
    ctx.builds.cutoffs++;
    const message = `Kustomizations here are nested more than ${MAX_KUSTOMIZATION_DEPTH} levels deep (from ${ctx.stack[0]}); SyncPlan stops following them, so the plan is incomplete.`;
    if (at) report(ctx, 'kustomize/too-deep', 'error', message, at);
    markIncomplete(ctx, `kustomizations nested deeper than ${MAX_KUSTOMIZATION_DEPTH} levels below ${ctx.stack[0]}`);
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
  const ids = new Set(resources.map(idKey).filter((key): key is string => key !== undefined));
  for (const entry of [...listField(k, 'resources'), ...listField(k, 'bases')]) addResource(ctx, k, entry, resources, ids);
  for (const entry of listField(k, 'components')) addComponent(ctx, k, entry, resources);
  // HelmChartInflationGenerator runs with the built-in generators (Kustomize's configureBuiltinGenerators).
  inflateHelmCharts(ctx, k, resources);
  // When a resource of this kustomization could not be rendered, a merge or patch target may be among the missing objects.
  const partial = (ctx.incompleteMarks ?? 0) > marksBefore;
  runGenerators(ctx, k, resources, partial);
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
  // Then ReplicaCountTransformer, ImageTagTransformer and, last of Kustomize's built-in transformers, ReplacementTransformer.
  applyReplicas(ctx, k, resources, partial);
  applyImages(k, resources);
  applyReplacements(ctx, k, resources, partial);
}

/** Kustomize reads these maps as map[string]string: unquoted numbers or booleans make the build fail. */
function changes(ctx: RenderContext, entries: ReturnType<typeof mapField>): MetadataChange[] {
  for (const entry of entries) {
    if (!entry.isString) report(ctx, 'kustomize/non-string-value', 'error', `The value of "${entry.key}" must be a quoted string; kustomize build fails on unquoted numbers and booleans.`, entry.location);
  }
  return entries.map((entry) => ({ key: entry.key, value: entry.value, location: entry.location }));
}

function addResource(ctx: RenderContext, k: Kustomization, entry: Entry, resources: Resource[], ids: Set<string>): void {
  // `.` is a float to a YAML 1.1 reader here, but Go's YAML decoder keeps it as the string ".".
  const node: unknown = entry.node;
  const value = isScalar(node) && node.source === '.' ? '.' : entry.value;
  if (typeof value !== 'string' || value === '') return;
  const target = resolveEntry(ctx, k, value, entry.location);
  if (!target) return;
  if (!target.isDirectory && target.path === k.file) {
    report(ctx, 'kustomize/cycle', 'error', `The kustomization lists its own file "${value}" as a resource; kustomize build fails.`, entry.location);
    markIncomplete(ctx, `${k.file} lists itself as a resource`);
    return;
  }
  if (target.isDirectory) {
    const built = buildBase(ctx, target.path, entry.location);
    if (!built) return reportNoKustomization(ctx, value, target.path, entry.location);
    ctx.referencedKustomizations.add(target.path);
    appendUnique(ctx, resources, ids, built, entry);
    return;
  }
  if (!isInside(k.dir, target.path)) return reportOutsideRoot(ctx, value, target.path, k, entry.location);
  const parsed = parseTracked(ctx, target.path);
  if (!parsed) return;
  if (parsed.documents.some((d) => d.hasErrors)) markIncomplete(ctx, `YAML errors in ${target.path}`);
  checkResourceDocuments(ctx, parsed, value, entry.location);
  // Repeated annotations blocks are rare: the documents that had them are looked up only then, once per file.
  const earlier = new Map(parsed.documents.filter((d) => d.earlierAnnotations).map((d) => [d.index, d.earlierAnnotations!]));
  const loaded = readObjects(parsed).map((object) => {
    const resource = resourceFromObject(object);
    const entries = earlier.get(object.source.docIndex);
    if (entries) mergeEarlierAnnotations(resource, entries);
    return resource;
  });
  appendUnique(ctx, resources, ids, loaded, entry);
}

/**
 * Kustomize's ResMap.Append: an object whose id is already in the list fails the build ("may not add resource
 * with an already registered id"). We report it once per entry and keep the first, so a diamond of bases that
 * brings the same base twice cannot double the objects at every level.
 */
function appendUnique(ctx: RenderContext, resources: Resource[], ids: Set<string>, added: Resource[], entry: Entry): void {
  let duplicate: Resource | undefined;
  for (const resource of added) {
    const key = idKey(resource);
    if (key === undefined || !ids.has(key)) {
      if (key !== undefined) ids.add(key);
      resources.push(resource);
    } else duplicate ??= resource;
  }
  if (!duplicate) return;
  const id = idToString(currentId(duplicate));
  report(ctx, 'kustomize/duplicate-id', 'error', `"${entry.value}" adds ${id} a second time; kustomize build fails ("may not add resource with an already registered id").`, entry.location);
  markIncomplete(ctx, `${id} added twice by ${entry.location.file}`);
}

/** Kustomize's id equality (sameId): group, version, kind, name, and namespace with "" as "default". Unnamed objects never clash. */
function idKey(resource: Resource): string | undefined {
  const id = currentId(resource);
  if (!id.name) return undefined;
  const namespace = isClusterScoped(id.group, id.kind) ? '' : id.namespace || 'default';
  return `${id.group}\u0000${id.version}\u0000${id.kind}\u0000${namespace}\u0000${id.name}`;
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
  report(
    ctx,
    'kustomize/missing-resource',
    'error',
    'This path does not exist: kustomize build fails and Argo CD cannot render the app.',
    at,
    `"${entry}" does not exist, so kustomize build fails and Argo CD cannot render this application.`,
  );
  markIncomplete(ctx, `missing ${entry}`);
  return undefined;
}

function reportNoKustomization(ctx: RenderContext, entry: string, path: string, at: SourceLocation): void {
  report(
    ctx,
    'kustomize/missing-resource',
    'error',
    'This folder has no kustomization.yaml: kustomize build fails and Argo CD cannot render the app.',
    at,
    `"${entry}" is a folder without a kustomization.yaml, so kustomize build fails and Argo CD cannot render this application.`,
  );
  markIncomplete(ctx, `no kustomization in ${path}`);
}
