// Text edits that move entries between top-level fields of a kustomization, as `kustomize edit fix` would.

import { isSeq, stringify, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from '../../types';

/** The offset just after the last non-blank character before `end` (node ranges can run into the next line). */
function contentEnd(text: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** The lines a top-level pair occupies, when it starts its own line. */
function pairLines(text: string, pair: Pair): { start: number; end: number } | undefined {
  const keyRange = (pair.key as { range?: [number, number, number] }).range;
  const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
  if (!keyRange) return undefined;
  const start = lineStart(text, keyRange[0]);
  if (text.slice(start, keyRange[0]).trim() !== '') return undefined;
  return { start, end: lineEndAfter(text, contentEnd(text, valueRange ? valueRange[1] : keyRange[1])) };
}

/**
 * Replaces the deprecated top-level pair with `target: items`, or appends the items to an existing block
 * sequence `target` and deletes the deprecated pair. Undefined when the layout is not simple enough.
 */
export function moveToField(file: string, text: string, root: YAMLMap, deprecated: Pair, target: string, items: unknown[]): TextEdit[] | undefined {
  const old = pairLines(text, deprecated);
  if (!old) return undefined;
  const existing = root.items.find((p) => (p.key as { value?: unknown })?.value === target);
  if (!existing) {
    // Keep the column of the replaced key so the mapping stays aligned.
    const keyColumn = ' '.repeat((deprecated.key as { range: [number, number, number] }).range[0] - old.start);
    return [{ file, span: old, newText: indentLines(stringify({ [target]: items }, { indentSeq: false }), keyColumn) }];
  }
  const seq = existing.value;
  if (!isSeq(seq) || seq.flow || seq.items.length === 0 || !seq.range) return undefined;
  const firstItem = seq.items[0] as { range?: [number, number, number] };
  if (!firstItem.range) return undefined;
  // The `- ` of the first item sets the indentation for appended items.
  const dash = text.lastIndexOf('-', firstItem.range[0]);
  const indent = ' '.repeat(dash - lineStart(text, dash));
  const block = indentLines(stringify(items, { indentSeq: false }), indent);
  const insertAt = lineEndAfter(text, contentEnd(text, seq.range[1]));
  return [
    { file, span: old, newText: '' },
    { file, span: { start: insertAt, end: insertAt }, newText: block },
  ].sort((a, b) => b.span.start - a.span.start);
}

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => `${indent}${line}\n`)
    .join('');
}
