// The sync plan of one application, as Argo CD would execute it.

import type { K8sObject } from '../model/k8sObject';
import type { DeletePhase, SyncPhase } from './hookVocabulary';
import type { WaveSource } from './computeWave';

export interface PlanTask {
  object: K8sObject;
  phase: SyncPhase;
  /** Effective wave, after Namespace/CRD bubbling. */
  wave: number;
  /** Wave from the object's own annotations. */
  declaredWave: number;
  waveSource: WaveSource;
  /** Phase the object declared before bubbling moved it. */
  declaredPhase: SyncPhase;
  hook: boolean;
  /** Effective delete policies of a hook (Argo CD and Helm unioned, default BeforeHookCreation). */
  deletePolicies: string[];
  /** Namespace used for ordering: `metadata.namespace`, else the destination namespace (even for cluster-scoped kinds). */
  orderingNamespace: string;
  /** Set when adjustDeps moved this Namespace or CRD ahead of an object that needs it. */
  movedBefore?: { object: K8sObject; reason: 'namespace' | 'crd' };
  /** Set for tasks Argo CD adds itself (the CreateNamespace=true namespace). */
  synthetic?: 'create-namespace';
  /** True when another task has the same phase, wave, kind and name: Argo CD's order between them is random. */
  fullTie?: boolean;
}

export interface PlanStep {
  phase: SyncPhase;
  wave: number;
  tasks: PlanTask[];
  /** Consecutive tasks of equal kind: Argo CD applies each group's members in parallel, groups one after another. */
  kindGroups: PlanTask[][];
}

export interface DroppedObject {
  object: K8sObject;
  reason: string;
}

export interface DeleteHook {
  object: K8sObject;
  phases: DeletePhase[];
  deletePolicies: string[];
}

export interface SyncPlan {
  steps: PlanStep[];
  /** SyncFail hooks: one block that runs only when the sync fails, all started together. */
  syncFail: PlanTask[];
  skipped: K8sObject[];
  dropped: DroppedObject[];
  deleteHooks: DeleteHook[];
  /** Things the plan cannot know statically, in words for people. */
  caveats: string[];
}

export interface PlanOptions {
  /** `spec.destination.namespace` of the owning Application, if known. */
  destinationNamespace?: string;
  /** `spec.syncPolicy.syncOptions` of the owning Application. */
  syncOptions?: readonly string[];
}
