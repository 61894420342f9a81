// Collects the Kargo resources of a workspace and groups them by Project namespace.

import type { K8sObject } from '../model/k8sObject';
import { writtenBody, type TextOf } from './writtenBody';

export const KARGO_GROUP = 'kargo.akuity.io';

export interface KargoObjects {
  projects: Map<string, K8sObject>;
  /** Per namespace, objects by kind, then by name. */
  byNamespace: Map<string, { stages: K8sObject[]; warehouses: Map<string, K8sObject>; tasks: Map<string, K8sObject>; configs: K8sObject[] }>;
  clusterTasks: Map<string, K8sObject>;
}

/** Kargo objects come back with their bodies as written (expressions unmasked). */
export function collectKargoObjects(objects: Iterable<K8sObject>, textOf: TextOf): KargoObjects {
  const result: KargoObjects = { projects: new Map(), byNamespace: new Map(), clusterTasks: new Map() };
  const namespace = (name: string) => {
    let entry = result.byNamespace.get(name);
    if (!entry) {
      entry = { stages: [], warehouses: new Map(), tasks: new Map(), configs: [] };
      result.byNamespace.set(name, entry);
    }
    return entry;
  };
  for (const written of objects) {
    if (written.group !== KARGO_GROUP || !written.name) continue;
    const object = { ...written, body: writtenBody(written, textOf) };
    // Project and ClusterPromotionTask are cluster-scoped; the others live in the Project's namespace.
    if (object.kind === 'Project') result.projects.set(object.name, object);
    else if (object.kind === 'ClusterPromotionTask') result.clusterTasks.set(object.name, object);
    else if (object.namespace === undefined) continue;
    else if (object.kind === 'Stage') namespace(object.namespace).stages.push(object);
    else if (object.kind === 'Warehouse') namespace(object.namespace).warehouses.set(object.name, object);
    else if (object.kind === 'PromotionTask') namespace(object.namespace).tasks.set(object.name, object);
    else if (object.kind === 'ProjectConfig') namespace(object.namespace).configs.push(object);
  }
  for (const name of result.projects.keys()) namespace(name);
  return result;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
