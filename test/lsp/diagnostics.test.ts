// Diagnostics over a real JSON-RPC connection: codes, ranges, severities, open buffers and file changes.

import assert from 'node:assert/strict';
import { unlinkSync } from 'node:fs';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { startInProcess, uriOf, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';

const VALID = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
`;

const BROKEN = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels: [unclosed
`;

describe('lsp: diagnostics', () => {
  let workspace: Workspace;
  let client: TestClient | undefined;

  afterEach(async () => {
    await client?.dispose();
    client = undefined;
    workspace.remove();
  });

  it('initializes with the features it serves and registers file watchers', async () => {
    workspace = makeWorkspace({ 'app/cm.yaml': VALID });
    client = await startInProcess({ folders: [workspace.root] });
    const capabilities = client.initializeResult?.capabilities;
    assert.ok(capabilities?.completionProvider);
    assert.equal(capabilities?.hoverProvider, true);
    assert.ok(capabilities?.codeLensProvider);
    assert.ok(capabilities?.documentLinkProvider);
    assert.ok(capabilities?.codeActionProvider);
    const watchers = await client.waitFor('watcher registration', () => client?.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
    const globs = (watchers.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    assert.deepEqual(globs, ['**/*.{yaml,yml,json}', '**/Kustomization']);
  });

  it('publishes a YAML syntax error with its code, docs link, severity and range', async () => {
    workspace = makeWorkspace({ 'app/cm.yaml': BROKEN });
    client = await startInProcess({ folders: [workspace.root] });
    const uri = uriOf(workspace.path('app/cm.yaml'));
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
    const error = diagnostics.find((d) => d.code === 'parse/yaml-error');
    assert.ok(error, JSON.stringify(diagnostics));
    assert.equal(error.severity, DiagnosticSeverity.Error);
    assert.equal(error.source, 'syncplan');
    assert.match(error.codeDescription?.href ?? '', /^https:\/\//);
    assert.ok(error.range.start.line >= 4, `error on the labels line or after: ${JSON.stringify(error.range)}`);
  });

  it('uses the open buffer instead of the file on disk, and disk again after close', async () => {
    workspace = makeWorkspace({ 'app/cm.yaml': VALID });
    client = await startInProcess({ folders: [workspace.root] });
    const path = workspace.path('app/cm.yaml');
    const uri = client.open(path, BROKEN);
    await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'parse/yaml-error'), 1);
    const version = client.change(uri, VALID);
    await client.diagnosticsFor(uri, (d) => d.length === 0, version);
    client.change(uri, BROKEN);
    await client.diagnosticsFor(uri, (d) => d.length > 0);
    client.close(uri);
    await client.diagnosticsFor(uri, (d) => d.length === 0);
  });

  it('re-analyses a folder when a watched file changes on disk, and clears diagnostics of deleted files', async () => {
    workspace = makeWorkspace({ 'app/cm.yaml': VALID });
    client = await startInProcess({ folders: [workspace.root] });
    await client.waitFor('first plans notification', () => (client?.plansChanged.length ? true : undefined));
    const path = workspace.write('app/broken.yaml', BROKEN);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path), type: 1 }] });
    await client.diagnosticsFor(uriOf(path), (d) => d.length > 0);
    unlinkSync(path);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path), type: 3 }] });
    await client.diagnosticsFor(uriOf(path), (d) => d.length === 0);
  });

  it('analyses a buffer opened for a file that is not on disk, and forgets it when closed', async () => {
    workspace = makeWorkspace({ 'app/cm.yaml': VALID });
    client = await startInProcess({ folders: [workspace.root] });
    await client.waitFor('first plans notification', () => (client?.plansChanged.length ? true : undefined));
    // The file list is kept between analyses; the opened buffer must still join it.
    const uri = client.open(workspace.path('app/unsaved.yaml'), BROKEN);
    await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'parse/yaml-error'));
    client.close(uri);
    await client.diagnosticsFor(uri, (d) => d.length === 0);
  });

  it('applies severity settings, including off, after a configuration change', async () => {
    workspace = makeWorkspace({ 'app/cm.yaml': BROKEN });
    client = await startInProcess({ folders: [workspace.root], settings: { severity: { 'parse/yaml-error': 'warning' } } });
    const uri = uriOf(workspace.path('app/cm.yaml'));
    const warned = await client.diagnosticsFor(uri, (d) => d.length > 0);
    assert.ok(warned.every((d) => d.severity === DiagnosticSeverity.Warning));
    client.settings = { severity: { 'parse/yaml-error': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnosticsFor(uri, (d) => d.length === 0);
  });

  it('honours severities and excludes from the folder .syncplan.yaml, with editor settings winning', async () => {
    workspace = makeWorkspace({
      '.syncplan.yaml': 'rules:\n  parse/yaml-error: info\nexclude:\n  - ignored/**\n',
      'app/cm.yaml': BROKEN,
      'ignored/cm.yaml': BROKEN,
    });
    client = await startInProcess({ folders: [workspace.root] });
    const info = await client.diagnosticsFor(uriOf(workspace.path('app/cm.yaml')), (d) => d.length > 0);
    assert.ok(info.every((d) => d.severity === DiagnosticSeverity.Information));
    assert.equal(client.diagnostics.get(uriOf(workspace.path('ignored/cm.yaml'))), undefined, 'excluded folder is not analysed');
    client.settings = { severity: { 'parse/yaml-error': 'hint' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnosticsFor(uriOf(workspace.path('app/cm.yaml')), (d) => d.length > 0 && d.every((x) => x.severity === DiagnosticSeverity.Hint));
  });

  it('publishes rule findings with related locations, and updates another file when an edit fixes its finding', async () => {
    const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    argocd.argoproj.io/hook: PreSync
spec:
  template:
    spec:
      containers:
        - name: migrate
          envFrom:
            - secretRef:
                name: db-creds
`;
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-creds\n';
    workspace = makeWorkspace({ 'app/job.yaml': job, 'app/secret.yaml': secret });
    client = await startInProcess({ folders: [workspace.root] });
    const jobUri = uriOf(workspace.path('app/job.yaml'));
    const [finding] = await client.diagnosticsFor(jobUri, (d) => d.some((x) => x.code === 'order/dependency-later'));
    assert.equal(finding.code, 'order/dependency-later');
    assert.deepEqual(finding.range, { start: { line: 13, character: 22 }, end: { line: 13, character: 30 } });
    assert.match(finding.codeDescription?.href ?? '', /order/);
    assert.ok(finding.relatedInformation?.some((r) => r.location.uri === uriOf(workspace.path('app/secret.yaml'))), JSON.stringify(finding));
    // Moving the Secret into an earlier PreSync wave, in an unsaved buffer, clears the Job's finding.
    const fixed = secret.replace('  name: db-creds\n', '  name: db-creds\n  annotations:\n    argocd.argoproj.io/hook: PreSync\n    argocd.argoproj.io/sync-wave: "-1"\n');
    client.open(workspace.path('app/secret.yaml'), fixed);
    await client.diagnosticsFor(jobUri, (d) => !d.some((x) => x.code === 'order/dependency-later'));
  });

  it('analyses a file outside every workspace folder on its own', async () => {
    workspace = makeWorkspace({ 'app/cm.yaml': VALID });
    const outside = makeWorkspace({ 'loose.yaml': VALID, 'neighbour.yaml': BROKEN });
    try {
      client = await startInProcess({ folders: [workspace.root] });
      const uri = client.open(outside.path('loose.yaml'), BROKEN);
      await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'parse/yaml-error'));
      assert.equal(client.diagnostics.get(uriOf(outside.path('neighbour.yaml'))), undefined, 'closed files beside it are not read');
    } finally {
      outside.remove();
    }
  });

  it('analyses a file outside every workspace folder again once the settings arrive', async () => {
    workspace = makeWorkspace({ 'app/cm.yaml': VALID });
    const outside = makeWorkspace({ 'loose.yaml': VALID });
    let release = (): void => undefined;
    const holdConfiguration = new Promise<void>((resolve) => (release = resolve));
    try {
      client = await startInProcess({ folders: [workspace.root], settings: { severity: { 'parse/yaml-error': 'off' } }, holdConfiguration });
      const uri = client.open(outside.path('loose.yaml'), BROKEN);
      // Analysed with the defaults while the client has not answered yet.
      await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'parse/yaml-error'));
      release();
      await client.diagnosticsFor(uri, (d) => !d.some((x) => x.code === 'parse/yaml-error'));
    } finally {
      outside.remove();
    }
  });

  it('reports ranges in UTF-16 code units after emoji and CJK text on the same line', async () => {
    const text = `# 🚀 デプロイ\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "設定🚀" junk\n`;
    workspace = makeWorkspace({});
    client = await startInProcess({ folders: [workspace.root] });
    const uri = client.open(workspace.path('cm.yaml'), text);
    const [error] = await client.diagnosticsFor(uri, (d) => d.length > 0);
    const line = '  name: "設定🚀" junk';
    // "🚀" is two UTF-16 code units, so "junk" starts at character 15 (code point 14).
    assert.equal(line.indexOf('junk'), 15);
    assert.deepEqual(error.range, { start: { line: 4, character: 15 }, end: { line: 4, character: 19 } });
  });
});
