// Reads suppression directives: `# syncplan-disable-next-line CODE[, CODE]`, `# syncplan-disable-file CODE`
// (YAML comments) and the `syncplan.dev/ignore: CODE,...` annotation. No code listed means every code.

import type { K8sObject } from '../model/k8sObject';
import type { Span } from '../types';

export const IGNORE_ANNOTATION = 'syncplan.dev/ignore';

export interface SuppressedCode {
  code: string;
  /** Where the code is written, for the unused-suppression hint. */
  span: Span;
}

export interface Directive {
  kind: 'next-line' | 'file' | 'annotation';
  file: string;
  /** Codes it silences; empty means all codes. */
  codes: SuppressedCode[];
  /** Where the directive itself is written (the comment, or the annotation value). */
  span: Span;
  /** The range of text whose findings it silences. */
  scope: Span;
}

const COMMENT = /^([ \t]*#[ \t]*)syncplan-disable-(next-line|file)\b([^\n]*)$/gm;

/** Directives written as comments in one file's text. */
export function commentDirectives(file: string, text: string): Directive[] {
  if (!text.includes('syncplan-disable-')) return [];
  const directives: Directive[] = [];
  for (const match of text.matchAll(COMMENT)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const codesAt = start + match[1].length + 'syncplan-disable-'.length + match[2].length;
    const codes = codeList(match[3], codesAt);
    const kind = match[2] === 'file' ? 'file' : 'next-line';
    const scope = kind === 'file' ? { start: 0, end: text.length } : nextContentLine(text, end);
    directives.push({ kind, file, codes, span: { start, end }, scope });
  }
  return directives;
}

/** The `syncplan.dev/ignore` annotation of an object silences findings inside the object's document. */
export function annotationDirective(object: K8sObject, text: string | undefined): Directive | undefined {
  const entry = object.annotations.get(IGNORE_ANNOTATION);
  if (!entry || typeof entry.text !== 'string' || entry.addedBy) return undefined;
  const location = entry.valueLocation;
  if (location.file !== object.source.file) return undefined;
  // The written value starts after an opening quote when there is one.
  const quoted = text !== undefined && /["']/.test(text[location.span.start] ?? '');
  const codes = codeList(entry.text, location.span.start + (quoted ? 1 : 0)).map((c) => ({ ...c, span: within(c.span, location.span) }));
  return { kind: 'annotation', file: object.source.file, codes, span: location.span, scope: object.source.span };
}

/** Codes separated by commas or spaces; `-- why` at the end is a free comment, as in ESLint. */
function codeList(text: string, offset: number): SuppressedCode[] {
  const body = text.split(/\s--\s|\s--$/)[0];
  return [...body.matchAll(/[^\s,]+/g)].map((m) => ({ code: m[0], span: { start: offset + (m.index ?? 0), end: offset + (m.index ?? 0) + m[0].length } }));
}

function within(span: Span, outer: Span): Span {
  return span.end <= outer.end ? span : outer;
}

/** The first line after `from` that is neither blank nor a comment (stacked directives share it). */
function nextContentLine(text: string, from: number): Span {
  let start = text.indexOf('\n', from);
  while (start >= 0) {
    start += 1;
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line.trim() !== '' && !line.trim().startsWith('#')) return { start, end: end < 0 ? text.length : end };
    if (end < 0) break;
    start = end;
  }
  return { start: text.length, end: text.length };
}
