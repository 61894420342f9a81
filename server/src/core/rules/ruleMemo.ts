// Rule results kept between analyses. The results of the object rules for one object (or the file rules for one
// parsed file) are reused while the object is the same (renders and parses reused by the memo keep their
// objects) and every file text the rules read through the context is unchanged. A rule that looks at the
// workspace or the host for that object is run again every time.

import type { K8sObject } from '../model/k8sObject';
import { movedFinding, movedFrom } from '../model/movedObjects';
import type { ParsedFile } from '../parse/parseYamlFile';
import type { SyncPlan } from '../plan/planTypes';
import type { Finding, SourceLocation } from '../types';
import type { RuleContext } from './ruleTypes';

/** Per rule, its kept findings, or undefined when the rule must run every time. */
export interface Kept {
  /** What else the results depend on, compared as a string (an app's fields). */
  extra: string;
  results: (Finding[] | undefined)[];
  texts: Map<string, string | undefined>;
  /** Files whose `fileHasTemplates` the rules asked, with the answer. */
  templated: Map<string, boolean | undefined>;
  /** Slices the rules read (`textAt`), with the answer and the whole text it was cut from (the same string while unchanged). */
  slices: { at: SourceLocation; text: string | undefined; of: string | undefined }[];
  /** Results kept for an object that moved: the slices in `file` are read `delta` characters further on. */
  sliceShift?: { file: string; delta: number };
  /** The `key` of the workspace's health checks, when a rule asked for them. */
  health?: string;
  /** No rule must run again for this subject. */
  allKept: boolean;
}

export interface RuleMemo {
  objects: WeakMap<K8sObject, Kept>;
  /** App rules, by the app's plan (a reused plan is the same object) and its fields as `extra`. */
  apps: WeakMap<SyncPlan, Kept>;
  files: WeakMap<ParsedFile, Kept>;
  /** Counts subjects whose results were computed or reused, per kind (`object rules`, `file rules`). */
  count(kind: string, reused: boolean): void;
  /** A string for `parts` that stays the same object while every part is the same (see AnalysisMemo.stableKey). */
  stableKey(name: string, parts: readonly unknown[], make: () => string): string;
}

export function createRuleMemo(count: RuleMemo['count'], stableKey: RuleMemo['stableKey']): RuleMemo {
  return { objects: new WeakMap(), apps: new WeakMap(), files: new WeakMap(), count, stableKey };
}

/**
 * Every rule's findings for `subject` (one list per rule, in order): the kept ones while still valid, else
 * `run(index, context)` with a context that records what the rule reads.
 */
export function memoisedResults<S extends object>(
  store: WeakMap<S, Kept>,
  subject: S,
  rules: number,
  context: RuleContext,
  /** Runs rule `index` on the subject (one function for all subjects, so none is made per subject). */
  run: (subject: S, index: number, context: RuleContext) => Finding[],
  count: (reused: boolean) => void,
  extra = '',
  /** For a subject that is an earlier one moved in its file: the earlier one's kept results, moved (see movedKept). */
  keptForMove?: (subject: S) => Kept | undefined,
): Finding[][] {
  const previous = store.get(subject) ?? keptForMove?.(subject);
  if (
    previous &&
    previous.extra === extra &&
    (previous.texts.size === 0 || sameTexts(previous.texts, context)) &&
    (previous.templated.size === 0 || sameTemplated(previous.templated, context)) &&
    (previous.slices.length === 0 || sameSlices(previous.slices, context, previous.sliceShift)) &&
    (previous.health === undefined || previous.health === context.healthChecks().key)
  ) {
    if (store.get(subject) !== previous) store.set(subject, previous);
    count(true);
    // Every rule's results kept: the same lists, no copy (most subjects, on every analysis).
    if (previous.allKept) return previous.results as Finding[][];
    return previous.results.map((kept, index) => kept ?? run(subject, index, context));
  }
  const texts = new Map<string, string | undefined>();
  const templated = new Map<string, boolean | undefined>();
  const slices: Kept['slices'] = [];
  let health: string | undefined;
  let pure = true;
  const tracked: RuleContext = {
    get workspace() {
      pure = false;
      return context.workspace;
    },
    get host() {
      pure = false;
      return context.host;
    },
    root: context.root,
    textOf(file) {
      const text = context.textOf(file);
      texts.set(file, text);
      return text;
    },
    parsedFile(file) {
      texts.set(file, context.textOf(file));
      return context.parsedFile(file);
    },
    textAt(at) {
      const text = context.textAt(at);
      slices.push({ at, text, of: context.textOf(at.file) });
      return text;
    },
    fileHasTemplates(file) {
      const answer = context.fileHasTemplates(file);
      templated.set(file, answer);
      return answer;
    },
    healthChecks() {
      const answer = context.healthChecks();
      health = answer.key;
      return answer;
    },
  };
  const results: Finding[][] = [];
  const kept: (Finding[] | undefined)[] = [];
  for (let index = 0; index < rules; index++) {
    pure = true;
    results.push(run(subject, index, tracked));
    kept.push(pure ? results[index] : undefined);
  }
  store.set(subject, { extra, results: kept, texts, templated, slices, ...(health === undefined ? {} : { health }), allKept: kept.every((k) => k !== undefined) });
  count(false);
  return results;
}

function sameTexts(texts: ReadonlyMap<string, string | undefined>, context: RuleContext): boolean {
  for (const [file, text] of texts) if (context.textOf(file) !== text) return false;
  return true;
}

function sameTemplated(templated: ReadonlyMap<string, boolean | undefined>, context: RuleContext): boolean {
  for (const [file, answer] of templated) if (context.fileHasTemplates(file) !== answer) return false;
  return true;
}

/**
 * The kept results of the object `object` was moved from, with every place in its file moved along: valid for the
 * copy when the rules read nothing of that file but slices (moved too) and whether it has templates. A rule that
 * read the whole text of the file is checked against the edited text and so runs again.
 */
export function movedKept(store: WeakMap<K8sObject, Kept>, object: K8sObject): Kept | undefined {
  const move = movedFrom(object);
  const kept = move && store.get(move.from);
  if (!move || !kept) return undefined;
  const file = object.source.file;
  // Most objects have no findings and a few slices: those are shifted where they are read (sameSlices), not copied.
  // An object stays in its file, so an earlier shift is in the same file.
  const delta = (kept.sliceShift?.delta ?? 0) + move.delta;
  const results = kept.results.some((list) => list !== undefined && list.length > 0)
    ? kept.results.map((list) => list && (list.length === 0 ? list : list.map((f) => movedFinding(f, file, move.delta))))
    : kept.results;
  return { ...kept, results, sliceShift: { file, delta } };
}

/**
 * Whether every slice still reads the same: at once when its file is the same string, else cut again. Slices in
 * `shift.file` are read `shift.delta` characters further on (kept results of a moved object).
 */
function sameSlices(slices: Kept['slices'], context: RuleContext, shift: Kept['sliceShift']): boolean {
  for (const slice of slices) {
    const now = context.textOf(slice.at.file);
    if (now === slice.of) continue;
    const delta = shift?.file === slice.at.file ? shift.delta : 0;
    if (now?.slice(slice.at.span.start + delta, slice.at.span.end + delta) !== slice.text) return false;
    // Checked against this text from now on, and the old one is let go. Slices are shared by moved copies, and
    // a copy is checked only against a newer text than the one it came from, so this never lets a stale one pass.
    slice.of = now;
  }
  return true;
}
