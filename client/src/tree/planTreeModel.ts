// Turns the server's PlansResult into the plain nodes of the "Sync Order" tree: folders (multi-root only, and
// only for folders with several apps) -> applications (children nested where their Application object is
// synced) -> steps (left out when an app has one) -> resources. Caveats every app shares form one node.
// Pure: no `vscode` import, so it is unit-tested in Node.

import type { AppReport, FolderPlans, PlansResult, ResourceReport, StepReport } from '../../../server/src/protocol/syncPlanProtocol';
import { appIcon, kindIcon, stepIcon, type PlanIcon, type PlanNode } from './planTreeNodes';
import { ResourceFindings, type FindingCount, type FindingLines } from './resourceFindings';
import { appDescription, appLabel, appTooltip, plural, resourceDescription, resourceLabel, resourceName, resourceTooltip, stepLabel } from './planTreeText';

export interface PlanTreeOptions {
  /** Show only these applications (keys from `appKey`) as roots. */
  appFilter?: ReadonlySet<string>;
  /** The editor's SyncPlan diagnostic lines per file, to count findings per resource instead of per file. */
  findingLines?: FindingLines;
}

export function appKey(folderUri: string, appId: string): string {
  return `${folderUri}|${appId}`;
}

/** Forward slashes and a lower-case drive letter, so editor paths and server paths compare equal. */
export function normalizePath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  return /^[A-Za-z]:/.test(slashed) ? slashed[0].toLowerCase() + slashed.slice(1) : slashed;
}

export function folderName(folderUri: string): string {
  const last = folderUri.replace(/\/+$/, '').split('/').pop() ?? folderUri;
  return decodeURIComponent(last);
}

export class PlanTreeModel {
  readonly roots: PlanNode[];
  private readonly parents = new Map<string, PlanNode>();
  private readonly byId = new Map<string, PlanNode>();
  private readonly nodesByFile = new Map<string, PlanNode[]>();
  private readonly usedIds = new Set<string>();
  /**
   * Apps with child apps already shown in full: another place shows such an app without its contents, so an
   * app-of-apps graph where many apps render each other (a DAG or a cycle) costs one subtree per app, not one per path.
   */
  private readonly expandedParents = new Set<string>();
  private readonly findings = new Map<FolderPlans, ResourceFindings>();
  /** Caveats every application carries (with two or more apps): shown once, not under each app. */
  readonly sharedCaveats: readonly string[];

  constructor(readonly plans: PlansResult, private readonly options: PlanTreeOptions = {}) {
    const folders = plans.folders;
    this.sharedCaveats = sharedCaveatsOf(folders.flatMap((f) => f.report.apps));
    let roots: PlanNode[];
    if (options.appFilter?.size) {
      roots = folders.flatMap((folder) =>
        folder.report.apps.filter((app) => options.appFilter!.has(appKey(folder.folderUri, app.id)))
          .map((app) => this.appNode(folder, app, `filter:${folder.folderUri}`, new Set(), true)));
    } else if (folders.length === 1) {
      roots = this.folderApps(folders[0]);
    } else {
      // A folder with one top-level app needs no wrapper node; a folder without apps has nothing to show.
      roots = folders.flatMap((folder) => {
        const apps = this.folderApps(folder);
        return apps.length <= 1 ? apps : [this.folderNode(folder, apps)];
      });
    }
    if (roots.length && this.sharedCaveats.length) roots.push(this.sharedNotesNode());
    this.roots = roots;
    this.indexParents(this.roots, undefined);
  }

  get isEmpty(): boolean {
    return this.roots.length === 0;
  }

  parentOf(node: PlanNode): PlanNode | undefined {
    return this.parents.get(node.id);
  }

  nodeById(id: string): PlanNode | undefined {
    return this.byId.get(id);
  }

  /** Every application of every folder, for the filter and "Copy plan as Markdown". */
  allApps(): Array<{ folderUri: string; app: AppReport }> {
    return this.plans.folders.flatMap((f) => f.report.apps.map((app) => ({ folderUri: f.folderUri, app })));
  }

  /** The resource node whose document starts at or above `line` (1-based) in `file`, preferring planned steps. */
  findNodeAt(file: string, line: number): PlanNode | undefined {
    let best: PlanNode | undefined;
    for (const node of this.nodesByFile.get(normalizePath(file)) ?? []) {
      const start = node.location!.line;
      if (start <= line && (!best || start > best.location!.line)) best = node;
    }
    return best;
  }

