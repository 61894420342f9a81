// Kind ranks of gitops-engine `sync_tasks.go` (`kindOrder`): index - 35 for listed kinds, 0 for every
// other kind, so custom resources sort after all of them. Matched on Kind alone, the API group is ignored.

const KIND_ORDER = [
  'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget',
  'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume',
  'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding',
  'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding', 'RoleBindingList', 'Service', 'DaemonSet', 'Pod',
  'ReplicationController', 'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob',
  'IngressClass', 'Ingress', 'APIService',
] as const;

const RANKS = new Map<string, number>(KIND_ORDER.map((kind, index) => [kind, index - KIND_ORDER.length]));

export function kindRank(kind: string): number {
  return RANKS.get(kind) ?? 0;
}

export const KNOWN_KIND_COUNT = KIND_ORDER.length;
