// The Sync Order view follows the buffer: `syncplan/plansChanged` names the apps whose plan changed after
// any analysis, also when a hover, code lens or code action request comes inside the debounce window
// (requests answer from the latest analysis; the debounced analysis still runs and announces the change).

import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../server/src/core/analyzeWorkspace';
import type { AnalyzeFunction } from '../../server/src/lsp/analyzedFolder';
import type { PlansResult } from '../../server/src/protocol/syncPlanProtocol';
import { startInProcess, uriOf, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    argocd.argoproj.io/hook: PreSync
`;
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n';

// Long enough that the requests below arrive inside the debounce window.
const DEBOUNCE_MS = 300;

describe('lsp: plansChanged after any analysis', () => {
  let workspace: Workspace;
  let client: TestClient | undefined;
  let appIdOf: (path: string) => string;
  let analyses = 0;

  beforeEach(async () => {
    workspace = makeWorkspace({ 'jobs/migrate.yaml': JOB, 'web/settings.yaml': CONFIG_MAP });
    analyses = 0;
    const analyze: AnalyzeFunction = (host, root, options) => {
      analyses++;
      return analyzeWorkspace(host, root, options);
    };
    client = await startInProcess({ folders: [workspace.root], server: { debounceMs: DEBOUNCE_MS, analyze } });
    const first = await client.waitFor('initial plans', () => client!.plansChangedParams[0]);
    const plans = await client.request<PlansResult>('syncplan/plans', {});
    const apps = plans.folders[0].report.apps;
    appIdOf = (path) => apps.find((a) => a.path === path)?.id ?? assert.fail(`no app at ${path}: ${JSON.stringify(apps)}`);
    assert.deepEqual(first, { folderUri: uriOf(workspace.root), appIds: [appIdOf('jobs'), appIdOf('web')].sort() });
  });
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
    workspace.remove();
  });

  const requests: Record<string, (uri: string) => Promise<unknown>> = {
    hover: (uri) => client!.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 30 } }),
    'code lens': (uri) => client!.request('textDocument/codeLens', { textDocument: { uri } }),
    'code action': (uri) =>
      client!.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }),
  };
  for (const [name, send] of Object.entries(requests)) {
    it(`is sent, with only the edited app, when a ${name} request comes inside the debounce window`, async () => {
      const before = client!.plansChangedParams.length;
      const uri = client!.open(workspace.path('jobs/migrate.yaml'), JOB);
      client!.change(uri, JOB.replace('PreSync', 'PostSync'));
      await send(uri);
      assert.equal(client!.plansChangedParams.length, before, 'the request answered without waiting for an analysis');
      const notified = await client!.waitFor('plans changed', () => client!.plansChangedParams[before]);
      assert.deepEqual(notified, { folderUri: uriOf(workspace.root), appIds: [appIdOf('jobs')] });
      const plans = await client!.request<PlansResult>('syncplan/plans', {});
      assert.equal(plans.folders[0].report.apps.find((a) => a.path === 'jobs')?.steps[0].phase, 'PostSync', 'the view reads the unsaved buffer');
      await client!.waitFor('code lens refresh', () => (client!.codeLensRefreshes > 0 ? true : undefined));
    });
  }

  it('is sent while hover, completion and code lens requests keep arriving through the debounce window, without a save', async () => {
    const before = client!.plansChangedParams.length;
    const uri = client!.open(workspace.path('jobs/migrate.yaml'), JOB);
    client!.change(uri, JOB.replace('PreSync', 'PostSync'));
    let answered = 0;
    let stop = false;
    const burst = (async () => {
      while (!stop) {
        await Promise.all([
          requests.hover(uri),
          requests['code lens'](uri),
          client!.request('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 30 } }),
        ]);
        answered++;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const notified = await client!.waitFor('plans changed', () => client!.plansChangedParams[before]);
    stop = true;
    await burst;
    assert.ok(answered > 0, 'requests were answered meanwhile');
    assert.deepEqual(notified, { folderUri: uriOf(workspace.root), appIds: [appIdOf('jobs')] });
    const plans = await client!.request<PlansResult>('syncplan/plans', {});
    assert.equal(plans.folders[0].report.apps.find((a) => a.path === 'jobs')?.steps[0].phase, 'PostSync', 'the view reads the unsaved buffer');
  });

  it('is not sent when an edit leaves every plan as it was', async () => {
    const before = client!.plansChangedParams.length;
    const uri = client!.open(workspace.path('jobs/migrate.yaml'), JOB);
    const analysed = analyses;
    client!.change(uri, `${JOB}# a comment at the end\n`);
    // That analysis sends nothing, so wait for it by polling the count.
    while (analyses === analysed) await new Promise((resolve) => setTimeout(resolve, 20));
    // A plan change would be announced on the turn after the analysis; a request spans that turn.
    await requests.hover(uri);
    assert.deepEqual(client!.plansChangedParams.slice(before), []);
    // The same buffer with a real change is announced, so the check above could fail.
    client!.change(uri, JOB.replace('PreSync', 'Sync'));
    await client!.waitFor('plans changed', () => client!.plansChangedParams[before]);
  });

  it('names an app that appears and one that disappears', async () => {
    const before = client!.plansChangedParams.length;
    const uri = client!.open(workspace.path('web/settings.yaml'), '');
    const added = workspace.write('batch/job.yaml', JOB.replace('migrate', 'nightly'));
    await client!.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: 1 }] });
    await requests['code lens'](uri);
    await client!.waitFor('plans changed', () => client!.plansChangedParams[before]);
    const appIds = client!.plansChangedParams.slice(before).flatMap((p) => p.appIds);
    const plans = await client!.request<PlansResult>('syncplan/plans', {});
    const batch = plans.folders[0].report.apps.find((a) => a.path === 'batch');
    assert.ok(batch, JSON.stringify(plans.folders[0].report.apps.map((a) => a.path)));
    assert.deepEqual(appIds, [batch.id, appIdOf('web')].sort());
    client!.close(uri);
  });
});

