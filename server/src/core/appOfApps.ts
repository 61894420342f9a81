// App-of-apps: Applications that apps render become apps too, rendered in turn, and every app is linked to the
// apps of the Applications it deploys. Argo CD creates an Application as the parent's render outputs it: as a chart
// renders it, or as a Kustomize build changes it (a name prefix, a patched path or destination).

import { isApplicationSet, type AppSetExpansion } from './appset';
import { replacedWrittenObjects, withoutReplacedGeneratedApps } from './appOfAppSets';
import type { AppAnalysis, AppSource } from './discover/appTypes';
import { sourcesOfGeneratedApplications, sourcesOfRenderedApplications } from './discover/discoverApplications';
import type { RenderContext } from './discover/renderSource';
import { isApplication, objectKey, type K8sObject } from './model/k8sObject';

/** Rounds of Applications rendered by Applications rendered by ... followed. */
export const MAX_RENDERED_DEPTH = 5;

/** Apps rendered by other apps followed in one analysis, by default: a bound for charts that render themselves under new names. */
export const MAX_RENDERED_APPS = 1000;

/** `parent app id NUL Application object id` -> the apps of that Application as the parent rendered it. */
export type RenderedLinks = Map<string, string[]>;

interface Followed {
  /** The apps made of the Application (one per source with a path here). */
  apps: string[];
}

/**
 * The apps with those of rendered Applications added; a standalone app for a folder such an Application points
 * at gives way to it. An Application is followed once per namespace, name and spec (the same object, whichever app
 * renders it or file writes it): another app rendering it the same is linked to the same apps, so a chart
 * rendering its own Application ends there.
 */
export function addRenderedChildren(
  context: Pick<RenderContext, 'host' | 'root'>,
  apps: AppAnalysis[],
  options: {
    kustomize: boolean;
    maxRenderedApps?: number;
    /** Expands an ApplicationSet an app renders or builds; without it such ApplicationSets are not followed. */
    expandApplicationSet?: (appset: K8sObject) => AppSetExpansion;
    /** The ApplicationSets files write (expanded as written), by object id. */
    writtenApplicationSets?: ReadonlyMap<string, K8sObject>;
  },
  analyze: (source: AppSource) => AppAnalysis,
): { apps: AppAnalysis[]; links: RenderedLinks; expansions: AppSetExpansion[]; replacedApplicationSets: Set<string> } {
  const writtenById = new Map<string, K8sObject>();
  // Applications written in files are followed already: one rendered the same is linked to their apps.
  const followed = new Map<string, Followed>();
  for (const app of apps) {
    if (!app.definedBy || app.builtBy !== undefined) continue;
    writtenById.set(app.definedBy.id, app.definedBy);
    const key = identity(app.definedBy);
    followed.set(key, { apps: [...(followed.get(key)?.apps ?? []), app.id] });
  }
  // Rendered ApplicationSets, followed once per namespace, name and spec like Applications.
  const followedSets = new Map<string, Followed>();
  const expansions: AppSetExpansion[] = [];
  const links: RenderedLinks = new Map();
  /** Per Application (or ApplicationSet) written in a file, the apps whose build changed it. */
  const builders = new Map<string, Set<string>>();
  const setBuilders = new Map<string, Set<string>>();
  const writtenSets = options.writtenApplicationSets ?? new Map<string, K8sObject>();
  let all = apps;
  let frontier = apps;
  let budget = options.maxRenderedApps ?? MAX_RENDERED_APPS;
  for (let round = 0; ; round++) {
    const fresh: Rendered[] = [];
    const again: Rendered[] = [];
    const freshSets: Rendered[] = [];
    const againSets: Rendered[] = [];
    const meet = (object: K8sObject, by: AppAnalysis, seen: Map<string, Followed>, freshList: Rendered[], againList: Rendered[]): void => {
      const key = identity(object);
      const entry = seen.get(key);
      if (entry) againList.push({ object, by, entry });
      else {
        seen.set(key, { apps: [] });
        freshList.push({ object, by, entry: seen.get(key)! });
      }
    };
    for (const by of frontier) {
      for (const object of renderedObjects(by, isApplication, writtenById)) {
        if (writtenById.has(object.id)) builders.set(object.id, (builders.get(object.id) ?? new Set()).add(by.id));
        meet(object, by, followed, fresh, again);
      }
      if (!options.expandApplicationSet) continue;
      for (const appset of renderedObjects(by, isApplicationSet, writtenSets)) {
        if (writtenSets.has(appset.id)) setBuilders.set(appset.id, (setBuilders.get(appset.id) ?? new Set()).add(by.id));
        meet(appset, by, followedSets, freshSets, againSets);
      }
    }
    const last = round === MAX_RENDERED_DEPTH;
    const now = last ? [] : fresh.slice(0, budget);
    budget -= now.length;
    const entryOf = new Map(now.map((c) => [c.object, c]));
    const builtBy = (o: K8sObject): string | undefined => (writtenById.has(o.id) ? entryOf.get(o)?.by.id : undefined);
    const sources = sourcesOfRenderedApplications({ ...context, kustomize: options.kustomize }, now.map((c) => c.object), builtBy).filter((s) => s.externalRepository === undefined);
    const entryOfSource = new Map<string, Followed>();
    for (const source of sources) {
      const entry = source.definedBy && entryOf.get(source.definedBy)?.entry;
      if (entry) entryOfSource.set(source.id, entry);
    }
    const unfollowed = fresh.slice(now.length).map((c) => c.object);
    if (last) unfollowed.push(...freshSets.map((set) => set.object));
    else if (freshSets.length > 0) {
      const generated = generatedSources({ ...context, kustomize: options.kustomize }, freshSets, options.expandApplicationSet!, writtenSets, budget);
      expansions.push(...generated.expansions);
      unfollowed.push(...generated.unfollowed);
      budget -= generated.sources.length;
      for (const { source, entry } of generated.sources) {
        sources.push(source);
        entryOfSource.set(source.id, entry);
      }
    }
    if (unfollowed.length > 0) all = withUnfollowed(all, frontier, unfollowed);
    const pointed = new Set(sources.map((s) => s.path));
    frontier = sources.map(analyze);
    for (const app of frontier) entryOfSource.get(app.id)?.apps.push(app.id);
    for (const { object, by, entry } of [...now, ...again, ...freshSets, ...againSets]) links.set(linkKey(by.id, object.id), [...(links.get(linkKey(by.id, object.id)) ?? []), ...entry.apps]);
    all = [...all.filter((a) => a.definedBy || !pointed.has(a.path)), ...frontier];
    if (sources.length === 0 && now.length === 0) break;
  }
  const replacedApplicationSets = replacedWrittenObjects(all, setBuilders);
  return { apps: withoutReplacedGeneratedApps(withoutReplacedApplications(all, builders), replacedApplicationSets), links, expansions, replacedApplicationSets };
}

