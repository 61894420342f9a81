// Produces the objects of one application source: a plain folder, a Kustomize root or a Helm chart.

import { compileGlob } from '../glob/linearGlob';
import type { KustomizeOverrides, KustomizeResult } from '../kustomize';
import type { K8sObject } from '../model/k8sObject';
import { renderHelmApp } from '../helm';
import { relativePath } from '../paths';
import { isMap, type Node } from 'yaml';
import { nodeSpan } from '../model/readObjects';
import type { Finding, FileHost, Span } from '../types';
import type { ParseCache } from '../workspaceFiles';
import type { AppSource } from './appTypes';

export interface RenderedSource {
  objects: K8sObject[];
  findings: Finding[];
  complete: boolean;
  incompleteReasons: string[];
  files: string[];
  /** What may differ from Argo CD although the source rendered; added to the plan's caveats. */
  caveats?: string[];
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

export interface RenderContext {
  host: FileHost;
  files: readonly string[];
  cache: ParseCache;
  renderKustomize: (dir: string, overrides?: KustomizeOverrides) => KustomizeResult;
  /** Workspace root (the repository root for value files). */
  root: string;
  /** `group/version[/Kind]` of the workspace's CRDs, for Helm's default `.Capabilities.APIVersions`. */
  workspaceApiVersions: () => readonly string[];
  /** `argocd-cm` ConfigMaps written in the workspace (Argo CD's settings). */
  argocdConfigMaps: () => readonly K8sObject[];
}

export function renderSource(context: RenderContext, source: AppSource): RenderedSource {
  const rendered = renderByType(context, source);
  if (!source.pendingReasons?.length) return rendered;
  return { ...rendered, complete: false, incompleteReasons: [...source.pendingReasons, ...rendered.incompleteReasons] };
}

function renderByType(context: RenderContext, source: AppSource): RenderedSource {
  // The file list is read only for folder sources (reading it is a dependency the memo records).
  const { host, cache } = context;
  if (source.externalRepository !== undefined) {
    const reason = `Source in another repository (${source.externalRepository}): its files are not in this workspace, so nothing of it is planned.`;
    return { objects: [], findings: [], complete: false, incompleteReasons: [reason], files: [] };
  }
  const unrenderable = explicitTypeProblem(source);
  if (unrenderable) return { objects: [], findings: [], complete: false, incompleteReasons: [unrenderable], files: [] };
  switch (source.sourceType) {
    case 'kustomize':
      return withHelmChartsCaveat(context, fromKustomize(context.renderKustomize(source.path, source.kustomizeOverrides)));
    case 'helm':
      return renderChart(context, source);
    default:
      return renderDirectory(host, source, context.files, cache);
  }
}

/** Argo CD cannot render a source with several explicit types; SyncPlan does not run Config Management Plugins. */
function explicitTypeProblem(source: AppSource): string | undefined {
  const types = source.explicitTypes ?? [];
  if (types.length > 1) return `Fails to render: the source sets ${types.map((t) => `${t.type}:`).join(' and ')}, and Argo CD refuses several source types ("multiple application sources defined").`;
  if (source.sourceType === 'plugin') return 'A Config Management Plugin renders this source; SyncPlan does not run plugins, so its objects and order are not evaluated.';
  return undefined;
}

/** Said of every app Argo CD cannot render: it syncs nothing, so the order shown is only what it would be once fixed. */
export const FAILS_TO_RENDER = 'Fails to render: Argo CD cannot generate this application\'s manifests and syncs nothing; the order shown is what it would be once fixed.';

function fromKustomize(result: KustomizeResult): RenderedSource {
  // Any error from the build (missing file, patch without target, invalid resource) fails kustomize build.
  const fails = result.findings.some((f) => f.severity === 'error');
  return {
    objects: result.objects,
    findings: result.findings,
    complete: result.complete && !fails,
    incompleteReasons: fails ? [FAILS_TO_RENDER, ...result.incompleteReasons] : result.incompleteReasons,
    files: result.filesRead,
  };
}

/** Argo CD runs `kustomize build` with `helmCharts:` only when argocd-cm's kustomize.buildOptions has --enable-helm. */
function withHelmChartsCaveat(context: RenderContext, rendered: RenderedSource): RenderedSource {
  if (!rendered.files.some((f) => f.endsWith('/Chart.yaml'))) return rendered;
  const configs = context.argocdConfigMaps();
  const lacking = configs.filter((cm) => !String((cm.body.data as Record<string, unknown> | undefined)?.['kustomize.buildOptions'] ?? '').includes('--enable-helm'));
  const caveat =
    configs.length === 0
      ? 'This kustomization inflates Helm charts: Argo CD builds it only with --enable-helm in argocd-cm kustomize.buildOptions (no argocd-cm in this workspace to check).'
      : lacking.length > 0
        ? `This kustomization inflates Helm charts, but argocd-cm (${lacking[0].source.file}) has no --enable-helm in kustomize.buildOptions: Argo CD's kustomize build fails on helmCharts.`
        : undefined;
  return caveat ? { ...rendered, caveats: [...(rendered.caveats ?? []), caveat] } : rendered;
}

/** Argo CD directory sources read .yaml, .yml and .json files; sub-folders only with `recurse`. */
export function directoryFiles(source: AppSource, allFiles: readonly string[]): string[] {
  const recurse = source.directory?.recurse ?? false;
  // The repo server matches with gobwas/glob and no separator (util/glob.Match), so `*` also crosses `/`.
  const include = source.directory?.include ? compileGlob(source.directory.include, 'argocd') : undefined;
  const exclude = source.directory?.exclude ? compileGlob(source.directory.exclude, 'argocd') : undefined;
  const prefix = source.path.endsWith('/') ? source.path : `${source.path}/`;
  return allFiles.filter((file) => {
    if (!file.startsWith(prefix) || !MANIFEST_FILE.test(file)) return false;
    const rel = relativePath(source.path, file);
    if (!recurse && rel.includes('/')) return false;
    if (include && !include.test(rel)) return false;
    return !(exclude && exclude.test(rel));
  });
}

function renderDirectory(host: FileHost, source: AppSource, allFiles: readonly string[], cache: ParseCache): RenderedSource {
  const files = directoryFiles(source, allFiles);
  const objects = files.flatMap((file) => objectsOf(host, file, cache));
  const templated = objects.some((o) => o.source.templated);
  const { failures, unread } = renderFailures(host, files, objects, cache);
  const reasons = [
    ...(failures.length > 0 ? [FAILS_TO_RENDER, ...failures] : []),
    ...unread.map((file) => `SyncPlan could not read all of ${file} (nested too deeply for SyncPlan): this plan may miss parts of it.`),
    ...(templated ? ['Some files contain Helm template actions, which Argo CD does not evaluate in a directory source.'] : []),
  ];
  return { objects, findings: [], complete: reasons.length === 0, incompleteReasons: reasons, files };
}

/**
 * What stops Argo CD from reading a directory source (invalid YAML, an annotation or label that is not a string),
 * and the files SyncPlan could not read in full (too deeply nested for it).
 */
function renderFailures(host: FileHost, files: readonly string[], objects: readonly K8sObject[], cache: ParseCache): { failures: string[]; unread: string[] } {
  const failures: string[] = [];
  const unread: string[] = [];
  for (const file of files) {
    const text = host.readFile(file);
    const parsed = text === undefined ? undefined : cache.parse(file, text);
    if (parsed && !parsed.templated && parsed.problems.some((p) => p.code === 'parse/yaml-error')) failures.push(`YAML syntax error in ${file}.`);
    if (parsed?.problems.some((p) => p.code === 'parse/too-deep')) unread.push(file);
  }
  for (const object of objects) {
    if (object.source.templated) continue;
    const entry = [...object.annotations.values(), ...object.labels.values()].find((e) => !e.templated && e.text === undefined && e.value !== null && e.value !== undefined);
    if (entry) failures.push(`${object.kind} ${object.name}: the value of ${entry.key} is not a string, so decoding the object fails.`);
  }
  return { failures, unread };
}

function renderChart(context: RenderContext, source: AppSource): RenderedSource {
  const { host, files, cache } = context;
  const definedBy = source.definedBy;
  const result = renderHelmApp({
    host,
    files,
    root: context.root,
    chartDir: source.path,
    applicationName: source.applicationName,
    destinationNamespace: source.destinationNamespace,
    helm: source.helm,
    refs: source.refs ?? new Map(),
    applicationLocation: definedBy ? (valueFile) => helmInputLocation(definedBy, source.sourceNodePath, valueFile) : undefined,
    workspaceApiVersions: context.workspaceApiVersions(),
    renderKey: source.id,
    crdObjects: (file) => objectsOf(host, file, cache),
  });
  return { ...result, files: result.files };
}

/** The `helm.valueFiles[i]` entry of the Application's source when written, else the Application's anchor. */
function helmInputLocation(app: K8sObject, sourcePath: (string | number)[] | undefined, valueFile: number | undefined): { file: string; span: Span } {
  const root = app.source.node;
  const path = valueFile === undefined ? [...(sourcePath ?? []), 'helm'] : [...(sourcePath ?? []), 'helm', 'valueFiles', valueFile];
  const node = sourcePath && isMap(root) ? (root.getIn(path, true) as Node | undefined) : undefined;
  return { file: app.source.file, span: node ? nodeSpan(node) : app.source.anchor };
}

function objectsOf(host: FileHost, file: string, cache: ParseCache): K8sObject[] {
  const text = host.readFile(file);
  return text === undefined ? [] : cache.objects(file, text);
}
