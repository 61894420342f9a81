// A language client for tests: talks JSON-RPC to the SyncPlan server in process (PassThrough streams)
// or over stdio, answers the server's requests, and records what it publishes.

import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import {
  createConnection as createServerConnection,
  StreamMessageReader as ServerReader,
  StreamMessageWriter as ServerWriter,
} from 'vscode-languageserver/node';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type MessageConnection,
  type Position,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { pathToFileURL } from 'node:url';
import { createServer, type ServerOptions } from '../../server/src/lsp/createServer';
import { SERVER_NODE_ARGS } from '../../server/src/lsp/serverNodeArgs';

export interface ClientOptions {
  folders: string[];
  /** The `syncplan` settings section the client returns, per folder URI or for all. */
  settings?: unknown;
  server?: ServerOptions;
  /** Answers to `workspace/configuration` wait for this (a client slow to answer). */
  holdConfiguration?: Promise<void>;
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** How many times diagnostics were published per URI. */
  readonly publishCount = new Map<string, number>();
  readonly plansChanged: string[] = [];
  /** Every plansChanged notification in full (folder and changed app ids). */
  readonly plansChangedParams: { folderUri: string; appIds: string[] }[] = [];
  readonly logs: string[] = [];
  /** The same messages with their LSP MessageType (1 error, 2 warning, 3 info, 4 log). */
  readonly logEntries: { type: number; message: string }[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** Diagnostics and plansChanged notifications in the order they arrived: `diagnostics URI VERSION`, `plansChanged FOLDER`. */
  readonly events: string[] = [];
  /** How many times the server asked the client to request code lenses again. */
  codeLensRefreshes = 0;
  initializeResult?: InitializeResult;
  settings: unknown;
  private readonly versions = new Map<string, number>();
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly connection: MessageConnection,
    private readonly onDispose: () => void,
    settings: unknown,
    holdConfiguration: Promise<void> = Promise.resolve(),
  ) {
    this.settings = settings ?? {};
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.publishCount.set(params.uri, (this.publishCount.get(params.uri) ?? 0) + 1);
      this.events.push(`diagnostics ${params.uri} ${params.version}`);
      this.notify();
    });
    connection.onNotification('syncplan/plansChanged', (params: { folderUri: string; appIds: string[] }) => {
      this.plansChanged.push(params.folderUri);
      this.plansChangedParams.push(params);
      this.events.push(`plansChanged ${params.folderUri}`);
      this.notify();
    });
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.logs.push(params.message);
      this.logEntries.push(params);
      this.notify();
    });
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest('workspace/codeLens/refresh', () => {
      this.codeLensRefreshes++;
      this.notify();
      return null;
    });
    connection.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
      await holdConfiguration;
      return params.items.map(() => this.settings);
    });
    connection.listen();
  }

  async initialize(folders: string[]): Promise<InitializeResult> {
    this.initializeResult = await this.connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: f })),
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          didChangeConfiguration: { dynamicRegistration: true },
          codeLens: { refreshSupport: true },
        },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return this.initializeResult;
  }

  open(path: string, text: string, languageId = 'yaml'): string {
    const uri = uriOf(path);
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Replaces the whole buffer (a full-text change is valid under incremental sync when the range is omitted). */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Inserts text at a position, as a keystroke does. */
  type(uri: string, position: Position, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text }],
    });
    return version;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Resolves once `check` returns a value (re-checked after every notification), or fails after `timeoutMs`. */
  waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 10000): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = (): boolean => {
        const value = check();
        if (value === undefined) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; logs: ${this.logs.join('\n')}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = (): void => void attempt();
      this.listeners.add(listener);
      attempt();
    });
  }

  /** The diagnostics published for `uri`, once they satisfy `accept` (and, if given, carry `version`). */
  diagnosticsFor(uri: string, accept: (d: Diagnostic[]) => boolean = () => true, version?: number): Promise<Diagnostic[]> {
    return this.waitFor(`diagnostics of ${uri}`, () => {
      const params = this.diagnostics.get(uri);
      if (!params || (version !== undefined && params.version !== version)) return undefined;
      return accept(params.diagnostics) ? params.diagnostics : undefined;
    });
  }

  /** Shuts the server down; `exit` only for a child process, since the server answers it with process.exit. */
  async dispose(sendExit = false): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      if (sendExit) await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    this.onDispose();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export function uriOf(path: string): string {
  return pathToFileURL(path).toString();
}

/** The server in this process, over two PassThrough stream pairs. */
export async function startInProcess(options: ClientOptions): Promise<TestClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Message readers rather than raw streams: on raw streams the library exits the process when they close.
  const serverConnection = createServerConnection(new ServerReader(toServer), new ServerWriter(toClient));
  const server = createServer(serverConnection, { debounceMs: 50, ...options.server });
  serverConnection.listen();
  const clientConnection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const client = new TestClient(clientConnection, () => {
    server.dispose();
    serverConnection.dispose();
    toServer.destroy();
    toClient.destroy();
  }, options.settings, options.holdConfiguration);
  await client.initialize(options.folders);
  return client;
}

/** The bundled server as a child process speaking over stdio. */
export async function startOverStdio(serverPath: string, options: ClientOptions): Promise<{ client: TestClient; child: ChildProcess }> {
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  // After `exit` the server ends by itself; kill it only if it has not within a grace period.
  const killLater = (): void => {
    if (child.exitCode !== null) return;
    const timer = setTimeout(() => child.kill(), 5000);
    timer.unref();
    child.once('exit', () => clearTimeout(timer));
  };
  const client = new TestClient(connection, killLater, options.settings);
  await client.initialize(options.folders);
  return { client, child };
}
