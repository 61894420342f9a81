// What SyncPlan knows about a Kargo promotion pipeline, read statically from the workspace.

import type { K8sObject } from '../model/k8sObject';

/** One `requestedFreight` entry of a Stage. */
export interface FreightRequest {
  /** Origin kind; Kargo only knows `Warehouse`. */
  originKind: string;
  originName: string;
  direct: boolean;
  upstreamStages: string[];
  /** `sources.autoPromotionOptions.selectionPolicy`: NewestFreight (default) or MatchUpstream. */
  selectionPolicy: string;
  /** The YAML path of this entry inside the Stage, for pointing findings at it. */
  index: number;
}

/** An Application that a Stage's `argocd-update` steps name. */
export interface StageApplication {
  name: string;
  namespace: string;
  /** True when the Application's authorized-stage annotation lists `<project>:<stage>`; undefined when it is not in the workspace. */
  authorized: boolean | undefined;
  /** The Application object when the workspace declares it. */
  object?: K8sObject;
}

export interface KargoStage {
  name: string;
  object: K8sObject;
  requests: FreightRequest[];
  /** A Stage without promotion steps only passes Freight on (Kargo's IsControlFlow). */
  controlFlow: boolean;
  applications: StageApplication[];
  /** Whether the Project's promotion policies let it auto-promote; null when the workspace declares no policies. */
  autoPromotion: boolean | null;
}

export interface KargoProject {
  /** The Project name, which is also the namespace of its Stages, Warehouses and tasks. */
  name: string;
  /** The Project object when the workspace declares it. */
  object?: K8sObject;
  /** Stages in promotion order: every Stage after its upstreams (stages in a cycle last, by name). */
  stages: KargoStage[];
  warehouses: K8sObject[];
}
