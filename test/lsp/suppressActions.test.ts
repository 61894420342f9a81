// Suppression quick fixes over JSON-RPC: "Ignore CODE for this line" writes a comment the core honours,
// "Show documentation for CODE" opens the rule's section of docs/rules.md.

import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startInProcess, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    argocd.argoproj.io/hook: presync
spec:
  template:
    spec:
      containers:
        - name: m
          image: busybox
          env:
            - name: STAMP
              value: |
                started \${RANDOM}
`;

describe('lsp: suppression quick fixes', () => {
  let workspace: Workspace;
  let client: TestClient;
  let uri: string;

  before(async () => {
    workspace = makeWorkspace({ 'app/job.yaml': JOB });
    client = await startInProcess({ folders: [workspace.root] });
    uri = client.open(workspace.path('app/job.yaml'), JOB);
  });
  after(async () => {
    await client.dispose();
    workspace.remove();
  });

  async function actionsFor(diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  }

  it('offers ignore-for-line, ignore-in-file and documentation actions; the line comment silences the finding', async () => {
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'hook/unknown-type'));
    const unknown = diagnostics.find((d) => d.code === 'hook/unknown-type') as Diagnostic;
    const actions = await actionsFor(unknown);
    const titles = actions.map((a) => a.title);
    for (const title of ['Ignore hook/unknown-type for this line', 'Ignore hook/unknown-type in this file', 'Show documentation for hook/unknown-type']) {
      assert.ok(titles.includes(title), `${title} in ${titles.join(' | ')}`);
    }
    const docs = actions.find((a) => a.title.startsWith('Show documentation')) as CodeAction;
    assert.deepEqual(docs.command?.arguments, ['https://github.com/syncplan/syncplan/blob/main/docs/rules.md#hookunknown-type']);
    const ignore = actions.find((a) => a.title.endsWith('for this line')) as CodeAction;
    const edited = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, JOB), ignore.edit?.changes?.[uri] ?? []);
    assert.ok(edited.includes('  annotations:\n    # syncplan-disable-next-line hook/unknown-type\n    argocd.argoproj.io/hook: presync\n'), edited);
    const version = client.change(uri, edited);
    const after = await client.diagnosticsFor(uri, () => true, version);
    assert.deepEqual(after.filter((d) => d.code === 'hook/unknown-type' || d.code === 'syncplan/unused-suppression'), []);
    client.change(uri, JOB);
  });

  it('offers only the file directive inside a block scalar, where a comment line would become script text', async () => {
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'k8s/shell-syntax'));
    const shell = diagnostics.find((d) => d.code === 'k8s/shell-syntax') as Diagnostic;
    const titles = (await actionsFor(shell)).map((a) => a.title);
    assert.ok(titles.includes('Ignore k8s/shell-syntax in this file'), titles.join(' | '));
    assert.ok(!titles.includes('Ignore k8s/shell-syntax for this line'), titles.join(' | '));
  });
});
