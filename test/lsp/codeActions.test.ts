// Code actions over JSON-RPC: quick fixes carried by findings, and the "Add sync-wave" source action.

import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeWorkspace } from '../../server/src/core/analyzeWorkspace';
import type { AnalyzeFunction } from '../../server/src/lsp/analyzedFolder';
import { startInProcess, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';

/** The core analysis plus one finding with a fix per misspelled hook, standing in for a rule. */
const analyzeWithTypoRule: AnalyzeFunction = (host, root, options) => {
  const workspace = analyzeWorkspace(host, root, options);
  for (const object of workspace.apps.flatMap((a) => a.objects)) {
    const hook = object.annotations.get('argocd.argoproj.io/hook');
    if (hook?.text !== 'PreSnyc') continue;
    const { file, span } = hook.valueLocation;
    workspace.findings.push({
      code: 'test/hook-typo',
      severity: 'error',
      message: 'Unknown hook type PreSnyc.',
      file,
      span,
      fixes: [{ title: 'Change to PreSync', edits: [{ file, span, newText: 'PreSync' }], preferred: true }],
    });
  }
  return workspace;
};

const MANIFESTS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  annotations:
    argocd.argoproj.io/sync-wave: "2"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    example.com/owner: team-a
spec:
  template:
    spec:
      containers:
        - name: web
          envFrom:
            - configMapRef:
                name: settings
---
apiVersion: v1
kind: Secret
metadata:
  name: plain
type: Opaque
---
apiVersion: v1
kind: Service
metadata:
  name: flow
  annotations: {}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    argocd.argoproj.io/hook: PreSnyc
`;

describe('lsp: code actions', () => {
  let workspace: Workspace;
  let client: TestClient;
  let uri: string;

  before(async () => {
    workspace = makeWorkspace({ 'app/all.yaml': MANIFESTS });
    client = await startInProcess({ folders: [workspace.root], server: { analyze: analyzeWithTypoRule } });
    uri = client.open(workspace.path('app/all.yaml'), MANIFESTS);
  });
  after(async () => {
    await client.dispose();
    workspace.remove();
  });

  async function actionsAt(line: number, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }
  function applied(action: CodeAction | undefined): string {
    const edits = action?.edit?.changes?.[uri] ?? [];
    return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, MANIFESTS), edits);
  }

  it('turns a finding fix into a preferred quick fix with its diagnostic attached', async () => {
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'test/hook-typo'));
    const typo = diagnostics.find((d) => d.code === 'test/hook-typo') as Diagnostic;
    const actions = (await actionsAt(typo.range.start.line, [typo], ['quickfix'])).filter((a) => a.edit && !a.title.startsWith('Ignore '));
    assert.equal(actions.length, 1);
    const [fix] = actions;
    assert.equal(fix.title, 'Change to PreSync');
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [typo]);
    assert.ok(applied(fix).includes('argocd.argoproj.io/hook: PreSync\n'));
  });

  it('adds a sync-wave one after the ConfigMap the Deployment reads, into the existing annotations', async () => {
    const [action] = await actionsAt(10, [], ['source']);
    assert.equal(action.title, 'Add sync-wave "3" (after ConfigMap settings in wave 2)');
    assert.equal(action.kind, 'source.syncplan.addSyncWave');
    assert.ok(applied(action).includes('  annotations:\n    argocd.argoproj.io/sync-wave: "3"\n    example.com/owner: team-a\n'));
  });

  it('creates the annotations map when the object has none, with wave 0 when nothing is referenced', async () => {
    const [action] = await actionsAt(25, [], ['source']);
    assert.equal(action.title, 'Add sync-wave "0"');
    assert.ok(applied(action).includes('metadata:\n  name: plain\n  annotations:\n    argocd.argoproj.io/sync-wave: "0"\ntype: Opaque\n'));
  });

  it('adds to a flow-style annotations map', async () => {
    const [action] = await actionsAt(31, [], ['source']);
    assert.ok(applied(action).includes('  annotations: {argocd.argoproj.io/sync-wave: "0"}\n'));
  });

  it('offers no sync-wave action on a resource that has one, nor when only quick fixes are wanted', async () => {
    assert.deepEqual(await actionsAt(3, [], ['source']), []);
    assert.deepEqual(await actionsAt(10, [], ['quickfix']), []);
  });
});
