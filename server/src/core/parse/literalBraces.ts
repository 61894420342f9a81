// `{{` is only Helm's when Helm renders the file. Argo CD applies a directory or Kustomize source as plain YAML,
// so a file whose every `{{` sits inside a string (Prometheus alert texts, Argo Workflows parameters,
// ApplicationSet and Kargo expressions, notification templates) or a comment is read as written, not masked.
// Every check is one forward pass over the text and the actions (linear, however many actions share a line).

import { CST, Lexer } from 'yaml';
import type { Span } from '../types';

/**
 * Whether some action starts where YAML starts a node (a line's content, a list item, a value after `key: `, a
 * flow item) outside a block scalar: YAML reads `{{` there as a flow mapping, never as text, so the file is a
 * template. Cheap, and true for nearly every Helm template, so those are not parsed twice. Block scalars are
 * told by indentation alone; where that guesses wrong, the parse that follows decides.
 */
export function actionStartsANode(text: string, spans: readonly Span[]): boolean {
  let next = 0;
  /** The indentation of the line that opened the block scalar the scan is in, or -1. */
  let blockIndent = -1;
  /** Whether the last non-blank line leaves a value to the next line (`key:`, `-`); else a line may continue its plain scalar. */
  let valueOpen = true;
  for (let lineStart = 0; next < spans.length && lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const indent = indentOf(text, lineStart, lineEnd);
    const blank = lineStart + indent === lineEnd;
    if (blockIndent >= 0 && !blank && indent <= blockIndent) blockIndent = -1;
    const quotes = new QuoteTracker(text, lineStart);
    for (; next < spans.length && spans[next].start < lineEnd; next++) {
      const start = spans[next].start;
      if (start >= lineStart && blockIndent < 0 && startsANode(text, lineStart, start, valueOpen, quotes)) return true;
    }
    if (!blank) valueOpen = opensAValue(text, lineStart + indent, lineEnd);
    // A header is short; a long line is never one (and is not scanned again).
    if (blockIndent < 0 && lineEnd - lineStart < MAX_HEADER_LINE && BLOCK_SCALAR_HEADER.test(text.slice(lineStart, lineEnd))) blockIndent = indent;
    lineStart = lineEnd + 1;
  }
  return false;
}

/** `key: |`, `- >-`, `key: |2` and the like, optionally followed by a comment. */
const BLOCK_SCALAR_HEADER = /(?:^|[:\-])[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$/;
const MAX_HEADER_LINE = 4096;

function indentOf(text: string, from: number, to: number): number {
  let at = from;
  while (at < to && (text[at] === ' ' || text[at] === '\t')) at++;
  return at - from;
}

/**
 * Whether a line ends where a value is still to come: `key:`, a lone `-`, a document marker, a comment line (not
 * looked through). After any other line a more indented line may continue a multi-line plain scalar (an alert
 * text folded over lines), where `{{` at the line's start is text; the tokenizer tells those apart.
 */
function opensAValue(text: string, contentStart: number, lineEnd: number): boolean {
  let end = lineEnd;
  while (end > contentStart && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '\r')) end--;
  const last = text[end - 1];
  return text[contentStart] === '#' || last === ':' || last === '-';
}

/**
 * Whether the text just before `start` on its line makes `{{` a node's start: only blanks and `-` since the line
 * began (at the line's start only when the line before left a value open), or `:` plus blanks, or a flow
 * indicator plus blanks. Looks back over that run alone.
 */
function startsANode(text: string, lineStart: number, start: number, valueOpen: boolean, quotes: QuoteTracker): boolean {
  let at = start - 1;
  let blanks = 0;
  while (at >= lineStart && (text[at] === ' ' || text[at] === '\t')) {
    at--;
    blanks++;
  }
  if (at < lineStart) return valueOpen;
  const c = text[at];
  // After a quote the line has not closed, `: {{` may be text of a quoted string: the tokenizer decides.
  if (c === '[' || c === '{' || c === ',') return !quotes.openBefore(at);
  if (c === ':') return blanks > 0 && !quotes.openBefore(at);
  if (c !== '-' || blanks === 0) return false;
  // `- ` list markers back to the line's start.
  while (at >= lineStart && (text[at] === ' ' || text[at] === '\t' || (text[at] === '-' && (at === lineStart || text[at - 1] === ' ' || text[at - 1] === '\t')))) at--;
  return at < lineStart;
}

/**
 * Whether a quoted string is open at a place of one line: an odd number of `"` (not escaped) or `'` before it.
 * Places are asked in increasing order, so the line is read once however many actions it holds.
 */
class QuoteTracker {
  private at: number;
  private double = false;
  private single = false;

  constructor(
    private readonly text: string,
    lineStart: number,
  ) {
    this.at = lineStart;
  }

  openBefore(end: number): boolean {
    for (; this.at < end; this.at++) {
      const c = this.text[this.at];
      if (c === '"' && !this.single && this.text[this.at - 1] !== '\\') this.double = !this.double;
      else if (c === "'" && !this.double) this.single = !this.single;
    }
    return this.double || this.single;
  }
}

/**
 * Whether every action lies inside one scalar (plain, quoted or block) or comment as YAML's tokenizer splits the
 * text: then YAML reads it as text. Tokenizing is linear and much cheaper than a parse, and an action in a flow
 * collection (where `{` is an indicator) is told at once, so a hostile file is not parsed twice.
 */
export function actionsInsideScalars(text: string, spans: readonly Span[]): boolean {
  let offset = 0;
  let next = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'scalar') {
      // The marker before a scalar's source, which is the next token.
      scalarNext = true;
      continue;
    }
    if (type === 'doc-mode' || type === 'flow-error-end') continue;
    const end = offset + token.length;
    const holds = scalarNext || type === 'single-quoted-scalar' || type === 'double-quoted-scalar' || type === 'comment';
    scalarNext = false;
    for (; next < spans.length && spans[next].start < end; next++) {
      const span = spans[next];
      // The token must hold the action's own `{{` where the offsets say: a check that they line up.
      if (!holds || span.start < offset || span.end > end || !token.startsWith('{{', span.start - offset)) return false;
    }
    offset = end;
    if (next === spans.length) return true;
  }
  return next === spans.length;
}
