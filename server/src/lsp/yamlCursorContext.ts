// Where the cursor sits in a YAML document, worked out from indentation so it also works on the
// half-typed lines that are not valid YAML yet (an empty line, `argocd.argoproj.io/ho`, `key: "Pre`).

import type { Span } from '../core/types';

export interface CursorContext {
  /** Keys from the document root down to the map or list the cursor is in; `[]` marks a list item. */
  path: string[];
  /** `key`: typing a map key (or on an empty line); `value`: after `key:`; `item`: after `- `. */
  position: 'key' | 'value' | 'item';
  /** For `value`: the key written on this line. */
  key?: string;
  /** The text typed so far of the word being completed, and the span completion replaces. */
  prefix: string;
  replace: Span;
  /** Set when the cursor is inside a quoted scalar. */
  quote?: '"' | "'";
  /** For `value`: the comma-separated items of the value other than the one being typed. */
  otherItems: string[];
  /** For `value`: true when an earlier item precedes the one being typed. */
  afterComma: boolean;
  /** For `key`: a `:` already follows the key, so only the key is replaced. */
  colonFollows: boolean;
  /** Offsets of the YAML document (between `---` markers) holding the cursor. */
  document: Span;
}

const DOCUMENT_MARKER = /^(---|\.\.\.)(\s|$)/;

interface LineShape {
  /** Column of a leading `- `, if any. */
  dash?: number;
  /** Column and text of a `key:` on the line, and whether a value follows it on the same line. */
  keyColumn?: number;
  key?: string;
  hasInlineValue: boolean;
}

export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndRaw = text.indexOf('\n', offset);
  const lineEnd = lineEndRaw < 0 ? text.length : lineEndRaw;
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd).replace(/\r$/, '');
  if (before.trimStart().startsWith('#') || DOCUMENT_MARKER.test(before)) return undefined;
  const document = documentAround(text, lineStart, lineEnd);
  const lead = /^( *)(- +)?/.exec(before) as RegExpExecArray;
  const indent = lead[1].length;
  const dashLength = lead[2]?.length ?? 0;
  const contentStart = lineStart + indent + dashLength;
  const typed = before.slice(indent + dashLength);
  const colon = /^(.*?):(?: +|$)/.exec(typed);
  const path = parentPath(text, document.start, lineStart, dashLength > 0 ? indent : indent + dashLength, dashLength > 0);
  const base = { path, otherItems: [], afterComma: false, colonFollows: false, document };
  if (colon && !isQuotedKeyOpen(colon[1])) {
    const key = unquote(colon[1].trim());
    const valueStart = contentStart + colon[0].length;
    const value = valueContext(text.slice(valueStart, offset), valueStart, after);
    return value ? { ...base, ...value, position: 'value', key } : undefined;
  }
  if (typed.includes('#')) return undefined;
  const rest = /^[^\s:]*/.exec(after)?.[0] ?? '';
  const position = dashLength > 0 ? 'item' : 'key';
  return {
    ...base,
    position,
    prefix: typed,
    replace: { start: contentStart, end: offset + rest.length },
    colonFollows: /^[^\s:]*:/.test(after),
  };
}

type ValueParts = Pick<CursorContext, 'prefix' | 'replace' | 'quote' | 'otherItems' | 'afterComma'>;

