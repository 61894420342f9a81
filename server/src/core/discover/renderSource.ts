// Produces the objects of one application source: a plain folder, a Kustomize root or a Helm chart.

import { compileGlob } from '../glob/linearGlob';
import type { KustomizeOverrides, KustomizeResult } from '../kustomize';
import type { K8sObject } from '../model/k8sObject';
import { isInside, joinPath, relativePath } from '../paths';
import type { Finding, FileHost } from '../types';
import type { ParseCache } from '../workspaceFiles';
import type { AppSource } from './appTypes';

export interface RenderedSource {
  objects: K8sObject[];
  findings: Finding[];
  complete: boolean;
  incompleteReasons: string[];
  files: string[];
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

export interface RenderContext {
  host: FileHost;
  files: readonly string[];
  cache: ParseCache;
  renderKustomize: (dir: string, overrides?: KustomizeOverrides) => KustomizeResult;
}

export function renderSource(context: RenderContext, source: AppSource): RenderedSource {
  const { host, files: allFiles, cache } = context;
  if (source.externalRepository !== undefined) {
    const reason = `Source in another repository (${source.externalRepository}): its files are not in this workspace, so nothing of it is planned.`;
    return { objects: [], findings: [], complete: false, incompleteReasons: [reason], files: [] };
  }
  switch (source.sourceType) {
    case 'kustomize':
      return fromKustomize(context.renderKustomize(source.path, source.kustomizeOverrides));
    case 'helm':
      return renderChart(host, source, allFiles, cache);
    default:
      return renderDirectory(host, source, allFiles, cache);
  }
}

function fromKustomize(result: KustomizeResult): RenderedSource {
  return {
    objects: result.objects,
    findings: result.findings,
    complete: result.complete,
    incompleteReasons: result.incompleteReasons,
    files: result.filesRead,
  };
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
  return {
    objects,
    findings: [],
    complete: !templated,
    incompleteReasons: templated ? ['Some files contain Helm template actions, which Argo CD does not evaluate in a directory source.'] : [],
    files,
  };
}

function renderChart(host: FileHost, source: AppSource, allFiles: readonly string[], cache: ParseCache): RenderedSource {
  const templates = joinPath(source.path, 'templates');
  const crds = joinPath(source.path, 'crds');
  const subcharts = joinPath(source.path, 'charts');
  const files = allFiles.filter(
    (f) => /\.ya?ml$/i.test(f) && (isInside(templates, f) || isInside(crds, f)) && !isInside(subcharts, f),
  );
  const objects = files.flatMap((file) => objectsOf(host, file, cache));
  const reasons = ['Helm templates are not evaluated yet: values, conditionals and loops are unknown, so objects and annotations shown are only those written as plain text.'];
  if (allFiles.some((f) => isInside(subcharts, f))) reasons.push('Sub-charts under charts/ are not included.');
  return { objects, findings: [], complete: false, incompleteReasons: reasons, files };
}

function objectsOf(host: FileHost, file: string, cache: ParseCache): K8sObject[] {
  const text = host.readFile(file);
  return text === undefined ? [] : cache.objects(file, text);
}
