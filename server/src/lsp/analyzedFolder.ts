// One workspace folder: its file cache, parse cache, settings and latest analysis.

import { analyzeWorkspace, type AnalyzeOptions } from '../core/analyzeWorkspace';
import type { AppAnalysis, WorkspaceAnalysis } from '../core/discover/appTypes';
import { AnalysisMemo } from '../core/incremental/analysisMemo';
import { dirnameOf, isInside, joinPath } from '../core/paths';
import { buildPlanReport, type AppReport, type PlanReport } from '../core/report/planReport';
import type { FileHost, Finding } from '../core/types';
import type { OverlaySource } from '../workspace/nodeFileHost';
import { AdaptiveDelay } from './adaptiveDelay';
import { CachedDiskHost } from './cachedDiskHost';
import { IncrementalParseCache } from './incrementalParseCache';
import { changedApps, planFingerprints, type PlanFingerprints } from './planFingerprints';
import { projectConfigFindings } from '../core/rules/projectConfigFindings';
import { applySeverities, readProjectConfig, type ProjectConfig } from './ruleSeverities';
import { DEFAULT_SETTINGS, type SyncPlanSettings } from './settings';
import { SafeHost } from '../core/safeHost';
import { mapFindings, shiftBetween, type ShiftOf, type TextShift } from './textShift';

/** An analysis: its result, or the steps that make it (see analyzeWorkspaceInSteps). */
export type AnalyzeFunction = (host: FileHost, root: string, options: AnalyzeOptions) => WorkspaceAnalysis | AnalysisSteps;

export type AnalysisSteps = Generator<undefined, WorkspaceAnalysis, undefined>;

/** An analysis in progress, driven one step at a time. */
interface Run {
  generation: number;
  steps: AnalysisSteps;
  configFile: string;
  configText?: string;
  project?: ProjectConfig;
  /** Milliseconds spent in its steps (not in the pauses between them). */
  activeMs: number;
}

export interface FolderAnalysis {
  workspace: WorkspaceAnalysis;
  /** Findings after the user's severity settings (`off` ones removed). */
  findings: Finding[];
  /** The plans as the side panel shows them (absolute files), built when first read. */
  readonly report: PlanReport;
  /** The report if something read it already. */
  builtReport(): PlanReport | undefined;
  generation: number;
  /** The open buffers the analysis read (text and version); other files it read from disk. */
  buffers: ReadonlyMap<string, { text: string; version: number }>;
}

/** Told after every analysis that changed some plan, whatever asked for the analysis (an edit, a hover, a code lens). */
export type PlansChangedListener = (folder: AnalyzedFolder, appIds: string[]) => void;

const PROJECT_CONFIG = '.syncplan.yaml';

export class AnalyzedFolder {
  /** Re-parses only the YAML documents an edit touched. */
  readonly cache = new IncrementalParseCache();
  /** Renders reused between analyses while the files they read are unchanged; told of created and deleted paths. */
  readonly memo = new AnalysisMemo({ reportsPathChanges: true, reportsFileChanges: true });
  readonly host: CachedDiskHost;
  /** Debounce before re-analysing this folder, grown by how long its analyses take. */
  readonly delay = new AdaptiveDelay();
  settings: SyncPlanSettings = DEFAULT_SETTINGS;
  private generation = 0;
  private latestAnalysis?: FolderAnalysis;
  /** The analysis under way in steps, if any. */
  private run?: Run;
  private fingerprints?: PlanFingerprints;
  /** Files whose text changed since the last plan report; undefined: anything may have changed. */
  private editedSinceReport?: Set<string>;
  /** Per file: the texts last compared by shiftsSince and how they differ. */
  private readonly shifts = new Map<string, { analysed: string; current: string; shift: TextShift | undefined }>();

  constructor(
    readonly uri: string,
    readonly root: string,
    private readonly overlay: OverlaySource,
    private readonly analyze: AnalyzeFunction,
    private readonly log: (message: string) => void,
    private readonly onPlansChanged: PlansChangedListener = () => undefined,
    /** For files outside every workspace folder: only the open files directly in `root` are analysed. */
    private readonly openFilesOnly = false,
  ) {
    this.host = new CachedDiskHost(overlay, openFilesOnly);
  }

  contains(path: string): boolean {
    return this.openFilesOnly ? dirnameOf(path) === this.root : isInside(this.root, path);
  }

