// Objects that are copies of earlier ones moved within their file (the language server's parse cache moves the
// objects of unchanged YAML documents after an edit instead of reading them again). Results kept for the earlier
// object hold for the copy with every place in that file moved by the same amount.

import type { Finding, SourceLocation } from '../types';
import type { K8sObject } from './k8sObject';

export interface Move {
  from: K8sObject;
  /** Characters every place of the object moved by, in its own file. */
  delta: number;
}

const moves = new WeakMap<K8sObject, Move>();

/** Records that `copy` is `from` moved by `delta` characters, with the same id and content. */
export function noteMoved(copy: K8sObject, from: K8sObject, delta: number): void {
  // One step back only: the earlier object lets go of its own predecessor, so versions do not pile up.
  moves.delete(from);
  moves.set(copy, { from, delta });
}

export function movedFrom(object: K8sObject): Move | undefined {
  return moves.get(object);
}

/** `at` moved by `delta` when it lies in `file`. */
export function movedLocation<T extends SourceLocation>(at: T, file: string, delta: number): T {
  return at.file === file ? { ...at, span: { start: at.span.start + delta, end: at.span.end + delta } } : at;
}

/** A finding with its places in `file` (its own, its fixes' edits, related places) moved by `delta`. */
export function movedFinding(finding: Finding, file: string, delta: number): Finding {
  const moved: Finding = movedLocation(finding, file, delta);
  if (finding.fixes) moved.fixes = finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => movedLocation(edit, file, delta)) }));
  if (finding.related) moved.related = finding.related.map((r) => movedLocation(r, file, delta));
  return moved;
}

/**
 * `compute` memoised per object for facts of its content alone (no places): a moved copy shares the answer of
 * the object it was moved from, so a keystroke does not work them out again for every object after it. The
 * answer is shared: callers must not change it.
 */
export function perContent<T>(compute: (object: K8sObject) => T): (object: K8sObject) => T {
  const answers = new WeakMap<K8sObject, T>();
  return (object) => {
    if (answers.has(object)) return answers.get(object) as T;
    const from = movedFrom(object)?.from;
    const answer = from && answers.has(from) ? (answers.get(from) as T) : compute(object);
    answers.set(object, answer);
    return answer;
  };
}
