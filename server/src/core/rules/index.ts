// Runs every registered rule over a workspace analysis. Rules never throw past this point.

import type { AppAnalysis, WorkspaceAnalysis } from '../discover/appTypes';
import type { K8sObject } from '../model/k8sObject';
import { parseYamlFile, type ParsedFile } from '../parse/parseYamlFile';
import type { FileHost, Finding } from '../types';
import type { Rule, RuleContext } from './ruleTypes';
import { ALL_RULES } from './registry';
import { memoisedResults, movedKept, type RuleMemo } from './ruleMemo';
import { appParts } from '../incremental/appParts';
import { textFileFacts, workspaceHealth, type FileFacts, type WorkspaceHealth } from './support/workspaceHealth';

export { ALL_RULES } from './registry';
export { RULE_CODES, RULE_DOCS_URL, RULE_DOCS_BASE } from './ruleCodes';
export { applySeverities, parseSyncplanConfig, type SeveritySetting, type SyncplanConfig } from './severityConfig';

export function runRules(workspace: WorkspaceAnalysis, rules: readonly Rule[] = ALL_RULES, host?: FileHost, parse?: ParseFunction, memo?: RuleMemo): Finding[] {
  const steps = runRulesInSteps(workspace, rules, host, parse, memo);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Subjects (objects, apps) checked between two pauses of `runRulesInSteps`. */
const SUBJECTS_PER_STEP = 400;

/** `runRules`, pausing every few hundred subjects so the language server can answer requests in between. */
export function* runRulesInSteps(
  workspace: WorkspaceAnalysis,
  rules: readonly Rule[] = ALL_RULES,
  host?: FileHost,
  parse?: ParseFunction,
  memo?: RuleMemo,
  /** Facts of each manifest file's text (health checks); the analysis keeps them over reported file changes. */
  fileFacts?: FileFacts,
): Generator<undefined, Finding[], undefined> {
  const context = createRuleContext(workspace, host, parse, fileFacts);
  // Kept results are valid for this rule list only (the analysis passes the registry's).
  const kept = rules === ALL_RULES ? memo : undefined;
  const findings: Finding[] = [];
  const seenObjects = new Set<string>();
  const objects: K8sObject[] = [];
  for (const app of workspace.apps) {
    for (const object of app.objects) {
      // The same source object rendered by two overlays is checked once per distinct set of annotations and
      // labels, so an overlay's own patched annotation is judged whichever overlay renders the base first.
      let key = objectKeys.get(object);
      if (key === undefined) objectKeys.set(object, (key = `${object.id}\u0000${metadataFingerprint(object)}`));
      if (seenObjects.has(key)) continue;
      seenObjects.add(key);
      objects.push(object);
    }
  }
  // Each object's results for every rule, then emitted rule by rule (the order findings always had).
  const checkObject = (object: K8sObject, index: number, ctx: RuleContext): Finding[] => {
    const rule = rules[index];
    return rule.checkObject ? safely(rule, object.source.file, () => rule.checkObject?.(object, ctx)) : [];
  };
  const countObject = kept && ((reused: boolean) => kept.count('object rules', reused));
  const objectMoved = kept && ((o: K8sObject) => movedKept(kept.objects, o));
  const objectResults: Finding[][][] = [];
  for (const object of objects) {
    objectResults.push(kept && countObject ? memoisedResults(kept.objects, object, rules.length, context, checkObject, countObject, '', objectMoved) : rules.map((_, i) => checkObject(object, i, context)));
    if (objectResults.length % SUBJECTS_PER_STEP === 0) yield;
  }
  const fileRules = rules.some((rule) => rule.checkFile);
  const parsedFiles = fileRules ? workspace.files.filter((f) => rules.some((rule) => rule.checkFile && (rule.appliesToFile?.(f) ?? false))).map((path) => ({ path, parsed: context.parsedFile(path) })) : [];
  const checkFile = (parsed: ParsedFile, index: number, ctx: RuleContext): Finding[] => {
    const rule = rules[index];
    return rule.checkFile && (rule.appliesToFile?.(parsed.path) ?? false) ? safely(rule, parsed.path, () => rule.checkFile?.(parsed, ctx)) : [];
  };
  const countFile = (reused: boolean) => kept?.count('file rules', reused);
  const fileResults = parsedFiles.map(({ parsed }) => {
    if (!parsed) return rules.map(() => []);
    return kept ? memoisedResults(kept.files, parsed, rules.length, context, checkFile, countFile) : rules.map((_, i) => checkFile(parsed, i, context));
  });
  const checkApp = (app: AppAnalysis) => (_plan: unknown, index: number, ctx: RuleContext): Finding[] => {
    const rule = rules[index];
    return rule.checkApp ? safely(rule, app.definedBy?.source.file ?? app.path, () => rule.checkApp?.(app, ctx)) : [];
  };
  yield;
  const appResults: Finding[][][] = [];
  for (const app of workspace.apps) {
    const extra = kept && kept.stableKey(`app rules:${app.id}`, appParts(app), () => appFields(app) ?? `unique:${Math.random()}`);
    appResults.push(
      kept && extra !== undefined
        ? memoisedResults(kept.apps, app.plan, rules.length, context, checkApp(app), (reused) => kept.count('app rules', reused), extra)
        : rules.map((_, i) => checkApp(app)(app.plan, i, context)),
    );
    if (appResults.length % SUBJECTS_PER_STEP === 0) yield;
  }
  // Emitted rule by rule (objects, then apps, then files); most results are empty, so only non-empty ones are gathered.
  const byRule: Finding[][][] = rules.map(() => []);
  for (const subjects of [objectResults, appResults, fileResults]) {
    for (const results of subjects) for (const i of nonEmpty(results)) byRule[i].push(results[i]);
  }
  for (const lists of byRule) for (const list of lists) for (const f of list) findings.push(f);
  return findings;
}

/** Everything of an app but its plan and objects (which the plan stands for), for kept app rule results. */
function appFields(app: AppAnalysis): string | undefined {
  const { plan: _plan, objects, definedBy, generatedBy, refs, ...fields } = app;
  try {
    const where = (o: K8sObject | undefined) => o && [o.id, o.source.file, o.source.span, o.source.anchor, o.body];
    return JSON.stringify([fields, where(definedBy), where(generatedBy), refs && [...refs], objects.length]);
  } catch {
    return undefined;
  }
}

/** Which rules found something, per subject's results; kept results are the same array, so this is worked out once. */
const nonEmptyIndexes = new WeakMap<Finding[][], number[]>();

function nonEmpty(results: Finding[][]): number[] {
  let indexes = nonEmptyIndexes.get(results);
  if (!indexes) {
    indexes = [];
    for (let i = 0; i < results.length; i++) if (results[i].length > 0) indexes.push(i);
    nonEmptyIndexes.set(results, indexes);
  }
  return indexes;
}

/** Each object's dedupe key, computed once per object (objects are kept between analyses). */
const objectKeys = new WeakMap<K8sObject, string>();

function metadataFingerprint(object: K8sObject): string {
  const entries = [...object.annotations.values(), ...object.labels.values()];
  return entries.map((e) => `${e.key}=${String(e.value)}@${e.valueLocation.file}:${e.valueLocation.span.start}`).join('\u0001');
}

/** Parses a file's text; the analysis passes its parse cache, so rules re-use the parses it already has. */
export type ParseFunction = (file: string, text: string) => ParsedFile;

export function createRuleContext(workspace: WorkspaceAnalysis, host?: FileHost, parse: ParseFunction = parseYamlFile, fileFacts?: FileFacts): RuleContext {
  const texts = new Map<string, string | undefined>();
  const parsed = new Map<string, ParsedFile | undefined>();
  const textOf = (file: string): string | undefined => {
    if (!texts.has(file)) texts.set(file, host?.readFile(file));
    return texts.get(file);
  };
  const parsedFile = (file: string): ParsedFile | undefined => {
    if (!parsed.has(file)) {
      const text = textOf(file);
      parsed.set(file, text === undefined ? undefined : parse(file, text));
    }
    return parsed.get(file);
  };
  const templated = new Map<string, boolean | undefined>();
  let health: WorkspaceHealth | undefined;
  return {
    workspace,
    root: workspace.root,
    host,
    textOf,
    textAt(at) {
      return textOf(at.file)?.slice(at.span.start, at.span.end);
    },
    fileHasTemplates(file) {
      // As the parse reads it: `{{` inside strings and comments of plain YAML is text (parse/literalBraces.ts).
      if (!templated.has(file)) templated.set(file, parsedFile(file)?.templated);
      return templated.get(file);
    },
    healthChecks() {
      health ??= workspaceHealth(workspace, fileFacts ?? textFileFacts(workspace.files, textOf));
      return health;
    },
    parsedFile,
  };
}

/** A rule bug must not stop the analysis nor pass silently: it becomes a finding in plain words, nothing on stderr. */
function safely(rule: Rule, file: string, run: () => Finding[] | undefined): Finding[] {
  try {
    return run() ?? [];
  } catch {
    return [{
      code: 'syncplan/internal-error',
      severity: 'error',
      message: `SyncPlan's check "${rule.code}" (${rule.title}) stopped on an internal problem here, so its results for this place are missing. This is a SyncPlan bug; please report it.`,
      file,
      span: { start: 0, end: 0 },
    }];
  }
}
