// Resource identities as Kustomize sees them: group, version, kind, name, namespace, and its legacy output order.

export interface ResId {
  group: string;
  version: string;
  kind: string;
  name: string;
  namespace: string;
}

/** Kinds Kustomize's built-in OpenAPI schema marks cluster-scoped, keyed by group/kind. Unknown kinds count as namespaced. */
const CLUSTER_SCOPED = new Set([
  '/Namespace', '/Node', '/PersistentVolume', '/ComponentStatus',
  'rbac.authorization.k8s.io/ClusterRole', 'rbac.authorization.k8s.io/ClusterRoleBinding',
  'apiextensions.k8s.io/CustomResourceDefinition', 'apiregistration.k8s.io/APIService',
  'storage.k8s.io/StorageClass', 'storage.k8s.io/CSIDriver', 'storage.k8s.io/CSINode', 'storage.k8s.io/VolumeAttachment',
  'scheduling.k8s.io/PriorityClass', 'node.k8s.io/RuntimeClass', 'policy/PodSecurityPolicy',
  'extensions/PodSecurityPolicy', 'networking.k8s.io/IngressClass', 'certificates.k8s.io/CertificateSigningRequest',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration', 'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'flowcontrol.apiserver.k8s.io/FlowSchema', 'flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration',
  'authentication.k8s.io/TokenReview', 'authorization.k8s.io/SelfSubjectAccessReview',
  'authorization.k8s.io/SelfSubjectRulesReview', 'authorization.k8s.io/SubjectAccessReview',
]);

export function isClusterScoped(group: string, kind: string): boolean {
  return CLUSTER_SCOPED.has(`${group}/${kind}`);
}

export function splitGroupVersion(apiVersion: unknown): { group: string; version: string } {
  const text = typeof apiVersion === 'string' ? apiVersion : '';
  const slash = text.lastIndexOf('/');
  return slash < 0 ? { group: '', version: text } : { group: text.slice(0, slash), version: text.slice(slash + 1) };
}

export function idOfBody(body: Record<string, unknown>): ResId {
  const { group, version } = splitGroupVersion(body.apiVersion);
  const meta = asRecord(body.metadata);
  return {
    group,
    version,
    kind: typeof body.kind === 'string' ? body.kind : '',
    name: typeof meta?.name === 'string' ? meta.name : '',
    namespace: typeof meta?.namespace === 'string' ? meta.namespace : '',
  };
}

export function idToString(id: ResId): string {
  const gv = id.group ? `${id.group}/${id.version}` : id.version;
  return `${gv} ${id.kind} ${id.namespace ? `${id.namespace}/` : ''}${id.name}`;
}

/** Kustomize's `IsNsEquals`: an empty namespace and "default" are the same; cluster-scoped ids ignore it. */
export function sameNamespace(a: ResId, b: ResId): boolean {
  if (isClusterScoped(a.group, a.kind)) return true;
  return (a.namespace || 'default') === (b.namespace || 'default');
}

export function sameGvkName(a: ResId, b: ResId): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind && a.name === b.name;
}

export function sameId(a: ResId, b: ResId): boolean {
  return sameGvkName(a, b) && sameNamespace(a, b);
}

// Kustomize's legacy output order (api/resid/gvk.go): these kinds first, webhooks last, others by GVK string.
const ORDER_FIRST = [
  'Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy',
  'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service',
  'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet',
  'CronJob', 'PodDisruptionBudget',
];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];
const TYPE_ORDER = new Map<string, number>([
  ...ORDER_FIRST.map((kind, index): [string, number] => [kind, index - ORDER_FIRST.length]),
  ...ORDER_LAST.map((kind, index): [string, number] => [kind, index + 1]),
]);

function gvkString(id: ResId): string {
  return [id.group || '~G', id.version || '~V', id.kind || '~K'].join('_');
}

/**
 * Compares like Kustomize's legacy sorter: kind rank, GVK string, then namespace and name as one string joined by
 * `|`, so namespace `a` sorts after `aa` and `a-b` (checked with kubectl kustomize 5.5).
 */
export function compareLegacy(a: ResId, b: ResId): number {
  const rankA = TYPE_ORDER.get(a.kind) ?? 0;
  const rankB = TYPE_ORDER.get(b.kind) ?? 0;
  if (rankA !== rankB) return rankA - rankB;
  return compareText(gvkString(a), gvkString(b)) || compareText(placeString(a), placeString(b));
}

function placeString(id: ResId): string {
  return `${id.namespace || '~X'}|${id.name || '~N'}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
