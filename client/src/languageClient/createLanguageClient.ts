// Builds the language client for dist/server.js over IPC, for YAML and Helm template files on disk.

import * as vscode from 'vscode';
import { CodeLensRequest, LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { RestartingErrorHandler } from './restartingErrorHandler';
import { SERVER_NODE_ARGS } from '../../../server/src/lsp/serverNodeArgs';

export const LANGUAGE_CLIENT_ID = 'syncplan';

export function codeLensesEnabled(scope?: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('syncplan', scope).get<boolean>('codeLens.enabled', true);
}

/** Asks VS Code to fetch the lenses of the visible editors again (after the setting changed). */
export function refreshCodeLenses(client: LanguageClient): void {
  const feature = client.getFeature(CodeLensRequest.method);
  for (const editor of vscode.window.visibleTextEditors) feature.getProvider(editor.document)?.onDidChangeCodeLensEmitter.fire();
}

export function createLanguageClient(context: vscode.ExtensionContext, errorHandler: RestartingErrorHandler, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const options = { execArgv: [...SERVER_NODE_ARGS] };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options },
    debug: { module, transport: TransportKind.ipc, options },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'helm' },
    ],
    synchronize: {
      // The server reads `syncplan.*` (severity, exclude, kustomize.enabled) and gets a notification on change.
      configurationSection: LANGUAGE_CLIENT_ID,
    },
    errorHandler,
    outputChannel,
    middleware: {
      // `syncplan.codeLens.enabled` off: ask the server for nothing, show nothing.
      provideCodeLenses: (document, token, next) => (codeLensesEnabled(document.uri) ? next(document, token) : []),
    },
    // The crash message with a "Restart" button comes from our error handler, not from the client's own popups.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  // The id makes the client read `syncplan.trace.server`.
  return new LanguageClient(LANGUAGE_CLIENT_ID, 'SyncPlan', serverOptions, clientOptions);
}
