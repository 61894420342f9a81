// Kustomize's built-in metadata transformers: namespace, name prefix/suffix, labels and annotations.

import type { SourceLocation } from '../types';
import { asRecord, isClusterScoped } from './ids';
import { currentId, metadataOf, storePreviousId, type Provenance, type Resource } from './resource';
import { setOwn } from '../ownKeys';

/** NamespaceTransformer: sets metadata.namespace on namespaced objects and renames v1 Namespace objects. */
export function applyNamespace(resources: Resource[], namespace: string): void {
  for (const resource of resources) {
    const id = currentId(resource);
    const meta = metadataOf(resource.body);
    if (id.kind === 'Namespace' && resource.body.apiVersion === 'v1') {
      if (meta.name !== namespace) {
        storePreviousId(resource);
        meta.name = namespace;
      }
      continue;
    }
    if (!isClusterScoped(id.group, id.kind) && meta.namespace !== namespace) {
      storePreviousId(resource);
      meta.namespace = namespace;
    }
    if (id.kind === 'RoleBinding' || id.kind === 'ClusterRoleBinding') updateSubjects(resource.body, namespace);
  }
}

/**
 * Kustomize's default `setRoleBindingSubjects: defaultOnly` (roleBindingHack): a subject named "default", of any
 * kind and in any namespace, gets the new namespace; every other subject is left as written (checked with
 * kubectl kustomize 5.5).
 */
function updateSubjects(body: Record<string, unknown>, namespace: string): void {
  if (!Array.isArray(body.subjects)) return;
  for (const subject of body.subjects) {
    const s = asRecord(subject);
    if (s && s.name === 'default') s.namespace = namespace;
  }
}

/** PrefixSuffixTransformer: skips Namespace, CustomResourceDefinition and APIService, as Kustomize does. */
export function applyPrefixSuffix(resources: Resource[], prefix: string, suffix: string): void {
  for (const resource of resources) {
    const id = currentId(resource);
    if (id.kind === 'Namespace' || id.kind === 'CustomResourceDefinition' || id.kind === 'APIService') continue;
    if (!id.name) continue;
    storePreviousId(resource);
    metadataOf(resource.body).name = `${prefix}${id.name}${suffix}`;
  }
}

export interface MetadataChange {
  key: string;
  value: string;
  location: SourceLocation;
}

export interface LabelScope {
  includeSelectors: boolean;
  includeTemplates: boolean;
}

const WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController', 'Job']);

/** Paths (below the object root) where Kustomize writes labels besides metadata.labels, with "create if missing". */
function labelPaths(kind: string, scope: LabelScope): Array<{ path: string[]; create: boolean }> {
  const paths: Array<{ path: string[]; create: boolean }> = [];
  if (scope.includeSelectors) {
    if (kind === 'Service' || kind === 'ReplicationController') paths.push({ path: ['spec', 'selector'], create: true });
    if (['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'].includes(kind)) paths.push({ path: ['spec', 'selector', 'matchLabels'], create: true });
    if (kind === 'Job' || kind === 'PodDisruptionBudget') paths.push({ path: ['spec', 'selector', 'matchLabels'], create: false });
    if (kind === 'NetworkPolicy') paths.push({ path: ['spec', 'podSelector', 'matchLabels'], create: false });
  }
  if (scope.includeSelectors || scope.includeTemplates) paths.push(...templatePaths(kind, 'labels'));
  return paths;
}

function templatePaths(kind: string, field: 'labels' | 'annotations'): Array<{ path: string[]; create: boolean }> {
  if (WORKLOADS.has(kind)) return [{ path: ['spec', 'template', 'metadata', field], create: true }];
  if (kind === 'CronJob') {
    return [
      { path: ['spec', 'jobTemplate', 'metadata', field], create: true },
      { path: ['spec', 'jobTemplate', 'spec', 'template', 'metadata', field], create: true },
    ];
  }
  return [];
}

/**
 * Selector fields inside lists that Kustomize's commonLabels field specs also reach, only where the map already
 * exists (create: false): pod (anti-)affinity and topology spread of Deployments and StatefulSets, NetworkPolicy
 * peers (checked with kubectl kustomize 5.5; DaemonSets, ReplicaSets and Jobs are left alone there).
 */