  /** Something changed that no path describes (settings): the next request re-analyses, checking kept results in full. */
  markStale(): void {
    this.memo.everythingMayHaveChanged();
    this.editedSinceReport = undefined;
    this.changed();
  }

  /** An open buffer's text changed: the next request re-analyses. */
  bufferChanged(path: string): void {
    this.textMayHaveChanged(path);
    this.changed();
  }

  fileChanged(path: string): void {
    this.host.fileChanged(path);
    this.textMayHaveChanged(path);
    this.changed();
  }

  pathCreatedOrDeleted(path: string): void {
    this.memo.pathsCreatedOrDeleted([path]);
    this.host.pathCreatedOrDeleted(path);
    this.cache.forget(path);
    this.editedSinceReport = undefined;
    this.changed();
  }

  /** An opened buffer shows in folder listings even when it is not on disk, so the file list is checked for it. */
  bufferOpened(path: string): void {
    // A file already on disk keeps its place in the listing; only what reading it answers may change.
    if (this.host.isDiskFile(path)) {
      this.textMayHaveChanged(path);
    } else {
      this.memo.pathsCreatedOrDeleted([path]);
      this.editedSinceReport = undefined;
    }
  }

  /** What reading `path` answers may differ: kept queries that read it are checked, its apps' reports rebuilt. */
  private textMayHaveChanged(path: string): void {
    this.memo.filesChanged([path]);
    this.editedSinceReport?.add(path);
  }

  /** A buffer was closed: the file reads from disk again (or is gone, if it was never saved). */
  bufferClosed(path: string): void {
    if (!this.host.isDiskFile(path)) return this.pathCreatedOrDeleted(path);
    this.textMayHaveChanged(path);
    this.changed();
  }

  /** Whether opening a buffer with `text` leaves this folder's latest analysis exactly as it is. */
  openChangesNothing(path: string, text: string): boolean {
    // Also while an analysis is under way with nothing changed since it began (the first one can take seconds):
    // it reads the same text from the buffer or from disk.
    const current = this.run ? this.run.generation === this.generation : this.latestAnalysis !== undefined && !this.isStale();
    return current && this.host.sameAsDisk(path, text);
  }

  isStale(): boolean {
    return this.latestAnalysis?.generation !== this.generation;
  }

  /**
   * The latest analysis, even if an edit since then is still waiting for its debounced analysis: requests
   * (hover, completion, code lenses, code actions) answer from it rather than wait for a workspace pass.
   * Their own buffer is parsed fresh; the analysis that follows refreshes diagnostics, plans and lenses.
   */
  latest(): FolderAnalysis {
    if (this.latestAnalysis) return this.latestAnalysis;
    // The first analysis is still under way (seconds on a large workspace): answer from the buffer alone, with no
    // plans yet. That analysis announces its plans and asks for code lenses again when it ends.
    if (this.run) return withLazyReport({ workspace: emptyWorkspace(this.root), findings: [], generation: -1, buffers: new Map() }, () => ({ version: 1, apps: [] }));
    return this.current();
  }

  /** A read gate for editor features (diagnostic text, links): nothing outside the folder, no pipes, nothing over the cap. */
  gate(): SafeHost {
    return new SafeHost(this.host, this.root, this.settings.maxFileSize);
  }

  /**
   * The analysis of the folder as it is now, re-analysing only when something changed since the last one (an
   * analysis already under way in steps is finished at once).
   */
  current(): FolderAnalysis {
    if (this.latestAnalysis && !this.isStale()) return this.latestAnalysis;
    const run = this.run ?? this.startRun();
    for (;;) {
      const analysis = this.step(run);
      if (analysis) return analysis;
    }
  }

  /**
   * Like `current`, pausing between the analysis's steps so requests are answered meanwhile. Undefined when an
   * edit made the analysis stale before it finished: it is dropped (the edit scheduled a new one).
   */
  async currentInSteps(pause: () => Promise<void>): Promise<FolderAnalysis | undefined> {
    if (this.latestAnalysis && !this.isStale()) return this.latestAnalysis;
    const run = this.run ?? this.startRun();
    for (;;) {
      const analysis = this.step(run);
      if (analysis) return analysis;
      await pause();
      // Finished by a request meanwhile (current), or dropped by an edit.
      if (this.run !== run) return this.latestAnalysis && !this.isStale() ? this.latestAnalysis : undefined;
    }
  }

