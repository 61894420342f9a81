// Publishes a folder's diagnostics: only files whose diagnostics changed, and empty lists for files that
// no longer have any. A file that never had any is not sent an empty list.

import type { Connection, Diagnostic } from 'vscode-languageserver';
import { diagnosticsByFile, type DiagnosticContext } from './findingDiagnostics';
import type { FolderAnalysis } from './analyzedFolder';

export interface PublishContext extends DiagnosticContext {
  versionOf: (file: string) => number | undefined;
  /** False for files another (nested) workspace folder reports on. */
  owns: (file: string) => boolean;
}

export class DiagnosticsPublisher {
  /** Folder URI -> file -> the JSON of what was last published. */
  private readonly published = new Map<string, Map<string, string>>();

  constructor(private readonly connection: Connection) {}

  async publish(
    folderUri: string,
    analysis: FolderAnalysis,
    context: PublishContext,
  ): Promise<void> {
    const next = diagnosticsByFile(analysis.findings.filter((f) => context.owns(f.file)), context);
    const previous = this.published.get(folderUri) ?? new Map<string, string>();
    const current = new Map<string, string>();
    const sends: Promise<void>[] = [];
    const send = (file: string, diagnostics: Diagnostic[]): void => {
      const version = context.versionOf(file);
      sends.push(this.connection.sendDiagnostics({ uri: context.uriFor(file), diagnostics, ...(version !== undefined ? { version } : {}) }));
    };
    for (const [file, diagnostics] of next) {
      const json = JSON.stringify(diagnostics);
      current.set(file, json);
      if (previous.get(file) !== json) send(file, diagnostics);
    }
    for (const file of previous.keys()) if (!next.has(file)) send(file, []);
    this.published.set(folderUri, current);
    await Promise.all(sends);
  }

  /** Removes every diagnostic of a folder (it left the workspace). */
  async clear(folderUri: string, uriFor: (file: string) => string): Promise<void> {
    const previous = this.published.get(folderUri);
    this.published.delete(folderUri);
    await Promise.all([...(previous?.keys() ?? [])].map((file) => this.connection.sendDiagnostics({ uri: uriFor(file), diagnostics: [] })));
  }
}
