// Helm template actions (`{{ ... }}`) are not YAML. We overwrite them with same-length filler so that the
// rest of the file parses and every offset still points at the original text.
// Every step is one forward pass over the text (linear time), so an unclosed `{{` or a very long line in an
// untrusted workspace costs no more than reading it.

import type { Span } from '../types';

export interface MaskedText {
  text: string;
  /** Spans of the original template actions, in order and never overlapping. */
  templateSpans: Span[];
  /** Offset of a `{{` that is never closed; its span runs to the end of the text. */
  unclosedAt?: number;
}

export function hasTemplateActions(text: string): boolean {
  return text.includes('{{');
}

/**
 * Each `{{` up to the first `}}` after it, as the lazy pattern `\{\{[\s\S]*?\}\}` would match them.
 * Helm cannot render a file with an unclosed `{{` ("unclosed action"), so that action runs to the end of the text.
 */
export function findTemplateActions(text: string): { spans: Span[]; unclosedAt?: number } {
  const spans: Span[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start < 0) return { spans };
    const close = text.indexOf('}}', start + 2);
    if (close < 0) {
      spans.push({ start, end: text.length });
      return { spans, unclosedAt: start };
    }
    spans.push({ start, end: close + 2 });
    from = close + 2;
  }
}

/**
 * Lines made only of actions (`{{- if .Values.x }}`) become blank; actions inside a value or key
 * become underscores, which YAML reads as a plain string. Line breaks inside actions are kept.
 */
export function maskTemplateActions(text: string): MaskedText {
  const { spans: templateSpans, unclosedAt } = findTemplateActions(text);
  if (templateSpans.length === 0) return { text, templateSpans };
  const out: string[] = [];
  let firstSpan = 0;
  let nextOpen = -1;
  for (let lineStart = 0; lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    while (firstSpan < templateSpans.length && templateSpans[firstSpan].end <= lineStart) firstSpan++;
    // The next `{{` is searched again only once the lines have passed it, so the searches never overlap.
    if (nextOpen < lineStart && nextOpen !== Infinity) {
      const found = text.indexOf('{{', lineStart);
      nextOpen = found < 0 ? Infinity : found;
    }
    const hasOpen = nextOpen + 1 < lineEnd;
    // Lines after an unclosed `{{` are blank: Helm renders none of them.
    const afterUnclosed = unclosedAt !== undefined && lineStart > unclosedAt;
    const filler = afterUnclosed || (hasOpen && onlyActions(text, lineStart, lineEnd, templateSpans, firstSpan)) ? ' ' : '_';
    let pos = lineStart;
    for (let i = firstSpan; i < templateSpans.length && templateSpans[i].start < lineEnd; i++) {
      const from = Math.max(templateSpans[i].start, lineStart);
      const to = Math.min(templateSpans[i].end, lineEnd);
      out.push(text.slice(pos, from), text.slice(from, to).replace(/[^\r]/g, filler));
      pos = to;
    }
    out.push(text.slice(pos, lineEnd));
    if (newline < 0) break;
    out.push('\n');
    lineStart = newline + 1;
  }
  return { text: out.join(''), templateSpans, unclosedAt };
}

/** True when everything on the line outside the actions is blank. */
function onlyActions(text: string, lineStart: number, lineEnd: number, spans: readonly Span[], firstSpan: number): boolean {
  let pos = lineStart;
  for (let i = firstSpan; i < spans.length && spans[i].start < lineEnd; i++) {
    if (spans[i].start > pos && text.slice(pos, spans[i].start).trim() !== '') return false;
    pos = Math.max(pos, spans[i].end);
  }
  return pos >= lineEnd || text.slice(pos, lineEnd).trim() === '';
}

/** True when `span` overlaps one of `spans`, which must be in order and not overlap (as `findTemplateActions` gives). */
export function overlapsAny(span: Span, spans: readonly Span[]): boolean {
  // Binary search for the first span that ends after `span` starts.
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[middle].end <= span.start) low = middle + 1;
    else high = middle;
  }
  return low < spans.length && spans[low].start < span.end;
}