  private folderNode(folder: FolderPlans, children: PlanNode[]): PlanNode {
    return {
      id: this.unique(`folder:${folder.folderUri}`), type: 'folder', label: folderName(folder.folderUri),
      description: plural(folder.report.apps.length, 'app'), icon: { id: 'root-folder' },
      expanded: true, children, folderUri: folder.folderUri,
    };
  }

  private folderApps(folder: FolderPlans): PlanNode[] {
    const apps = folder.report.apps;
    const childIds = new Set(apps.flatMap((a) => a.children));
    const tops = apps.filter((a) => !childIds.has(a.id));
    // Apps only reachable through a cycle of Applications still need a place: show them at the top.
    const reached = new Set<string>();
    const byId = new Map(apps.map((a) => [a.id, a]));
    const visit = (id: string): void => {
      if (reached.has(id)) return;
      reached.add(id);
      for (const child of byId.get(id)?.children ?? []) visit(child);
    };
    tops.forEach((a) => visit(a.id));
    const roots = [...tops, ...apps.filter((a) => !reached.has(a.id))];
    const parentId = `folder:${folder.folderUri}`;
    const nodes = roots.filter((a) => !a.notDeployed).map((app) => this.appNode(folder, app, parentId, new Set(), true));
    // Folders no Application deploys (alternatives, examples) get a closed group of their own below the deployed apps.
    const undeployed = roots.filter((a) => a.notDeployed);
    if (undeployed.length === 0) return nodes;
    const groupId = this.unique(`${parentId}/not-deployed`);
    nodes.push({
      id: groupId, type: 'group', label: 'Not deployed by any Application', description: plural(undeployed.length, 'folder'),
      tooltip: 'Folders that no Application of this workspace reaches, directly, through an app of apps or as a Kustomize base. They are planned on their own; Argo CD syncs them only if something outside the workspace points at them.',
      icon: { id: 'circle-slash' }, expanded: false, folderUri: folder.folderUri,
      children: undeployed.map((app) => this.appNode(folder, app, groupId, new Set(), true)),
    });
    return nodes;
  }

  private appNode(folder: FolderPlans, app: AppReport, parentId: string, ancestors: ReadonlySet<string>, top: boolean, asResource?: ResourceReport, parentChildCount?: number): PlanNode {
    const id = this.unique(`${parentId}/app:${app.id}`);
    if (app.children.length > 0 && this.expandedParents.has(app.id)) return this.appReference(folder, app, id, asResource);
    if (app.children.length > 0) this.expandedParents.add(app.id);
    const inner = new Set([...ancestors, app.id]);
    const childApps = app.children.map((c) => folder.report.apps.find((a) => a.id === c)).filter((a): a is AppReport => !!a);
    const placed = new Set<string>();
    const context: AppContext = { folder, app, ancestors: inner, childApps, placed };
    // One step: its resources sit right under the app and the app's description names the step.
    const children: PlanNode[] = app.steps.length === 1
      ? this.stepContent(context, app.steps[0], id)
      : app.steps.map((step, index) => this.stepNode(context, step, index, id));
    for (const child of childApps) {
      if (!placed.has(child.id) && !inner.has(child.id)) children.push(this.appNode(folder, child, id, inner, false, undefined, childApps.length));
    }
    children.push(...this.specialGroups(context, id));
    const caveats = app.caveats.filter((c) => !this.sharedCaveats.includes(c));
    if (caveats.length) children.push(this.notesGroup(folder, app, caveats, id));
    // A few child apps open with their parent, so an app-of-apps reads at a glance; many stay closed.
    const expanded = top || (parentChildCount ?? 0) <= 3;
    const node: PlanNode = {
      id, type: 'app', label: appLabel(app, folderName(folder.folderUri)), description: appDescription(app),
      tooltip: appTooltip(app, caveats), icon: appIcon(app), expanded, children, folderUri: folder.folderUri, app,
    };
    if (asResource) {
      node.resource = asResource;
      const location = locationOf(asResource);
      if (location) node.location = location;
    }
    return node;
  }