/** The typed part of a value: quotes, comma-separated items, and the item under the cursor. */
function valueContext(typed: string, valueStart: number, after: string): ValueParts | undefined {
  const quote = typed.startsWith('"') ? '"' : typed.startsWith("'") ? "'" : undefined;
  const inner = quote ? typed.slice(1) : typed;
  // After the closing quote, or after a comment, there is nothing to complete.
  if ((quote && inner.includes(quote)) || (!quote && /(^|\s)#/.test(inner))) return undefined;
  const innerStart = valueStart + (quote ? 1 : 0);
  const comma = inner.lastIndexOf(',');
  const itemOffset = comma + 1 + (/^ */.exec(inner.slice(comma + 1))?.[0].length ?? 0);
  const prefix = inner.slice(itemOffset);
  const stop = quote ? new RegExp(`[,${quote}]`) : /[,\s#]/;
  const restMatch = stop.exec(after);
  const restLength = restMatch ? restMatch.index : after.length;
  const afterItems = after.slice(restLength).replace(new RegExp(`${quote ?? ''}.*$`), '');
  const otherItems = [...inner.slice(0, Math.max(comma, 0)).split(','), ...afterItems.split(',')].map((s) => s.trim()).filter(Boolean);
  const cursor = valueStart + typed.length;
  return { prefix, replace: { start: innerStart + itemOffset, end: cursor + restLength }, quote, otherItems, afterComma: comma >= 0 };
}

/** Keys of the enclosing maps and lists, found by walking up to lines that are less indented. */
function parentPath(text: string, documentStart: number, lineStart: number, column: number, isItem: boolean): string[] {
  const path: string[] = [];
  let target = column;
  let targetIsItem = isItem;
  let end = lineStart - 1;
  while (end > documentStart) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const shape = lineShape(text.slice(start, end).replace(/\r$/, ''));
    end = start - 1;
    if (!shape) continue;
    if (shape.keyColumn !== undefined && shape.key !== undefined && !shape.hasInlineValue) {
      const parentOfItem = targetIsItem && shape.keyColumn <= target;
      if (parentOfItem || (!targetIsItem && shape.keyColumn < target)) {
        path.push(shape.key);
        target = shape.keyColumn;
        targetIsItem = false;
        if (shape.dash !== undefined) {
          path.push('[]');
          target = shape.dash;
          targetIsItem = true;
        }
        continue;
      }
    }
    if (shape.dash !== undefined && shape.dash < target) {
      path.push('[]');
      target = shape.dash;
      targetIsItem = true;
      continue;
    }
    const column = shape.dash ?? shape.keyColumn;
    if (column !== undefined && column < target && !targetIsItem) break;
  }
  return path.reverse();
}

function lineShape(line: string): LineShape | undefined {
  const match = /^( *)(- +)?(.*)$/.exec(line) as RegExpExecArray;
  const body = match[3];
  if ((body.trim() === '' && !match[2]) || body.startsWith('#')) return undefined;
  const dash = match[2] ? match[1].length : undefined;
  const keyMatch = /^("[^"]*"|'[^']*'|[^\s#'"{[\]}][^#]*?) *:(?: +(.*)|$)/.exec(body);
  if (!keyMatch) return { dash, hasInlineValue: true, keyColumn: dash === undefined ? match[1].length : undefined };
  const value = (keyMatch[2] ?? '').replace(/(^|\s)#.*$/, '').trim();
  return {
    dash,
    keyColumn: match[1].length + (match[2]?.length ?? 0),
    key: unquote(keyMatch[1]),
    hasInlineValue: value !== '' && !/^[|>][-+0-9]*$/.test(value) && !value.startsWith('&'),
  };
}

function documentAround(text: string, lineStart: number, lineEnd: number): Span {
  let start = lineStart;
  while (start > 0) {
    const previous = text.lastIndexOf('\n', start - 2) + 1;
    if (DOCUMENT_MARKER.test(text.slice(previous, start))) break;
    start = previous;
  }
  let end = lineEnd;
  while (end < text.length) {
    const next = text.indexOf('\n', end + 1);
    const lineEndNext = next < 0 ? text.length : next;
    if (DOCUMENT_MARKER.test(text.slice(end + 1, lineEndNext))) break;
    end = lineEndNext;
  }
  return { start, end };
}

function isQuotedKeyOpen(key: string): boolean {
  const trimmed = key.trim();
  return (trimmed.startsWith('"') && !trimmed.endsWith('"')) || (trimmed.startsWith("'") && !trimmed.endsWith("'"));
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}
