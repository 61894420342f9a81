// Helm template actions (`{{ ... }}`) are not YAML. We overwrite them with same-length filler so that the
// rest of the file parses and every offset still points at the original text.

import type { Span } from '../types';

export interface MaskedText {
  text: string;
  /** Spans of the original template actions. */
  templateSpans: Span[];
}

const ACTION = /\{\{[\s\S]*?\}\}/g;

export function hasTemplateActions(text: string): boolean {
  return text.includes('{{');
}

/**
 * Lines made only of actions (`{{- if .Values.x }}`) become blank; actions inside a value or key
 * become underscores, which YAML reads as a plain string.
 */
export function maskTemplateActions(text: string): MaskedText {
  const templateSpans: Span[] = [];
  for (const match of text.matchAll(ACTION)) {
    const start = match.index ?? 0;
    templateSpans.push({ start, end: start + match[0].length });
  }
  if (templateSpans.length === 0) return { text, templateSpans };
  const chars = text.split('');
  const controlOnlyLines = findControlOnlyLines(text, templateSpans);
  for (const span of templateSpans) {
    for (let i = span.start; i < span.end; i++) {
      if (chars[i] === '\n' || chars[i] === '\r') continue;
      chars[i] = controlOnlyLines.has(lineStartOf(text, i)) ? ' ' : '_';
    }
  }
  return { text: chars.join(''), templateSpans };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Start offsets of lines whose only non-blank content is template actions. */
function findControlOnlyLines(text: string, spans: Span[]): Set<number> {
  const result = new Set<number>();
  const stripped = text.split('');
  for (const span of spans) {
    for (let i = span.start; i < span.end; i++) if (stripped[i] !== '\n') stripped[i] = ' ';
  }
  const strippedText = stripped.join('');
  let lineStart = 0;
  for (const line of strippedText.split('\n')) {
    const original = text.slice(lineStart, lineStart + line.length);
    if (line.trim() === '' && original.includes('{{')) result.add(lineStart);
    lineStart += line.length + 1;
  }
  return result;
}

export function overlapsAny(span: Span, spans: readonly Span[]): boolean {
  return spans.some((s) => s.start < span.end && span.start < s.end);
}
