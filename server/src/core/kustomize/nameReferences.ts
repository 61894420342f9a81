// After renames (prefix/suffix, hash suffix), Kustomize rewrites references to ConfigMaps, Secrets and
// ServiceAccounts in pod templates and RBAC bindings so they still point at the renamed objects.

import { asRecord } from './ids';
import { allIds, currentId, type Resource } from './resource';

type Kind = 'ConfigMap' | 'Secret' | 'ServiceAccount' | 'Role' | 'ClusterRole';

export function fixNameReferences(resources: Resource[]): void {
  for (const referrer of resources) {
    const rewrite: Rewrite = (kind, name, namespace) =>
      typeof name === 'string' ? renamed(resources, namespace ?? currentId(referrer).namespace, kind, name) : undefined;
    for (const pod of podSpecs(referrer.body)) fixPodSpec(pod, rewrite);
    const kind = currentId(referrer).kind;
    if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') fixBinding(referrer.body, rewrite);
  }
}

/** The new name of the `kind` object once called `name`, if exactly one such object is in `namespace`. */
function renamed(resources: Resource[], namespace: string, kind: Kind, name: string): string | undefined {
  const candidates = resources.filter((candidate) => {
    const cur = currentId(candidate);
    if (cur.kind !== kind) return false;
    if (kind !== 'ClusterRole' && (cur.namespace || 'default') !== (namespace || 'default')) return false;
    return allIds(candidate).some((id) => id.name === name);
  });
  if (candidates.length !== 1) return undefined;
  const newName = currentId(candidates[0]).name;
  return newName !== name ? newName : undefined;
}

function podSpecs(body: Record<string, unknown>): Record<string, unknown>[] {
  const spec = asRecord(body.spec);
  const kind = body.kind;
  if (kind === 'Pod') return spec ? [spec] : [];
  if (kind === 'CronJob') {
    const pod = asRecord(asRecord(asRecord(asRecord(spec?.jobTemplate)?.spec)?.template)?.spec);
    return pod ? [pod] : [];
  }
  const pod = asRecord(asRecord(spec?.template)?.spec);
  return pod ? [pod] : [];
}

/** Binding subjects name their own namespace; everything else refers within the referrer's namespace. */
type Rewrite = (kind: Kind, name: unknown, namespace?: string) => string | undefined;

function setIfRenamed(holder: Record<string, unknown> | undefined, key: string, kind: Kind, rewrite: Rewrite, namespace?: string): void {
  if (!holder) return;
  const next = rewrite(kind, holder[key], namespace);
  if (next !== undefined) holder[key] = next;
}

function fixPodSpec(pod: Record<string, unknown>, rewrite: Rewrite): void {
  setIfRenamed(pod, 'serviceAccountName', 'ServiceAccount', rewrite);
  setIfRenamed(pod, 'serviceAccount', 'ServiceAccount', rewrite);
  for (const secret of list(pod.imagePullSecrets)) setIfRenamed(secret, 'name', 'Secret', rewrite);
  for (const volume of list(pod.volumes)) {
    setIfRenamed(asRecord(volume.configMap), 'name', 'ConfigMap', rewrite);
    setIfRenamed(asRecord(volume.secret), 'secretName', 'Secret', rewrite);
    for (const source of list(asRecord(volume.projected)?.sources)) {
      setIfRenamed(asRecord(source.configMap), 'name', 'ConfigMap', rewrite);
      setIfRenamed(asRecord(source.secret), 'name', 'Secret', rewrite);
    }
  }
  for (const container of [...list(pod.containers), ...list(pod.initContainers), ...list(pod.ephemeralContainers)]) {
    for (const env of list(container.env)) {
      const from = asRecord(env.valueFrom);
      setIfRenamed(asRecord(from?.configMapKeyRef), 'name', 'ConfigMap', rewrite);
      setIfRenamed(asRecord(from?.secretKeyRef), 'name', 'Secret', rewrite);
    }
    for (const source of list(container.envFrom)) {
      setIfRenamed(asRecord(source.configMapRef), 'name', 'ConfigMap', rewrite);
      setIfRenamed(asRecord(source.secretRef), 'name', 'Secret', rewrite);
    }
  }
}

function fixBinding(body: Record<string, unknown>, rewrite: Rewrite): void {
  const roleRef = asRecord(body.roleRef);
  if (roleRef?.kind === 'Role' || roleRef?.kind === 'ClusterRole') setIfRenamed(roleRef, 'name', roleRef.kind, rewrite);
  for (const subject of list(body.subjects)) {
    if (subject.kind !== 'ServiceAccount') continue;
    const namespace = typeof subject.namespace === 'string' ? subject.namespace : undefined;
    setIfRenamed(subject, 'name', 'ServiceAccount', rewrite, namespace);
  }
}

/**
 * The nameReference of binding subjects also carries the ServiceAccount's namespace: a subject naming a
 * ServiceAccount of the build (in the namespace it gives, or any when it gives none) takes that account's current
 * name and namespace, so `namespace:` in a kustomization reaches the subject too (checked with kubectl kustomize).
 */
export function fixSubjectNamespaces(resources: Resource[]): void {
  const accounts = resources.filter((r) => currentId(r).kind === 'ServiceAccount');
  if (accounts.length === 0) return;
  for (const binding of resources) {
    const kind = currentId(binding).kind;
    if (kind !== 'RoleBinding' && kind !== 'ClusterRoleBinding') continue;
    for (const subject of list(binding.body.subjects)) {
      if (subject.kind !== 'ServiceAccount' || typeof subject.name !== 'string') continue;
      const wanted = typeof subject.namespace === 'string' && subject.namespace !== '' ? subject.namespace : undefined;
      const matches = accounts.filter((account) => allIds(account).some((id) => id.name === subject.name && (wanted === undefined || (id.namespace || 'default') === wanted)));
      if (matches.length !== 1) continue;
      const current = currentId(matches[0]);
      subject.name = current.name;
      if (current.namespace) subject.namespace = current.namespace;
    }
  }
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? (value.map(asRecord).filter(Boolean) as Record<string, unknown>[]) : [];
}
