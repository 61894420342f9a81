// The objects a pod template needs before its pods can start: ConfigMaps, Secrets, ServiceAccounts,
// PersistentVolumeClaims and PriorityClasses named in the spec. Optional references are left out.

import type { K8sObject } from '../../model/k8sObject';
import { perContent } from '../../model/movedObjects';
import { asArray, containersOf, isRecord, podSpecOf, type YamlPath } from './podSpecs';

export type DependencyKind = 'ConfigMap' | 'Secret' | 'ServiceAccount' | 'PersistentVolumeClaim' | 'PriorityClass';

export interface PodDependency {
  kind: DependencyKind;
  name: string;
  /** Path of the field naming it, for pointing at the reference. */
  path: YamlPath;
  via: string;
}

/** Written once per object content (see perContent): the list is shared, never to be changed. */
export const podDependencies: (object: K8sObject) => readonly PodDependency[] = perContent(dependenciesOf);

function dependenciesOf(object: K8sObject): PodDependency[] {
  // A CronJob starts no pod during the sync (only on its schedule), so it waits for nothing.
  const pod = object.kind === 'CronJob' ? undefined : podSpecOf(object);
  if (!pod) return [];
  const out: PodDependency[] = [];
  const add = (kind: DependencyKind, name: unknown, path: YamlPath, via: string, optional?: unknown) => {
    if (typeof name === 'string' && name !== '' && optional !== true) out.push({ kind, name, path, via });
  };
  for (const { container, path } of containersOf(pod)) {
    asArray(container.env).forEach((env, i) => {
      const from = isRecord(env) && isRecord(env.valueFrom) ? env.valueFrom : undefined;
      for (const [field, kind] of [['configMapKeyRef', 'ConfigMap'], ['secretKeyRef', 'Secret']] as const) {
        const ref = from?.[field];
        if (isRecord(ref)) add(kind, ref.name, [...path, 'env', i, 'valueFrom', field, 'name'], `env ${String((env as Record<string, unknown>).name)}`, ref.optional);
      }
    });
    asArray(container.envFrom).forEach((source, i) => {
      for (const [field, kind] of [['configMapRef', 'ConfigMap'], ['secretRef', 'Secret']] as const) {
        const ref = isRecord(source) ? source[field] : undefined;
        if (isRecord(ref)) add(kind, ref.name, [...path, 'envFrom', i, field, 'name'], 'envFrom', ref.optional);
      }
    });
  }
  asArray(pod.spec.volumes).forEach((volume, i) => {
    if (!isRecord(volume)) return;
    const at = [...pod.path, 'volumes', i];
    const via = `volume ${String(volume.name)}`;
    if (isRecord(volume.configMap)) add('ConfigMap', volume.configMap.name, [...at, 'configMap', 'name'], via, volume.configMap.optional);
    if (isRecord(volume.secret)) add('Secret', volume.secret.secretName, [...at, 'secret', 'secretName'], via, volume.secret.optional);
    if (isRecord(volume.persistentVolumeClaim)) add('PersistentVolumeClaim', volume.persistentVolumeClaim.claimName, [...at, 'persistentVolumeClaim', 'claimName'], via);
    const sources = isRecord(volume.projected) ? asArray(volume.projected.sources) : [];
    sources.forEach((source, j) => {
      if (!isRecord(source)) return;
      for (const [field, kind] of [['configMap', 'ConfigMap'], ['secret', 'Secret']] as const) {
        const ref = source[field];
        if (isRecord(ref)) add(kind, ref.name, [...at, 'projected', 'sources', j, field, 'name'], via, ref.optional);
      }
    });
  });
  asArray(pod.spec.imagePullSecrets).forEach((ref, i) => {
    if (isRecord(ref)) add('Secret', ref.name, [...pod.path, 'imagePullSecrets', i, 'name'], 'imagePullSecrets');
  });
  // Every namespace has the `default` ServiceAccount already.
  for (const field of ['serviceAccountName', 'serviceAccount']) {
    const name = pod.spec[field];
    if (name !== 'default') add('ServiceAccount', name, [...pod.path, field], field);
    if (typeof name === 'string' && name !== '') break;
  }
  add('PriorityClass', pod.spec.priorityClassName, [...pod.path, 'priorityClassName'], 'priorityClassName');
  return out;
}

/** Objects that create a dependency where they are synced: the object itself, or the Secret a controller makes from it. */
export function providedDependency(object: K8sObject): { kind: DependencyKind; name: string } | undefined {
  const core = object.group === '';
  if (core && ['ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim'].includes(object.kind)) {
    return { kind: object.kind as DependencyKind, name: object.name };
  }
  if (object.group === 'scheduling.k8s.io' && object.kind === 'PriorityClass') return { kind: 'PriorityClass', name: object.name };
  // Bitnami SealedSecret: the controller creates a Secret of the same name.
  if (object.group === 'bitnami.com' && object.kind === 'SealedSecret') return { kind: 'Secret', name: object.name };
  // External Secrets Operator: spec.target.name, else the ExternalSecret's own name.
  if (object.group === 'external-secrets.io' && object.kind === 'ExternalSecret') {
    const spec = isRecord(object.body.spec) ? object.body.spec : {};
    const target = isRecord(spec.target) && typeof spec.target.name === 'string' && spec.target.name !== '' ? spec.target.name : object.name;
    return { kind: 'Secret', name: target };
  }
  return undefined;
}
