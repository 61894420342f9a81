// Carries findings of an analysed text over to the buffer as it is now, for requests answered from the latest
// analysis while the buffer has changed since: spans before the edited region stay, spans after it move by the
// length difference, and findings touching it are dropped (the analysis that follows reports them again).

import type { Finding, Span } from '../core/types';

/** The one region where two texts differ: `[start, oldEnd)` of the old text became `[start, newEnd)` of the new. */
export interface TextShift {
  start: number;
  oldEnd: number;
  newEnd: number;
  /** Whether the new text at `start` is a space, line break or the end: a span ending there was not extended. */
  startsClean?: boolean;
  /** Whether the new text before `newEnd` is a space, line break or the start: a span starting there was not extended. */
  endsClean?: boolean;
}

const isBreak = (code: number): boolean => Number.isNaN(code) || code === 32 || code === 9 || code === 10 || code === 13;

/** The edited region between two texts (common prefix and suffix), or undefined when they are equal. */
export function shiftBetween(before: string, after: string): TextShift | undefined {
  if (before === after) return undefined;
  const shortest = Math.min(before.length, after.length);
  let start = 0;
  // Whole blocks first: comparing slices is native and some thirty times faster than a loop over characters.
  while (start + BLOCK <= shortest && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd - BLOCK >= start && newEnd - BLOCK >= start && before.slice(oldEnd - BLOCK, oldEnd) === after.slice(newEnd - BLOCK, newEnd)) {
    oldEnd -= BLOCK;
    newEnd -= BLOCK;
  }
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd, startsClean: isBreak(after.charCodeAt(start)), endsClean: newEnd === 0 || isBreak(after.charCodeAt(newEnd - 1)) };
}

/** Characters compared at once by shiftBetween before it goes character by character. */
const BLOCK = 1024;

/**
 * A span of the old text in the new one, or undefined when the edit touched it. An edit right next to the span
 * touches it unless a space or line break separates them (typing `x` after `PreSnyc` changes the word).
 */
export function mapSpan(span: Span, shift: TextShift | undefined): Span | undefined {
  if (!shift || span.end < shift.start || (span.end === shift.start && shift.startsClean === true)) return span;
  if (span.start > shift.oldEnd || (span.start === shift.oldEnd && shift.endsClean === true)) {
    const delta = shift.newEnd - shift.oldEnd;
    return { start: span.start + delta, end: span.end + delta };
  }
  return undefined;
}

/** How each file changed since the analysis: undefined when it did not, `null` when that is unknown. */
export type ShiftOf = (file: string) => TextShift | undefined | null;

/**
 * The finding as it lies in the current texts: its span, related locations and fix edits moved, or undefined
 * when the edit touched its span. Related locations the edit touched are left out; a fix with an edit the edit
 * touched is left out (it would write over the user's new text).
 */
export function mapFinding(finding: Finding, shiftOf: ShiftOf): Finding | undefined {
  const move = (file: string, span: Span): Span | undefined => {
    const shift = shiftOf(file);
    return shift === null ? undefined : mapSpan(span, shift);
  };
  const span = move(finding.file, finding.span);
  if (!span) return undefined;
  let moved = span !== finding.span;
  const related = finding.related?.flatMap((r) => {
    const at = move(r.file, r.span);
    if (at !== r.span) moved = true;
    return at ? [{ ...r, span: at }] : [];
  });
  const fixes = finding.fixes?.flatMap((fix) => {
    const edits = fix.edits.map((e) => ({ edit: e, span: move(e.file, e.span) }));
    if (edits.some((e) => e.span !== e.edit.span)) moved = true;
    return edits.every((e) => e.span) ? [{ ...fix, edits: edits.map((e) => ({ ...e.edit, span: e.span as Span })) }] : [];
  });
  if (!moved) return finding;
  return { ...finding, span, ...(related ? { related } : {}), ...(fixes ? { fixes } : {}) };
}

/** The findings carried over to the current texts (see mapFinding); unchanged findings are returned as they are. */
export function mapFindings(findings: readonly Finding[], shiftOf: ShiftOf): Finding[] {
  return findings.flatMap((f) => {
    const mapped = mapFinding(f, shiftOf);
    return mapped ? [mapped] : [];
  });
}
