// Memoised queries kept between analyses of one workspace, each valid while every file, folder listing, file
// kind and the workspace file list it read is unchanged (queries memoised by what they read, as in
// rust-analyzer's model). Queries read only through the host they are given, so renderers added later are
// tracked without changes.

import type { AppAnalysis, AppSource, WorkspaceAnalysis } from '../discover/appTypes';
import type { K8sObject } from '../model/k8sObject';
import { createRuleMemo, type RuleMemo } from '../rules/ruleMemo';
import type { RenderedSource } from '../discover/renderSource';
import type { KustomizeResult } from '../kustomize';
import type { FileHost, Finding } from '../types';
import { ReadLog, TrackingHost } from './trackingHost';
import { appParts } from './appParts';
import { placesSurelyDiffer, sameFingerprint, type Fingerprint } from './fingerprint';
import { compactKey } from './digest';

interface Entry<T> {
  value: T;
  reads: ReadLog;
  /** The derived reads among `reads` (`D:` keys), answered again on every check. */
  derived: string[];
  /** The analysis that last found this entry valid. */
  checkedIn: number;
  /** What else the value depends on, compared with `===` (kept apart from the key so long strings are not joined). */
  extra: string;
}

/** What the last analysis computed and reused (for tests and benchmarks). */
export interface MemoStats {
  /** Renders and Kustomize builds computed and reused (the two counts tests have always read). */
  computed: number;
  reused: number;
  /** Per query kind (`render`, `kustomize`, `appset`, `plan`, `rules`, ...): how many were computed and reused. */
  queries: Record<string, { computed: number; reused: number }>;
  /** Whether the workspace was listed again (false: the list was kept, patched with the reported paths). */
  listed: boolean;
  /** Milliseconds spent in each stage of the last analysis. */
  ms: Record<string, number>;
}

export interface MemoOptions {
  /**
   * The caller reports every file or folder created or deleted under the root (`pathsCreatedOrDeleted`), so the
   * workspace need not be listed again on every analysis. Without it each analysis lists the workspace.
   */
  reportsPathChanges?: boolean;
  /**
   * With `reportsPathChanges`: the caller also reports every file whose text may have changed (buffer edits, opens and closes, disk changes)
   * through `filesChanged`, so a kept query is checked against those paths only instead of reading again
   * everything it read. Anything else that may change what the host answers must be reported with
   * `everythingMayHaveChanged`.
   */
  reportsFileChanges?: boolean;
}

const RENDER_KINDS = new Set(['render', 'kustomize']);
/** What a change to a file's text (or an opened buffer over it) changes: text, size and kind, version, real path. */
const CONTENT_READS = ['f', 'i', 'v', 'r'];

export class AnalysisMemo {
  private readonly caches = new Map<string, Map<string, Entry<unknown>>>();
  /** Values kept for one analysis to the next, compared by the caller (plans, per-object rule results). */
  private readonly values = new Map<string, { value: unknown; checkedIn: number }>();
  private readonly stableKeys = new Map<string, { parts: readonly unknown[]; key: string; checkedIn: number }>();
  private analysis = 0;
  private files?: string[];
  private filesKey = '';
  private listVersion = 0;
  private tracking?: TrackingHost;
  /** Paths reported created or deleted since the last listing; undefined: list again. */
  private pending?: Set<string>;
  private listingKey?: string;
  /** Read keys (`f:path`, `i:path`, `v:path`, `r:path`) of the files reported changed since the last analysis began. */
  private changedReads = new Set<string>();
  /** Something was reported that the changed paths do not describe (a path created or deleted, settings): read again. */
  private readAgain = true;
  /** For this analysis: the read keys that changed since the previous one, or undefined to read everything again. */
  private changedSinceLast?: ReadonlySet<string>;
  stats: MemoStats = { computed: 0, reused: 0, queries: {}, listed: true, ms: {} };
  /** Per-object and per-file rule results, kept while the object (or parse) and the texts the rules read are the same. */
  readonly ruleResults: RuleMemo = createRuleMemo(
    (kind, reused) => this.count(kind, reused ? 'reused' : 'computed'),
    (name, parts, make) => this.stableKey(name, parts, make),
  );
  /** The previous analysis's findings per file and what identifies each app's plan, for `changes`. */
  private previousFindings?: Map<string, Finding[]>;
  private previousApps?: Map<string, string>;
  /** Fingerprint of each app's last rendered objects, by app id. */
  /** Per app: its latest objects and their fingerprint, written only when a comparison needs it (null: not serialisable). */
  private readonly renderedObjects = new Map<string, { objects: K8sObject[]; fingerprint?: Fingerprint | null; checkedIn: number }>();
  /** Per-file facts by name: the file list they were taken for and each file's value. */
  private readonly factTables = new Map<string, { files: readonly string[]; values: Map<string, unknown>; checkedIn: number }>();