  /** Something the analysis reads changed: a run under way reads a mix of old and new, so it is dropped. */
  private changed(): void {
    this.generation++;
    const run = this.run;
    this.run = undefined;
    try {
      run?.steps.return(undefined as never);
    } catch {
      // Nothing to clean up; the memo copes with an abandoned analysis.
    }
  }

  private startRun(): Run {
    const configFile = joinPath(this.root, PROJECT_CONFIG);
    const run: Run = { generation: this.generation, steps: finished(emptyWorkspace(this.root)), configFile, activeMs: 0 };
    const started = performance.now();
    try {
      run.configText = this.openFilesOnly ? undefined : this.host.readFile(configFile);
      run.project = run.configText === undefined ? undefined : readProjectConfig(run.configText);
      const exclude = [...(run.project?.exclude ?? []), ...this.settings.exclude];
      const options: AnalyzeOptions = { exclude, kustomize: this.settings.kustomizeEnabled, cache: this.cache, memo: this.memo, maxFileSize: this.settings.maxFileSize };
      const result = this.analyze(this.host, this.root, options);
      run.steps = isSteps(result) ? result : finished(result);
    } catch (error) {
      this.analysisFailed(error);
    }
    run.activeMs += performance.now() - started;
    this.run = run;
    return run;
  }

  /** Runs one step of `run`; the finished analysis when that was the last. */
  private step(run: Run): FolderAnalysis | undefined {
    const started = performance.now();
    let result: IteratorResult<undefined, WorkspaceAnalysis>;
    try {
      result = run.steps.next();
    } catch (error) {
      this.analysisFailed(error);
      result = { done: true, value: emptyWorkspace(this.root) };
    }
    run.activeMs += performance.now() - started;
    if (!result.done) return undefined;
    if (this.run === run) this.run = undefined;
    return this.finish(run, result.value);
  }

  private finish(run: Run, workspace: WorkspaceAnalysis): FolderAnalysis {
    const findings = this.shownFindings(run, workspace);
    // The first analysis starts with empty caches: it says nothing about how long the analysis of an edit takes.
    if (this.latestAnalysis) this.delay.record(run.activeMs);
    const buffers = this.openBuffers();
    const analysis = withLazyReport({ workspace, findings, generation: run.generation, buffers }, this.reportBuilder(workspace, buffers));
    this.latestAnalysis = analysis;
    this.shifts.clear();
    this.cache.coolUnchanged();
    // The report and the plan announcement come after the diagnostics of this analysis: the publisher's first
    // write is queued on the next turn, so this waits one turn more (a plans request meanwhile builds the report).
    setImmediate(() => setImmediate(() => this.announceIfLatest(analysis)));
    return analysis;
  }

  /**
   * Builds the analysis's plan report when first read. Line numbers are read from the texts the analysis read
   * (the buffers then, the cached disk copies), else through the gate, so an outside link's target is never opened.
   */
  private reportBuilder(workspace: WorkspaceAnalysis, buffers: FolderAnalysis['buffers']): () => PlanReport {
    // Taken now: which files were edited since the last report is known only at this point.
    const kept = this.keptReports(workspace);
    const gate = this.gate();
    const readText = (path: string): string | undefined => buffers.get(path)?.text ?? this.host.diskText(path) ?? gate.readFile(path);
    return () => buildPlanReport(workspace, this.root, readText, { absolutePaths: true, kept });
  }

  private announceIfLatest(analysis: FolderAnalysis): void {
    // A newer analysis announces the changes of both: fingerprints are compared with the last announced ones.
    if (this.latestAnalysis !== analysis) return;
    try {
      this.announcePlanChanges(analysis);
    } catch (error) {
      this.analysisFailed(error);
    }
  }

  /**
   * The previous analysis's app reports, for apps the memo saw unchanged since (`workspace.changed`): their plans,
   * objects and fields are the same, so are their reports. None when that report was never built (the analysis
   * was replaced before anything read it): building it now would cost more than it saves.
   */
  private keptReports(workspace: WorkspaceAnalysis): ((app: AppAnalysis) => AppReport | undefined) | undefined {
    const previous = this.latestAnalysis?.builtReport();
    const edited = this.editedSinceReport;
    this.editedSinceReport = new Set();
    if (!previous || !workspace.changed || !edited) return undefined;
    const changed = new Set(workspace.changed.apps);
    const byId = new Map(previous.apps.map((app) => [app.id, app]));
    // An edit that keeps every offset can still move lines (a same-length replacement with a line break), so apps
    // reading an edited file get their lines read again.
    const touched = (app: AppAnalysis): boolean =>
      app.files.some((f) => edited.has(f)) || [app.definedBy, app.generatedBy].some((o) => o !== undefined && edited.has(o.source.file));
    return (app) => (changed.has(app.id) || touched(app) ? undefined : byId.get(app.id));
  }

