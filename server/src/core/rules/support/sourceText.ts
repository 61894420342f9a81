// Precise ranges inside written values, and the text edits quick fixes are made of.
// Every helper returns undefined rather than guess when the written text does not match the value.

import type { MetadataEntry } from '../../model/k8sObject';
import type { SourceLocation, Span, TextEdit } from '../../types';
import type { RuleContext } from '../ruleTypes';

export interface WrittenValue {
  /** The value's text between its quotes (or the plain scalar itself). */
  inner: string;
  innerStart: number;
  quote: '"' | "'" | '';
}

/** How the value at `at` is written, when its source text is exactly `expected` (no escapes, folding or block scalars). */
export function writtenValue(context: RuleContext, at: SourceLocation, expected: string): WrittenValue | undefined {
  const raw = context.textAt(at);
  if (raw === undefined) return undefined;
  let value: WrittenValue;
  if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0]) {
    value = { inner: raw.slice(1, -1), innerStart: at.span.start + 1, quote: raw[0] as '"' | "'" };
  } else {
    value = { inner: raw, innerStart: at.span.start, quote: '' };
  }
  return value.inner === expected ? value : undefined;
}

/** True when the source text at `at` contains a Helm template action: its value is unknown. */
export function isTemplatedAt(context: RuleContext, at: SourceLocation): boolean {
  return context.textAt(at)?.includes('{{') ?? false;
}

/** An annotation entry whose value rules may judge: literal text written by the user, not a Helm action. */
export function isJudgeable(context: RuleContext, entry: MetadataEntry | undefined): entry is MetadataEntry {
  if (!entry || entry.templated) return false;
  return entry.rendered === true || (!isTemplatedAt(context, entry.valueLocation) && !isTemplatedAt(context, entry.keyLocation));
}

export interface CsvItem {
  text: string;
  /** Where the trimmed item is written; the whole value when the written text cannot be matched. */
  location: SourceLocation;
  exact: boolean;
}

/** Items of a comma-separated value with their own ranges, trimmed like Argo CD does (empty items kept out). */
export function csvItems(context: RuleContext, entry: MetadataEntry): CsvItem[] {
  const value = entry.text ?? '';
  const written = entry.addedBy ? undefined : writtenValue(context, entry.valueLocation, value);
  const items: CsvItem[] = [];
  let offset = 0;
  for (const part of value.split(',')) {
    const text = part.trim();
    const lead = part.length - part.trimStart().length;
    if (text !== '') {
      items.push(
        written
          ? { text, exact: true, location: { file: entry.valueLocation.file, span: spanOf(written.innerStart + offset + lead, text.length) } }
          : { text, exact: false, location: entry.valueLocation },
      );
    }
    offset += part.length + 1;
  }
  return items;
}

function spanOf(start: number, length: number): Span {
  return { start, end: start + length };
}

const YAML11_SPECIAL = /^(y|n|yes|no|on|off|true|false|null|~)$/i;

/** Replaces the whole value, keeping its quote style; quotes it when a plain scalar would not read as this string. */
export function replaceValueEdit(context: RuleContext, entry: Pick<MetadataEntry, 'valueLocation' | 'text' | 'addedBy'>, newValue: string): TextEdit | undefined {
  if (entry.addedBy || entry.text === undefined) return undefined;
  const written = writtenValue(context, entry.valueLocation, entry.text);
  if (!written) return undefined;
  const file = entry.valueLocation.file;
  if (written.quote === "'" && !newValue.includes("'")) return { file, span: spanOf(written.innerStart, written.inner.length), newText: newValue };
  if (written.quote !== '' || !isPlainSafe(newValue)) return { file, span: entry.valueLocation.span, newText: JSON.stringify(newValue) };
  return { file, span: entry.valueLocation.span, newText: newValue };
}

export function isPlainSafe(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_.,=/+-]*$/.test(value) && !YAML11_SPECIAL.test(value);
}

/** Deletes whole lines from the line of `from` to the line of `to`, when nothing else is written on them. */
export function deleteLinesEdit(context: RuleContext, from: SourceLocation, to: SourceLocation, allowedPrefix = /^\s*$/): TextEdit | undefined {
  const text = context.textOf(from.file);
  if (text === undefined || from.file !== to.file) return undefined;
  const lineStart = text.lastIndexOf('\n', from.span.start - 1) + 1;
  const newline = text.indexOf('\n', to.span.end);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  if (!allowedPrefix.test(text.slice(lineStart, from.span.start))) return undefined;
  const rest = text.slice(to.span.end, newline < 0 ? text.length : newline);
  if (!/^\s*(#.*)?\r?$/.test(rest)) return undefined;
  return { file: from.file, span: { start: lineStart, end: lineEnd }, newText: '' };
}

/** Removes one annotation (its key and value lines) from a block mapping. */
export function removeEntryEdit(context: RuleContext, entry: MetadataEntry): TextEdit | undefined {
  if (entry.addedBy) return undefined;
  return deleteLinesEdit(context, entry.keyLocation, entry.valueLocation);
}

/** Rewrites a comma-separated value with `items`, or removes the annotation when none are left. */
export function rewriteCsvEdit(context: RuleContext, entry: MetadataEntry, items: string[]): TextEdit | undefined {
  return items.length === 0 ? removeEntryEdit(context, entry) : replaceValueEdit(context, entry, items.join(','));
}
