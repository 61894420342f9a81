// A ParseCache that re-parses only the YAML documents an edit touched. A file is split at its
// `---` lines (YAML forbids a document marker inside any scalar, so the split is exact); a document
// whose text is unchanged keeps its parse, with every range moved by how far the document moved.

import { isCollection, isNode, isPair, type Document } from 'yaml';
import type { K8sObject } from '../core/model/k8sObject';
import { readObjects } from '../core/model/readObjects';
import { parseYamlFile, type ParsedFile } from '../core/parse/parseYamlFile';
import { hasTemplateActions } from '../core/parse/templateMask';
import { ParseCache } from '../core/workspaceFiles';

interface Piece {
  start: number;
  text: string;
}

interface Chunk extends Piece {
  /** Parse of `text`, with ranges already moved to `start`. */
  parsed: ParsedFile;
}

interface FileEntry {
  text: string;
  parsed: ParsedFile;
  objects?: K8sObject[];
  chunks?: Chunk[];
}

const MARKER_LINE = /^---(?:[ \t]|\r?$)/;

export class IncrementalParseCache extends ParseCache {
  private readonly files = new Map<string, FileEntry>();

  override parse(path: string, text: string): ParsedFile {
    const cached = this.files.get(path);
    if (cached && cached.text === text) return cached.parsed;
    const pieces = splitDocuments(text);
    if (!pieces) {
      const parsed = parseYamlFile(path, text);
      this.files.set(path, { text, parsed });
      return parsed;
    }
    const reusable = new Map<string, Chunk[]>();
    for (const chunk of cached?.chunks ?? []) reusable.set(chunk.text, [...(reusable.get(chunk.text) ?? []), chunk]);
    const chunks = pieces.map((piece): Chunk => {
      const old = reusable.get(piece.text)?.shift();
      if (old) {
        moveRanges(old.parsed, piece.start - old.start);
        return { ...piece, parsed: old.parsed };
      }
      const parsed = parseYamlFile(path, piece.text);
      moveRanges(parsed, piece.start);
      return { ...piece, parsed };
    });
    // An error running into the next `---` (an unclosed quote) is reported one character differently by the
    // whole-file parser, so such a file is parsed whole until the error is fixed.
    const parsed: ParsedFile = chunks.some(endsInError) ? parseYamlFile(path, text) : {
      path,
      text,
      documents: chunks.flatMap((c) => c.parsed.documents).map((d, index) => ({ ...d, index })),
      templated: false,
      templateSpans: [],
      problems: chunks.flatMap((c) => c.parsed.problems),
    };
    this.files.set(path, { text, parsed, chunks });
    return parsed;
  }

  override objects(path: string, text: string): K8sObject[] {
    const parsed = this.parse(path, text);
    const entry = this.files.get(path) as FileEntry;
    entry.objects ??= readObjects(parsed);
    return entry.objects;
  }

  override forget(path: string): void {
    this.files.delete(path);
  }
}

function endsInError(chunk: Chunk, index: number, chunks: Chunk[]): boolean {
  const end = chunk.start + chunk.text.length;
  return index < chunks.length - 1 && chunk.parsed.documents.some((d) => d.doc.errors.some((e) => e.pos[1] >= end));
}

/** The file cut before each `---` line; undefined when it needs the whole-file parser (templates, directives, `...`). */
export function splitDocuments(text: string): Piece[] | undefined {
  if (hasTemplateActions(text) || /^(%|\.\.\.(\s|$))/m.test(text)) return undefined;
  const starts = [0];
  for (let lineStart = 0; lineStart < text.length; ) {
    const next = text.indexOf('\n', lineStart);
    const lineEnd = next < 0 ? text.length : next;
    if (lineStart > 0 && MARKER_LINE.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 5)))) starts.push(lineStart);
    lineStart = lineEnd + 1;
  }
  // Comments before the first `---` belong to that document, not to a document of their own.
  if (starts.length > 1 && !hasContent(text.slice(0, starts[1]))) starts.splice(1, 1);
  return starts.map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length) }));
}

function hasContent(text: string): boolean {
  return text.split('\n').some((line) => !/^[\s\uFEFF]*(#.*)?$/.test(line));
}

/** Moves every offset of a parse by `delta`: node and document ranges, error positions and problem spans. */
function moveRanges(parsed: ParsedFile, delta: number): void {
  if (delta === 0) return;
  for (const document of parsed.documents) {
    const doc = document.doc as Document.Parsed;
    moveRange(doc.range, delta);
    moveNode(doc.contents, delta);
    for (const error of [...doc.errors, ...doc.warnings]) error.pos = [error.pos[0] + delta, error.pos[1] + delta];
    document.span = { start: document.span.start + delta, end: document.span.end + delta };
  }
  parsed.problems = parsed.problems.map((p) => ({ ...p, span: { start: p.span.start + delta, end: p.span.end + delta } }));
}

/** In place: each range array belongs to exactly one node of a parse that only this cache holds. */
function moveNode(node: unknown, delta: number): void {
  if (isPair(node)) {
    moveNode(node.key, delta);
    moveNode(node.value, delta);
    return;
  }
  if (!isNode(node)) return;
  if (node.range) moveRange(node.range, delta);
  if (isCollection(node)) for (const item of node.items) moveNode(item, delta);
}

function moveRange(range: number[], delta: number): void {
  range[0] += delta;
  range[1] += delta;
  range[2] += delta;
}
