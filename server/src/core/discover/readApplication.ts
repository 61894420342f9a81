// Reads what SyncPlan needs from an Argo CD Application object (argoproj.io/v1alpha1 ApplicationSpec).

import { isMap, type Node } from 'yaml';
import type { KustomizeOverrides } from '../kustomize';
import type { K8sObject } from '../model/k8sObject';
import { nodeSpan } from '../model/readObjects';
import type { DirectoryOptions, ExplicitSourceType } from './appTypes';

export interface ApplicationSourceRef {
  path: string;
  /** `repoURL` of the source, as written. */
  repoURL?: string;
  directory?: DirectoryOptions;
  /** `spec.source.chart`: a chart from a Helm repository, not a folder. */
  chart?: string;
  /** `spec.source.kustomize` options Argo CD applies to the root kustomization. */
  kustomize?: KustomizeOverrides;
  /** `spec.source.helm` as written. */
  helm?: unknown;
  /** `ref` of a multi-source Application's source, used as `$ref/...` in value files. */
  ref?: string;
  /** Where the source is written in the Application (`spec.source` or `spec.sources[i]`). */
  nodePath: (string | number)[];
  explicitTypes: ExplicitSourceType[];
}

export interface ApplicationInfo {
  name: string;
  sources: ApplicationSourceRef[];
  destinationNamespace?: string;
  syncOptions: string[];
}

export function readApplication(app: K8sObject): ApplicationInfo {
  const spec = asRecord(app.body.spec);
  const written = [
    { value: asRecord(spec.source), nodePath: ['spec', 'source'] },
    ...asArray(spec.sources).map((value, i) => ({ value: asRecord(value), nodePath: ['spec', 'sources', i] })),
  ].filter((s) => Object.keys(s.value).length > 0);
  const syncPolicy = asRecord(spec.syncPolicy);
  return {
    name: app.name,
    sources: written
      .map(({ value: s, nodePath }) => ({
        path: typeof s.path === 'string' ? s.path : '',
        repoURL: stringOrUndefined(s.repoURL),
        directory: readDirectory(app, s.directory, [...nodePath, 'directory']),
        chart: typeof s.chart === 'string' ? s.chart : undefined,
        kustomize: readKustomizeOverrides(app, s.kustomize, [...nodePath, 'kustomize']),
        helm: s.helm ?? undefined,
        ref: stringOrUndefined(s.ref),
        nodePath,
        explicitTypes: explicitTypes(app, s, nodePath),
      }))
      .filter((s) => s.path !== '' || s.chart || s.ref),
    destinationNamespace: stringOrUndefined(asRecord(spec.destination).namespace),
    syncOptions: asArray(syncPolicy.syncOptions).filter((o): o is string => typeof o === 'string'),
  };
}

function readKustomizeOverrides(app: K8sObject, value: unknown, nodePath: (string | number)[]): KustomizeOverrides | undefined {
  if (value === undefined || value === null) return undefined;
  const k = asRecord(value);
  const root = app.source.node;
  const node = isMap(root) ? (root.getIn(nodePath, true) as Node | undefined) : undefined;
  return {
    namePrefix: stringOrUndefined(k.namePrefix),
    nameSuffix: stringOrUndefined(k.nameSuffix),
    namespace: stringOrUndefined(k.namespace),
    commonLabels: stringMap(k.commonLabels),
    commonAnnotations: stringMap(k.commonAnnotations),
    location: { file: app.source.file, span: node ? nodeSpan(node) : app.source.anchor },
  };
}

/**
 * Argo CD's ExplicitType: each of kustomize, helm, directory, plugin that is set. The controller first drops empty
 * kustomize, helm and directory sections (their IsZero checks), while an empty `plugin: {}` still selects a plugin.
 */
function explicitTypes(app: K8sObject, source: Record<string, unknown>, nodePath: (string | number)[]): ExplicitSourceType[] {
  const root = app.source.node;
  const types: ExplicitSourceType[] = [];
  for (const type of ['kustomize', 'helm', 'directory', 'plugin'] as const) {
    const value = source[type];
    if (value === undefined || value === null) continue;
    if (type !== 'plugin' && isZero(value)) continue;
    const node = isMap(root) ? (root.getIn([...nodePath, type], true) as Node | undefined) : undefined;
    const key = node && isMap(root) ? keyNodeOf(root, [...nodePath, type]) : undefined;
    types.push({ type, location: { file: app.source.file, span: key ? nodeSpan(key) : node ? nodeSpan(node) : app.source.anchor } });
  }
  return types;
}

function isZero(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '' || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).every(isZero);
  return false;
}

function keyNodeOf(root: Node, path: (string | number)[]): Node | undefined {
  const parent = (root as unknown as { getIn(p: unknown[], keep: boolean): unknown }).getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[path.length - 1]);
  return (pair?.key as Node | undefined) ?? undefined;
}

function stringMap(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(asRecord(value)).map(([key, v]) => [key, typeof v === 'string' ? v : String(v)]));
}

function readDirectory(app: K8sObject, value: unknown, nodePath: (string | number)[]): DirectoryOptions | undefined {
  if (value === undefined || value === null) return undefined;
  const dir = asRecord(value);
  const root = app.source.node;
  const locate = (key: string) => {
    const node = isMap(root) ? (root.getIn([...nodePath, key], true) as Node | undefined) : undefined;
    return node ? { file: app.source.file, span: nodeSpan(node) } : undefined;
  };
  return {
    recurse: dir.recurse === true,
    include: stringOrUndefined(dir.include),
    exclude: stringOrUndefined(dir.exclude),
    includeLocation: locate('include'),
    excludeLocation: locate('exclude'),
  };
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