  /** The text `file` had when `analysis` read it: the open buffer then, else the disk copy (never read again here). */
  analysedText(analysis: FolderAnalysis, file: string): string | undefined {
    return analysis.buffers.get(file)?.text ?? this.host.diskText(file);
  }

  /** The buffer version `analysis` read for `file`, if it was open then. */
  analysedVersion(analysis: FolderAnalysis, file: string): number | undefined {
    return analysis.buffers.get(file)?.version;
  }

  /**
   * How each file changed between what `analysis` read and the text now (the open buffer, else the disk copy):
   * undefined when it did not, null when either text is unknown. Reads nothing from disk.
   */
  shiftsSince(analysis: FolderAnalysis): ShiftOf {
    return (file) => {
      const analysed = this.analysedText(analysis, file);
      const current = this.overlay.get(file)?.text ?? this.host.diskText(file);
      if (analysed === undefined || current === undefined) return analysed === current ? undefined : null;
      const cached = this.shifts.get(file);
      if (cached && cached.analysed === analysed && cached.current === current) return cached.shift;
      const shift = shiftBetween(analysed, current);
      this.shifts.set(file, { analysed, current, shift });
      return shift;
    };
  }

  /** The latest analysis's findings of `file`, carried over to its text now (see textShift.ts). */
  findingsNow(analysis: FolderAnalysis, file: string): Finding[] {
    return mapFindings(
      analysis.findings.filter((f) => f.file === file),
      this.shiftsSince(analysis),
    );
  }

  private openBuffers(): Map<string, { text: string; version: number }> {
    const buffers = new Map<string, { text: string; version: number }>();
    for (const path of this.overlay.paths()) {
      const open = this.contains(path) ? this.overlay.get(path) : undefined;
      if (open) buffers.set(path, { text: open.text, version: open.version });
    }
    return buffers;
  }

  private announcePlanChanges(analysis: FolderAnalysis): void {
    const filesByApp = new Map(analysis.workspace.apps.map((app) => [app.id, app.files]));
    const next = planFingerprints(analysis.report, analysis.findings, (id) => filesByApp.get(id) ?? []);
    const first = this.fingerprints === undefined;
    const changed = changedApps(this.fingerprints, next);
    this.fingerprints = next;
    // The first analysis is announced even without apps: the view can then say the folder has none.
    if (first || changed.length > 0) this.onPlansChanged(this, changed);
  }

  /** Editor settings win over the folder's .syncplan.yaml; the file's own problems are shown on it. */
  private shownFindings(run: Run, workspace: WorkspaceAnalysis): Finding[] {
    const severities = { ...run.project?.severities, ...this.settings.severity };
    const findings = applySeverities(workspace.findings, severities);
    if (run.configText === undefined) return findings;
    // The config's own YAML error replaces the manifest one, which would say an application fails to sync.
    const own = applySeverities(projectConfigFindings(run.configFile, run.configText), severities);
    return [...findings.filter((f) => f.file !== run.configFile || f.code !== 'parse/yaml-error'), ...own];
  }

  private analysisFailed(error: unknown): void {
    this.log(`SyncPlan: analysis of ${this.root} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

export function isSteps(result: WorkspaceAnalysis | AnalysisSteps): result is AnalysisSteps {
  return typeof (result as Partial<AnalysisSteps>).next === 'function';
}

function* finished(workspace: WorkspaceAnalysis): AnalysisSteps {
  return workspace;
}

function emptyWorkspace(root: string): WorkspaceAnalysis {
  return { root, apps: [], findings: [], files: [] };
}

/** `fields` with a `report` built by `build` the first time it is read (then `build` is let go). */
function withLazyReport(fields: Omit<FolderAnalysis, 'report' | 'builtReport'>, build: () => PlanReport): FolderAnalysis {
  let report: PlanReport | undefined;
  let make: (() => PlanReport) | undefined = build;
  return {
    ...fields,
    get report(): PlanReport {
      if (!report) {
        report = (make as () => PlanReport)();
        make = undefined;
      }
      return report;
    },
    builtReport: () => report,
  };
}
