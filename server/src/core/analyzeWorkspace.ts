// The one entry point of the analysis core: files in, applications with their sync plans and findings out.

import { discoverApplications } from './discover/discoverApplications';
import type { AppAnalysis, AppSource, WorkspaceAnalysis } from './discover/appTypes';
import { renderSource, type RenderContext } from './discover/renderSource';
import { BuildCache, renderKustomization, type KustomizeOverrides, type KustomizeResult } from './kustomize';
import { analyzeKargo } from './kargo';
import { isApplication, type K8sObject } from './model/k8sObject';
import { isYamlFile, relativePath } from './paths';
import { SafeHost } from './safeHost';
import { guarded } from './stageGuard';
import { buildSyncPlan } from './plan/buildSyncPlan';
import { runRules } from './rules';
import { applySuppressions } from './suppress/applySuppressions';
import type { Finding, FileHost } from './types';
import { listWorkspaceFiles, ParseCache } from './workspaceFiles';

export interface AnalyzeOptions {
  /** Glob patterns, relative to the root, to leave out. */
  exclude?: readonly string[];
  /** Render Kustomize folders natively (default true). When off, their files are read as plain manifests. */
  kustomize?: boolean;
  /** A parse cache kept between runs (the language server keeps one per workspace). */
  cache?: ParseCache;
  /** Files larger than this many bytes are skipped with a finding (default 10 MB). */
  maxFileSize?: number;
}

export function analyzeWorkspace(diskHost: FileHost, root: string, options: AnalyzeOptions = {}): WorkspaceAnalysis {
  const host = new SafeHost(diskHost, root, options.maxFileSize);
  const cache = options.cache ?? new ParseCache();
  const files = listWorkspaceFiles(host, root, options);
  const findings: Finding[] = [];
  const objectsByFile = new Map<string, K8sObject[]>();
  // Files with suppression comments, kept so suppressions need no second read.
  const directiveTexts = new Map<string, string>();
  for (const file of files.filter(isYamlFile)) {
    guarded(findings, `reading ${relativePath(root, file)}`, file, undefined, () => {
      const text = host.readFile(file);
      if (text === undefined) return;
      findings.push(...cache.parse(file, text).problems);
      if (text.includes('syncplan-disable-')) directiveTexts.set(file, text);
      objectsByFile.set(file, cache.objects(file, text));
    });
  }

  const renders = new Map<string, KustomizeResult>();
  const builds = new BuildCache();
  const renderKustomize = (dir: string, overrides?: KustomizeOverrides): KustomizeResult => {
    // Application-level options change the output, so such renders are cached apart.
    const key = overrides ? `${dir}\u0000${JSON.stringify({ ...overrides, location: undefined })}` : dir;
    let result = renders.get(key);
    if (!result) {
      result = guarded(findings, `building the Kustomize folder ${relativePath(root, dir) || '.'}`, dir, failedBuild(), () =>
        renderKustomization(host, dir, (p, t) => cache.parse(p, t), overrides, builds),
      );
      renders.set(key, result);
    }
    return result;
  };
  const kustomize = options.kustomize ?? true;
  const sources = guarded(findings, 'finding the applications', root, [], () =>
    discoverApplications({ host, root, files, objectsByFile, cache, kustomize, renderKustomize }),
  );
  const context: RenderContext = { host, files, cache, renderKustomize };
  const apps = sources.map((source) => analyzeApp(context, source, findings)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  linkChildren(apps);

  const workspace: WorkspaceAnalysis = { root, apps, findings: [], files };
  const objects = uniqueObjects(apps);
  const kargo = guarded(findings, 'reading the Kargo pipelines', root, { projects: [], findings: [] } as ReturnType<typeof analyzeKargo>, () =>
    analyzeKargo(objects, objects.filter(isApplication), (file) => host.readFile(file)),
  );
  workspace.kargo = kargo.projects;
  const all = dedupe([...findings, ...runRules(workspace, undefined, host), ...kargo.findings, ...host.findings()]);
  workspace.findings = applySuppressions({ findings: all, files: [...directiveTexts.keys()], readFile: (file) => directiveTexts.get(file) ?? host.readFile(file), objects });
  return workspace;
}

function analyzeApp(context: RenderContext, source: AppSource, findings: Finding[]): AppAnalysis {
  const where = source.definedBy?.source.file ?? source.path;
  const failed = { objects: [], findings: [], complete: false, incompleteReasons: ['SyncPlan could not render this application (an internal problem).'], files: [] };
  const rendered = guarded(findings, `rendering the application ${source.name}`, where, failed, () => renderSource(context, source));
  findings.push(...rendered.findings);
  const options = { destinationNamespace: source.destinationNamespace, syncOptions: source.syncOptions };
  const plan = guarded(findings, `planning the application ${source.name}`, where, buildSyncPlan([], options), () => buildSyncPlan(rendered.objects, options));
  return {
    ...source,
    objects: rendered.objects,
    plan,
    complete: rendered.complete,
    incompleteReasons: rendered.incompleteReasons,
    children: [],
    files: rendered.files,
  };
}

/** Every rendered object once, however many apps render it. */
function uniqueObjects(apps: readonly AppAnalysis[]): K8sObject[] {
  const byId = new Map<string, K8sObject>();
  for (const app of apps) for (const object of app.objects) if (!byId.has(object.id)) byId.set(object.id, object);
  return [...byId.values()];
}

/** An app whose objects include Application X is the parent of the apps X points at. */
function linkChildren(apps: AppAnalysis[]): void {
  const byDefiningObject = new Map<string, AppAnalysis[]>();
  for (const app of apps) {
    if (!app.definedBy) continue;
    const key = app.definedBy.id;
    byDefiningObject.set(key, [...(byDefiningObject.get(key) ?? []), app]);
  }
  for (const app of apps) {
    for (const object of app.objects) {
      if (!isApplication(object)) continue;
      for (const child of byDefiningObject.get(object.id) ?? []) if (child !== app) app.children.push(child.id);
    }
  }
}

/** What a Kustomize build that stopped on an internal problem leaves: nothing, marked incomplete. */
function failedBuild(): KustomizeResult {
  const reason = 'SyncPlan could not build this Kustomize folder (an internal problem).';
  return { objects: [], findings: [], complete: false, incompleteReasons: [reason], filesRead: [], referencedKustomizations: [] };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}:${f.span.start}:${f.span.end}:${f.code}:${f.message}:${f.detail ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
