// Turns the server's PlansResult into the plain nodes of the "Sync Order" tree: folders (multi-root only) ->
// applications (children nested where their Application object is synced) -> steps -> resources.
// Pure: no `vscode` import, so it is unit-tested in Node.

import type { AppReport, FolderPlans, PlansResult, ResourceReport, StepReport } from '../../../server/src/protocol/syncPlanProtocol';
import { appIcon, kindIcon, stepIcon, type PlanIcon, type PlanNode } from './planTreeNodes';
import { ResourceFindings, type FindingLines } from './resourceFindings';
import { appDescription, appTooltip, plural, resourceDescription, resourceLabel, resourceName, resourceTooltip, stepLabel } from './planTreeText';

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
  private readonly nodesByFile = new Map<string, PlanNode[]>();
  private readonly usedIds = new Set<string>();
  private readonly findings = new Map<FolderPlans, ResourceFindings>();

  constructor(readonly plans: PlansResult, private readonly options: PlanTreeOptions = {}) {
    const folders = plans.folders;
    if (options.appFilter?.size) {
      this.roots = folders.flatMap((folder) =>
        folder.report.apps.filter((app) => options.appFilter!.has(appKey(folder.folderUri, app.id)))
          .map((app) => this.appNode(folder, app, `filter:${folder.folderUri}`, new Set(), true)));
    } else if (folders.length === 1) {
      this.roots = this.folderApps(folders[0]);
    } else {
      this.roots = folders.map((folder) => this.folderNode(folder));
    }
    this.indexParents(this.roots, undefined);
  }

  get isEmpty(): boolean {
    return this.roots.length === 0;
  }

  parentOf(node: PlanNode): PlanNode | undefined {
    return this.parents.get(node.id);
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

  private folderNode(folder: FolderPlans): PlanNode {
    const children = this.folderApps(folder);
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
    return roots.map((app) => this.appNode(folder, app, `folder:${folder.folderUri}`, new Set(), true));
  }

  private appNode(folder: FolderPlans, app: AppReport, parentId: string, ancestors: ReadonlySet<string>, top: boolean, asResource?: ResourceReport, parentChildCount?: number): PlanNode {
    const id = this.unique(`${parentId}/app:${app.id}`);
    const inner = new Set([...ancestors, app.id]);
    const childApps = app.children.map((c) => folder.report.apps.find((a) => a.id === c)).filter((a): a is AppReport => !!a);
    const placed = new Set<string>();
    const context: AppContext = { folder, app, ancestors: inner, childApps, placed };
    const children: PlanNode[] = app.steps.map((step, index) => this.stepNode(context, step, index, id));
    for (const child of childApps) {
      if (!placed.has(child.id) && !inner.has(child.id)) children.push(this.appNode(folder, child, id, inner, false, undefined, childApps.length));
    }
    children.push(...this.specialGroups(context, id));
    if (app.caveats.length) children.push(this.notesGroup(folder, app, id));
    // A few child apps open with their parent, so an app-of-apps reads at a glance; many stay closed.
    const expanded = top || (parentChildCount ?? 0) <= 3;
    const node: PlanNode = {
      id, type: 'app', label: asResource ? resourceLabel(asResource) : app.name, description: appDescription(app),
      tooltip: appTooltip(app), icon: appIcon(app), expanded, children, folderUri: folder.folderUri, app,
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
    const groups = step.parallelGroups?.length ? step.parallelGroups : step.resources.map((_, i) => [i]);
    const children = groups.map((group) => {
      const members = group.map((i) => step.resources[i]).filter((r): r is ResourceReport => !!r);
      if (members.length === 1) return this.resourceNode(context, members[0], id);
      const kinds = [...new Set(members.map((r) => r.kind))];
      const groupId = this.unique(`${id}/parallel:${kinds.join('+')}`);
      return {
        id: groupId, type: 'parallel', label: kinds.length === 1 ? `${members.length} × ${kinds[0]}` : plural(members.length, 'resource'),
        description: `∥ ${members.length} in parallel`, tooltip: `Argo CD applies these ${members.length} resources together, in parallel.`,
        icon: { id: 'split-horizontal' }, expanded: true, folderUri: context.folder.folderUri, app: context.app,
        children: members.map((r) => this.resourceNode(context, r, groupId)),
      } satisfies PlanNode;
    });
    return {
      id, type: 'step', label: stepLabel(step), description: `${index + 1}/${context.app.steps.length} · ${plural(step.resources.length, 'resource')}`,
      tooltip: `Step ${index + 1} of ${context.app.steps.length}: ${step.phase} phase, wave ${step.wave}`,
      icon: stepIcon(step.phase), expanded: true, children, folderUri: context.folder.folderUri, app: context.app,
      step: { report: step, index, count: context.app.steps.length },
    };
  }

  private resourceNode(context: AppContext, resource: ResourceReport, parentId: string): PlanNode {
    const child = resource.kind === 'Application' ? childAppDefinedBy(context, resource) : undefined;
    if (child && !context.ancestors.has(child.id)) {
      context.placed.add(child.id);
      return this.appNode(context.folder, child, parentId, context.ancestors, false, resource, context.childApps.length);
    }
    const findings = this.findingsOf(context.folder).countFor(resource);
    const node: PlanNode = {
      id: this.unique(`${parentId}/res:${resource.group}/${resource.kind}/${resource.namespace}/${resourceName(resource)}`),
      type: 'resource', label: resourceLabel(resource), description: resourceDescription(resource, findings),
      tooltip: resourceTooltip(resource, findings), icon: kindIcon(resource.kind, resource.hook),
      expanded: false, children: [], folderUri: context.folder.folderUri, app: context.app, resource,
    };
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
  private notesGroup(folder: FolderPlans, app: AppReport, parentId: string): PlanNode {
    const id = this.unique(`${parentId}/group:notes`);
    return {
      id, type: 'group', label: 'Notes', description: String(app.caveats.length), tooltip: app.caveats.join('\n\n'),
      icon: { id: 'info' }, expanded: false, folderUri: folder.folderUri, app,
      children: app.caveats.map((caveat, index) => ({
        id: this.unique(`${id}/note:${index}`), type: 'note', label: caveat, tooltip: caveat, icon: { id: 'info' },
        expanded: false, children: [], folderUri: folder.folderUri, app,
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

function locationOf(resource: ResourceReport): { file: string; line: number } | undefined {
  return resource.absoluteFile && resource.line > 0 ? { file: resource.absoluteFile, line: resource.line } : undefined;
}
