// Quick fixes for annotation/in-labels and job/immutable-sync-job over JSON-RPC, with the real rules.

import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startInProcess, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';

const MANIFESTS = `apiVersion: batch/v1
kind: Job
metadata:
  name: seed
  annotations:
    argocd.argoproj.io/sync-options: Replace=true,Validate=false
spec: {}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
  labels:
    app: shop
    argocd.argoproj.io/sync-wave: "-1"
`;

describe('lsp: mechanical quick fixes', () => {
  let workspace: Workspace;
  let client: TestClient;
  let uri: string;
  let diagnostics: Diagnostic[];

  before(async () => {
    workspace = makeWorkspace({ 'app/all.yaml': MANIFESTS });
    client = await startInProcess({ folders: [workspace.root] });
    uri = client.open(workspace.path('app/all.yaml'), MANIFESTS);
    diagnostics = await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'job/immutable-sync-job') && d.some((x) => x.code === 'annotation/in-labels'));
  });
  after(async () => {
    await client.dispose();
    workspace.remove();
  });

  async function fixesFor(code: string): Promise<CodeAction[]> {
    const diagnostic = diagnostics.find((d) => d.code === code) as Diagnostic;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    // The rule's own fixes; the suppression and documentation actions offered for every finding are tested elsewhere.
    return actions.filter((a) => a.diagnostics?.some((d) => d.code === code) && !/^(Ignore|Show documentation for) /.test(a.title));
  }
  const applied = (action: CodeAction): string => TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, MANIFESTS), action.edit?.changes?.[uri] ?? []);

  it('job/immutable-sync-job offers both ways out, the hook preferred, each explained in its title', async () => {
    const [hook, replace, ...rest] = await fixesFor('job/immutable-sync-job');
    assert.equal(rest.length, 0);
    assert.match(hook.title, /Sync hook.*recreates the Job on every sync.*BeforeHookCreation/);
    assert.equal(hook.isPreferred, true);
    assert.ok(
      applied(hook).includes('  annotations:\n    argocd.argoproj.io/hook: Sync\n    argocd.argoproj.io/hook-delete-policy: BeforeHookCreation\n    argocd.argoproj.io/sync-options: Replace=true,Validate=false\n'),
      applied(hook),
    );
    assert.match(replace.title, /Replace=true,Force=true.*when its template changes/);
    assert.notEqual(replace.isPreferred, true);
    // The existing options are kept; Replace is not written twice.
    assert.ok(applied(replace).includes('    argocd.argoproj.io/sync-options: Validate=false,Replace=true,Force=true\n'), applied(replace));
  });

  it('annotation/in-labels moves the key to annotations and keeps the other labels', async () => {
    const [move] = await fixesFor('annotation/in-labels');
    assert.match(move.title, /^Move argocd\.argoproj\.io\/sync-wave to metadata\.annotations/);
    assert.equal(move.isPreferred, true);
    assert.ok(applied(move).endsWith('metadata:\n  name: cfg\n  annotations:\n    argocd.argoproj.io/sync-wave: "-1"\n  labels:\n    app: shop\n'), applied(move));
  });
});
