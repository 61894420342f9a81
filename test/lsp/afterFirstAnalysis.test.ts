// The server process tunes its heap once the first analysis is done (serverHeap.ts): the hook runs once, after it.

import assert from 'node:assert/strict';
import { startInProcess } from './lspHarness';
import { makeWorkspace } from './workspaceFixture';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    argocd.argoproj.io/hook: PreSnyc\n';

describe('lsp: after the first analysis', () => {
  it('calls afterFirstAnalysis once the first analysis is done, and not for later analyses', async () => {
    const workspace = makeWorkspace({ 'app/pod.yaml': POD });
    let calls = 0;
    const client = await startInProcess({
      folders: [workspace.root],
      server: {
        afterFirstAnalysis: () => calls++,
      },
    });
    try {
      await client.waitFor('the hook', () => (calls > 0 ? true : undefined));
      assert.equal(calls, 1);
      const uri = client.open(workspace.path('app/pod.yaml'), POD);
      const version = client.change(uri, POD.replace('PreSnyc', 'PreSyncc'));
      await client.diagnosticsFor(uri, (d) => d.length > 0, version);
      assert.equal(calls, 1, 'later analyses do not call it again');
    } finally {
      await client.dispose();
      workspace.remove();
    }
  });
});
