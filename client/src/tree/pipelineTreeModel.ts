// Plain nodes of the "Promotion Pipelines" tree: per Kargo project, its Stages in promotion order, each with
// the Applications its argocd-update steps update. No `vscode` import: unit tests build and inspect it in Node.

import type { FolderPipelines, PipelineApplication, PipelineProject, PipelineStage, PipelinesResult } from '../../../server/src/protocol/syncPlanProtocol';
import { folderName } from './planTreeModel';
import type { PlanIcon } from './planTreeNodes';

export type PipelineNodeType = 'folder' | 'project' | 'stage' | 'application';

export interface PipelineNode {
  /** Stable across refreshes, so VS Code keeps expansion and selection. */
  id: string;
  type: PipelineNodeType;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  icon?: PlanIcon;
  children: PipelineNode[];
  folderUri: string;
  /** Absolute file and 1-based line that clicking opens. */
  location?: { file: string; line: number };
  stage?: PipelineStage;
  /** For `application` nodes. */
  application?: PipelineApplication;
}

export class PipelineTreeModel {
  readonly roots: PipelineNode[];
  private readonly byId = new Map<string, PipelineNode>();
  private readonly parents = new Map<string, PipelineNode>();

  constructor(readonly pipelines: PipelinesResult) {
    const folders = pipelines.folders.filter((f) => f.projects.length > 0);
    const multiRoot = pipelines.folders.length > 1;
    this.roots = multiRoot ? folders.map((f) => this.folderNode(f)) : folders.flatMap((f) => f.projects.map((p) => this.projectNode(f.folderUri, p, `${f.folderUri}`)));
    this.index(this.roots, undefined);
  }

  get isEmpty(): boolean {
    return this.roots.length === 0;
  }

  nodeById(id: string): PipelineNode | undefined {
    return this.byId.get(id);
  }

  parentOf(node: PipelineNode): PipelineNode | undefined {
    return this.parents.get(node.id);
  }

  private folderNode(folder: FolderPipelines): PipelineNode {
    const id = `folder:${folder.folderUri}`;
    return {
      id, type: 'folder', label: folderName(folder.folderUri), description: plural(folder.projects.length, 'project'),
      icon: { id: 'root-folder' }, folderUri: folder.folderUri,
      children: folder.projects.map((p) => this.projectNode(folder.folderUri, p, id)),
    };
  }

  private projectNode(folderUri: string, project: PipelineProject, parentId: string): PipelineNode {
    const id = `${parentId}/project:${project.project}`;
    return {
      id, type: 'project', label: project.project, description: plural(project.stages.length, 'stage'),
      tooltip: `Kargo project **${project.project}**${project.location ? '' : '\n\nThe Project itself is not declared in this workspace.'}`,
      icon: { id: 'rocket' }, folderUri, ...(project.location ? { location: project.location } : {}),
      children: project.stages.map((s) => this.stageNode(folderUri, project.project, s, id)),
    };
  }

  private stageNode(folderUri: string, project: string, stage: PipelineStage, parentId: string): PipelineNode {
    const id = `${parentId}/stage:${stage.name}`;
    return {
      id, type: 'stage', label: stage.name, description: stageDescription(stage), tooltip: stageTooltip(project, stage),
      icon: { id: stage.controlFlow ? 'git-merge' : 'debug-step-over' }, folderUri, location: { file: stage.file, line: stage.line }, stage,
      children: stage.applications.map((a) => this.applicationNode(folderUri, project, stage, a, id)),
    };
  }

  private applicationNode(folderUri: string, project: string, stage: PipelineStage, application: PipelineApplication, parentId: string): PipelineNode {
    return {
      id: `${parentId}/app:${application.namespace}/${application.name}`, type: 'application', label: application.name,
      description: `${application.namespace} · ${authorizationText(application.authorized)}`,
      tooltip: applicationTooltip(project, stage, application), icon: authorizationIcon(application.authorized),
      folderUri, ...(application.location ? { location: application.location } : {}), stage, application, children: [],
    };
  }

  private index(nodes: readonly PipelineNode[], parent: PipelineNode | undefined): void {
    for (const node of nodes) {
      this.byId.set(node.id, node);
      if (parent) this.parents.set(node.id, parent);
      this.index(node.children, node);
    }
  }
}

/** "← staging · ← warehouse guestbook · control flow · auto-promotion": where its Freight comes from. */
export function stageDescription(stage: PipelineStage): string {
  const from = [...stage.upstream.map((s) => `← ${s}`), ...stage.warehouses.map((w) => `← warehouse ${w}`)];
  return [...from, ...(stage.controlFlow ? ['control flow'] : []), ...(stage.autoPromotion ? ['auto-promotion'] : [])].join(' · ');
}

function stageTooltip(project: string, stage: PipelineStage): string {
  const lines = [`Kargo Stage **${stage.name}** in project ${project}`];
  if (stage.upstream.length) lines.push(`Freight from Stages: ${stage.upstream.join(', ')}`);
  if (stage.warehouses.length) lines.push(`Freight from Warehouses: ${stage.warehouses.join(', ')}`);
  if (stage.autoPromotion !== null) lines.push(stage.autoPromotion ? 'Auto-promotion: on (promotion policy)' : 'Auto-promotion: off (no promotion policy enables it)');
  if (stage.controlFlow) lines.push('Control-flow Stage: no promotion steps, it only passes Freight on.');
  else if (stage.applications.length === 0) lines.push('Its promotion steps update no Argo CD Application SyncPlan can name.');
  return lines.join('\n\n');
}

function authorizationText(authorized: boolean | null): string {
  if (authorized === null) return 'not in this workspace';
  return authorized ? 'authorized' : 'not authorized';
}

function authorizationIcon(authorized: boolean | null): PlanIcon {
  if (authorized === null) return { id: 'question' };
  return authorized ? { id: 'pass', color: 'testing.iconPassed' } : { id: 'error', color: 'errorForeground' };
}

function applicationTooltip(project: string, stage: PipelineStage, application: PipelineApplication): string {
  const wanted = `${project}:${stage.name}`;
  const state = application.authorized === null
    ? 'This workspace neither declares nor generates it: its `kargo.akuity.io/authorized-stage` annotation is not checked.'
    : application.authorized
      ? `Its \`kargo.akuity.io/authorized-stage\` annotation lists \`${wanted}\`.`
      : `Its \`kargo.akuity.io/authorized-stage\` annotation does not list \`${wanted}\`: Kargo refuses to update it.`;
  return `Argo CD Application **${application.namespace}/${application.name}**, updated by Stage ${stage.name}\n\n${state}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
