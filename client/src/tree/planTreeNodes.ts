// Plain node objects of the "Sync Order" tree. No `vscode` import: unit tests build and inspect them in Node.

import type { AppReport, ResourceReport, StepReport } from '../../../server/src/protocol/syncPlanProtocol';

export type PlanNodeType = 'folder' | 'app' | 'step' | 'parallel' | 'resource' | 'group' | 'note';

/** A codicon id (ThemeIcon) with an optional theme color id. */
export interface PlanIcon {
  id: string;
  color?: string;
}

export interface PlanNode {
  /** Stable across refreshes, so VS Code keeps expansion and selection. */
  id: string;
  type: PlanNodeType;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  icon?: PlanIcon;
  /** Whether the node starts expanded; children decide whether it can expand at all. */
  expanded: boolean;
  children: PlanNode[];
  folderUri: string;
  /** Absolute file and 1-based line that clicking opens. */
  location?: { file: string; line: number };
  /** For `app` nodes: the application; for every other node: the application it belongs to. */
  app?: AppReport;
  step?: { report: StepReport; index: number; count: number };
  resource?: ResourceReport;
}

/** Codicons per kind family, so a step's content reads at a glance. */
const KIND_ICONS: Record<string, string> = {
  Namespace: 'symbol-namespace',
  CustomResourceDefinition: 'symbol-class',
  ServiceAccount: 'account',
  Role: 'shield',
  ClusterRole: 'shield',
  RoleBinding: 'shield',
  ClusterRoleBinding: 'shield',
  Secret: 'key',
  SealedSecret: 'key',
  ExternalSecret: 'key',
  ConfigMap: 'gear',
  PersistentVolumeClaim: 'database',
  PersistentVolume: 'database',
  StorageClass: 'database',
  Service: 'plug',
  Ingress: 'globe',
  IngressClass: 'globe',
  Gateway: 'globe',
  HTTPRoute: 'globe',
  NetworkPolicy: 'lock',
  Deployment: 'server-process',
  StatefulSet: 'server-process',
  DaemonSet: 'server-process',
  ReplicaSet: 'server-process',
  Pod: 'vm',
  Job: 'play',
  CronJob: 'watch',
  HorizontalPodAutoscaler: 'graph-line',
  PodDisruptionBudget: 'graph-line',
  PriorityClass: 'dashboard',
  ResourceQuota: 'dashboard',
  LimitRange: 'dashboard',
  MutatingWebhookConfiguration: 'zap',
  ValidatingWebhookConfiguration: 'zap',
  APIService: 'zap',
  Application: 'rocket',
  ApplicationSet: 'rocket',
  AppProject: 'project',
};

export function kindIcon(kind: string, hook: boolean): PlanIcon {
  const id = KIND_ICONS[kind] ?? 'symbol-misc';
  return hook ? { id, color: 'charts.purple' } : { id };
}

const PHASE_ICONS: Record<string, string> = {
  PreSync: 'debug-step-into',
  Sync: 'sync',
  PostSync: 'debug-step-out',
};

export function stepIcon(phase: string): PlanIcon {
  return { id: PHASE_ICONS[phase] ?? 'circle-outline' };
}

export function appIcon(app: AppReport): PlanIcon {
  if (!app.complete) return { id: 'warning', color: 'problemsWarningIcon.foreground' };
  if (app.definedBy) return { id: 'rocket' };
  return { id: app.source === 'helm' ? 'package' : app.source === 'kustomize' ? 'layers' : 'folder' };
}

/** Depth-first walk over a forest of nodes. */
export function* walkNodes(nodes: readonly PlanNode[]): Generator<PlanNode> {
  for (const node of nodes) {
    yield node;
    yield* walkNodes(node.children);
  }
}
