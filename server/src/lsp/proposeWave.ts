// Proposes a sync wave for a resource: one after the latest wave of the objects it refers to, else 0.

import type { AppAnalysis } from '../core/discover/appTypes';
import { displayName, type K8sObject } from '../core/model/k8sObject';

export interface WaveProposal {
  wave: number;
  /** The object that decided the wave, if any. */
  after?: { name: string; wave: number };
}

/** (kind, name) pairs an object refers to in its pod spec, RBAC bindings and namespace. */
export function referencedObjects(object: K8sObject): { kind: string; name: string }[] {
  const refs: { kind: string; name: string }[] = [];
  const add = (kind: string, name: unknown): void => {
    if (typeof name === 'string' && name !== '') refs.push({ kind, name });
  };
  if (object.namespace) add('Namespace', object.namespace);
  const visit = (value: unknown, key: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (key === 'configMapRef' || key === 'configMapKeyRef' || key === 'configMap') add('ConfigMap', record.name);
    if (key === 'secretRef' || key === 'secretKeyRef' || key === 'imagePullSecrets') add('Secret', record.name);
    if (key === 'secret') add('Secret', record.secretName);
    if (key === 'persistentVolumeClaim') add('PersistentVolumeClaim', record.claimName);
    if (key === 'roleRef' || (key === 'subjects' && record.kind === 'ServiceAccount')) add(String(record.kind ?? ''), record.name);
    if (typeof record.serviceAccountName === 'string') add('ServiceAccount', record.serviceAccountName);
    for (const [childKey, child] of Object.entries(record)) visit(child, childKey);
  };
  visit(object.body.spec, 'spec');
  for (const key of ['roleRef', 'subjects']) visit(object.body[key], key);
  return refs;
}

export function proposeWave(object: K8sObject, apps: readonly AppAnalysis[]): WaveProposal {
  const refs = referencedObjects(object);
  let best: WaveProposal = { wave: 0 };
  for (const app of apps) {
    for (const task of [...app.plan.steps.flatMap((s) => s.tasks)]) {
      if (task.synthetic || task.object.source.file === undefined) continue;
      const referenced = refs.some((r) => r.kind === task.object.kind && r.name === task.object.name);
      if (!referenced || task.hook) continue;
      if (!best.after || task.declaredWave >= best.after.wave) {
        best = { wave: task.declaredWave + 1, after: { name: displayName(task.object), wave: task.declaredWave } };
      }
    }
  }
  return best;
}