  /** An app shown in full elsewhere in the view: its name and state, without its contents. */
  private appReference(folder: FolderPlans, app: AppReport, id: string, asResource?: ResourceReport): PlanNode {
    const node: PlanNode = {
      id, type: 'app', label: appLabel(app, folderName(folder.folderUri)), description: `${appDescription(app)} · shown in full elsewhere`,
      tooltip: `${app.name}: its plan and child applications are shown at its first place in this view.`,
      icon: appIcon(app), expanded: false, children: [], folderUri: folder.folderUri, app,
    };
    if (asResource) {
      node.resource = asResource;
      const location = locationOf(asResource);
      if (location) node.location = location;
    }
    return node;
  }

  private stepNode(context: AppContext, step: StepReport, index: number, parentId: string): PlanNode {
    const id = this.unique(`${parentId}/step:${step.phase}:${step.wave}`);
    return {
      id, type: 'step', label: stepLabel(step), description: `${index + 1}/${context.app.steps.length}`,
      tooltip: `Step ${index + 1} of ${context.app.steps.length}: ${step.phase} phase, wave ${step.wave}, ${plural(step.resources.length, 'resource')}`,
      icon: stepIcon(step.phase), expanded: true, children: this.stepContent(context, step, id), folderUri: context.folder.folderUri, app: context.app,
      step: { report: step, index, count: context.app.steps.length },
    };
  }

  /** A step's resources, those Argo CD applies together grouped under one "parallel" node. */
  private stepContent(context: AppContext, step: StepReport, id: string): PlanNode[] {
    const groups = step.parallelGroups?.length ? step.parallelGroups : step.resources.map((_, i) => [i]);
    return groups.map((group) => {
      const members = group.map((i) => step.resources[i]).filter((r): r is ResourceReport => !!r);
      if (members.length === 1) return this.resourceNode(context, members[0], id);
      const kinds = [...new Set(members.map((r) => r.kind))];
      const groupId = this.unique(`${id}/parallel:${kinds.join('+')}`);
      return {
        id: groupId, type: 'parallel', label: kinds.length === 1 ? `${members.length} × ${kinds[0]}` : plural(members.length, 'resource'),
        description: '∥ parallel', tooltip: `Argo CD applies these ${members.length} resources together, in parallel.`,
        icon: { id: 'split-horizontal' }, expanded: true, folderUri: context.folder.folderUri, app: context.app,
        children: members.map((r) => this.resourceNode(context, r, groupId)),
      } satisfies PlanNode;
    });
  }

  private resourceNode(context: AppContext, resource: ResourceReport, parentId: string): PlanNode {
    const child = resource.kind === 'Application' ? childAppDefinedBy(context, resource) : undefined;
    if (child && !context.ancestors.has(child.id)) {
      context.placed.add(child.id);
      return this.appNode(context.folder, child, parentId, context.ancestors, false, resource, context.childApps.length);
    }
    const generated = resource.kind === 'ApplicationSet' ? appsGeneratedBy(context, resource) : [];
    const findings = this.findingsOf(context.folder).countFor(resource);
    const node: PlanNode = {
      id: this.unique(`${parentId}/res:${resource.group}/${resource.kind}/${resource.namespace}/${resourceName(resource)}`),
      type: 'resource', label: resourceLabel(resource), description: resourceDescription(resource, findings),
      tooltip: resourceTooltip(resource, findings), icon: findingIcon(kindIcon(resource.kind, resource.hook), findings),
      expanded: false, children: [], folderUri: context.folder.folderUri, app: context.app, resource,
    };
    // An ApplicationSet lists the apps it generates under it, each with its own plan.
    for (const app of generated) {
      context.placed.add(app.id);
      node.children.push(this.appNode(context.folder, app, node.id, context.ancestors, false, undefined, generated.length));
    }
    const location = locationOf(resource);
    if (location) node.location = location;
    return node;
  }

  private specialGroups(context: AppContext, parentId: string): PlanNode[] {
    const { app } = context;
    const groups: Array<[string, string, PlanIcon, ResourceReport[], string]> = [
      ['syncfail', 'On failure (SyncFail)', { id: 'error', color: 'problemsErrorIcon.foreground' }, app.syncFail,
        'Runs only when the sync fails; all SyncFail hooks start together, whatever their waves.'],
      ['dropped', 'Dropped (not synced)', { id: 'circle-slash' }, app.dropped,
        'Argo CD leaves these out of the sync without an error.'],
      ['skipped', 'Skipped', { id: 'debug-step-over' }, app.skipped, 'Marked `Skip`: never applied.'],
      ['delete', 'Delete hooks', { id: 'trash' }, app.deleteHooks, 'Run when the Application is deleted, not on sync.'],
    ];
    return groups.filter(([, , , resources]) => resources.length > 0).map(([key, label, icon, resources, tooltip]) => {
      const id = this.unique(`${parentId}/group:${key}`);
      return {
        id, type: 'group', label, description: String(resources.length), tooltip, icon, expanded: false,
        folderUri: context.folder.folderUri, app, children: resources.map((r) => this.resourceNode(context, r, id)),
      } satisfies PlanNode;
    });
  }