describe('lsp: the plans after edits equal those of a fresh server', () => {
  const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  annotations:\n    argocd.argoproj.io/sync-wave: "2"\n';
  const START = `# a\n${CONFIG_MAP}---\n${SECRET}`;

  it('after a value edit, lines added above, and a same-length edit that adds a line break (offsets kept, lines moved)', async () => {
    const workspace = makeWorkspace({ 'jobs/migrate.yaml': JOB, 'web/settings.yaml': START });
    let analyses = 0;
    const analyze: AnalyzeFunction = (host, root, options) => {
      analyses++;
      return analyzeWorkspace(host, root, options);
    };
    const client = await startInProcess({ folders: [workspace.root], server: { debounceMs: 5, analyze } });
    let fresh: TestClient | undefined;
    try {
      await client.waitFor('initial plans', () => client.plansChangedParams[0]);
      const uri = client.open(workspace.path('web/settings.yaml'), START);
      const edits = [
        (text: string) => text.replace('name: settings', 'name: settings-2'),
        (text: string) => text.replace('sync-wave: "2"', 'sync-wave: "3"'),
        (text: string) => `# b\n# c\n${text}`,
        // Same length: every offset stays, every later line moves down by one.
        (text: string) => text.replace('# a\n', '#\n#\n'),
      ];
      let text = START;
      for (const edit of edits) {
        const before = analyses;
        text = edit(text);
        client.change(uri, text);
        await client.waitFor('the analysis of the edit', () => (analyses > before ? true : undefined));
      }
      const edited = await client.request<PlansResult>('syncplan/plans', {});
      workspace.write('web/settings.yaml', text);
      fresh = await startInProcess({ folders: [workspace.root] });
      await fresh.waitFor('initial plans', () => fresh!.plansChangedParams[0]);
      const expected = await fresh.request<PlansResult>('syncplan/plans', {});
      assert.deepEqual(edited.folders[0].report, expected.folders[0].report);
      const secret = expected.folders[0].report.apps.find((a) => a.path === 'web')?.steps.flatMap((s) => s.resources).find((r) => r.kind === 'Secret');
      assert.equal(secret?.line, 10, 'the Secret moved down to line 10 with the line break');
    } finally {
      await client.dispose();
      await fresh?.dispose();
      workspace.remove();
    }
  });
});
