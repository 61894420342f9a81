// Opening a file whose text equals the disk copy runs no analysis: the folder's analysis already saw that
// text. An opened file whose buffer differs from disk is analysed as before.

import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver';
import { analyzeWorkspace } from '../../server/src/core/analyzeWorkspace';
import type { AnalyzeFunction } from '../../server/src/lsp/analyzedFolder';
import { startInProcess, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';

const JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    argocd.argoproj.io/hook: PreSync\n    argocd.argoproj.io/sync-wave: "x"\n';
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n';

describe('lsp: opening an unchanged file', () => {
  let workspace: Workspace;
  let client: TestClient;
  let analyses = 0;
  beforeEach(async () => {
    workspace = makeWorkspace({ 'jobs/migrate.yaml': JOB, 'web/settings.yaml': CONFIG_MAP });
    analyses = 0;
    const analyze: AnalyzeFunction = (host, root, options) => {
      analyses++;
      return analyzeWorkspace(host, root, options);
    };
    client = await startInProcess({ folders: [workspace.root], server: { debounceMs: 0, analyze } });
    await client.waitFor('the first analysis', () => (client.plansChanged.length > 0 ? true : undefined));
  });
  afterEach(async () => {
    await client.dispose();
    workspace.remove();
  });

  it('runs no analysis, keeps the published diagnostics, and still answers requests from its own parse', async () => {
    const before = analyses;
    const uri = client.open(workspace.path('jobs/migrate.yaml'), JOB);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 20 } });
    assert.ok(hover, 'hover answers in the opened file');
    // The plans request analyses first when anything changed since the last analysis; the open changed nothing.
    await client.request('syncplan/plans', {});
    assert.equal(analyses, before, 'the open caused no analysis');
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
    assert.ok(diagnostics.some((d) => String(d.code).includes('wave')), JSON.stringify(diagnostics.map((d) => d.code)));
  });

  it('analyses a file opened with a buffer that differs from disk', async () => {
    const before = analyses;
    const uri = client.open(workspace.path('jobs/migrate.yaml'), JOB.replace('"x"', '"1"'));
    await client.request('syncplan/plans', {});
    assert.equal(analyses, before + 1);
    await client.diagnosticsFor(uri, (d) => !d.some((x) => String(x.code).includes('wave')));
  });
});
