// ApplicationSets of a workspace expanded statically into the Applications the controller would generate.

import { isMap, parseAllDocuments, type Document, type YAMLMap } from 'yaml';
import type { K8sObject } from '../model/k8sObject';
import { objectFromNode } from '../model/readObjects';
import { dirnameOf, joinPath } from '../paths';
import type { FileHost, Finding } from '../types';
import { inChartTemplates } from '../helm/chartTemplates';
import { APPSET_CODES } from './appsetCodes';
import { isClusterSecret } from './clusterGenerator';
import { expandApplicationSet, type AppSetExpansion } from './expandApplicationSet';
import { templateLocation } from './generatedApplication';
import { planRollingSync, progressiveSyncsEnabled } from './rollingSync';
import { asRecord, type GeneratorContext } from './generatorTypes';

export type { AppSetExpansion } from './expandApplicationSet';
export type { RollingSyncPlan, RollingSyncStep } from './rollingSync';
export { APPSET_CODE_LIST } from './appsetCodes';

export interface AppSetInput {
  host: FileHost;
  root: string;
  files: readonly string[];
  /** The `templates` folders of the workspace's charts (helm/chartTemplates.ts): ApplicationSets there are not written ones. */
  chartTemplates: ReadonlySet<string>;
  objectsByFile: ReadonlyMap<string, K8sObject[]>;
  isWorkspaceRepository: (repoURL: string | undefined) => boolean;
  repositoryKnown: boolean;
  /** `files` read as a dependency of the expansion in progress (the analysis memo records it). */
  fileList?: () => readonly string[];
  /**
   * Keeps expansions between analyses: `key` names the ApplicationSet, `shared` every other input besides what
   * the expansion reads through `host` and `fileList` (the same for every ApplicationSet of the analysis).
   */
  memoize?: (key: string, shared: string, compute: () => AppSetExpansion) => AppSetExpansion;
}

const SYNC_WAVE = 'argocd.argoproj.io/sync-wave';
const NEW_FILE_GLOBBING = 'applicationsetcontroller.enable.new.git.file.globbing';

export function isApplicationSet(object: Pick<K8sObject, 'group' | 'kind'>): boolean {
  return object.group === 'argoproj.io' && object.kind === 'ApplicationSet';
}

export interface AppSetExpansions {
  /** The written ApplicationSets' expansions, each with its findings. */
  expansions: AppSetExpansion[];
  /**
   * Expands an ApplicationSet an app renders (a chart's template) or builds, with the same workspace facts
   * (cluster Secrets, settings) as the written ones. Absent when reading the workspace's ApplicationSets failed.
   */
  expandRendered?: (appset: K8sObject) => AppSetExpansion;
}

export function expandApplicationSets(input: AppSetInput): AppSetExpansions {
  // Only these objects matter here; each file's are picked out once per parse.
  const all = [...input.objectsByFile.values()].flatMap(relevantObjects);
  const context = {
    files: input.files,
    listFiles: input.fileList,
    repoRoot: repositoryRoot(input.host, input.root),
    readFile: (path: string) => input.host.readFile(path),
    isWorkspaceRepository: input.isWorkspaceRepository,
    repositoryKnown: input.repositoryKnown,
    clusterSecrets: all.filter(isClusterSecret),
    newGitFileGlobbing: all.some((o) => o.kind === 'ConfigMap' && o.name === 'argocd-cmd-params-cm' && String(asRecord(o.body.data)?.[NEW_FILE_GLOBBING]) === 'true'),
  };
  const expansions: AppSetExpansion[] = [];
  const progressiveSyncs = progressiveSyncsEnabled(all);
  // Everything an expansion depends on besides the ApplicationSet and what it reads.
  // A file holding several templated ApplicationSets is parsed unmasked once, not once per ApplicationSet.
  const unmaskedParses = new Map<string, { text: string; docs: Document.Parsed[] }>();
  const shared = !input.memoize ? '' : JSON.stringify([context.repoRoot, context.repositoryKnown, context.newGitFileGlobbing, progressiveSyncs.enabled, progressiveSyncs.configMap && objectKey(progressiveSyncs.configMap), context.clusterSecrets.map((s) => [s.id, s.body])]);
  const expandKept = (appset: K8sObject): AppSetExpansion => {
    const expand = (): AppSetExpansion => expandOne(input, context, appset, progressiveSyncs, unmaskedParses);
    return input.memoize ? input.memoize(objectKey(appset), shared, expand) : expand();
  };
  for (const written of all.filter(isApplicationSet)) {
    // One in a chart's templates is expanded as the chart renders it (expandRendered), never as written.
    if (inChartTemplates(input.chartTemplates, written.source.file)) continue;
    expansions.push(expandKept(written));
  }
  return { expansions, expandRendered: expandKept };
}

