// The documented JSON form of the workspace's plans (`syncplan plan --format json`, and the side panel's data).

import type { AppAnalysis, WorkspaceAnalysis } from '../discover/appTypes';
import type { K8sObject } from '../model/k8sObject';
import { isClusterScopedKind } from '../model/clusterScoped';
import { relativePath } from '../paths';
import type { PlanTask } from '../plan/planTypes';
import { LineIndex } from '../text/lineIndex';

export interface ResourceReport {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  generateName?: string;
  hook: boolean;
  file: string;
  line: number;
  /** Absolute path, for front ends that open the file. */
  absoluteFile?: string;
  wave?: number;
  declaredWave?: number;
  deletePolicies?: string[];
  movedBefore?: string;
  synthetic?: string;
  fullTie?: boolean;
  reason?: string;
  phase?: string;
  phases?: string[];
}

export interface StepReport {
  phase: string;
  wave: number;
  resources: ResourceReport[];
  /** Indexes into `resources`: each group is applied in parallel, groups in order. */
  parallelGroups: number[][];
}

export interface AppReport {
  id: string;
  name: string;
  path: string;
  source: string;
  definedBy: { file: string; line: number } | null;
  /** The ApplicationSet that generates this app's Application; null for a literal Application or a folder. */
  generatedBy: { kind: 'ApplicationSet'; name: string; file: string; line: number } | null;
  destinationNamespace: string | null;
  complete: boolean;
  incompleteReasons: string[];
  steps: StepReport[];
  syncFail: ResourceReport[];
  skipped: ResourceReport[];
  dropped: ResourceReport[];
  deleteHooks: ResourceReport[];
  children: string[];
  caveats: string[];
  /** Present (true) for a folder no Application of the workspace deploys (app/not-deployed). */
  notDeployed?: true;
}

export interface KargoStageReport {
  name: string;
  file: string;
  line: number;
  upstream: string[];
  warehouses: string[];
  controlFlow: boolean;
  /** Auto-promotion from the ProjectConfig (or legacy Project.spec) policies; null when the workspace declares none. */
  autoPromotion: boolean | null;
  /** Applications the Stage's argocd-update steps name; `authorized` is null when the workspace does not declare one. */
  applications: { name: string; namespace: string; authorized: boolean | null }[];
}

export interface KargoProjectReport {
  project: string;
  stages: KargoStageReport[];
}

export interface ApplicationSetReport {
  name: string;
  file: string;
  line: number;
  /** False when a generator needs a live system (or SyncPlan cannot evaluate it): `apps` may be partial. */
  expandable: boolean;
  /** Why not expandable, or why the controller fails; null when neither. */
  reason: string | null;
  /** Names of the generated Applications, in generation order. */
  apps: string[];
  caveats: string[];
  /** RollingSync order of the generated Applications; null without a RollingSync strategy. */
  rollingSync: {
    steps: { step: number; maxUpdate: string | number | null; maxUpdateScaled: number | null; apps: string[] }[];
    /** Applications no step selects: RollingSync never syncs them. */
    unselected: string[];
    /** Whether the workspace's argocd-cmd-params-cm enables progressive syncs; null when it declares none. */
    enabled: boolean | null;
  } | null;
}

export interface PlanReport {
  version: 1;
  apps: AppReport[];
  /** ApplicationSets and the Applications each generates (always written by buildPlanReport and the CLI). */
  applicationSets?: ApplicationSetReport[];
  /** Kargo promotion pipelines per Project (always written by buildPlanReport and the CLI). */
  kargo?: KargoProjectReport[];
}

export type TextSource = (path: string) => string | undefined;

/** Builds the report with paths relative to `base` and 1-based lines. */
export interface PlanReportOptions {
  /** Add `absoluteFile` to each resource (the editor needs it; CLI output stays machine-independent). */
  absolutePaths?: boolean;
  /**
   * An app's report from an earlier build with the same base and options, when the app is unchanged since (the
   * language server passes the previous analysis's reports of apps its memo did not see change).
   */
  kept?: (app: AppAnalysis) => AppReport | undefined;
}