/**
 * The sources of the Applications that newly met ApplicationSets generate, at most `budget`, each with the entry
 * of its ApplicationSet; the ApplicationSets whose Applications the bound cut.
 */
function generatedSources(
  context: Parameters<typeof sourcesOfGeneratedApplications>[0],
  sets: readonly Rendered[],
  expand: (appset: K8sObject) => AppSetExpansion,
  written: ReadonlyMap<string, K8sObject>,
  budget: number,
): { expansions: AppSetExpansion[]; sources: { source: AppSource; entry: Followed }[]; unfollowed: K8sObject[] } {
  const expansions = sets.map((set) => expand(set.object));
  // One a build changed is told apart by the app that built it, as built Applications are.
  const builtBy = (set: Rendered): string | undefined => (written.has(set.object.id) ? set.by.id : undefined);
  const perSet = sourcesOfGeneratedApplications(context, expansions.map((e, i) => ({ ...e, builtBy: builtBy(sets[i]) })));
  const sources: { source: AppSource; entry: Followed }[] = [];
  const unfollowed: K8sObject[] = [];
  sets.forEach((set, index) => {
    const generated = perSet[index].filter((s) => s.externalRepository === undefined);
    const room = Math.max(0, budget - sources.length);
    if (generated.length > room) unfollowed.push(set.object);
    for (const source of generated.slice(0, room)) sources.push({ source, entry: set.entry });
  });
  return { expansions, sources, unfollowed };
}

/** An Application or ApplicationSet an app renders, with the entry of its identity. */
interface Rendered {
  object: K8sObject;
  by: AppAnalysis;
  entry: Followed;
}

