// The thin vscode.TreeDataProvider over PlanTreeModel: plain nodes in, TreeItems out.

import * as vscode from 'vscode';
import type { PlansResult } from '../../../server/src/protocol/syncPlanProtocol';
import { PlanTreeModel } from './planTreeModel';
import type { PlanNode } from './planTreeNodes';
import { treeUpdate } from './treeUpdate';

const EMPTY: PlansResult = { folders: [] };

export class SyncOrderTreeProvider implements vscode.TreeDataProvider<PlanNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PlanNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private current = new PlanTreeModel(EMPTY);
  /** The node objects VS Code holds, by id: kept across models whose structure is the same, updated in place. */
  private readonly live = new Map<string, PlanNode>();

  get model(): PlanTreeModel {
    return this.current;
  }

  setModel(model: PlanTreeModel): void {
    const update = treeUpdate(this.current.roots, model.roots);
    this.current = model;
    if (update.kind === 'structure') {
      this.live.clear();
      this.changed.fire(undefined);
      return;
    }
    const changedIds = new Set(update.ids);
    const changed: PlanNode[] = [];
    for (const [id, node] of this.live) {
      const next = model.nodeById(id);
      if (next) Object.assign(node, next);
      if (next && changedIds.has(id)) changed.push(node);
    }
    if (changed.length > 0) this.changed.fire(changed);
  }

  /** The object VS Code knows for this node's id (reveal needs it: a second object with the same id is an error). */
  liveNode(node: PlanNode): PlanNode {
    const known = this.live.get(node.id);
    if (known) return known;
    this.live.set(node.id, node);
    return node;
  }

  getChildren(node?: PlanNode): PlanNode[] {
    const children = node ? (this.current.nodeById(node.id)?.children ?? []) : this.current.roots;
    return children.map((child) => this.liveNode(child));
  }

  getParent(node: PlanNode): PlanNode | undefined {
    const parent = this.current.parentOf(node);
    return parent && this.liveNode(parent);
  }

  getTreeItem(node: PlanNode): vscode.TreeItem {
    const state = node.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    if (node.description) item.description = node.description;
    if (node.tooltip) item.tooltip = new vscode.MarkdownString(node.tooltip, true);
    if (node.icon) {
      item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    }
    // `syncplan.app`, `syncplan.resource`, ... for menus; `.located` when it opens a file.
    item.contextValue = `syncplan.${node.type}${node.location ? '.located' : ''}`;
    if (node.location) {
      const line = Math.max(0, node.location.line - 1);
      const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(line, 0, line, 0), preserveFocus: false };
      item.command = { command: 'vscode.open', title: 'Open Source', arguments: [vscode.Uri.file(node.location.file), options] };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
