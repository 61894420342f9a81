// Custom messages between the SyncPlan client and language server, declared once for both sides.

import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { PlanReport } from '../core/report/planReport';

export type { AppReport, PlanReport, ResourceReport, StepReport } from '../core/report/planReport';

export interface PlansParams {
  /** Limit to the workspace folder with this URI; all folders when omitted. */
  folderUri?: string;
}

export interface FolderPlans {
  folderUri: string;
  /** The plan report with paths relative to the folder and `absoluteFile` on each resource. */
  report: PlanReport;
  /** Findings count per absolute file path, for badges in the tree. */
  findingsByFile: Record<string, number>;
}

export interface PlansResult {
  folders: FolderPlans[];
}

/** Client -> server: the current plans of every workspace folder. */
export const PlansRequest = new RequestType<PlansParams, PlansResult, void>('syncplan/plans');

export interface PlansChangedParams {
  folderUri: string;
  /** Apps whose plan (or findings badges) changed, appeared or disappeared; `#kargo-pipelines` when the Kargo pipelines changed. */
  appIds: string[];
}

/** Server -> client: plans changed (after any analysis: an edit, a file change, settings); the client asks again when visible. */
export const PlansChangedNotification = new NotificationType<PlansChangedParams>('syncplan/plansChanged');

export interface PipelineApplication {
  name: string;
  namespace: string;
  /** Whether its authorized-stage annotation lists `<project>:<stage>`; null when the workspace does not declare the Application. */
  authorized: boolean | null;
  /** The app id in the folder's plans (the Sync Order view reveals it); null when no planned app is this Application. */
  appId: string | null;
  /** Where the Application (or the ApplicationSet template that generates it) is written: absolute file, 1-based line. */
  location: { file: string; line: number } | null;
}

export interface PipelineStage {
  name: string;
  /** Absolute file and 1-based line of the Stage. */
  file: string;
  line: number;
  /** Stages it requests Freight from. */
  upstream: string[];
  /** Warehouses it requests Freight from directly. */
  warehouses: string[];
  /** A Stage without promotion steps: it only passes Freight on. */
  controlFlow: boolean;
  /** Whether the Project's promotion policies let it auto-promote; null when the workspace declares none. */
  autoPromotion: boolean | null;
  applications: PipelineApplication[];
}

export interface PipelineProject {
  project: string;
  /** Where the Project is declared; null when only its Stages are in the workspace. */
  location: { file: string; line: number } | null;
  /** Stages in promotion order (every Stage after its upstreams). */
  stages: PipelineStage[];
}

export interface FolderPipelines {
  folderUri: string;
  projects: PipelineProject[];
}

export interface PipelinesResult {
  folders: FolderPipelines[];
}

/** Client -> server: the Kargo promotion pipelines of every workspace folder. */
export const PipelinesRequest = new RequestType<PlansParams, PipelinesResult, void>('syncplan/pipelines');