/**
 * Every app whose objects include Application X (or ApplicationSet X) is the parent of the apps X points at (or
 * generates); where the app rendered X itself (a chart, a build that changed it), of the apps of X as rendered.
 */
export function linkChildren(apps: AppAnalysis[], links: RenderedLinks): void {
  const byDefiningObject = new Map<string, AppAnalysis[]>();
  for (const app of apps) {
    if (!app.definedBy || app.builtBy !== undefined) continue;
    // A generated app's parent is the app that deploys its ApplicationSet.
    const key = app.generatedBy?.id ?? app.definedBy.id;
    byDefiningObject.set(key, [...(byDefiningObject.get(key) ?? []), app]);
  }
  const present = new Set(apps.map((a) => a.id));
  for (const app of apps) {
    for (const object of app.objects) {
      if (!isApplication(object) && !isApplicationSet(object)) continue;
      const children = links.get(linkKey(app.id, object.id)) ?? byDefiningObject.get(object.id)?.map((child) => child.id) ?? [];
      for (const child of new Set(children)) if (child !== app.id && present.has(child)) app.children.push(child);
    }
  }
}

const linkKey = (parent: string, object: string): string => `${parent}\u0000${object}`;

/** What makes two rendered Applications the same: namespace, name and spec (keys in any order). */
function identity(object: K8sObject): string {
  let key = identities.get(object);
  if (key === undefined) identities.set(object, (key = `${objectKey(object)}\u0000${canonicalJson(object.body.spec)}`));
  return key;
}

/** Each object's identity, worked out once (the memo keeps objects between analyses). */
const identities = new WeakMap<K8sObject, string>();

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const map = value as Record<string, unknown>;
    return `{${Object.keys(map).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(map[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Applications (or ApplicationSets) an app renders that Argo CD creates from the render rather than as a file
 * writes them: every one a chart renders (also a chart a kustomization inflates), and those a Kustomize build
 * changes (name, namespace or spec). One whose file SyncPlan read as a Helm template is left as written: its
 * built values are not known.
 */
function renderedObjects(app: AppAnalysis, isKind: (o: K8sObject) => boolean, written: ReadonlyMap<string, K8sObject>): K8sObject[] {
  if (app.sourceType !== 'helm' && app.sourceType !== 'kustomize') return [];
  return app.objects.filter((o) => {
    if (!isKind(o)) return false;
    const file = written.get(o.id);
    // Through Kustomize, a chart its `helmCharts` inflate (rendered objects) is an app-of-apps chart as well.
    if (file === undefined) return app.sourceType === 'helm' || o.source.rendered === true;
    return app.sourceType === 'kustomize' && !o.source.templated && identity(file) !== identity(o);
  });
}

/**
 * Without the apps of Applications as their files write them where every app that deploys the file built it
 * changed (Argo CD never creates the Application as written then) and another app plans the same folder. One
 * that is the only app of its folder stays, so the folder's objects are still planned and checked, as a folder
 * nothing deploys (a copy: apps may be kept by the memo).
 */
function withoutReplacedApplications(all: AppAnalysis[], builders: ReadonlyMap<string, ReadonlySet<string>>): AppAnalysis[] {
  const replaced = replacedWrittenObjects(all, builders);
  if (replaced.size === 0) return all;
  const isReplaced = (a: AppAnalysis): boolean => a.builtBy === undefined && a.definedBy !== undefined && replaced.has(a.definedBy.id);
  return all
    .filter((a) => !isReplaced(a) || !all.some((other) => other !== a && !isReplaced(other) && other.path === a.path))
    .map((a) => (isReplaced(a) ? { ...a, notDeployed: true } : a));
}

/** The apps of `frontier` that render one of `unfollowed`, marked incomplete (copies: apps may be kept by the memo). */
function withUnfollowed(all: AppAnalysis[], frontier: AppAnalysis[], unfollowed: K8sObject[]): AppAnalysis[] {
  const ids = new Set(unfollowed.map((o) => o.id));
  const reason = `SyncPlan stopped following Applications rendered by Applications here (at ${MAX_RENDERED_DEPTH} levels or its bound of rendered apps), so the plans of some Applications this app renders are not shown.`;
  return all.map((a) => (frontier.includes(a) && a.objects.some((o) => ids.has(o.id)) ? { ...a, complete: false, incompleteReasons: [...a.incompleteReasons, reason] } : a));
}