export function buildPlanReport(workspace: WorkspaceAnalysis, base: string, readText: TextSource, options: PlanReportOptions = {}): PlanReport {
  const indexes = new Map<string, LineIndex>();
  const lineOf = (file: string, offset: number): number => {
    let index = indexes.get(file);
    if (!index) {
      index = new LineIndex(readText(file) ?? '');
      indexes.set(file, index);
    }
    return index.positionAt(offset).line + 1;
  };
  // Thousands of resources of one large file share its path.
  const relativeFiles = new Map<string, string>();
  const relativeFile = (file: string): string => {
    let relative = relativeFiles.get(file);
    if (relative === undefined) relativeFiles.set(file, (relative = relativePath(base, file)));
    return relative;
  };
  const resource = (object: K8sObject, app: AppAnalysis, extra: Partial<ResourceReport> = {}): ResourceReport => {
    // Objects Argo CD adds itself (CreateNamespace=true) are shown at the Application that asks for them.
    const origin = object.source.file ? object.source : app.definedBy?.source;
    return {
    group: object.group,
    kind: object.kind,
    namespace: object.namespace ?? (isClusterScopedKind(object.kind) ? '' : (app.destinationNamespace ?? '')),
    name: object.name,
    ...(object.generateName && !object.name ? { generateName: object.generateName } : {}),
    hook: false,
    file: origin ? relativeFile(origin.file) : '',
    line: origin ? lineOf(origin.file, origin.span.start) : 0,
    ...(options.absolutePaths && origin ? { absoluteFile: origin.file } : {}),
    ...extra,
    };
  };
  const task = (t: PlanTask, app: AppAnalysis): ResourceReport =>
    resource(t.object, app, {
      hook: t.hook,
      wave: t.wave,
      ...(t.declaredWave !== t.wave || t.declaredPhase !== t.phase ? { declaredWave: t.declaredWave } : {}),
      ...(t.hook ? { deletePolicies: t.deletePolicies } : {}),
      ...(t.movedBefore ? { movedBefore: `${t.movedBefore.object.kind} ${t.movedBefore.object.name}` } : {}),
      ...(t.synthetic ? { synthetic: t.synthetic } : {}),
      ...(t.fullTie ? { fullTie: true } : {}),
    });

  return {
    version: 1,
    apps: workspace.apps.map((app): AppReport => options.kept?.(app) ?? {
      id: app.id,
      name: app.name,
      path: relativePath(base, app.path),
      source: app.sourceType,
      definedBy: app.definedBy
        ? { file: relativePath(base, app.definedBy.source.file), line: lineOf(app.definedBy.source.file, app.definedBy.source.span.start) }
        : null,
      generatedBy: app.generatedBy
        ? { kind: 'ApplicationSet', name: app.generatedBy.name, file: relativePath(base, app.generatedBy.source.file), line: lineOf(app.generatedBy.source.file, app.generatedBy.source.span.start) }
        : null,
      destinationNamespace: app.destinationNamespace ?? null,
      complete: app.complete,
      ...(app.notDeployed ? { notDeployed: true as const } : {}),
      incompleteReasons: app.incompleteReasons.map((reason) => reason.split(`${base}/`).join('')),
      steps: app.plan.steps.map((step) => {
        const resources = step.tasks.map((t) => task(t, app));
        let next = 0;
        const parallelGroups = step.kindGroups.map((g) => g.map(() => next++));
        return { phase: step.phase, wave: step.wave, resources, parallelGroups };
      }),
      syncFail: app.plan.syncFail.map((t) => task(t, app)),
      skipped: app.plan.skipped.map((o) => resource(o, app)),
      dropped: app.plan.dropped.map((d) => resource(d.object, app, { reason: d.reason })),
      deleteHooks: app.plan.deleteHooks.flatMap((h) =>
        h.phases.map((phase) => resource(h.object, app, { hook: true, phase, deletePolicies: h.deletePolicies })),
      ),
      children: app.children,
      caveats: app.plan.caveats,
    }),
    applicationSets: (workspace.applicationSets ?? []).map((e) => ({
      name: e.appset.name,
      file: relativePath(base, e.appset.source.file),
      line: lineOf(e.appset.source.file, e.appset.source.span.start),
      expandable: e.expandable,
      reason: e.reason ?? null,
      apps: e.apps.map((a) => a.name),
      caveats: e.caveats.map((c) => c.split(`${base}/`).join('')),
      rollingSync: e.rollingSync ?? null,
    })),
    kargo: (workspace.kargo ?? []).map((project) => ({
      project: project.name,
      stages: project.stages.map((stage) => ({
        name: stage.name,
        file: relativePath(base, stage.object.source.file),
        line: lineOf(stage.object.source.file, stage.object.source.span.start),
        upstream: unique(stage.requests.flatMap((r) => r.upstreamStages)),
        warehouses: unique(stage.requests.filter((r) => r.direct).map((r) => r.originName)),
        controlFlow: stage.controlFlow,
        autoPromotion: stage.autoPromotion,
        applications: stage.applications.map((a) => ({ name: a.name, namespace: a.namespace, authorized: a.authorized ?? null })),
      })),
    })),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
