// The "Sync Order" view: fetches plans from the server when visible (or marks itself dirty when hidden),
// applies the application filter, and reveals resources for editor positions.

import * as vscode from 'vscode';
import type { PlansResult } from '../../../server/src/protocol/syncPlanProtocol';
import { appKey, PlanTreeModel } from './planTreeModel';
import { walkNodes, type PlanNode } from './planTreeNodes';
import type { FindingMark, FindingSeverity } from './resourceFindings';
import { SyncOrderTreeProvider } from './syncOrderTreeProvider';
import { REFRESH_DEBOUNCE_MS, ViewRefresh } from './viewRefresh';

export const SYNC_ORDER_VIEW_ID = 'syncplan.syncOrder';

export class SyncOrderView implements vscode.Disposable {
  readonly treeView: vscode.TreeView<PlanNode>;
  private readonly provider = new SyncOrderTreeProvider();
  private readonly refreshed = new vscode.EventEmitter<PlansResult>();
  /** Fires after every successful fetch, with the new plans. */
  readonly onDidRefresh = this.refreshed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private plans: PlansResult | undefined;
  private filter = new Set<string>();
  private readonly fetching: ViewRefresh<PlansResult>;
  private staleFindings = false;
  private findingsTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly contextValues: Record<string, boolean> = {};

  constructor(fetchPlans: () => Promise<PlansResult>, reportError: (error: unknown) => void) {
    this.treeView = vscode.window.createTreeView(SYNC_ORDER_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true, canSelectMany: true });
    this.fetching = new ViewRefresh(fetchPlans, (plans) => this.show(plans), () => this.treeView.visible, reportError);
    this.disposables.push(this.fetching, this.treeView, this.provider, this.refreshed, this.treeView.onDidChangeVisibility((e) => {
      if (e.visible && this.fetching.dirty) this.fetching.becameVisible();
      else if (e.visible && this.staleFindings) this.rebuild();
    }), vscode.languages.onDidChangeDiagnostics(() => this.diagnosticsChanged()));
  }

  get model(): PlanTreeModel {
    return this.provider.model;
  }

  get lastPlans(): PlansResult | undefined {
    return this.plans;
  }

  get selection(): readonly PlanNode[] {
    return this.treeView.selection;
  }

  get appFilter(): ReadonlySet<string> {
    return this.filter;
  }

  /** The context keys this view set last (they show or hide its title-bar buttons). */
  get contextKeys(): Readonly<Record<string, boolean>> {
    return { ...this.contextValues };
  }

  private setContext(key: string, value: boolean): void {
    this.contextValues[key] = value;
    void vscode.commands.executeCommand('setContext', key, value);
  }

  /** The server says the plans changed: refresh soon when visible, else when the view next becomes visible. */
  plansChanged(): void {
    this.fetching.plansChanged();
  }

  refreshInBackground(): void {
    this.fetching.inBackground();
  }

  /** Fetches the plans now; concurrent calls share one queued fetch. */
  refresh(): Promise<void> {
    return this.fetching.now();
  }

  setFilter(keys: Iterable<string>): void {
    this.filter = new Set(keys);
    this.setContext('syncplan.filtered', this.filter.size > 0);
    this.rebuild();
  }

  /** Reveals the resource whose document contains `line` (0-based) of `uri`; false when none does. */
  async reveal(uri: vscode.Uri, line: number): Promise<boolean> {
    if (this.fetching.dirty || !this.plans) await this.refresh();
    let node = this.model.findNodeAt(uri.fsPath, line + 1);
    if (!node && this.filter.size) {
      this.setFilter([]);
      node = this.model.findNodeAt(uri.fsPath, line + 1);
    }
    if (!node) return false;
    await vscode.commands.executeCommand(`${SYNC_ORDER_VIEW_ID}.focus`);
    await this.treeView.reveal(this.provider.liveNode(node), { select: true, focus: true, expand: true });
    return true;
  }

  /** Reveals and selects an application's node (the first place it appears); false when no node shows it. */
  async revealApp(folderUri: string, appId: string): Promise<boolean> {
    if (this.fetching.dirty || !this.plans) await this.refresh();
    const find = (): PlanNode | undefined =>
      [...walkNodes(this.model.roots)].find((n) => n.type === 'app' && n.folderUri === folderUri && n.app?.id === appId);
    let node = find();
    if (!node && this.filter.size) {
      this.setFilter([]);
      node = find();
    }
    if (!node) return false;
    await vscode.commands.executeCommand(`${SYNC_ORDER_VIEW_ID}.focus`);
    await this.treeView.reveal(this.provider.liveNode(node), { select: true, focus: true, expand: true });
    return true;
  }

  private show(plans: PlansResult): void {
    this.plans = plans;
    this.rebuild();
    this.refreshed.fire(plans);
  }

  /** Finding counts come from the editor's diagnostics: recount (no fetch) when they change. */
  private diagnosticsChanged(): void {
    if (!this.plans) return;
    if (!this.treeView.visible) {
      this.staleFindings = true;
      return;
    }
    if (this.findingsTimer) clearTimeout(this.findingsTimer);
    this.findingsTimer = setTimeout(() => this.rebuild(), REFRESH_DEBOUNCE_MS);
  }

  private rebuild(): void {
    this.staleFindings = false;
    const plans = this.plans ?? { folders: [] };
    const model = new PlanTreeModel(plans, { appFilter: this.filter, findingLines: syncPlanDiagnosticLines });
    this.provider.setModel(model);
    const names = model.allApps().filter(({ folderUri, app }) => this.filter.has(appKey(folderUri, app.id))).map(({ app }) => app.name);
    this.treeView.message = names.length ? `Showing only: ${names.join(', ')}` : undefined;
    this.setContext('syncplan.hasPlans', !model.isEmpty);
  }

  dispose(): void {
    if (this.findingsTimer) clearTimeout(this.findingsTimer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

function syncPlanDiagnosticLines(absoluteFile: string): FindingMark[] | undefined {
  const diagnostics = vscode.languages.getDiagnostics(vscode.Uri.file(absoluteFile)).filter((d) => d.source === 'syncplan');
  return diagnostics.length ? diagnostics.map((d) => ({ line: d.range.start.line + 1, severity: severityOf(d.severity) })) : undefined;
}

function severityOf(severity: vscode.DiagnosticSeverity): FindingSeverity {
  if (severity === vscode.DiagnosticSeverity.Error) return 'error';
  return severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info';
}