/**
 * The findings of ApplicationSets apps render, one per template place and message: a template that renders one
 * ApplicationSet per item of a list would otherwise put the same finding on its line once per item.
 */
export function renderedExpansionFindings(expansions: readonly AppSetExpansion[]): Finding[] {
  const groups = new Map<string, { finding: Finding; first: string; others: Set<string> }>();
  for (const expansion of expansions) {
    for (const finding of expansion.findings) {
      const key = `${finding.file}:${finding.span.start}:${finding.span.end}:${finding.code}:${finding.message}`;
      const group = groups.get(key);
      if (!group) groups.set(key, { finding, first: expansion.appset.name, others: new Set() });
      else if (expansion.appset.name !== group.first) group.others.add(expansion.appset.name);
    }
  }
  return [...groups.values()].map(({ finding, others: named }) => {
    const others = [...named];
    if (others.length === 0) return finding;
    const names = others.length > MAX_NAMES ? `${others.slice(0, MAX_NAMES).join(', ')} and ${others.length - MAX_NAMES} more` : others.join(', ');
    const also = `The same holds for ${others.length} more ApplicationSet${others.length === 1 ? '' : 's'} this template renders: ${names}.`;
    return { ...finding, detail: finding.detail ? `${finding.detail} ${also}` : also };
  });
}

/** ApplicationSets named in one merged finding. */
const MAX_NAMES = 10;

/** A key naming the object and where it is written (its findings point into the file); written once per object. */
function objectKey(object: K8sObject): string {
  let key = objectKeys.get(object);
  if (key !== undefined) return key;
  try {
    key = JSON.stringify([object.id, object.source.file, object.source.span, object.source.anchor, object.source.templated, object.body]);
  } catch {
    key = `unique:${Math.random()}`;
  }
  objectKeys.set(object, key);
  return key;
}

const objectKeys = new WeakMap<K8sObject, string>();

/** The objects this module looks at: ApplicationSets, cluster Secrets and argocd-cmd-params-cm. */
function relevantObjects(objects: readonly K8sObject[]): readonly K8sObject[] {
  let relevant = relevantByFile.get(objects);
  if (!relevant) {
    relevant = objects.filter((o) => isApplicationSet(o) || isClusterSecret(o) || (o.kind === 'ConfigMap' && o.name === 'argocd-cmd-params-cm'));
    relevantByFile.set(objects, relevant);
  }
  return relevant;
}

const relevantByFile = new WeakMap<readonly K8sObject[], readonly K8sObject[]>();

function expandOne(
  input: AppSetInput,
  context: Omit<GeneratorContext, 'mode' | 'caveats' | 'partial'>,
  written: K8sObject,
  progressiveSyncs: ReturnType<typeof progressiveSyncsEnabled>,
  parses: Map<string, { text: string; docs: Document.Parsed[] }>,
): AppSetExpansion {
  {
    const appset = unmasked(input.host, written, parses);
    if (!appset) return { appset: written, expandable: false, reason: 'its file is not valid YAML before Helm rendering', apps: [], findings: [], caveats: [] };
    let expansion: AppSetExpansion;
    try {
      expansion = expandApplicationSet(appset, context);
      const rolling = planRollingSync(expansion, progressiveSyncs);
      expansion.rollingSync = rolling.plan;
      expansion.findings.push(...rolling.findings);
      expansion.findings.push(...waveFindings(appset));
    } catch (e) {
      // Self-referencing YAML aliases and the like: report, never stop the analysis.
      const reason = `SyncPlan failed while expanding it (${e instanceof Error ? e.message : String(e)})`;
      const finding: Finding = { code: 'syncplan/internal-error', severity: 'error', message: `ApplicationSet ${appset.name}: ${reason}.`, file: appset.source.file, span: appset.source.anchor };
      expansion = { appset, expandable: false, reason, apps: [], findings: [finding], caveats: [] };
    }
    return expansion;
  }
}