  constructor(private readonly options: MemoOptions = {}) {}

  /** Files or folders created or deleted (or renamed: both paths) since the last analysis. */
  pathsCreatedOrDeleted(paths: Iterable<string>): void {
    for (const path of paths) {
      this.pending?.add(path);
      this.readAgain = true;
    }
  }

  /** Files whose text may have changed since the last analysis (see `reportsFileChanges`). */
  filesChanged(paths: Iterable<string>): void {
    for (const path of paths) for (const kind of CONTENT_READS) this.changedReads.add(`${kind}:${path}`);
  }

  /** Something the host answers may have changed in a way no path describes (settings): kept queries read again. */
  everythingMayHaveChanged(): void {
    this.readAgain = true;
  }

  /**
   * The workspace file list: the previous one when the caller reports path changes and none was reported (or
   * only files, patched in), else `list()`. `key` names what the listing depends on besides the files (root,
   * excludes).
   */
  listing(key: string, list: () => string[], patch: (files: readonly string[], changed: ReadonlySet<string>) => string[] | undefined): string[] {
    let files: string[] | undefined;
    if (this.options.reportsPathChanges && this.files && this.pending && key === this.listingKey) {
      files = this.pending.size === 0 ? this.files : patch(this.files, this.pending);
    }
    this.stats.listed = files === undefined;
    files ??= list();
    this.listingKey = key;
    this.pending = new Set();
    return files;
  }

  /**
   * Starts an analysis that reads through `host` and sees the workspace file list `files`. Queries that read
   * the list (folder sources, Helm value globs, git generators) are recomputed when it changed.
   * `derive` answers derived reads again (see TrackingHost.derived). Returns the host queries must read through.
   */
  begin(host: FileHost, files: string[], derive?: (key: string) => string | undefined): TrackingHost {
    this.analysis++;
    this.stats = { computed: 0, reused: 0, queries: {}, listed: this.stats.listed, ms: this.stats.ms };
    if (files !== this.files) {
      const key = files.join('\n');
      if (key !== this.filesKey) this.listVersion++;
      this.filesKey = key;
      this.files = files;
    }
    this.tracking = new TrackingHost(host, this.listVersion, derive);
    // The changes reported since the previous analysis began. That one may have been abandoned part way (or
    // stopped on an exception): what it checked was valid then, so it is checked against these changes; entries it
    // never reached were checked earlier and are read again in full (see `valid`).
    this.changedSinceLast = this.options.reportsFileChanges && this.options.reportsPathChanges && !this.readAgain ? this.changedReads : undefined;
    this.changedReads = new Set();
    this.readAgain = false;
    return this.tracking;
  }

  /** Runs one stage of the analysis, adding its time to the stats (the `list` stage starts a new tally). */
  timed<T>(stage: string, run: () => T): T {
    if (stage === 'list') this.stats.ms = {};
    const started = performance.now();
    try {
      return run();
    } finally {
      this.stats.ms[stage] = Math.round((this.stats.ms[stage] ?? 0) + performance.now() - started);
    }
  }

  /** The workspace file list as a query reads it: the read is recorded, so the query is redone when the list changes. */
  fileList<T extends readonly string[]>(files: T): T {
    this.tracking?.noteFileList();
    return files;
  }

  /** Drops every entry the analysis did not use, so memory follows the workspace as it is now. */
  end(): void {
    for (const cache of this.caches.values()) {
      for (const [key, entry] of cache) if (entry.checkedIn !== this.analysis) cache.delete(key);
    }
    for (const [key, entry] of this.values) if (entry.checkedIn !== this.analysis) this.values.delete(key);
    for (const [key, entry] of this.stableKeys) if (entry.checkedIn !== this.analysis) this.stableKeys.delete(key);
    // Kept for the apps analysed this time, also those whose render was reused (and so not fingerprinted again).
    for (const [key, entry] of this.renderedObjects) if (entry.checkedIn !== this.analysis) this.renderedObjects.delete(key);
    for (const [key, entry] of this.factTables) if (entry.checkedIn !== this.analysis) this.factTables.delete(key);
    this.tracking = undefined;
  }

  /** An application's render, reused while what it read is unchanged. */
  /** `extraKey` names what the render depends on besides the files it reads. */
  render(source: AppSource, compute: () => RenderedSource, extraKey = ''): RenderedSource {
    let key = sourceKeys.get(source);
    if (key === undefined) sourceKeys.set(source, (key = compactKey(sourceKey(source))));
    return this.query('render', key, compute, extraKey);
  }

  /** A kustomization's build (`key` names the folder and the Application's overrides). */
  kustomize(key: string, compute: () => KustomizeResult): KustomizeResult {
    return this.query('kustomize', key, compute);
  }

