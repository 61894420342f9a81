// Problems in a folder's `.syncplan.yaml` are diagnostics on that file, at the entry they are about.

import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { startInProcess, uriOf, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';

const CONFIG = `rules:
  hook/unknwn-type: off
  k8s/shell-syntax: loud
exlude:
  - vendor/
`;

describe('lsp: .syncplan.yaml diagnostics', () => {
  let workspace: Workspace;
  let client: TestClient | undefined;

  afterEach(async () => {
    await client?.dispose();
    client = undefined;
    workspace.remove();
  });

  it('reports unknown codes, bad severities and unknown keys at their entries, and clears them once fixed', async () => {
    workspace = makeWorkspace({ '.syncplan.yaml': CONFIG, 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
    client = await startInProcess({ folders: [workspace.root] });
    const uri = uriOf(workspace.path('.syncplan.yaml'));
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.length === 3);
    const byLine = diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, String(d.message)] as const).sort((a, b) => a[0] - b[0]);
    assert.deepEqual(byLine.map(([line, start, end]) => [line, start, end]), [[1, 2, 18], [2, 20, 24], [3, 0, 6]]);
    assert.match(byLine[0][3], /Unknown rule code "hook\/unknwn-type"; did you mean "hook\/unknown-type"\?/);
    assert.match(byLine[1][3], /severity of "k8s\/shell-syntax"/);
    assert.match(byLine[2][3], /Unknown key "exlude"/);
    for (const d of diagnostics) {
      assert.equal(d.source, 'syncplan');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.match(d.codeDescription?.href ?? '', /rules\.md#configuring-severities$/);
    }
    client.open(workspace.path('.syncplan.yaml'), CONFIG);
    client.change(uri, 'rules:\n  hook/unknown-type: off\n');
    await client.diagnosticsFor(uri, (d) => d.length === 0);
  });

  it('reports a YAML syntax error as an error at its position', async () => {
    workspace = makeWorkspace({ '.syncplan.yaml': 'rules: [unclosed\n', 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
    client = await startInProcess({ folders: [workspace.root] });
    const [diagnostic, ...more] = await client.diagnosticsFor(uriOf(workspace.path('.syncplan.yaml')), (d) => d.length > 0);
    assert.deepEqual(more, [], 'one error, not also a manifest parse error');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.match(String(diagnostic.message), /not valid YAML/);
    assert.ok(diagnostic.range.start.line <= 1, JSON.stringify(diagnostic.range));
  });
});
