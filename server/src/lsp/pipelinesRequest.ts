// Answers the Promotion Pipelines view's request: each folder's Kargo projects, Stages in promotion order,
// with absolute locations and the planned app each linked Application is (so the Sync Order view can reveal it).

import type { AppAnalysis, WorkspaceAnalysis } from '../core/discover/appTypes';
import type { K8sObject } from '../core/model/k8sObject';
import { LineIndex } from '../core/text/lineIndex';
import type { FolderPipelines, PipelineProject, PipelinesResult, PlansParams } from '../protocol/syncPlanProtocol';
import type { AnalyzedFolder } from './analyzedFolder';

export function pipelinesFor(folders: readonly AnalyzedFolder[], params: PlansParams | undefined): PipelinesResult {
  const wanted = folders.filter((f) => !params?.folderUri || f.uri === params.folderUri);
  return { folders: wanted.map(folderPipelines) };
}

function folderPipelines(folder: AnalyzedFolder): FolderPipelines {
  const gate = folder.gate();
  return { folderUri: folder.uri, projects: pipelineProjects(folder.current().workspace, (file) => gate.readFile(file)) };
}

/** The pipelines of one analysis; `readText` reads a file for line numbers (undefined: line 1). */
export function pipelineProjects(workspace: WorkspaceAnalysis, readText: (file: string) => string | undefined): PipelineProject[] {
  const indexes = new Map<string, LineIndex>();
  const locationOf = (object: K8sObject): { file: string; line: number } => {
    const file = object.source.file;
    let index = indexes.get(file);
    if (!index) {
      index = new LineIndex(readText(file) ?? '');
      indexes.set(file, index);
    }
    return { file, line: index.positionAt(object.source.span.start).line + 1 };
  };
  const appOf = (object: K8sObject | undefined, name: string, namespace: string): AppAnalysis | undefined =>
    (object && workspace.apps.find((app) => app.definedBy === object)) ??
    workspace.apps.find((app) => app.definedBy?.kind === 'Application' && app.definedBy.name === name && (app.definedBy.namespace ?? namespace) === namespace);
  return (workspace.kargo ?? []).map((project) => ({
    project: project.name,
    location: project.object?.source.file ? locationOf(project.object) : null,
    stages: project.stages.map((stage) => {
      const { file, line } = locationOf(stage.object);
      return {
        name: stage.name,
        file,
        line,
        upstream: unique(stage.requests.flatMap((r) => r.upstreamStages)),
        warehouses: unique(stage.requests.filter((r) => r.direct).map((r) => r.originName)),
        controlFlow: stage.controlFlow,
        autoPromotion: stage.autoPromotion,
        applications: stage.applications.map((application) => {
          const app = appOf(application.object, application.name, application.namespace);
          const written = application.object ?? app?.definedBy;
          return {
            name: application.name,
            namespace: application.namespace,
            authorized: application.authorized ?? null,
            appId: app?.id ?? null,
            location: written?.source.file ? locationOf(written) : null,
          };
        }),
      };
    }),
  }));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
