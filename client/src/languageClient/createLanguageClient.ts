// Builds the language client for dist/server.js over IPC, for YAML and Helm template files on disk.

import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { RestartingErrorHandler } from './restartingErrorHandler';

export const LANGUAGE_CLIENT_ID = 'syncplan';

export function createLanguageClient(context: vscode.ExtensionContext, errorHandler: RestartingErrorHandler, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc },
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
    // The crash message with a "Restart" button comes from our error handler, not from the client's own popups.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  // The id makes the client read `syncplan.trace.server`.
  return new LanguageClient(LANGUAGE_CLIENT_ID, 'SyncPlan', serverOptions, clientOptions);
}
