// `{{` is only Helm's when Helm renders the file. Argo CD applies a directory or Kustomize source as plain YAML,
// so a file whose every `{{` sits inside a string (Prometheus alert texts, Argo Workflows parameters,
// ApplicationSet and Kargo expressions, notification templates) or a comment is read as written, not masked.

import { isScalar, visit, type Document } from 'yaml';
import type { Span } from '../types';

/**
 * Whether some action starts where YAML starts a node (a line's content, a list item, a value after `key:`, a
 * flow item) outside a block scalar: YAML reads `{{` there as a flow mapping, never as text, so the file is a
 * template. Cheap, and true for nearly every Helm template, so those are not parsed twice. Block scalars are
 * told by indentation alone; where that guesses wrong, the parse that follows decides.
 */
export function actionStartsANode(text: string, spans: readonly Span[]): boolean {
  let next = 0;
  /** The indentation of the line that opened the block scalar the scan is in, or -1. */
  let blockIndent = -1;
  for (let lineStart = 0; next < spans.length && lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const indent = line.length - line.trimStart().length;
    const blank = line.trim() === '';
    if (blockIndent >= 0 && !blank && indent <= blockIndent) blockIndent = -1;
    for (; next < spans.length && spans[next].start < lineEnd; next++) {
      const start = spans[next].start;
      if (start < lineStart || blockIndent >= 0) continue;
      if (NODE_START.test(text.slice(lineStart, start))) return true;
    }
    if (blockIndent < 0 && BLOCK_SCALAR_HEADER.test(line)) blockIndent = indent;
    lineStart = lineEnd + 1;
  }
  return false;
}

const NODE_START = /^(?:[ \t]*-)*[ \t]*$|:[ \t]+$|[[{,][ \t]*$/;
/** `key: |`, `- >-`, `key: |2` and the like, optionally followed by a comment. */
const BLOCK_SCALAR_HEADER = /(?:^|[:\-])[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/** Whether every action lies inside a string scalar of the parsed documents or in a comment. */
export function actionsInsideStrings(text: string, spans: readonly Span[], docs: readonly Document.Parsed[]): boolean {
  const strings: [number, number][] = [];
  for (const doc of docs) {
    visit(doc, {
      Scalar(_key, node) {
        if (isScalar(node) && typeof node.value === 'string' && node.range) strings.push([node.range[0], node.range[1]]);
      },
    });
  }
  strings.sort((a, b) => a[0] - b[0]);
  let at = 0;
  for (const span of spans) {
    while (at < strings.length && strings[at][1] < span.end) at++;
    const inside = at < strings.length && strings[at][0] <= span.start && span.end <= strings[at][1];
    if (!inside && !inComment(text, span)) return false;
  }
  return true;
}

/** A `#` that starts a comment earlier on the span's line (after a space or at the line's start). */
function inComment(text: string, span: Span): boolean {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  return /(?:^|[ \t])#/.test(text.slice(lineStart, span.start));
}