  /** Caveats: facts the plan cannot know statically, one collapsed group per application. */
  private notesGroup(folder: FolderPlans, app: AppReport, caveats: readonly string[], parentId: string): PlanNode {
    const id = this.unique(`${parentId}/group:notes`);
    return {
      id, type: 'group', label: 'Notes', description: String(caveats.length), tooltip: caveats.join('\n\n'),
      icon: { id: 'info' }, expanded: false, folderUri: folder.folderUri, app,
      children: caveats.map((caveat, index) => ({
        id: this.unique(`${id}/note:${index}`), type: 'note', label: caveat, tooltip: caveat, icon: { id: 'info' },
        expanded: false, children: [], folderUri: folder.folderUri, app,
      })),
    };
  }

  /** The caveats every app shares, once for the whole workspace. */
  private sharedNotesNode(): PlanNode {
    const id = this.unique('notes:all-apps');
    const folderUri = this.plans.folders[0]?.folderUri ?? '';
    return {
      id, type: 'group', label: 'Notes', description: 'all apps', tooltip: `Apply to every application:\n\n${this.sharedCaveats.join('\n\n')}`,
      icon: { id: 'info' }, expanded: false, folderUri,
      children: this.sharedCaveats.map((caveat, index) => ({
        id: this.unique(`${id}/note:${index}`), type: 'note', label: caveat, tooltip: caveat, icon: { id: 'info' },
        expanded: false, children: [], folderUri,
      })),
    };
  }

  private findingsOf(folder: FolderPlans): ResourceFindings {
    let findings = this.findings.get(folder);
    if (!findings) {
      findings = new ResourceFindings(folder, this.options.findingLines);
      this.findings.set(folder, findings);
    }
    return findings;
  }

  private unique(id: string): string {
    let candidate = id;
    for (let n = 2; this.usedIds.has(candidate); n++) candidate = `${id}#${n}`;
    this.usedIds.add(candidate);
    return candidate;
  }

  private indexParents(nodes: readonly PlanNode[], parent: PlanNode | undefined): void {
    for (const node of nodes) {
      this.byId.set(node.id, node);
      if (parent) this.parents.set(node.id, parent);
      if (node.location && node.resource) {
        const key = normalizePath(node.location.file);
        const list = this.nodesByFile.get(key) ?? [];
        list.push(node);
        this.nodesByFile.set(key, list);
      }
      this.indexParents(node.children, node);
    }
  }
}

interface AppContext {
  folder: FolderPlans;
  app: AppReport;
  ancestors: ReadonlySet<string>;
  childApps: AppReport[];
  placed: Set<string>;
}

function childAppDefinedBy(context: AppContext, resource: ResourceReport): AppReport | undefined {
  return context.childApps.find((c) => c.definedBy && c.definedBy.file === resource.file && c.definedBy.line === resource.line);
}

function appsGeneratedBy(context: AppContext, resource: ResourceReport): AppReport[] {
  return context.childApps.filter((c) => c.generatedBy && c.generatedBy.file === resource.file && c.generatedBy.line === resource.line && !context.ancestors.has(c.id));
}

/** Caveats present on every app, when there are at least two apps to share them. */
function sharedCaveatsOf(apps: readonly AppReport[]): string[] {
  if (apps.length < 2) return [];
  return apps[0].caveats.filter((caveat) => apps.every((app) => app.caveats.includes(caveat)));
}

/** A resource with errors or warnings keeps its kind icon, tinted like the Problems view. */
function findingIcon(icon: PlanIcon, findings: FindingCount): PlanIcon {
  if (findings.errors > 0) return { id: icon.id, color: 'problemsErrorIcon.foreground' };
  if (findings.warnings > 0) return { id: icon.id, color: 'problemsWarningIcon.foreground' };
  return icon;
}

function locationOf(resource: ResourceReport): { file: string; line: number } | undefined {
  return resource.absoluteFile && resource.line > 0 ? { file: resource.absoluteFile, line: resource.line } : undefined;
}
