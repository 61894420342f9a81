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
  /** Apps whose plan (or findings badges) changed, appeared or disappeared. */
  appIds: string[];
}

/** Server -> client: plans changed (after any analysis: an edit, a file change, settings); the client asks again when visible. */
export const PlansChangedNotification = new NotificationType<PlansChangedParams>('syncplan/plansChanged');
