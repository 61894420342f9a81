// The commands of the "Sync Order" view (refresh, restart, filter, copy as Markdown, reveal) and of the
// "Promotion Pipelines" view (refresh, show an Application in Sync Order).

import * as vscode from 'vscode';
import type { AppReport } from '../../../server/src/protocol/syncPlanProtocol';
import { plansMarkdown } from '../tree/planMarkdown';
import { appKey, folderName } from '../tree/planTreeModel';
import type { PlanNode } from '../tree/planTreeNodes';
import type { PipelineNode } from '../tree/pipelineTreeModel';
import { PIPELINES_VIEW_ID, type PipelinesView } from '../tree/pipelinesView';
import { SYNC_ORDER_VIEW_ID, type SyncOrderView } from '../tree/syncOrderView';

export interface CommandTargets {
  view: SyncOrderView;
  pipelines: PipelinesView;
  restartServer(): Promise<void>;
}

/** The position argument of `syncplan.revealInSyncOrder` as the server's code lenses send it. */
interface PositionLike {
  line: number;
  character: number;
}

export function registerCommands(context: vscode.ExtensionContext, targets: CommandTargets): void {
  const { view } = targets;
  const register = (id: string, run: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  };
  register('syncplan.refresh', () =>
    vscode.window.withProgress({ location: { viewId: SYNC_ORDER_VIEW_ID } }, () => view.refresh()));
  register('syncplan.restartServer', () => targets.restartServer());
  register('syncplan.filterApplications', (name?: string) => filterApplications(view, name));
  register('syncplan.clearFilter', () => view.setFilter([]));
  register('syncplan.copyPlanAsMarkdown', (node?: PlanNode, selected?: readonly PlanNode[]) => copyPlanAsMarkdown(view, node, selected));
  register('syncplan.revealInSyncOrder', (uri?: string | vscode.Uri, position?: PositionLike) => revealInSyncOrder(view, uri, position));
  register('syncplan.refreshPipelines', () =>
    vscode.window.withProgress({ location: { viewId: PIPELINES_VIEW_ID } }, () => targets.pipelines.refresh()));
  register('syncplan.showAppInSyncOrder', (node?: PipelineNode) => showAppInSyncOrder(targets, node));
}

/** "Show in Sync Order" on an Application of the Promotion Pipelines view (or its selection). */
async function showAppInSyncOrder(targets: CommandTargets, node?: PipelineNode): Promise<boolean> {
  const chosen = node ?? targets.pipelines.treeView.selection[0];
  const appId = chosen?.application?.appId;
  if (!chosen || !appId) {
    void vscode.window.showInformationMessage('Select an Application of this workspace in the Promotion Pipelines view.');
    return false;
  }
  const found = await targets.view.revealApp(chosen.folderUri, appId);
  if (!found) void vscode.window.showInformationMessage(`The Sync Order view does not show ${chosen.application!.name}.`);
  return found;
}

interface AppPickItem extends vscode.QuickPickItem {
  keys: string[];
}

/** Quick pick of the applications, with "show all" on top. An argument (an app name, '' for all) skips the pick. */
async function filterApplications(view: SyncOrderView, name?: string): Promise<void> {
  if (!view.lastPlans) await view.refresh();
  const apps = view.model.allApps();
  if (typeof name === 'string') {
    view.setFilter(apps.filter(({ app }) => app.name === name).map(({ folderUri, app }) => appKey(folderUri, app.id)));
    return;
  }
  const multiRoot = new Set(apps.map((a) => a.folderUri)).size > 1;
  const items: AppPickItem[] = [
    { label: '$(clear-all) Show all applications', keys: [] },
    { label: '', kind: vscode.QuickPickItemKind.Separator, keys: [] },
    ...apps.map(({ folderUri, app }): AppPickItem => ({
      label: `${view.appFilter.has(appKey(folderUri, app.id)) ? '$(check) ' : ''}${app.name}`,
      description: [multiRoot ? folderName(folderUri) : '', app.path].filter(Boolean).join(' · '),
      detail: `${app.steps.length} steps · ${app.source}${app.complete ? '' : ' · incomplete'}`,
      keys: [appKey(folderUri, app.id)],
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Show the sync order of one application', matchOnDescription: true });
  if (picked) view.setFilter(picked.keys);
}

/** Copies the selected applications' plans (or all shown ones) and returns the Markdown. */
async function copyPlanAsMarkdown(view: SyncOrderView, node?: PlanNode, selected?: readonly PlanNode[]): Promise<string> {
  if (!view.lastPlans) await view.refresh();
  const chosen = selected?.length ? selected : node ? [node] : view.selection;
  const apps = new Map<string, AppReport>();
  for (const n of chosen) {
    if (n.type === 'folder') {
      for (const child of n.children) if (child.app) apps.set(appKey(child.folderUri, child.app.id), child.app);
    } else if (n.app) {
      apps.set(appKey(n.folderUri, n.app.id), n.app);
    }
  }
  if (apps.size === 0) {
    const filter = view.appFilter;
    for (const { folderUri, app } of view.model.allApps()) {
      if (filter.size === 0 || filter.has(appKey(folderUri, app.id))) apps.set(appKey(folderUri, app.id), app);
    }
  }
  if (apps.size === 0) {
    void vscode.window.showInformationMessage('SyncPlan found no applications to copy.');
    return '';
  }
  const markdown = plansMarkdown([...apps.values()]);
  await vscode.env.clipboard.writeText(markdown);
  void vscode.window.showInformationMessage(`Copied the sync plan of ${apps.size === 1 ? [...apps.values()][0].name : `${apps.size} applications`} as Markdown.`);
  return markdown;
}

/** Reveals the resource at the given uri/position (code lens) or at the active editor's cursor. */
async function revealInSyncOrder(view: SyncOrderView, uri?: string | vscode.Uri, position?: PositionLike): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri ?? editor?.document.uri;
  const line = position?.line ?? (editor && target && editor.document.uri.toString() === target.toString() ? editor.selection.active.line : 0);
  if (!target) {
    void vscode.window.showInformationMessage('Open a Kubernetes manifest to reveal its resource in the sync order.');
    return false;
  }
  const found = await view.reveal(target, line);
  if (!found) void vscode.window.showInformationMessage('No resource of the sync order is defined at this position.');
  return found;
}
