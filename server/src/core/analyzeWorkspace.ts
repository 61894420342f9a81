// The one entry point of the analysis core: files in, applications with their sync plans and findings out.

import { addRenderedChildren, linkChildren } from './appOfApps';
import { ephemeralApplications, expandApplicationSets, isApplicationSet, renderedExpansionFindings } from './appset';
import { discoverApplications } from './discover/discoverApplications';
import { isWorkspaceRepository, readWorkspaceRepository } from './discover/workspaceRepository';
import type { AppAnalysis, AppSource, WorkspaceAnalysis } from './discover/appTypes';
import { renderSource, type RenderContext, type RenderedSource } from './discover/renderSource';
import { crdApiVersions } from './helm';
import { chartTemplateFolders, inChartTemplates } from './helm/chartTemplates';
import { BuildCache, renderKustomization, type KustomizeOverrides, type KustomizeResult } from './kustomize';
import type { AnalysisMemo } from './incremental/analysisMemo';
import type { TrackingHost } from './incremental/trackingHost';
import { analyzeKargo, checkProjectOrder } from './kargo';
import { KARGO_GROUP } from './kargo/kargoObjects';
import { isApplication, type K8sObject } from './model/k8sObject';
import { withPartialAppSetTargets } from './partialAppSetTargets';
import { isYamlFile, relativePath } from './paths';
import { SafeHost } from './safeHost';
import { guarded } from './stageGuard';
import { buildSyncPlan } from './plan/buildSyncPlan';
import type { SyncPlan } from './plan/planTypes';
import { runRulesInSteps } from './rules';
import { manifestFiles, type FileFacts } from './rules/support/workspaceHealth';
import { applySuppressions } from './suppress/applySuppressions';
import type { Finding, FileHost } from './types';
import { listWorkspaceFiles, ParseCache, patchWorkspaceFiles } from './workspaceFiles';
import { fingerprintObjects } from './incremental/fingerprint';
import { compactKey } from './incremental/digest';
import { withSameParts } from './incremental/appParts';
import type { ParsedFile } from './parse/parseYamlFile';
import { dropTemplateParsesUnusedSinceLastSweep } from './gotemplate';

export interface AnalyzeOptions {
  /** Glob patterns, relative to the root, to leave out. */
  exclude?: readonly string[];
  /** Render Kustomize folders natively (default true). When off, their files are read as plain manifests. */
  kustomize?: boolean;
  /** A parse cache kept between runs (the language server keeps one per workspace). */
  cache?: ParseCache;
  /** Files larger than this many bytes are skipped with a finding (default 10 MB). */
  maxFileSize?: number;
  /** Renders kept between runs, reused while what they read is unchanged (the language server keeps one per workspace). */
  memo?: AnalysisMemo;
  /** Apps rendered by other apps (app-of-apps charts) followed in one analysis (default 1,000). */
  maxRenderedApps?: number;
}

