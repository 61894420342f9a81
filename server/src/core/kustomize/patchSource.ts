// Loading patch documents (from a file or inline) and locating the lines that set a metadata key.

import { trimBlockScalarAtEnd } from '../parse/blockScalarAtEnd';
import { parseAllDocuments, isSeq, type Document } from 'yaml';
import type { SourceLocation, Span } from '../types';
import { parseTracked, readRestrictedFile, report, type RenderContext } from './context';
import { asRecord } from './ids';
import { locationOf, type Kustomization } from './kustomizationFile';
import type { JsonPatchOperation } from './jsonPatch';

/** One patch document, plus where its text lives so findings and added metadata can point into it. */
export interface PatchDocument {
  kind: 'strategic' | 'json6902';
  strategic?: Record<string, unknown>;
  operations?: JsonPatchOperation[];
  file: string;
  text: string;
  span: Span;
}

/** Loads a patch given by `path` (a file in the kustomization's folder) or inline `patch` text. */
export function loadPatchDocuments(
  ctx: RenderContext,
  k: Kustomization,
  source: { path?: string; inline?: string; node: unknown; at: SourceLocation },
): PatchDocument[] {
  if (source.path !== undefined) {
    const file = readRestrictedFile(ctx, k, source.path, source.at, 'patch file');
    if (!file) return [];
    const parsed = parseTracked(ctx, file.path);
    const docs = parsed?.documents.map((d) => d.doc) ?? [];
    return toPatchDocuments(ctx, docs, file.path, file.text, source.at);
  }
  if (source.inline !== undefined) {
    let docs: Document.Parsed[] = [];
    try {
      docs = parseAllDocuments(source.inline, { version: '1.1', logLevel: 'error' }) as Document.Parsed[];
      if (Array.isArray(docs) && docs.length > 0) trimBlockScalarAtEnd(docs[docs.length - 1], source.inline);
    } catch {
      docs = [];
    }
    const span = locationOf(k, source.node).span;
    return toPatchDocuments(ctx, Array.isArray(docs) ? docs : [docs], k.file, k.parsed.text, source.at, span);
  }
  return [];
}

function toPatchDocuments(ctx: RenderContext, docs: Document.Parsed[], file: string, text: string, at: SourceLocation, inlineSpan?: Span): PatchDocument[] {
  const out: PatchDocument[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      report(ctx, 'kustomize/invalid-patch', 'error', `The patch is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`, at);
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJSON();
    } catch (error) {
      // For example an alias to an anchor that does not exist: Kustomize cannot read the patch and the build fails.
      const reason = error instanceof Error ? error.message.split('\n')[0] : 'it cannot be read';
      report(ctx, 'kustomize/invalid-patch', 'error', `The patch is not valid YAML: ${reason.replace(/\.$/, '')}.`, at);
      continue;
    }
    const range = doc.range ?? [0, 0, 0];
    const span = inlineSpan ?? { start: range[0], end: range[2] };
    if (isSeq(doc.contents) || Array.isArray(value)) {
      const operations = (value as unknown[]).filter((op) => asRecord(op)) as JsonPatchOperation[];
      out.push({ kind: 'json6902', operations, file, text, span });
    } else if (asRecord(value)) {
      out.push({ kind: 'strategic', strategic: value as Record<string, unknown>, file, text, span });
    }
  }
  return out;
}


/** The spot in the patch text that names `key` (plain or JSON-pointer escaped), else the whole patch. */
export function locateKey(doc: PatchDocument, key: string): SourceLocation {
  const region = doc.text.slice(doc.span.start, doc.span.end);
  for (const needle of [key, key.replace(/~/g, '~0').replace(/\//g, '~1')]) {
    const index = region.indexOf(needle);
    if (index >= 0) return { file: doc.file, span: { start: doc.span.start + index, end: doc.span.start + index + needle.length } };
  }
  return { file: doc.file, span: doc.span };
}
