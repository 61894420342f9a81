// One end-to-end run against the bundled server over stdio, the way the VS Code client starts it.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import type { PlansResult } from '../../server/src/protocol/syncPlanProtocol';
import { startOverStdio, type TestClient } from './lspHarness';
import { cursorIn, makeWorkspace, type Workspace } from './workspaceFixture';

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

describe('lsp: bundled server over stdio', () => {
  let workspace: Workspace | undefined;
  let client: TestClient | undefined;
  let child: ChildProcess | undefined;

  before(function () {
    if (!existsSync(SERVER)) {
      console.warn(`  skipping the stdio test: ${SERVER} is missing (npm test builds it; or run npm run build)`);
      this.skip();
    }
  });
  after(() => {
    if (child && child.exitCode === null) child.kill();
    workspace?.remove();
  });

  it('publishes diagnostics, completes, answers the plans request and exits cleanly', async () => {
    workspace = makeWorkspace({ 'app/job.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    argocd.argoproj.io/hook: PreSync\n' });
    ({ client, child } = await startOverStdio(SERVER, { folders: [workspace.root] }));
    const brokenUri = client.open(workspace.path('app/broken.yaml'), 'a: [\n');
    const diagnostics = await client.diagnosticsFor(brokenUri, (d) => d.length > 0);
    assert.equal(diagnostics[0].code, 'parse/yaml-error');

    const { text, position } = cursorIn('apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n    argocd.argoproj.io/hook: $0\n');
    const uri = client.open(workspace.path('app/job.yaml'), text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    assert.ok(items.some((i) => i.label === 'PostSync'));

    const plans = await client.request<PlansResult>('syncplan/plans', {});
    // The open buffer's empty hook value wins over the file on disk, so the Job is dropped.
    assert.equal(plans.folders[0].report.apps[0]?.dropped[0]?.name, 'migrate', JSON.stringify(plans));

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    await client.dispose(true);
    assert.equal(await exited, 0);
  });
});
