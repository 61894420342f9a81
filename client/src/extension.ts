// SyncPlan's VS Code client: starts the language server and owns the UI around it (the "Sync Order" view,
// commands, status bar). All analysis happens in the server.

import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { PipelinesRequest, PlansChangedNotification, PlansRequest, type PlansResult } from '../../server/src/protocol/syncPlanProtocol';
import type { SyncPlanApi } from './api';
import { registerCommands } from './commands/registerCommands';
import { CrashBudget } from './languageClient/crashBudget';
import { createLanguageClient, refreshCodeLenses } from './languageClient/createLanguageClient';
import { RestartingErrorHandler } from './languageClient/restartingErrorHandler';
import { ServerStatusBar } from './languageClient/serverStatusBar';
import { PipelinesView } from './tree/pipelinesView';
import { SyncOrderView } from './tree/syncOrderView';

let activeClient: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): SyncPlanApi {
  const output = vscode.window.createOutputChannel('SyncPlan', { log: true });
  const status = new ServerStatusBar();
  context.subscriptions.push(output, status);
  context.subscriptions.push(vscode.commands.registerCommand('syncplan.showOutput', () => output.show(true)));
  output.info(`SyncPlan ${String((context.extension.packageJSON as { version?: unknown }).version ?? '')} starting`);

  const budget = new CrashBudget();
  const errorHandler = new RestartingErrorHandler(budget, (crashes, windowMs) => {
    const message = `The SyncPlan language server crashed ${crashes} times in the last ${Math.round(windowMs / 60000)} minutes and was not restarted.`;
    status.showError(message);
    void offerRestart(message);
  });
  const client = createLanguageClient(context, errorHandler, output);
  activeClient = client;
  context.subscriptions.push({ dispose: () => void client.dispose().catch(() => undefined) });

  const view = new SyncOrderView(
    () => fetchPlans(client, status),
    (error) => output.appendLine(`Could not load the sync plans: ${error instanceof Error ? error.message : String(error)}`),
  );
  context.subscriptions.push(view);
  context.subscriptions.push(view.onDidRefresh((plans) => {
    const apps = plans.folders.reduce((n, f) => n + f.report.apps.length, 0);
    const findings = plans.folders.reduce((n, f) => n + Object.values(f.findingsByFile).reduce((a, b) => a + b, 0), 0);
    status.showApps(apps, findings);
  }));
  const pipelines = new PipelinesView(
    () => client.sendRequest(PipelinesRequest, {}),
    (error) => output.appendLine(`Could not load the promotion pipelines: ${error instanceof Error ? error.message : String(error)}`),
  );
  context.subscriptions.push(pipelines);
  context.subscriptions.push(client.onNotification(PlansChangedNotification, () => {
    view.plansChanged();
    pipelines.plansChanged();
  }));
  context.subscriptions.push(client.onDidChangeState(({ newState }) => {
    if (newState === State.Starting) status.showStarting();
    else if (newState === State.Running) {
      view.plansChanged();
      pipelines.plansChanged();
    }
  }));

  const offerRestart = async (message: string): Promise<void> => {
    const choice = await vscode.window.showErrorMessage(message, 'Restart', 'Show Output');
    if (choice === 'Restart') await restartServer();
    else if (choice === 'Show Output') output.show(true);
  };
  const startServer = async (): Promise<void> => {
    status.showStarting();
    try {
      await client.start();
      const server = client.initializeResult?.serverInfo;
      output.info(`Language server ${server?.version ?? ''} running; syncplan.trace.server shows its messages`);
      view.refreshInBackground();
      pipelines.refreshInBackground();
    } catch (error) {
      const message = `The SyncPlan language server could not start: ${error instanceof Error ? error.message : String(error)}`;
      output.appendLine(message);
      status.showError(message);
      void offerRestart(message);
      throw error;
    }
  };
  const restartServer = async (): Promise<void> => {
    budget.reset();
    if (client.state === State.Running) {
      status.showStarting();
      await client.restart();
      view.refreshInBackground();
      pipelines.refreshInBackground();
    } else if (client.state !== State.Starting) {
      await startServer();
    }
  };
  registerCommands(context, { view, pipelines, restartServer });
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('syncplan.codeLens.enabled') && client.state === State.Running) refreshCodeLenses(client);
  }));

  const started = startServer();
  started.catch(() => undefined); // reported above; the API keeps the rejection for tests
  return {
    started,
    refreshTree: async () => {
      await view.refresh();
      return view.model.roots;
    },
    treeRoots: () => view.model.roots,
    refreshPipelines: async () => {
      await pipelines.refresh();
      return pipelines.model.roots;
    },
    pipelineRoots: () => pipelines.model.roots,
    lastPipelines: () => pipelines.lastPipelines,
    pipelineTreeItem: (node) => pipelines.treeItem(node),
    selectedPlanNodes: () => view.selection,
    lastPlans: () => view.lastPlans,
    serverState: () => status.state,
    statusBar: () => status.snapshot,
    contextKeys: () => view.contextKeys,
    logFolder: () => context.logUri.fsPath,
  };
}

async function fetchPlans(client: LanguageClient, status: ServerStatusBar): Promise<PlansResult> {
  if (status.state !== 'error') status.showAnalysing();
  try {
    return await client.sendRequest(PlansRequest, {});
  } catch (error) {
    status.showError(`SyncPlan could not load the sync plans: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  }
}

export async function deactivate(): Promise<void> {
  const client = activeClient;
  activeClient = undefined;
  if (client?.state === State.Running) await client.stop();
}
