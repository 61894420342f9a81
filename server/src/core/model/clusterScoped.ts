// Built-in kinds that have no namespace. Custom resources' scope is unknown statically (their CRD says).

const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment',
  'CustomResourceDefinition', 'APIService', 'ClusterRole', 'ClusterRoleBinding', 'PriorityClass', 'RuntimeClass',
  'IngressClass', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'PodSecurityPolicy', 'CertificateSigningRequest', 'FlowSchema',
  'PriorityLevelConfiguration', 'ClusterIssuer',
]);

export function isClusterScopedKind(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}