export function analyzeWorkspace(diskHost: FileHost, root: string, options: AnalyzeOptions = {}): WorkspaceAnalysis {
  const steps = analyzeWorkspaceInSteps(diskHost, root, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The analysis as a generator that pauses between its stages, so the language server can answer requests in
 * between and drop an analysis an edit has made stale. Reads happen while it runs: whoever drives it must not
 * resume it after the files changed (start a new one instead; the memo copes with the abandoned one).
 */
export function* analyzeWorkspaceInSteps(diskHost: FileHost, root: string, options: AnalyzeOptions = {}): Generator<undefined, WorkspaceAnalysis, undefined> {
  const host = new SafeHost(diskHost, root, options.maxFileSize);
  const cache = options.cache ?? new ParseCache();
  const memo = options.memo;
  const stage = <T>(name: string, run: () => T): T => (memo ? memo.timed(name, run) : run());
  const files = stage('list', () =>
    memo
      ? memo.listing(JSON.stringify([root, options.exclude ?? []]), () => listWorkspaceFiles(host, root, options), (previous, changed) => patchWorkspaceFiles(host, root, previous, changed, options))
      : listWorkspaceFiles(host, root, options),
  );
  const findings: Finding[] = [];
  // Renders read through `reader`, which records their reads when a memo is kept.
  // Discovery depends on what each Kustomize build refers to and reads, not on everything the build read.
  const buildSummary = (dir: string): string => summaryOf(renderKustomize(dir));
  const reader = memo?.begin(host, files, (key) => (key.startsWith('kustomize:') ? buildSummary(key.slice('kustomize:'.length)) : undefined)) ?? host;
  // Not before: the listing and the memo's start belong together (an abandoned analysis leaves the memo consistent).
  yield;
  const objectsByFile = new Map<string, K8sObject[]>();
  // Files with suppression comments, kept so suppressions need no second read.
  const directiveTexts = new Map<string, string>();
  // Chart templates are what Helm renders from them, never objects as written.
  const chartTemplates = chartTemplateFolders(files);
  stage('parse', () => {
  for (const file of files.filter(isYamlFile)) {
    guarded(findings, () => `reading ${relativePath(root, file)}`, file, undefined, () => {
      const text = host.readFile(file);
      if (text === undefined) return;
      const parsed = cache.parse(file, text);
      // A chart template is checked as Helm renders it (helm/render-error, the rendered objects' rules): what
      // its text reads as on its own, masked or not, is no finding.
      if (!inChartTemplates(chartTemplates, file)) findings.push(...parsed.problems);
      if (hasDirectives(parsed)) directiveTexts.set(file, text);
      objectsByFile.set(file, cache.objects(file, text));
    });
  }
  });

  yield;
  const renders = new Map<string, KustomizeResult>();
  // Folder builds are shared by every render of this analysis; with a memo, a render using a kept build counts
  // that build's reads as its own.
  const builds = new BuildCache(memo ? (reader as TrackingHost) : undefined);
  const renderKustomize = (dir: string, overrides?: KustomizeOverrides): KustomizeResult => {
    // Application-level options change the output, so such renders are cached apart.
    const key = overrides ? `${dir}\u0000${JSON.stringify({ ...overrides, location: undefined })}` : dir;
    const build = (shared?: BuildCache): KustomizeResult => renderKustomization(reader, dir, (p, t) => cache.parse(p, t), overrides, shared);
    // The memo shares whole builds within and between runs and counts a shared build's reads for each app using it.
    const label = (): string => `building the Kustomize folder ${relativePath(root, dir) || '.'}`;
    // Guarded outside the memo, so a build that fails is reported on every run and never cached.
    const memo = options.memo;
    if (memo) return guarded(findings, label, dir, failedBuild(), () => memo.kustomize(key, () => build(builds)));
    let result = renders.get(key);
    if (!result) {
      result = guarded(findings, label, dir, failedBuild(), () => build(builds));
      renders.set(key, result);
    }
    return result;
  };
  const kustomize = options.kustomize ?? true;
  const repository = readWorkspaceRepository(host, root);
  const appsets = stage('appsets', () => guarded(findings, 'expanding the ApplicationSets', root, { expansions: [] } as ReturnType<typeof expandApplicationSets>, () =>
    expandApplicationSets({
      host: reader,
      root,
      files,
      chartTemplates,
      // The list is read through the memo, so an expansion that used it is redone when it changes.
      fileList: () => memo?.fileList(files) ?? files,
      objectsByFile,
      isWorkspaceRepository: (url) => isWorkspaceRepository(repository, url),
      repositoryKnown: repository.urls.length > 0,
      memoize: memo && ((key, shared, compute) => memo.query('appset', key, compute, `${repository.urls.join(' ')}\u0000${shared}`)),
    }),
  ));
  yield;
  const generatedApplications = appsets.expansions.flatMap((e) => e.apps.map((object) => ({ object, appset: e.appset })));
  const discover = (): AppSource[] =>
    discoverApplications({
      host: reader,
      root,
      get files() {
        return memo?.fileList(files) ?? files;
      },
      objectsByFile,
      cache,
      kustomize,
      renderKustomize: memo ? (dir) => summarised(reader as TrackingHost, dir, () => renderKustomize(dir)) : renderKustomize,
      generatedApplications,
    });
  const sources = stage('discover', () =>
    guarded(findings, 'finding the applications', root, [], () => {
      if (!memo) return discover();
      // Kept while the Applications, ApplicationSets and which files hold objects are the same, and what it read.
      const key = discoveryKey(memo, objectsByFile, generatedApplications, kustomize);
      const before = findings.length;
      const found = memo.query('discover', key, discover);
      // A build that stopped on an internal problem is reported again next time, not hidden behind a kept result.
      if (findings.length > before) memo.forget('discover', key);
      return found;
    }),
  );
  yield;
  let crdVersions: string[] | undefined;
  const workspaceApiVersions = (): string[] => (crdVersions ??= [...objectsByFile.values()].flatMap((objects) => settingsObjects(objects).crdVersions));
  let configMaps: K8sObject[] | undefined;
  const argocdConfigMaps = (): K8sObject[] => (configMaps ??= [...objectsByFile.values()].flatMap((objects) => settingsObjects(objects).argocdConfigMaps));
  const context: RenderContext = {
    host: reader,
    // Read through the memo, so a render that used the list (folder sources, value globs) is redone when it changes.
    get files() {
      return memo?.fileList(files) ?? files;
    },
    cache,
    renderKustomize,
    root,
    workspaceApiVersions,
    argocdConfigMaps,
  };
  // A pause every few apps: a cold analysis renders charts and builds for seconds.
  const analysed: AppAnalysis[] = [];
  for (const source of sources) {
    analysed.push(stage('apps', () => analyzeApp(context, source, findings, options.memo)));
    if (analysed.length % APPS_PER_STEP === 0) yield;
  }
  const childOptions = {
    kustomize,
    maxRenderedApps: options.maxRenderedApps,
    expandApplicationSet: appsets.expandRendered,
    writtenApplicationSets: new Map(appsets.expansions.map((e) => [e.appset.id, e.appset])),
  };
  const withChildren = stage('apps', () => addRenderedChildren(context, analysed, childOptions, (source) => analyzeApp(context, source, findings, options.memo)));
  // A written ApplicationSet every deployer built changed exists only as built: its expansion and findings go.
  const written = appsets.expansions.filter((e) => !withChildren.replacedApplicationSets.has(e.appset.id));
  for (const expansion of written) findings.push(...expansion.findings);
  findings.push(...renderedExpansionFindings(withChildren.expansions));
  const expansions = [...written, ...withChildren.expansions];
  const targetsContext = { host: reader, root, isWorkspaceRepository: (url: string | undefined) => isWorkspaceRepository(repository, url) };
  const apps = withPartialAppSetTargets(targetsContext, withChildren.apps, expansions).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  linkChildren(apps, withChildren.links);
  yield;

  const workspace: WorkspaceAnalysis = { root, apps, findings: [], files, applicationSets: expansions };
  const objects = uniqueObjects(apps);
  const applications = [...objects.filter(isApplication), ...expansions.flatMap((e) => e.apps)];
  const kargo = stage('kargo', () => guarded(findings, 'reading the Kargo pipelines', root, { projects: [], findings: [] } as ReturnType<typeof analyzeKargo>, () => {
    if (!memo) return analyzeKargo(objects, applications, (file) => host.readFile(file), ephemeralApplications(expansions));
    // Kept while the Kargo objects, the Applications, the ApplicationSets and the texts it read are the same.
    const kargoObjects = objects.filter((o) => o.group === KARGO_GROUP);
    const appsetObjects = expansions.map((e) => e.appset);
    const compute = (): KeptKargo => {
      const texts = new Map<string, string | undefined>();
      const readFile = (file: string): string | undefined => {
        const text = host.readFile(file);
        texts.set(file, text);
        return text;
      };
      return { kargoObjects, applications, appsetObjects, texts, result: analyzeKargo(kargoObjects, applications, readFile, ephemeralApplications(expansions)) };
    };
    const same = (kept: KeptKargo): boolean =>
      sameItems(kept.kargoObjects, kargoObjects) && sameItems(kept.applications, applications) && sameItems(kept.appsetObjects, appsetObjects) && [...kept.texts].every(([file, text]) => host.readFile(file) === text);
    return memo.reuse('kargo', '', same, compute).result;
  }));
  workspace.kargo = kargo.projects;
  const kargoOrder = guarded(findings, 'checking the Kargo Project order', root, [], () => checkProjectOrder(apps.map((a) => a.plan)));
  yield;
  // With a memo, facts of every file's text (health checks) are worked out again only for files reported changed.
  const fileFacts: FileFacts | undefined = memo && ((name, compute) => memo.fileFacts(name, manifestFiles(files), (f) => host.readFile(f), compute));
  const ruleFindings = yield* inStages('rules', stage, runRulesInSteps(workspace, undefined, host, (p, t) => cache.parse(p, t), memo?.ruleResults, fileFacts));
  const all = dedupe([...findings, ...ruleFindings, ...kargo.findings, ...kargoOrder, ...host.findings()]);
  workspace.findings = stage('suppress', () => applySuppressions({ findings: all, files: [...directiveTexts.keys()], readFile: (file) => directiveTexts.get(file) ?? host.readFile(file), objects }));
  if (memo) workspace.changed = memo.changes(workspace);
  memo?.end();
  // With a memo (the language server) renders are kept, not the template trees behind them.
  if (memo) dropTemplateParsesUnusedSinceLastSweep();
  return workspace;
}

function analyzeApp(context: RenderContext, source: AppSource, findings: Finding[], memo?: AnalysisMemo): AppAnalysis {
  const where = source.definedBy?.source.file ?? source.path;
  const failed: RenderedSource = { objects: [], findings: [], complete: false, incompleteReasons: ['SyncPlan could not render this application (an internal problem).'], files: [] };
  // A render whose objects come out the same as last time (a comment edited) keeps the previous objects, so the
  // plan and per-object rule results built on them are reused.
  const render = (): RenderedSource => (memo ? memo.sameObjects(source.id, renderSource(context, source), fingerprintObjects) : renderSource(context, source));
  let rendered = guarded(findings, () => `rendering the application ${source.name}`, where, failed, () => (memo ? memo.render(source, render, inputsBesidesFiles(context, source)) : render()));
  memo?.keepObjects(source.id);
  const revision = perSource(source).revision;
  if (revision !== undefined) {
    // A copy: renders are cached and shared between apps.
    const reason = `The ApplicationSet renders targetRevision per Application (${revision}): Argo CD syncs that revision, which may differ from the working tree shown here.`;
    rendered = { ...rendered, complete: false, incompleteReasons: [...rendered.incompleteReasons, reason] };
  }
  findings.push(...rendered.findings);
  const { options, optionsKey } = perSource(source);
  const caveats = caveatsKey(rendered);
  const plan = (): PlannedApp => {
    const failure: Finding[] = [];
    const built = guarded(failure, () => `planning the application ${source.name}`, where, buildSyncPlan([], options), () => buildSyncPlan(rendered.objects, options));
    built.caveats.push(...(rendered.caveats ?? []));
    return { objects: rendered.objects, caveats, options: optionsKey, plan: built, failure };
  };
  // The plan is a function of the rendered objects and the Application's options: reused while both are the same.
  const planned = memo ? memo.reuse<PlannedApp>('plan', source.id, (p) => p.objects === rendered.objects && p.caveats === caveats && p.options === optionsKey, plan) : plan();
  findings.push(...planned.failure);
  const build = (): KeptApp => ({
    source,
    rendered,
    planned,
    app: { ...source, objects: rendered.objects, plan: planned.plan, complete: rendered.complete, incompleteReasons: rendered.incompleteReasons, children: [], files: rendered.files },
  });
  // The same source, render and plan make the same app; only its children are linked anew (linkChildren), on a
  // copy, since the previous analysis (still answering requests) holds the kept one.
  const kept = memo ? memo.reuse<KeptApp>('app', source.id, (k) => k.source === source && k.rendered === rendered && k.planned === planned, build) : build();
  return withSameParts({ ...kept.app, children: [] }, kept.app);
}

/** An analysed app with what it was made of. */
interface KeptApp {
  source: AppSource;
  rendered: RenderedSource;
  planned: PlannedApp;
  app: AppAnalysis;
}

/** A build for discovery, which records only the build's summary as read (see `buildSummary`). */
function summarised(reader: TrackingHost, dir: string, build: () => KustomizeResult): KustomizeResult {
  let result: KustomizeResult | undefined;
  reader.derived(`kustomize:${dir}`, () => summaryOf((result = build())));
  return result as KustomizeResult;
}

/** Whether a parsed file has suppression comments (looked for once per parse). */
function hasDirectives(parsed: ParsedFile): boolean {
  let found = directivesByParse.get(parsed);
  if (found === undefined) directivesByParse.set(parsed, (found = parsed.text.includes('syncplan-disable-')));
  return found;
}

const directivesByParse = new WeakMap<ParsedFile, boolean>();

/** What discovery reads of a build: the kustomizations it refers to and the files it read (written once per build). */
function summaryOf(build: KustomizeResult): string {
  let summary = summaries.get(build);
  if (summary === undefined) summaries.set(build, (summary = compactKey(JSON.stringify([build.referencedKustomizations, build.filesRead, build.isComponent]))));
  return summary;
}

const summaries = new WeakMap<KustomizeResult, string>();

/** What discovery reads of the parsed objects: the Applications and ApplicationSets, and which files hold objects. */
function discoveryKey(memo: AnalysisMemo, objectsByFile: ReadonlyMap<string, K8sObject[]>, generated: readonly { object: K8sObject; appset: K8sObject }[], kustomize: boolean): string {
  const where = (o: K8sObject): unknown[] => [o.id, o.kind, o.source.file, o.source.docIndex, o.source.templated, o.source.span, o.source.anchor];
  const files: string[] = [];
  try {
    for (const [file, objects] of objectsByFile) {
      if (objects.length === 0) continue;
      // A file's objects are the same array while its text is unchanged, so its part is computed once.
      let part = discoveryParts.get(objects);
      if (part === undefined) {
        const apps = objects.filter((o) => isApplication(o) || isApplicationSet(o));
        part = compactKey(JSON.stringify(apps.length === 0 ? file : [file, apps.map((o) => [...where(o), o.body])]));
        discoveryParts.set(objects, part);
      }
      files.push(part);
    }
    // Kept expansions keep their generated objects, so the key is written again only when a part changed.
    const parts = [kustomize, ...files, ...generated.flatMap((g) => [g.object, g.appset])];
    return memo.stableKey('discover', parts, () => JSON.stringify([kustomize, files, generated.map((g) => [...where(g.object), g.object.body, ...where(g.appset)])]));
  } catch {
    return `unique:${Math.random()}`;
  }
}

const discoveryParts = new WeakMap<readonly K8sObject[], string>();

/** The CRDs' API versions and the argocd-cm ConfigMaps among one file's objects (written once per parse). */
function settingsObjects(objects: readonly K8sObject[]): { crdVersions: string[]; argocdConfigMaps: K8sObject[] } {
  let found = settingsByFile.get(objects);
  if (!found) {
    found = {
      crdVersions: objects.filter((o) => o.kind === 'CustomResourceDefinition').flatMap((o) => crdApiVersions(o.body)),
      argocdConfigMaps: objects.filter((o) => o.kind === 'ConfigMap' && o.name === 'argocd-cm' && !o.source.templated),
    };
    settingsByFile.set(objects, found);
  }
  return found;
}

const settingsByFile = new WeakMap<readonly K8sObject[], ReturnType<typeof settingsObjects>>();

/** A Kargo analysis with what it was computed from. */
interface KeptKargo {
  kargoObjects: readonly K8sObject[];
  applications: readonly K8sObject[];
  appsetObjects: readonly K8sObject[];
  texts: Map<string, string | undefined>;
  result: ReturnType<typeof analyzeKargo>;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** A plan with what it was built from, kept between analyses. */
interface PlannedApp {
  objects: readonly K8sObject[];
  caveats: string;
  options: string;
  plan: SyncPlan;
  /** The internal-error finding when planning failed, reported again on every reuse. */
  failure: Finding[];
}

/** What analyzeApp derives from the source alone, written once per source (discovery keeps its sources). */
function perSource(source: AppSource): { revision: string | undefined; options: { destinationNamespace?: string; syncOptions?: AppSource['syncOptions'] }; optionsKey: string } {
  let derived = derivedOfSource.get(source);
  if (!derived) {
    const options = { destinationNamespace: source.destinationNamespace, syncOptions: source.syncOptions };
    derived = { revision: templatedRevision(source), options, optionsKey: JSON.stringify(options) };
    derivedOfSource.set(source, derived);
  }
  return derived;
}

const derivedOfSource = new WeakMap<AppSource, ReturnType<typeof perSource>>();

/** A render's caveats as the plan's key compares them (written once per render). */
function caveatsKey(rendered: RenderedSource): string {
  let key = caveatKeys.get(rendered);
  if (key === undefined) caveatKeys.set(rendered, (key = JSON.stringify(rendered.caveats ?? [])));
  return key;
}

const caveatKeys = new WeakMap<RenderedSource, string>();

/** The generated Application's targetRevision when its ApplicationSet template computes it from parameters. */
function templatedRevision(source: AppSource): string | undefined {
  if (!source.generatedBy || !source.definedBy) return undefined;
  const written = JSON.stringify((source.generatedBy.body.spec as Record<string, unknown> | undefined)?.template ?? {});
  if (!/"targetRevision":"[^"]*\{\{/.test(written)) return undefined;
  const spec = (source.definedBy.body.spec ?? {}) as Record<string, unknown>;
  const sources = [spec.source, ...(Array.isArray(spec.sources) ? spec.sources : [])] as (Record<string, unknown> | undefined)[];
  return sources.map((s) => s?.targetRevision).find((r): r is string => typeof r === 'string') ?? '';
}

/**
 * What a render depends on besides the files it reads, for the memo's key: a Helm chart's `.Capabilities` take the
 * workspace's CRDs and argocd-cm settings, which live in other files.
 */
function inputsBesidesFiles(context: RenderContext, source: AppSource): string {
  const keys = (besidesFiles.get(context) ?? {}) as { kustomize?: string; helm?: string };
  besidesFiles.set(context, keys);
  // A kustomization inflating charts is checked against argocd-cm's build options.
  if (source.sourceType === 'kustomize') return (keys.kustomize ??= JSON.stringify(context.argocdConfigMaps?.().map((o) => o.body)));
  if (source.sourceType !== 'helm') return '';
  return (keys.helm ??= JSON.stringify([context.workspaceApiVersions?.(), context.argocdConfigMaps?.().map((o) => o.body)]));
}

/** The keys above, computed once per analysis (one render context per analysis). */
const besidesFiles = new WeakMap<RenderContext, object>();

/** Runs `steps`, each step timed as part of `name`, pausing where they pause. */
function* inStages<T>(name: string, stage: <S>(name: string, run: () => S) => S, steps: Generator<undefined, T, undefined>): Generator<undefined, T, undefined> {
  for (;;) {
    const step = stage(name, () => steps.next());
    if (step.done) return step.value;
    yield;
  }
}

/** Apps analysed between two pauses of the analysis in steps. */
const APPS_PER_STEP = 20;

/** Every rendered object once, however many apps render it. */
function uniqueObjects(apps: readonly AppAnalysis[]): K8sObject[] {
  const byId = new Map<string, K8sObject>();
  for (const app of apps) for (const object of app.objects) if (!byId.has(object.id)) byId.set(object.id, object);
  return [...byId.values()];
}

/** What a Kustomize build that stopped on an internal problem leaves: nothing, marked incomplete. */
function failedBuild(): KustomizeResult {
  const reason = 'SyncPlan could not build this Kustomize folder (an internal problem).';
  return { objects: [], findings: [], complete: false, incompleteReasons: [reason], filesRead: [], referencedKustomizations: [], isComponent: false };
}

const dedupeKeys = new WeakMap<Finding, string>();

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    // Kept rule results are the same finding objects, so most keys are written once.
    let key = dedupeKeys.get(f);
    if (key === undefined) dedupeKeys.set(f, (key = `${f.file}:${f.span.start}:${f.span.end}:${f.code}:${f.message}:${f.detail ?? ''}`));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
