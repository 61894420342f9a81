// The SyncPlan language server, built on any connection (stdio, IPC, or in-process streams in tests).

import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { analyzeWorkspaceInSteps } from '../core/analyzeWorkspace';
import { PipelinesRequest, PlansChangedNotification, PlansRequest, type PipelinesResult, type PlansChangedParams, type PlansParams, type PlansResult } from '../protocol/syncPlanProtocol';
import { isSteps, type AnalysisSteps, type AnalyzedFolder, type AnalyzeFunction, type FolderAnalysis } from './analyzedFolder';
import type { WorkspaceAnalysis } from '../core/discover/appTypes';
import { ADD_SYNC_WAVE_KIND } from './codeActions';
import { Debouncer } from './debouncer';
import { DiagnosticsPublisher, type PublishContext } from './diagnosticsPublisher';
import { DocumentOverlay } from './documentOverlay';
import { registerDocumentFeatures } from './documentFeatures';
import { FolderRegistry } from './folderRegistry';
import { PositionAdapter } from './lspPositions';
import { pipelinesFor } from './pipelinesRequest';
import { plansFor } from './plansRequest';
import { guard, guardRequest } from './guard';
import type { IdleCollector } from './idleCollector';
import { readSettings } from './settings';
import { pathToUri, uriToPath } from './uris';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { sendSafely } from './sendSafely';

export interface ServerOptions {
  /** Shortest quiet time after a keystroke before re-analysing, unless `syncplan.analysisDelay` is set; grows while analysis is slow. */
  debounceMs?: number;
  /** The analysis to run (tests may wrap the core's). */
  analyze?: AnalyzeFunction;
  /** Collects garbage once analyses settle (the server process; not in-process tests). */
  idleCollector?: IdleCollector;
  /** Called once, when the first analysis of a folder is done, before its diagnostics and plans go out (the server process tunes its heap then). */
  afterFirstAnalysis?: () => void;
  /** Called after each analysis is published (the heap's growth step follows how often it collected). */
  afterAnalysis?: () => void;
}

export interface SyncPlanServer {
  dispose(): void;
}

const WATCHED_GLOBS = ['**/*.{yaml,yml,json}', '**/Kustomization'];

declare const SYNCPLAN_VERSION: string | undefined;
const VERSION = typeof SYNCPLAN_VERSION === 'string' ? SYNCPLAN_VERSION : '0.0.0-dev';

/** Wraps the analysis so each run is logged at info level: folder, apps, files and time, as the output channel shows. */
function loggedAnalysis(analyze: AnalyzeFunction, info: (message: string) => void): AnalyzeFunction {
  const report = (root: string, workspace: WorkspaceAnalysis, ms: number): void => {
    const apps = workspace.apps.length;
    const files = workspace.files.length;
    info(`Analysed ${root}: ${apps} ${apps === 1 ? 'app' : 'apps'}, ${files} ${files === 1 ? 'file' : 'files'}, ${workspace.findings.length} findings in ${Math.round(ms)} ms`);
  };
  return (host, root, analyzeOptions) => {
    const started = performance.now();
    const result = analyze(host, root, analyzeOptions);
    if (!isSteps(result)) {
      report(root, result, performance.now() - started);
      return result;
    }
    // Timed by its steps only, not by the pauses between them.
    return (function* logged(): AnalysisSteps {
      let ms = 0;
      for (;;) {
        const began = performance.now();
        const step = result.next();
        ms += performance.now() - began;
        if (step.done) {
          report(root, step.value, ms);
          return step.value;
        }
        yield;
      }
    })();
  };
}

/**
 * The pause between two analysis steps: three event-loop turns. vscode-jsonrpc handles an incoming message on one
 * `setImmediate` turn and writes the reply on another, so with a single turn a request that arrives during an
 * analysis waited for two more steps before its reply went out (about 10 ms at p95 on the corpus).
 */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(() => setImmediate(resolve))));

