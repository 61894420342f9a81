// The "Promotion Pipelines" view: Kargo projects, their Stages in promotion order and the Applications each
// Stage updates. Fetches from the server when visible (or marks itself dirty when hidden), like Sync Order.

import * as vscode from 'vscode';
import type { PipelinesResult } from '../../../server/src/protocol/syncPlanProtocol';
import { PipelineTreeModel, type PipelineNode } from './pipelineTreeModel';
import { treeUpdate } from './treeUpdate';
import { ViewRefresh } from './viewRefresh';

export const PIPELINES_VIEW_ID = 'syncplan.pipelines';

/** Refreshes only what changed, keeping the node objects VS Code holds (as the Sync Order view's provider does). */
class PipelinesTreeProvider implements vscode.TreeDataProvider<PipelineNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PipelineNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  model = new PipelineTreeModel({ folders: [] });
  private readonly live = new Map<string, PipelineNode>();

  setModel(model: PipelineTreeModel): void {
    const update = treeUpdate(this.model.roots, model.roots);
    this.model = model;
    if (update.kind === 'structure') {
      this.live.clear();
      this.changed.fire(undefined);
      return;
    }
    const changedIds = new Set(update.ids);
    const changed: PipelineNode[] = [];
    for (const [id, node] of this.live) {
      const next = model.nodeById(id);
      if (next) Object.assign(node, next);
      if (next && changedIds.has(id)) changed.push(node);
    }
    if (changed.length > 0) this.changed.fire(changed);
  }

  private liveNode(node: PipelineNode): PipelineNode {
    const known = this.live.get(node.id);
    if (known) return known;
    this.live.set(node.id, node);
    return node;
  }

  getChildren(node?: PipelineNode): PipelineNode[] {
    const children = node ? (this.model.nodeById(node.id)?.children ?? []) : this.model.roots;
    return children.map((child) => this.liveNode(child));
  }

  getParent(node: PipelineNode): PipelineNode | undefined {
    const parent = this.model.parentOf(node);
    return parent && this.liveNode(parent);
  }

  getTreeItem(node: PipelineNode): vscode.TreeItem {
    const state = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    if (node.description) item.description = node.description;
    if (node.tooltip) item.tooltip = new vscode.MarkdownString(node.tooltip, true);
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    // `syncplan.pipeline.application.planned` shows "Show in Sync Order".
    item.contextValue = `syncplan.pipeline.${node.type}${node.application?.appId ? '.planned' : ''}`;
    if (node.location) {
      const line = Math.max(0, node.location.line - 1);
      const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(line, 0, line, 0), preserveFocus: false };
      item.command = { command: 'vscode.open', title: 'Open Definition', arguments: [vscode.Uri.file(node.location.file), options] };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export class PipelinesView implements vscode.Disposable {
  readonly treeView: vscode.TreeView<PipelineNode>;
  private readonly provider = new PipelinesTreeProvider();
  private readonly disposables: vscode.Disposable[] = [];
  private pipelines: PipelinesResult | undefined;
  private readonly fetching: ViewRefresh<PipelinesResult>;
  private hasPipelines = false;

  constructor(fetchPipelines: () => Promise<PipelinesResult>, reportError: (error: unknown) => void) {
    this.treeView = vscode.window.createTreeView(PIPELINES_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.fetching = new ViewRefresh(fetchPipelines, (pipelines) => this.show(pipelines), () => this.treeView.visible, reportError);
    this.disposables.push(this.fetching, this.treeView, this.provider, this.treeView.onDidChangeVisibility((e) => {
      if (e.visible) this.fetching.becameVisible();
    }));
  }

  get model(): PipelineTreeModel {
    return this.provider.model;
  }

  get lastPipelines(): PipelinesResult | undefined {
    return this.pipelines;
  }

  treeItem(node: PipelineNode): vscode.TreeItem {
    return this.provider.getTreeItem(node);
  }

  /** Whether the last fetch found a Kargo project (the `syncplan.hasPipelines` context key). */
  get hasProjects(): boolean {
    return this.hasPipelines;
  }

  /** The server says the plans changed: refresh soon when visible, else when the view next becomes visible. */
  plansChanged(): void {
    this.fetching.plansChanged();
  }

  refreshInBackground(): void {
    this.fetching.inBackground();
  }

  /** Fetches the pipelines now; concurrent calls share one queued fetch. */
  refresh(): Promise<void> {
    return this.fetching.now();
  }

  private show(pipelines: PipelinesResult): void {
    this.pipelines = pipelines;
    const model = new PipelineTreeModel(pipelines);
    this.provider.setModel(model);
    this.hasPipelines = !model.isEmpty;
    void vscode.commands.executeCommand('setContext', 'syncplan.hasPipelines', this.hasPipelines);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
