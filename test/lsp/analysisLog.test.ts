// The output channel's content: the server's version once, then one info line per analysis.

import assert from 'node:assert/strict';
import { startInProcess, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';

const INFO = 3;

describe('lsp: analysis log', () => {
  let workspace: Workspace;
  let client: TestClient;

  before(async () => {
    workspace = makeWorkspace({ 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n', 'app/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: b\n' });
    client = await startInProcess({ folders: [workspace.root] });
  });
  after(async () => {
    await client.dispose();
    workspace.remove();
  });

  it('names the server and its version', async () => {
    assert.equal(client.initializeResult?.serverInfo?.name, 'syncplan');
    assert.ok(client.initializeResult?.serverInfo?.version);
    await client.waitFor('the startup line', () => client.logEntries.find((e) => /^SyncPlan language server \d+\.\d+\.\d+\S* \(Node\.js v/.test(e.message)));
  });

  it('logs each analysis at info level with its folder, apps, files and time', async () => {
    client.open(workspace.path('app/cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
    const analysed = () => client.logEntries.filter((e) => e.message.startsWith(`Analysed ${workspace.root}:`));
    const entry = await client.waitFor('an analysis line', () => analysed()[0]);
    assert.equal(entry.type, INFO);
    assert.match(entry.message, /: 1 app, 2 files, \d+ findings in \d+ ms$/);
  });
});