const TERM = ['labelSelector', 'matchLabels'];
const POD_SPEC_SELECTORS: string[][] = [
  ['affinity', 'podAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', '[]', ...TERM],
  ['affinity', 'podAffinity', 'preferredDuringSchedulingIgnoredDuringExecution', '[]', 'podAffinityTerm', ...TERM],
  ['affinity', 'podAntiAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', '[]', ...TERM],
  ['affinity', 'podAntiAffinity', 'preferredDuringSchedulingIgnoredDuringExecution', '[]', 'podAffinityTerm', ...TERM],
  ['topologySpreadConstraints', '[]', ...TERM],
].map((path) => ['spec', 'template', 'spec', ...path]);
const NETWORK_POLICY_PEERS = [
  ['spec', 'ingress', '[]', 'from', '[]', 'podSelector', 'matchLabels'],
  ['spec', 'egress', '[]', 'to', '[]', 'podSelector', 'matchLabels'],
];

function listSelectorPaths(kind: string): string[][] {
  if (kind === 'Deployment' || kind === 'StatefulSet') return POD_SPEC_SELECTORS;
  return kind === 'NetworkPolicy' ? NETWORK_POLICY_PEERS : [];
}

/** Adds the labels to every existing map the path reaches; `[]` stands for each item of a list. */
function setInExistingMaps(root: Record<string, unknown>, path: string[], changes: MetadataChange[]): void {
  let nodes: unknown[] = [root];
  for (const key of path) nodes = nodes.flatMap((node) => (key === '[]' ? (Array.isArray(node) ? node : []) : asRecord(node) && Object.hasOwn(node as object, key) ? [(node as Record<string, unknown>)[key]] : []));
  for (const node of nodes) {
    const map = asRecord(node);
    if (map) for (const change of changes) setOwn(map, change.key, change.value);
  }
}

export function applyLabels(resources: Resource[], labels: MetadataChange[], scope: LabelScope, addedBy: string): void {
  if (labels.length === 0) return;
  for (const resource of resources) {
    const meta = metadataOf(resource.body);
    setAll(meta, 'labels', labels, resource.labelOrigins, addedBy);
    const kind = currentId(resource).kind;
    for (const { path, create } of labelPaths(kind, scope)) setAtPath(resource.body, path, labels, create);
    if (scope.includeSelectors) for (const path of listSelectorPaths(kind)) setInExistingMaps(resource.body, path, labels);
    if (kind === 'StatefulSet' && scope.includeSelectors) {
      const claims = asRecord(resource.body.spec)?.volumeClaimTemplates;
      if (Array.isArray(claims)) for (const claim of claims) if (asRecord(claim)) setAtPath(claim as Record<string, unknown>, ['metadata', 'labels'], labels, true);
    }
  }
}

export function applyAnnotations(resources: Resource[], annotations: MetadataChange[], addedBy: string): void {
  if (annotations.length === 0) return;
  for (const resource of resources) {
    setAll(metadataOf(resource.body), 'annotations', annotations, resource.annotationOrigins, addedBy);
    for (const { path, create } of templatePaths(currentId(resource).kind, 'annotations')) setAtPath(resource.body, path, annotations, create);
  }
}

function setAll(meta: Record<string, unknown>, field: string, changes: MetadataChange[], origins: Map<string, Provenance>, addedBy: string): void {
  const map = asRecord(meta[field]) ?? {};
  meta[field] = map;
  for (const change of changes) {
    setOwn(map, change.key, change.value);
    origins.set(change.key, { addedBy, location: change.location });
  }
}

function setAtPath(root: Record<string, unknown>, path: string[], changes: MetadataChange[], create: boolean): void {
  let current = root;
  for (const key of path) {
    let next = asRecord(current[key]);
    if (!next) {
      if (!create || (current[key] !== undefined && current[key] !== null)) return;
      next = {};
      current[key] = next;
    }
    current = next;
  }
  for (const change of changes) setOwn(current, change.key, change.value);
}