/** The parser masks `{{ }}` as Helm actions; an ApplicationSet needs its template text as written. */
function unmasked(host: FileHost, object: K8sObject, parses: Map<string, { text: string; docs: Document.Parsed[] }>): K8sObject | undefined {
  // Helm's output, a file read as written and a document without actions are read as they are (a Kustomize
  // build's changes included): their `{{ }}` are the ApplicationSet's own template.
  if (object.source.rendered || !object.source.templated) return object;
  const text = host.readFile(object.source.file);
  if (text === undefined || object.id.slice(object.id.lastIndexOf('#') + 1).includes('.')) return undefined;
  try {
    // Each document's nodes go to the one object read from that document, so sharing the parse shares no node.
    let parsed = parses.get(object.source.file);
    if (parsed?.text !== text) {
      const doc = parseAllDocuments(text, { version: '1.2', logLevel: 'error' });
      parsed = { text, docs: (Array.isArray(doc) ? doc : [doc]) as Document.Parsed[] };
      parses.set(object.source.file, parsed);
    }
    const found = parsed.docs[object.source.docIndex];
    if (!found || found.errors.length > 0 || !isMap(found.contents)) return undefined;
    const file = { path: object.source.file, text, templated: false, templateSpans: [], documents: [] };
    return objectFromNode(file as never, found.contents as YAMLMap, object.id, object.source.docIndex);
  } catch {
    return undefined;
  }
}

/** Waves in the template are ignored; waves on the ApplicationSet only order its creation in the parent. */
function waveFindings(appset: K8sObject): Finding[] {
  const findings: Finding[] = [];
  const template = asRecord(asRecord(asRecord(appset.body.spec)?.template)?.metadata);
  if (asRecord(template?.annotations)?.[SYNC_WAVE] !== undefined) {
    findings.push({
      code: APPSET_CODES.templateWaveIgnored.code,
      severity: APPSET_CODES.templateWaveIgnored.severity,
      message: 'This sync-wave orders nothing: generated Applications are not part of any parent sync.',
      detail: `The sync-wave in the template of ApplicationSet ${appset.name} orders nothing: the Applications it generates are not part of any parent sync. Use a RollingSync strategy to order them.`,
      ...templateLocation({ appset }, ['metadata', 'annotations', SYNC_WAVE]),
    });
  }
  const wave = appset.annotations.get(SYNC_WAVE);
  if (wave) {
    findings.push({
      code: APPSET_CODES.waveOrdersCreationOnly.code,
      severity: APPSET_CODES.waveOrdersCreationOnly.severity,
      message: "This wave orders the ApplicationSet's creation only; the next wave does not wait for its Applications to sync.",
      detail: `The sync-wave on ApplicationSet ${appset.name} orders when the ApplicationSet is created; its health is Healthy once its Applications exist, so the next wave does not wait for them to sync.`,
      file: wave.keyLocation.file,
      span: { start: wave.keyLocation.span.start, end: wave.valueLocation.span.end },
    });
  }
  return findings;
}

/** Git generator paths are relative to the checkout root: the nearest folder holding `.git`, else the workspace root. */
function repositoryRoot(host: FileHost, root: string): string {
  let dir = root;
  for (;;) {
    if (host.readDir(joinPath(dir, '.git')) !== undefined || host.readFile(joinPath(dir, '.git')) !== undefined) return dir;
    const parent = dirnameOf(dir);
    if (parent === dir) return root;
    dir = parent;
  }
}

/** ApplicationSets whose Applications exist only live (pull-request or SCM generators), matched by their name template. */
export function ephemeralApplications(expansions: readonly AppSetExpansion[]): { appset: K8sObject; matches: (name: string) => boolean }[] {
  const result: { appset: K8sObject; matches: (name: string) => boolean }[] = [];
  for (const { appset } of expansions) {
    const spec = asRecord(appset.body.spec);
    if (!usesLiveScm(spec?.generators)) continue;
    const name = asRecord(asRecord(spec?.template)?.metadata)?.name;
    if (typeof name !== 'string' || !name.includes('{{')) continue;
    const pattern = name.split(/\{\{.*?\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+');
    const regex = new RegExp(`^${pattern}$`);
    result.push({ appset, matches: (candidate) => regex.test(candidate) });
  }
  return result;
}

/** True when a pullRequest or scmProvider generator appears, also inside matrix or merge (depth-limited). */
function usesLiveScm(value: unknown, depth = 0): boolean {
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => usesLiveScm(v, depth + 1));
  return Object.entries(value as Record<string, unknown>).some(([key, v]) => key === 'pullRequest' || key === 'scmProvider' || usesLiveScm(v, depth + 1));
}