export function createServer(connection: Connection, options: ServerOptions = {}): SyncPlanServer {
  const defaultDelayMs = options.debounceMs ?? 20;
  const log = (message: string): void => connection.console.error(message);
  const info = (message: string): void => connection.console.info(message);
  const overlay = new DocumentOverlay();
  const positions = new PositionAdapter();
  const publisher = new DiagnosticsPublisher(connection);
  // Triggered by the analysis itself, so a request that analyses first (hover, code lens) cannot swallow it;
  // sent on the next turn so the diagnostics of the same analysis go out first.
  const announcePlans = (folder: AnalyzedFolder, appIds: string[]): void => {
    const params: PlansChangedParams = { folderUri: folder.uri, appIds };
    setImmediate(() => {
      sendSafely(() => connection.sendNotification(PlansChangedNotification.method, params), 'plansChanged', log);
      // Code lenses answered from the analysis before the edit are asked for again.
      if (supportsCodeLensRefresh) sendSafely(() => connection.sendRequest('workspace/codeLens/refresh'), 'code lens refresh', log);
    });
  };
  const folders = new FolderRegistry(overlay, loggedAnalysis(options.analyze ?? analyzeWorkspaceInSteps, info), log, announcePlans);
  const debouncer = new Debouncer();
  let supportsConfiguration = false;
  let supportsWatcherRegistration = false;
  let supportsConfigurationRegistration = false;
  let supportsFolderEvents = false;
  let supportsCodeLensRefresh = false;

  /** Diagnostics are placed in the texts the analysis read and carry those buffer versions, whatever the buffers hold now. */
  const publishContext = (folder: AnalyzedFolder, analysis: FolderAnalysis): PublishContext => {
    const gate = folder.gate();
    return {
      positions,
      readText: (file) => folder.analysedText(analysis, file) ?? gate.readFile(file),
      uriFor: (file) => overlay.uriFor(file),
      versionOf: (file) => folder.analysedVersion(analysis, file),
      owns: (file) => folders.existingFolderFor(file) === folder,
    };
  };

  let firstAnalysisDone = false;
  /** Per folder: the buffers edited since its last analysis, whose diagnostics go out first. */
  const editedFirst = new Map<AnalyzedFolder, Set<string>>();
  /** Brings a folder's analysis up to date and publishes the diagnostics that changed, edited buffers first. */
  const analyzeAndPublish = async (folder: AnalyzedFolder): Promise<void> => {
    const first = editedFirst.get(folder) ?? new Set<string>();
    editedFirst.delete(folder);
    // Requests that arrive meanwhile are answered between the analysis's steps, from the latest analysis.
    const analysis = await folder.currentInSteps(nextTurn);
    if (!analysis) {
      // Dropped for a newer edit, whose analysis publishes these files first too.
      const pending = editedFirst.get(folder) ?? new Set<string>();
      for (const file of first) pending.add(file);
      editedFirst.set(folder, pending);
      return;
    }
    if (!firstAnalysisDone) {
      firstAnalysisDone = true;
      // Before anything of it goes out, so requests that follow its plans do not wait behind the hook's collection.
      options.afterFirstAnalysis?.();
    }
    await publisher.publish(folder.uri, analysis, publishContext(folder, analysis), { first });
    options.afterAnalysis?.();
    options.idleCollector?.analysisSettled();
  };
  const baseDelayOf = (folder: AnalyzedFolder): number => folder.settings.analysisDelay ?? defaultDelayMs;
  const debounceOf = (folder: AnalyzedFolder): number => folder.delay.next(baseDelayOf(folder));
  const scheduleFolder = (folder: AnalyzedFolder, files: string[] = [], delay = debounceOf(folder)): void => {
    options.idleCollector?.cancel();
    if (files.length > 0) {
      const edited = editedFirst.get(folder) ?? new Set<string>();
      for (const file of files) edited.add(file);
      editedFirst.set(folder, edited);
    }
    // An edit after a quiet spell as long as the delay is analysed at once (an analysis under way is dropped by the
    // next edit anyway); edits in quick succession wait for a pause, which grows while analyses are slow.
    debouncer.schedule(`folder:${folder.uri}`, delay, () => void guard(log, 'analysis', undefined, () => analyzeAndPublish(folder))(undefined), { leading: true });
  };

  /** Reads every folder's settings; the folders whose settings changed are stale and analysed again. */
  const refreshSettings = async (): Promise<void> => {
    const list = folders.all();
    if (!supportsConfiguration || list.length === 0) return;
    const values: unknown[] = await connection.workspace.getConfiguration(list.map((f) => ({ scopeUri: f.uri, section: 'syncplan' })));
    list.forEach((folder, index) => {
      const settings = readSettings(values[index]);
      if (JSON.stringify(settings) === JSON.stringify(folder.settings)) return;
      folder.settings = settings;
      folder.markStale();
      scheduleFolder(folder);
    });
  };

  connection.onInitialize(
    guard(log, 'initialize', { capabilities: {} } as InitializeResult, (params) => {
      const capabilities = params.capabilities;
      supportsConfiguration = capabilities.workspace?.configuration === true;
      supportsWatcherRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      supportsConfigurationRegistration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
      supportsFolderEvents = capabilities.workspace?.workspaceFolders === true;
      supportsCodeLensRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
      const initial = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
      for (const uri of initial) folders.add(uri);
      return {
        capabilities: {
          textDocumentSync: TextDocumentSyncKind.Incremental,
          completionProvider: { triggerCharacters: [' ', ':', ',', '"', "'", '/', '-'] },
          hoverProvider: true,
          codeActionProvider: { codeActionKinds: ['quickfix', ADD_SYNC_WAVE_KIND] },
          codeLensProvider: { resolveProvider: false },
          documentLinkProvider: { resolveProvider: false },
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: 'syncplan', version: VERSION },
      };
    }),
  );

  connection.onInitialized(
    guard(log, 'initialized', undefined, async () => {
      info(`SyncPlan language server ${VERSION} (Node.js ${process.version})`);
      if (supportsWatcherRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
      }
      if (supportsConfigurationRegistration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'syncplan' });
      if (supportsFolderEvents) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guard(log, 'workspace folders', undefined, async (event) => {
            for (const removed of event.removed) {
              const folder = folders.remove(removed.uri);
              if (folder) await publisher.clear(folder.uri, (file) => overlay.uriFor(file));
            }
            const added = event.added.map((f) => folders.add(f.uri)).filter((f): f is AnalyzedFolder => !!f);
            await refreshSettings();
            for (const folder of added) scheduleFolder(folder, [], 0);
          }),
        );
      }
      // A file opened before the settings arrived was analysed with the defaults; refreshSettings schedules it again.
      await refreshSettings();
      for (const folder of folders.workspaceFolders()) scheduleFolder(folder, [], 0);
    }),
  );

  connection.onDidChangeConfiguration(
    guard(log, 'configuration', undefined, async () => {
      await refreshSettings();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guard(log, 'watched files', undefined, (params) => {
      const touched = new Set<AnalyzedFolder>();
      for (const change of params.changes) {
        const path = uriToPath(change.uri);
        if (!path) continue;
        for (const folder of folders.foldersContaining(path)) {
          if (change.type === FileChangeType.Changed) folder.fileChanged(path);
          else folder.pathCreatedOrDeleted(path);
          touched.add(folder);
        }
      }
      for (const folder of touched) scheduleFolder(folder);
    }),
  );

  // Paths whose next content event is their open, not an edit.
  const opening = new Set<string>();
  overlay.documents.onDidOpen(({ document }) => {
    const path = overlay.pathOf(document);
    if (!path) return;
    opening.add(path);
    for (const folder of folders.foldersContaining(path)) folder.bufferOpened(path);
  });
  /** Opening a file whose text equals what the analyses read from disk costs only its own parse, on request. */
  const openChangesNothing = (path: string, document: TextDocument): boolean => {
    if (!opening.delete(path)) return false;
    const text = document.getText();
    const containing = folders.foldersContaining(path);
    // Diagnostics already went out under the file's plain URI; a client spelling it differently must get them again.
    return containing.length > 0 && overlay.uriFor(path) === pathToUri(path) && containing.every((f) => f.openChangesNothing(path, text));
  };

  overlay.documents.onDidChangeContent(
    guard(log, 'change', undefined, ({ document }) => {
      const path = overlay.pathOf(document);
      if (!path || openChangesNothing(path, document)) return;
      const owner = folders.folderFor(path);
      // Nested workspace folders see the file too; only the innermost reports its diagnostics.
      for (const folder of folders.foldersContaining(path)) {
        folder.bufferChanged(path);
        if (folder !== owner) scheduleFolder(folder);
      }
      scheduleFolder(owner, [path]);
    }),
  );
  overlay.documents.onDidSave(
    guard(log, 'save', undefined, ({ document }) => {
      const path = overlay.pathOf(document);
      if (path) for (const folder of folders.foldersContaining(path)) folder.host.fileChanged(path);
    }),
  );
  overlay.documents.onDidClose(
    guard(log, 'close', undefined, ({ document }) => {
      const path = uriToPath(document.uri);
      if (!path) return;
      // The buffer is gone, so the file reads from disk again.
      for (const folder of folders.foldersContaining(path)) folder.bufferClosed(path);
      scheduleFolder(folders.folderFor(path));
    }),
  );

  registerDocumentFeatures({ connection, overlay, folders, positions, log });
  // By method name: vscode-languageserver bundles an older vscode-jsonrpc than the shared protocol file's, so the message types differ nominally.
  connection.onRequest(
    PlansRequest.method,
    guardRequest(log, 'plans', { folders: [] } as PlansResult, (params: PlansParams | undefined, token) => plansFor(folders.workspaceFolders(), params, token)),
  );
  connection.onRequest(
    PipelinesRequest.method,
    guard(log, 'pipelines', { folders: [] } as PipelinesResult, (params: PlansParams | undefined) => pipelinesFor(folders.workspaceFolders(), params)),
  );
  const dispose = (): void => {
    debouncer.dispose();
    options.idleCollector?.cancel();
  };
  connection.onShutdown(dispose);
  overlay.documents.listen(connection);
  return { dispose };
}
