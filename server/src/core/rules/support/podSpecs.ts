// Where workload kinds keep their pod template, and the containers inside it.

import { isMap, isScalar, type Node } from 'yaml';
import type { K8sObject } from '../../model/k8sObject';
import { nodeSpan } from '../../model/readObjects';
import type { SourceLocation } from '../../types';
import { lookupTable } from '../../ownKeys';

export type YamlPath = (string | number)[];

const TEMPLATE_PATH: YamlPath = ['spec', 'template', 'spec'];
const POD_SPEC_PATHS: Readonly<Record<string, YamlPath>> = lookupTable({
  Pod: ['spec'],
  Deployment: TEMPLATE_PATH,
  StatefulSet: TEMPLATE_PATH,
  DaemonSet: TEMPLATE_PATH,
  ReplicaSet: TEMPLATE_PATH,
  ReplicationController: TEMPLATE_PATH,
  Job: TEMPLATE_PATH,
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
});
const WORKLOAD_GROUPS = new Set(['', 'apps', 'batch', 'extensions']);

export interface PodSpec {
  spec: Record<string, unknown>;
  path: YamlPath;
}

export function podSpecOf(object: K8sObject): PodSpec | undefined {
  const path = POD_SPEC_PATHS[object.kind];
  if (!path || !WORKLOAD_GROUPS.has(object.group)) return undefined;
  const spec = valueAt(object.body, path);
  return isRecord(spec) ? { spec, path } : undefined;
}

export interface ContainerRef {
  container: Record<string, unknown>;
  path: YamlPath;
  name: string;
}

export function containersOf(pod: PodSpec): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
    asArray(pod.spec[field]).forEach((container, index) => {
      if (isRecord(container)) out.push({ container, path: [...pod.path, field, index], name: String(container.name ?? '') });
    });
  }
  return out;
}

export function valueAt(root: unknown, path: YamlPath): unknown {
  let current = root;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/**
 * Where the value at `path` is written in the object's own file. Falls back to the object's anchor when the
 * written node is missing or (after Kustomize rendering) holds a different value than `expected`.
 */
export function locationAt(object: K8sObject, path: YamlPath, expected?: unknown): SourceLocation {
  const node = nodeAt(object.source.node, path);
  const matches = node && (expected === undefined || !isScalar(node) || node.value === expected);
  return { file: object.source.file, span: matches ? nodeSpan(node) : object.source.anchor };
}

export function nodeAt(root: Node | undefined, path: YamlPath): Node | undefined {
  let current: unknown = root;
  for (const step of path) {
    if (isMap(current)) current = current.get(step, true);
    else if (current && typeof current === 'object' && 'items' in current && typeof step === 'number') current = (current as { items: unknown[] }).items[step];
    else return undefined;
  }
  return (current ?? undefined) as Node | undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
