// Default `.Capabilities` for a render. Helm's offline default is the client-go 1.32 scheme's group/versions
// without kinds; Argo CD passes the cluster's resources as `group/version` and `group/version/Kind`. SyncPlan's
// documented default: Helm's list, plus the kinds of the stable built-in APIs, plus the workspace's CRDs.

export const DEFAULT_KUBE_VERSION = 'v1.32.0';

/** Helm v3.17 chartutil.DefaultVersionSet (client-go v0.32 scheme plus apiextensions). */
const HELM_DEFAULT_GROUP_VERSIONS = [
  'v1', 'admissionregistration.k8s.io/v1', 'admissionregistration.k8s.io/v1alpha1', 'admissionregistration.k8s.io/v1beta1',
  'internal.apiserver.k8s.io/v1alpha1', 'apps/v1', 'apps/v1beta1', 'apps/v1beta2', 'authentication.k8s.io/v1',
  'authentication.k8s.io/v1alpha1', 'authentication.k8s.io/v1beta1', 'authorization.k8s.io/v1', 'authorization.k8s.io/v1beta1',
  'autoscaling/v1', 'autoscaling/v2', 'autoscaling/v2beta1', 'autoscaling/v2beta2', 'batch/v1', 'batch/v1beta1',
  'certificates.k8s.io/v1', 'certificates.k8s.io/v1beta1', 'certificates.k8s.io/v1alpha1', 'coordination.k8s.io/v1alpha2',
  'coordination.k8s.io/v1beta1', 'coordination.k8s.io/v1', 'discovery.k8s.io/v1', 'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1', 'events.k8s.io/v1beta1', 'extensions/v1beta1', 'flowcontrol.apiserver.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1beta1', 'flowcontrol.apiserver.k8s.io/v1beta2', 'flowcontrol.apiserver.k8s.io/v1beta3',
  'networking.k8s.io/v1', 'networking.k8s.io/v1alpha1', 'networking.k8s.io/v1beta1', 'node.k8s.io/v1', 'node.k8s.io/v1alpha1',
  'node.k8s.io/v1beta1', 'policy/v1', 'policy/v1beta1', 'rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1beta1',
  'rbac.authorization.k8s.io/v1alpha1', 'resource.k8s.io/v1beta1', 'resource.k8s.io/v1alpha3', 'scheduling.k8s.io/v1alpha1',
  'scheduling.k8s.io/v1beta1', 'scheduling.k8s.io/v1', 'storage.k8s.io/v1beta1', 'storage.k8s.io/v1', 'storage.k8s.io/v1alpha1',
  'storagemigration.k8s.io/v1alpha1', 'apiextensions.k8s.io/v1beta1', 'apiextensions.k8s.io/v1',
];

/** Kinds served by the stable built-in group/versions of Kubernetes 1.32. */
const STABLE_KINDS: Record<string, string[]> = {
  v1: ['ConfigMap', 'Endpoints', 'Event', 'LimitRange', 'Namespace', 'Node', 'PersistentVolume', 'PersistentVolumeClaim', 'Pod',
    'PodTemplate', 'ReplicationController', 'ResourceQuota', 'Secret', 'Service', 'ServiceAccount'],
  'admissionregistration.k8s.io/v1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'],
  'apiextensions.k8s.io/v1': ['CustomResourceDefinition'],
  'apps/v1': ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
  'autoscaling/v1': ['HorizontalPodAutoscaler'],
  'autoscaling/v2': ['HorizontalPodAutoscaler'],
  'batch/v1': ['CronJob', 'Job'],
  'certificates.k8s.io/v1': ['CertificateSigningRequest'],
  'coordination.k8s.io/v1': ['Lease'],
  'discovery.k8s.io/v1': ['EndpointSlice'],
  'events.k8s.io/v1': ['Event'],
  'flowcontrol.apiserver.k8s.io/v1': ['FlowSchema', 'PriorityLevelConfiguration'],
  'networking.k8s.io/v1': ['Ingress', 'IngressClass', 'NetworkPolicy'],
  'node.k8s.io/v1': ['RuntimeClass'],
  'policy/v1': ['PodDisruptionBudget'],
  'rbac.authorization.k8s.io/v1': ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
  'scheduling.k8s.io/v1': ['PriorityClass'],
  'storage.k8s.io/v1': ['CSIDriver', 'CSINode', 'CSIStorageCapacity', 'StorageClass', 'VolumeAttachment'],
};

/** A CRD's served versions as `group/version` and `group/version/Kind`. */
export function crdApiVersions(body: Record<string, unknown>): string[] {
  const spec = (body.spec ?? {}) as Record<string, unknown>;
  const names = (spec.names ?? {}) as Record<string, unknown>;
  if (typeof spec.group !== 'string' || typeof names.kind !== 'string') return [];
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  return versions.flatMap((v) => {
    const name = (v as Record<string, unknown> | null)?.name;
    return typeof name === 'string' ? [`${spec.group}/${name}`, `${spec.group}/${name}/${names.kind}`] : [];
  });
}

/** Helm's built-in set, the stable kinds, then `extra` (workspace CRDs or .syncplan.yaml entries), without repeats. */
export function defaultApiVersions(extra: readonly string[] = []): string[] {
  const kinds = Object.entries(STABLE_KINDS).flatMap(([gv, list]) => list.map((k) => `${gv}/${k}`));
  return [...new Set([...HELM_DEFAULT_GROUP_VERSIONS, ...kinds, ...extra])];
}

/** Helm-only default (no kinds), as `helm template` without --api-versions uses it; for differential tests. */
export function helmDefaultApiVersions(): string[] {
  return [...HELM_DEFAULT_GROUP_VERSIONS];
}
