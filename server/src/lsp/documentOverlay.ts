// Open editor buffers of the languages SyncPlan serves, keyed by absolute path; they override disk.

import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { OverlaySource } from '../workspace/nodeFileHost';
import { pathToUri, uriToPath } from './uris';

export const SERVED_LANGUAGES: ReadonlySet<string> = new Set(['yaml', 'helm']);

export class DocumentOverlay implements OverlaySource {
  readonly documents = new TextDocuments(TextDocument);
  /** Absolute path -> the URI the client used, so diagnostics go back under the same URI. */
  private readonly uriByPath = new Map<string, string>();

  constructor() {
    this.documents.onDidOpen(({ document }) => {
      const path = this.pathOf(document);
      if (path) this.uriByPath.set(path, document.uri);
    });
    this.documents.onDidClose(({ document }) => {
      const path = uriToPath(document.uri);
      if (path && this.uriByPath.get(path) === document.uri) this.uriByPath.delete(path);
    });
  }

  /** The path of a served document, or undefined for other languages and non-file URIs. */
  pathOf(document: TextDocument): string | undefined {
    return SERVED_LANGUAGES.has(document.languageId) ? uriToPath(document.uri) : undefined;
  }

  document(path: string): TextDocument | undefined {
    const uri = this.uriByPath.get(path);
    return uri ? this.documents.get(uri) : undefined;
  }

  get(path: string): { text: string; version: number } | undefined {
    const document = this.document(path);
    return document ? { text: document.getText(), version: document.version } : undefined;
  }

  paths(): Iterable<string> {
    return this.uriByPath.keys();
  }

  uriFor(path: string): string {
    return this.uriByPath.get(path) ?? pathToUri(path);
  }
}
