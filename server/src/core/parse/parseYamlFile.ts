// Parses one YAML file into documents with source ranges. Never throws: syntax errors become findings.

import { parseAllDocuments, type Document } from 'yaml';
import { isStackOverflow, isStackOverflowMessage } from '../stackOverflow';
import type { Finding, Span } from '../types';
import { trimBlockScalarAtEnd } from './blockScalarAtEnd';
import { dropCollectionKeys } from './collectionKeys';
import { compactDocument } from './compactTree';
import { dropDuplicateKeys, type RefusedDuplicate } from './duplicateKeys';
import { actionsInsideScalars, actionStartsANode } from './literalBraces';
import { hasTemplateActions, maskTemplateActions } from './templateMask';
import { goYamlTags } from './goYamlTags';

export interface ParsedDocument {
  index: number;
  /** The `yaml` document with its CST-derived ranges; offsets are into the original text. */
  doc: Document.Parsed;
  span: Span;
  /** True when the document could not be parsed cleanly (its content may be partial). */
  hasErrors: boolean;
  /** The first duplicate key Kustomize refuses, as offsets from `span.start` (they stay right when the document moves). */
  refusedDuplicate?: RefusedDuplicate;
  /** Entries of earlier `annotations:` blocks of metadata that Kustomize merges into the last one (see duplicateKeys). */
  earlierAnnotations?: Record<string, string>;
}

export interface ParsedFile {
  path: string;
  text: string;
  documents: ParsedDocument[];
  /** True when the file contains Helm template actions. */
  templated: boolean;
  templateSpans: Span[];
  problems: Finding[];
}

export function parseYamlFile(path: string, text: string): ParsedFile {
  let templated = hasTemplateActions(text);
  let docs: Document.Parsed[] | undefined;
  if (templated) {
    // Valid YAML whose every `{{` is inside a string or comment is what Argo CD applies as written. Each `{{` is
    // judged where it stands, whether or not a `}}` closes it (a comment may say `"{{" must be escaped`).
    const braces = braceSpans(text);
    if (!actionStartsANode(text, braces) && actionsInsideScalars(crAsLineBreak(text), braces)) {
      const literal = parseDocuments(text);
      if (Array.isArray(literal) && literal.every((d) => d.errors.length === 0)) {
        docs = literal;
        templated = false;
      }
    }
  }
  const masked = templated ? maskTemplateActions(text) : { text, templateSpans: [] };
  const problems: Finding[] = [];
  if (!docs) {
    const parsed = parseDocuments(masked.text);
    if (!Array.isArray(parsed)) {
      problems.push(parseFailure(path, text, parsed.error));
      return { path, text, documents: [], templated, templateSpans: masked.templateSpans, problems };
    }
    docs = parsed;
  }
  if (docs.length > 0) trimBlockScalarAtEnd(docs[docs.length - 1], text);
  // Problems are listed document by document, so a parse of one document alone lists them the same way.
  const documents: ParsedDocument[] = [];
  docs.forEach((doc, index) => {
    problems.push(...dropCollectionKeys(path, doc, !templated));
    const duplicates = dropDuplicateKeys(path, doc, !templated);
    problems.push(...duplicates);
    compactDocument(doc);
    const parsed = toParsedDocument(doc, index);
    if (duplicates.earlierAnnotations) parsed.earlierAnnotations = duplicates.earlierAnnotations;
    if (duplicates.refused) {
      const { key, earlier, later } = duplicates.refused;
      parsed.refusedDuplicate = { key, earlier: earlier - parsed.span.start, later: later - parsed.span.start };
    }
    documents.push(parsed);
    problems.push(...documentProblems(path, parsed, templated));
  });
  if (masked.unclosedAt !== undefined) {
    problems.push({
      code: 'parse/templated',
      severity: 'info',
      message: 'This file has a Helm "{{" that is never closed, so Helm cannot render it (unclosed action); SyncPlan reads the file only up to it.',
      file: path,
      span: { start: masked.unclosedAt, end: masked.unclosedAt + 2 },
    });
  } else if (templated && documents.some((d) => d.hasErrors)) {
    problems.push({
      code: 'parse/templated',
      severity: 'info',
      message: 'This file contains Helm template actions and is not plain YAML; SyncPlan read what it could and skips the rest.',
      file: path,
      span: { start: 0, end: Math.min(text.indexOf('\n') >>> 0, text.length) },
    });
  }
  return { path, text, documents, templated, templateSpans: masked.templateSpans, problems };
}

/** Every `{{` of the text, as two-character spans in order (`{{{` holds two). */
function braceSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 1)) spans.push({ start: at, end: at + 2 });
  return spans;
}

/** The documents of `text`, or what the parser threw. */
function parseDocuments(text: string): Document.Parsed[] | { error: unknown } {
  try {
    // Kubernetes reads manifests with a YAML 1.1 parser (sigs.k8s.io/yaml), so `yes` and `on` are booleans there too.
    // uniqueKeys off: duplicates are not fatal for Argo CD either; dropDuplicateKeys keeps the last value.
    // logLevel 'error': the library's warnings would go to stderr; what matters becomes a finding instead.
    const docs = parseAllDocuments(crAsLineBreak(text), { version: '1.1', customTags: goYamlTags, prettyErrors: false, uniqueKeys: false, logLevel: 'error' }) as Document.Parsed[] | Document.Parsed;
    return Array.isArray(docs) ? docs : [docs];
  } catch (error) {
    return { error };
  }
}

function toParsedDocument(doc: Document.Parsed, index: number): ParsedDocument {
  const range = doc.range ?? [0, 0, 0];
  return { index, doc, span: { start: range[0], end: range[2] }, hasErrors: doc.errors.length > 0 };
}

function documentProblems(path: string, doc: ParsedDocument, templated: boolean): Finding[] {
  if (templated) return [];
  return doc.doc.errors.map((error) => isStackOverflowMessage(error.message) ? tooDeep(path, { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) }) : ({
    code: 'parse/yaml-error',
    severity: 'error' as const,
    message: `YAML syntax error: ${firstLine(error.message)}; Argo CD cannot render the app.`,
    detail: `YAML syntax error: ${firstLine(error.message)}. Argo CD cannot render this file, so the whole application fails to sync.`,
    file: path,
    span: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) },
  }));
}

function parseFailure(path: string, text: string, error: unknown): Finding {
  // The `yaml` library runs out of JavaScript stack on nesting a few thousand levels deep.
  if (isStackOverflow(error)) return tooDeep(path, { start: 0, end: Math.min(1, text.length) });
  return {
    code: 'parse/yaml-error',
    severity: 'error',
    message: `YAML could not be read: ${firstLine(String(error instanceof Error ? error.message : error))}`,
    file: path,
    span: { start: 0, end: Math.min(1, text.length) },
  };
}

/** SyncPlan's limit, not Argo CD's: Go's YAML readers accept nesting up to 10,000 levels. */
function tooDeep(path: string, span: Finding['span']): Finding {
  return {
    code: 'parse/too-deep',
    severity: 'warning',
    message: 'This YAML is nested too deeply for SyncPlan to read in full; the plan may miss parts of this file.',
    detail:
      "The file nests more levels than SyncPlan's YAML reader can follow. Argo CD's reader accepts up to 10,000 levels, so the file may sync; SyncPlan plans what it read up to there and marks the application incomplete.",
    file: path,
    span,
  };
}

/** Go's YAML reader (libyaml) takes a lone CR as a line break; the `yaml` library does not. Same length, so
 * every offset still points into the original text. */
function crAsLineBreak(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
