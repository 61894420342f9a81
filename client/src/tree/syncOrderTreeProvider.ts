// The thin vscode.TreeDataProvider over PlanTreeModel: plain nodes in, TreeItems out.

import * as vscode from 'vscode';
import type { PlansResult } from '../../../server/src/protocol/syncPlanProtocol';
import { PlanTreeModel } from './planTreeModel';
import type { PlanNode } from './planTreeNodes';

const EMPTY: PlansResult = { folders: [] };

export class SyncOrderTreeProvider implements vscode.TreeDataProvider<PlanNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PlanNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private current = new PlanTreeModel(EMPTY);

  get model(): PlanTreeModel {
    return this.current;
  }

  setModel(model: PlanTreeModel): void {
    this.current = model;
    this.changed.fire(undefined);
  }

  getChildren(node?: PlanNode): PlanNode[] {
    return node ? node.children : this.current.roots;
  }

  getParent(node: PlanNode): PlanNode | undefined {
    return this.current.parentOf(node);
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