  /**
   * Any query of kind `kind`: `key` names everything it depends on besides what it reads through the tracking
   * host and the file list; the value is reused while those reads answer the same.
   */
  query<T>(kind: string, key: string, compute: () => T, extra = ''): T {
    const tracking = this.tracking;
    if (!tracking) return compute();
    let cache = this.caches.get(kind) as Map<string, Entry<T>> | undefined;
    if (!cache) this.caches.set(kind, (cache = new Map()));
    const entry = cache.get(key);
    if (entry && entry.extra === extra && this.valid(entry, tracking)) {
      entry.checkedIn = this.analysis;
      // Whoever is computing around this lookup read the same things.
      tracking.replay(entry.reads);
      this.count(kind, 'reused');
      return entry.value;
    }
    const { value, reads } = tracking.record(compute);
    const derived: string[] = [];
    for (const read of reads.keys()) if (read.startsWith('D:')) derived.push(read);
    cache.set(key, { value, reads, derived, checkedIn: this.analysis, extra });
    this.count(kind, 'computed');
    return value;
  }

  /**
   * Whether a kept entry still holds: checked this analysis, or checked in the previous one and none of the reads
   * reported changed since (derived reads and the file list answered again), or else every read answers the same.
   */
  private valid(entry: Entry<unknown>, tracking: TrackingHost): boolean {
    if (entry.checkedIn === this.analysis) return true;
    const changed = this.changedSinceLast;
    if (!changed || entry.checkedIn !== this.analysis - 1) return tracking.unchanged(entry.reads);
    for (const read of changed) if (entry.reads.has(read)) return false;
    const list = entry.reads.get('L:');
    if (list !== undefined && list !== this.listVersion) return false;
    return entry.derived.every((read) => tracking.answersSame(read, entry.reads.get(read)));
  }

  /**
   * `compute` of each file's text, for every file of `files` (in that order). Taken in the previous analysis for the
   * same list, only the files reported changed since are computed again; else every file is (see `valid`).
   * `textOf` reads a file's text as the analysis sees it.
   */
  fileFacts<T>(name: string, files: readonly string[], textOf: (file: string) => string | undefined, compute: (text: string) => T): Iterable<T> {
    const table = this.factTables.get(name) as { files: readonly string[]; values: Map<string, T>; checkedIn: number } | undefined;
    if (table && table.files === files && table.checkedIn === this.analysis) return table.values.values();
    const changed = this.changedSinceLast;
    if (table && table.files === files && table.checkedIn === this.analysis - 1 && changed) {
      for (const read of changed) {
        const file = read.startsWith('f:') ? read.slice(2) : undefined;
        if (file !== undefined && table.values.has(file)) table.values.set(file, compute(textOf(file) ?? ''));
      }
      table.checkedIn = this.analysis;
      return table.values.values();
    }
    const values = new Map<string, T>();
    for (const file of files) values.set(file, compute(textOf(file) ?? ''));
    this.factTables.set(name, { files, values, checkedIn: this.analysis });
    return values.values();
  }

  /**
   * A string standing for `parts` under `name`: the same string object while every part is the same (`===`) as last
   * time, so keys built from unchanged objects cost nothing to build, compare or hash. `make` writes a new one.
   */
  stableKey(name: string, parts: readonly unknown[], make: () => string): string {
    const kept = this.stableKeys.get(name);
    if (kept && kept.parts.length === parts.length && kept.parts.every((part, i) => part === parts[i])) {
      kept.checkedIn = this.analysis;
      return kept.key;
    }
    const key = compactKey(make());
    this.stableKeys.set(name, { parts, key, checkedIn: this.analysis });
    return key;
  }

  /** Drops one kept query result, so the next analysis computes it again. */
  forget(kind: string, key: string): void {
    this.caches.get(kind)?.delete(key);
  }

  /**
   * A value derived from inputs the caller compares itself (`same(previous)`), kept from one analysis to the
   * next under `key`: the previous value when `same` says its inputs are unchanged, else `compute()`.
   */
  reuse<T>(kind: string, key: string, same: (previous: T) => boolean, compute: () => T): T {
    const entry = this.values.get(`${kind}\u0000${key}`) as { value: T; checkedIn: number } | undefined;
    if (entry && same(entry.value)) {
      entry.checkedIn = this.analysis;
      this.count(kind, 'reused');
      return entry.value;
    }
    const value = compute();
    this.values.set(`${kind}\u0000${key}`, { value, checkedIn: this.analysis });
    this.count(kind, 'computed');
    return value;
  }

