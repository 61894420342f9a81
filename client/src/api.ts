// What `activate` returns: a small API so the end-to-end tests can read what the side panel shows.

import type * as vscode from 'vscode';
import type { PipelinesResult, PlansResult } from '../../server/src/protocol/syncPlanProtocol';
import type { ServerState } from './languageClient/serverStatusBar';
import type { PipelineNode } from './tree/pipelineTreeModel';
import type { PlanNode } from './tree/planTreeNodes';

export interface SyncPlanApi {
  /** Resolves once the language server is running; rejects when it could not start. */
  readonly started: Promise<void>;
  /** Fetches the plans now and returns the tree's root nodes (plain objects). */
  refreshTree(): Promise<readonly PlanNode[]>;
  /** The tree's current root nodes. */
  treeRoots(): readonly PlanNode[];
  /** Fetches the Kargo pipelines now and returns the Promotion Pipelines view's root nodes (plain objects). */
  refreshPipelines(): Promise<readonly PipelineNode[]>;
  /** The Promotion Pipelines view's current root nodes. */
  pipelineRoots(): readonly PipelineNode[];
  /** The TreeItem VS Code shows for a Promotion Pipelines node (its click command, context value). */
  pipelineTreeItem(node: PipelineNode): vscode.TreeItem;
  /** The pipelines the Promotion Pipelines view shows, as the server sent them. */
  lastPipelines(): PipelinesResult | undefined;
  /** The nodes selected in the Sync Order view. */
  selectedPlanNodes(): readonly PlanNode[];
  /** The plans the tree shows, as the server sent them. */
  lastPlans(): PlansResult | undefined;
  /** What the status bar shows. */
  serverState(): ServerState;
  /** The status bar item's text, tooltip and visibility. */
  statusBar(): { text: string; tooltip: string; visible: boolean };
  /** The context keys the view last set (`syncplan.hasPlans`, `syncplan.filtered`), which gate its title-bar buttons. */
  contextKeys(): Readonly<Record<string, boolean>>;
  /** The extension's log folder; the extension host's own log (tree errors among others) is two levels up. */
  logFolder(): string;
}
