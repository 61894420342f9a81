// Diagnostics are published only for files whose diagnostics changed: an edit elsewhere re-sends nothing.

import assert from 'node:assert/strict';
import { startInProcess, uriOf, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  level: info\n';

describe('lsp: diagnostics only for changed files', () => {
  let workspace: Workspace;
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.dispose();
    workspace.remove();
  });

  it('re-sends neither an unchanged broken file nor a clean edited file', async () => {
    workspace = makeWorkspace({ 'app/broken.yaml': 'a: [\n', 'app/cm.yaml': CONFIG_MAP });
    client = await startInProcess({ folders: [workspace.root] });
    const broken = uriOf(workspace.path('app/broken.yaml'));
    await client.diagnosticsFor(broken, (d) => d.length > 0);

    const cm = client.open(workspace.path('app/cm.yaml'), CONFIG_MAP);
    client.change(cm, CONFIG_MAP.replace('info', 'debug'));
    client.change(cm, `${CONFIG_MAP.replace('info', 'warn')}# tuned\n`);
    // A later edit that does produce diagnostics marks the end of the analyses of the edits above.
    const marker = client.open(workspace.path('app/marker.yaml'), 'b: {\n');
    await client.diagnosticsFor(marker, (d) => d.length > 0);

    assert.equal(client.publishCount.get(broken), 1, 'the broken file was published once');
    assert.equal(client.publishCount.get(cm), undefined, 'the clean file never had diagnostics to send');
    // Fixing the marker clears it: a change to empty is published.
    const version = client.change(marker, 'b: {}\n');
    assert.deepEqual(await client.diagnosticsFor(marker, (d) => d.length === 0, version), []);
    assert.equal(client.publishCount.get(broken), 1);
  });
});
