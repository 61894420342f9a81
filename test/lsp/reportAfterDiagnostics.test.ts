// An analysis's plan report is built after its diagnostics go out (or when a plans request reads it first), and
// its line numbers come from the texts the analysis read, not from a buffer edited since.

import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { analyzeWorkspace } from '../../server/src/core/analyzeWorkspace';
import { AnalyzedFolder } from '../../server/src/lsp/analyzedFolder';
import type { PlansResult } from '../../server/src/protocol/syncPlanProtocol';
import { startInProcess, uriOf } from './lspHarness';
import { makeWorkspace } from './workspaceFixture';

const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  annotations:\n    argocd.argoproj.io/sync-wave: "2"\n';
const turns = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('lsp: the plan report follows the diagnostics', () => {
  it('is built when first read or on the second turn after the analysis, which then announces the plans', async () => {
    const workspace = makeWorkspace({ 'web/secret.yaml': SECRET });
    try {
      const buffers = new Map<string, { text: string; version: number }>();
      const overlay = { get: (path: string) => buffers.get(path), paths: () => buffers.keys() };
      const announced: string[][] = [];
      const folder = new AnalyzedFolder(pathToFileURL(workspace.root).toString(), workspace.root, overlay, analyzeWorkspace, () => undefined, (_f, ids) => announced.push(ids));
      const first = folder.current();
      assert.equal(first.builtReport(), undefined, 'not built by the analysis itself');
      assert.deepEqual(announced, [], 'not announced before the diagnostics could go out');
      await turns(2);
      assert.equal(announced.length, 1, 'announced on the second turn');
      assert.ok(first.builtReport(), 'the announcement built the report');

      // An edit analysed, then a buffer change before anything reads the report: its lines are the analysed text's.
      const path = workspace.path('web/secret.yaml');
      buffers.set(path, { text: `# one\n${SECRET}`, version: 1 });
      folder.bufferChanged(path);
      const edited = folder.current();
      buffers.set(path, { text: `# one\n# two\n# three\n${SECRET}`, version: 2 });
      folder.bufferChanged(path);
      const secret = edited.report.apps[0].steps.flatMap((s) => s.resources).find((r) => r.kind === 'Secret');
      assert.equal(secret?.line, 2, 'the line in the text the analysis read (one comment line above), not in the newer buffer');
      // A newer analysis before the announcement's turn: it alone is announced, with the changes of both.
      const latest = folder.current();
      await turns(2);
      assert.equal(announced.length, 2, `one announcement for the two analyses: ${JSON.stringify(announced)}`);
      assert.equal(latest.report.apps[0].steps.flatMap((s) => s.resources).find((r) => r.kind === 'Secret')?.line, 4);
    } finally {
      workspace.remove();
    }
  });

  it('sends the edited buffer\'s diagnostics before the plansChanged of the same analysis', async () => {
    const workspace = makeWorkspace({ 'web/secret.yaml': SECRET });
    const client = await startInProcess({ folders: [workspace.root], server: { debounceMs: 0 } });
    try {
      await client.waitFor('initial plans', () => client.plansChangedParams[0]);
      const uri = client.open(workspace.path('web/secret.yaml'), SECRET);
      const before = client.events.length;
      const version = client.change(uri, SECRET.replace('"2"', '"1.5"'));
      await client.waitFor('plans changed', () => client.plansChangedParams.find((_, i) => i > 0));
      const events = client.events.slice(before);
      const diagnostics = events.indexOf(`diagnostics ${uri} ${version}`);
      assert.ok(diagnostics >= 0, events.join('\n'));
      assert.ok(diagnostics < events.indexOf(`plansChanged ${uriOf(workspace.root)}`), events.join('\n'));
      const plans = await client.request<PlansResult>('syncplan/plans', {});
      assert.equal(plans.folders[0].report.apps[0].steps.flatMap((s) => s.resources).find((r) => r.kind === 'Secret')?.wave, 0, 'a wave of "1.5" reads as 0');
    } finally {
      await client.dispose();
      workspace.remove();
    }
  });
});
