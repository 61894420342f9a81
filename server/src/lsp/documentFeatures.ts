// Per-document requests: completion, hover, code actions, code lenses and document links.

import type { Connection, Position } from 'vscode-languageserver';
import type { K8sObject } from '../core/model/k8sObject';
import type { ParsedFile } from '../core/parse/parseYamlFile';
import { DEFAULT_MAX_FILE_SIZE } from '../core/safeHost';
import type { AnalyzedFolder } from './analyzedFolder';
import { codeActionsFor } from './codeActions';
import { codeLensesFor } from './codeLenses';
import { completeAt } from './completion';
import { documentLinks } from './documentLinks';
import type { DocumentOverlay } from './documentOverlay';
import type { FolderRegistry } from './folderRegistry';
import { checkCancelled, guardRequest, yieldThenCheck } from './guard';
import { findingHoverAt, withFindingHover } from './findingHover';
import { hoverAt } from './hover';
import type { PositionAdapter } from './lspPositions';
import { pathToUri } from './uris';

export interface FeatureContext {
  connection: Connection;
  overlay: DocumentOverlay;
  folders: FolderRegistry;
  positions: PositionAdapter;
  log: (message: string) => void;
}

interface OpenDocument {
  uri: string;
  path: string;
  text: string;
  folder: AnalyzedFolder;
  readonly parsed: ParsedFile;
  /** Every object of the buffer (read on first use). */
  readonly objects: K8sObject[];
  /** The objects that can hold `offset`: fewer to read or move than all of them in a large file. */
  objectsAround(offset: number): K8sObject[];
  offsetAt(position: Position): number;
}

export function registerDocumentFeatures(context: FeatureContext): void {
  const { connection, overlay, folders, positions, log } = context;

  /**
   * The open buffer behind a request, parsed through its folder's cache (parsed once per content). A buffer
   * over `syncplan.maxFileSize` is not parsed: the analysis says so with one `workspace/file-too-large` diagnostic.
   */
  const openDocument = (uri: string): OpenDocument | undefined => {
    const document = overlay.documents.get(uri);
    const path = document && overlay.pathOf(document);
    if (!document || !path) return undefined;
    const folder = folders.folderFor(path);
    const text = document.getText();
    if (isOverSizeCap(text, folder.settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE)) return undefined;
    return {
      uri,
      path,
      text,
      folder,
      // Parsed on first use: a hover right after a keystroke parses only the edited document (objectsAround).
      get parsed() {
        return folder.cache.parse(path, text);
      },
      get objects() {
        return folder.cache.objects(path, text);
      },
      objectsAround: (offset) => folder.cache.objectsAround(path, text, offset),
      offsetAt: (position) => positions.offset(path, text, position),
    };
  };
  const diagnosticContext = (folder: AnalyzedFolder) => {
    const gate = folder.gate();
    return {
      positions,
      readText: (file: string) => gate.readFile(file),
      uriFor: (file: string) => overlay.uriFor(file),
    };
  };

  // Requests answer from the folder's latest analysis, never waiting for the one an edit scheduled: their own
  // buffer is parsed as it is now, and findings are carried over to its text (textShift.ts).
  connection.onCompletion(
    guardRequest(log, 'completion', [], async ({ textDocument, position }, token) => {
      const started = performance.now();
      const doc = openDocument(textDocument.uri);
      if (!doc) return [];
      const parsed = doc.parsed;
      // Parsing a large buffer is the long part: a cancellation sent meanwhile is seen here.
      await yieldThenCheck(token, started);
      return completeAt({
        file: doc.path,
        text: doc.text,
        offset: doc.offsetAt(position),
        parsed,
        workspace: () => doc.folder.latest().workspace,
        range: (span) => positions.range(doc.path, doc.text, span),
      });
    }),
  );

  connection.onHover(
    guardRequest(log, 'hover', null, ({ textDocument, position }, token) => {
      const doc = openDocument(textDocument.uri);
      if (!doc) return null;
      checkCancelled(token);
      const offset = doc.offsetAt(position);
      const analysis = doc.folder.latest();
      const findings = doc.folder.findingsNow(analysis, doc.path);
      const answer = withFindingHover(hoverAt(doc.text, offset, doc.objectsAround(offset), { workspace: analysis.workspace, pending: analysis.generation < 0 }), findingHoverAt(findings, doc.path, offset));
      if (!answer) return null;
      return { contents: { kind: 'markdown' as const, value: answer.markdown }, range: positions.range(doc.path, doc.text, answer.span) };
    }),
  );

  connection.onCodeAction(
    guardRequest(log, 'code actions', [], async ({ textDocument, range, context: actionContext }, token) => {
      const started = performance.now();
      const doc = openDocument(textDocument.uri);
      if (!doc) return [];
      const objects = doc.objects;
      await yieldThenCheck(token, started);
      // Edits are computed against the buffer now: the findings' spans and fixes are carried over to it.
      const latest = doc.folder.latest();
      return codeActionsFor({
        file: doc.path,
        text: doc.text,
        span: { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) },
        only: actionContext.only,
        diagnostics: actionContext.diagnostics,
        objects,
        analysis: { ...latest, findings: doc.folder.findingsNow(latest, doc.path) },
        context: diagnosticContext(doc.folder),
      });
    }),
  );

  connection.onCodeLens(
    guardRequest(log, 'code lenses', [], ({ textDocument }, token) => {
      const doc = openDocument(textDocument.uri);
      if (!doc) return [];
      checkCancelled(token);
      return codeLensesFor(doc.uri, doc.objects, doc.folder.latest().workspace, (offset) => positions.position(doc.path, doc.text, offset), doc.path);
    }),
  );

  connection.onDocumentLinks(
    guardRequest(log, 'document links', [], ({ textDocument }, token) => {
      const doc = openDocument(textDocument.uri);
      if (!doc) return [];
      checkCancelled(token);
      return documentLinks(doc.parsed, doc.objects, doc.folder.gate(), doc.folder.root).map((link) => ({
        range: positions.range(doc.path, doc.text, link.span),
        target: overlay.documents.get(overlay.uriFor(link.target)) ? overlay.uriFor(link.target) : pathToUri(link.target),
      }));
    }),
  );
}

/** Whether the text's UTF-8 size is over `maxBytes` (the byte count is taken only when the length cannot decide). */
function isOverSizeCap(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  return text.length * 3 > maxBytes && Buffer.byteLength(text, 'utf8') > maxBytes;
}