  /**
   * `rendered` with the objects of the app's previous render when they are the same (equal fingerprints), so
   * what was built on them (plan, rule results) is reused: a comment edited changes no object.
   */
  sameObjects<T extends { objects: K8sObject[] }>(appId: string, rendered: T, fingerprint: (objects: readonly K8sObject[]) => Fingerprint | undefined): T {
    const previous = this.renderedObjects.get(appId);
    // An object moved by an edit above it has other places, so its render differs: no need to write fingerprints
    // (linear in the objects, with large constants) until a render with no moved object must be compared.
    if (previous && !placesSurelyDiffer(previous.objects, rendered.objects)) {
      const print = fingerprint(rendered.objects) ?? null;
      if (previous.fingerprint === undefined) previous.fingerprint = fingerprint(previous.objects) ?? null;
      if (print && previous.fingerprint && sameFingerprint(previous.fingerprint, print)) {
        previous.checkedIn = this.analysis;
        this.count('objects', 'reused');
        return { ...rendered, objects: previous.objects };
      }
      this.renderedObjects.set(appId, { objects: rendered.objects, fingerprint: print, checkedIn: this.analysis });
      this.count('objects', 'computed');
      return rendered;
    }
    this.renderedObjects.set(appId, { objects: rendered.objects, checkedIn: this.analysis });
    this.count('objects', 'computed');
    return rendered;
  }

  /** The app was analysed (its render perhaps reused): its objects' fingerprint stays for the next analysis. */
  keepObjects(appId: string): void {
    const entry = this.renderedObjects.get(appId);
    if (entry) entry.checkedIn = this.analysis;
  }

  /**
   * Which files' findings and which apps changed since the previous analysis with this memo (everything with
   * findings, and every app, on the first).
   */
  changes(workspace: WorkspaceAnalysis): { files: string[]; apps: string[] } {
    const findings = new Map<string, Finding[]>();
    for (const finding of workspace.findings) {
      const list = findings.get(finding.file);
      if (list) list.push(finding);
      else findings.set(finding.file, [finding]);
    }
    const files = new Set<string>();
    for (const [file, list] of findings) {
      const previous = this.previousFindings?.get(file);
      // Kept rule results are the same finding objects; only lists that differ in some item are written out.
      if (!previous || previous.length !== list.length || (list.some((f, i) => f !== previous[i]) && findingsKey(list) !== findingsKey(previous))) files.add(file);
    }
    for (const file of this.previousFindings?.keys() ?? []) if (!findings.has(file)) files.add(file);
    const apps = new Map(workspace.apps.map((app) => [app.id, this.stableKey(`app:${app.id}`, appParts(app), () => appKey(app))]));
    const changedApps = new Set<string>();
    for (const [id, key] of apps) if (this.previousApps?.get(id) !== key) changedApps.add(id);
    for (const id of this.previousApps?.keys() ?? []) if (!apps.has(id)) changedApps.add(id);
    this.previousFindings = findings;
    this.previousApps = apps;
    return { files: [...files].sort(), apps: [...changedApps].sort() };
  }

  private count(kind: string, what: 'computed' | 'reused'): void {
    const counts = (this.stats.queries[kind] ??= { computed: 0, reused: 0 });
    counts[what]++;
    if (RENDER_KINDS.has(kind)) this.stats[what]++;
  }
}

/** Each source's key, written once (discovery keeps its sources while its inputs are unchanged). */
const sourceKeys = new WeakMap<AppSource, string>();

/** What identifies a source's render: its fields and the defining object's content (not its place in the file). */
function sourceKey(source: AppSource): string {
  const definedBy = source.definedBy && { id: source.definedBy.id, body: source.definedBy.body };
  const generatedBy = source.generatedBy && { id: source.generatedBy.id, body: source.generatedBy.body };
  try {
    return JSON.stringify({ ...source, definedBy, generatedBy, refs: source.refs && [...source.refs] });
  } catch {
    // Not serialisable (never expected): a key of its own, so the render is simply not reused.
    return `unique:${Math.random()}`;
  }
}

function findingsKey(findings: readonly Finding[]): string {
  try {
    return JSON.stringify(findings);
  } catch {
    return `unique:${Math.random()}`;
  }
}

/**
 * What identifies an app as shown, written when one of its parts changed: its fields, and a number for its plan
 * and for its objects (kept plans and object lists are the same objects; a new one is a change, even when equal).
 */
function appKey(app: AppAnalysis): string {
  const { plan, objects, definedBy, generatedBy, refs, ...fields } = app;
  try {
    return JSON.stringify([fields, definedBy && [definedBy.id, definedBy.source.file, definedBy.source.anchor, definedBy.body], generatedBy?.id, refs && [...refs], numberOf(plan), numberOf(objects)]);
  } catch {
    return `unique:${Math.random()}`;
  }
}

/** A number per object, the same for as long as the object lives. */
function numberOf(object: object): number {
  let number = numbers.get(object);
  if (number === undefined) numbers.set(object, (number = ++numbered));
  return number;
}

const numbers = new WeakMap<object, number>();
let numbered = 0;
