// The debounce before re-analysing: the `syncplan.analysisDelay` setting, and how it grows when analysis is slow.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AdaptiveDelay } from '../../server/src/lsp/adaptiveDelay';
import { AnalyzedFolder, type AnalyzeFunction } from '../../server/src/lsp/analyzedFolder';
import { readSettings } from '../../server/src/lsp/settings';
import { startInProcess, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';

describe('lsp: analysis delay', () => {
  describe('AdaptiveDelay', () => {
    const cases: { name: string; base: number; durations: number[]; expected: number }[] = [
      { name: 'no analysis yet: the base', base: 50, durations: [], expected: 50 },
      { name: 'fast analyses keep the base', base: 50, durations: [5, 10, 20, 8], expected: 50 },
      { name: 'analyses of up to 200 ms keep the base (they fit between keystrokes)', base: 50, durations: [150, 190, 120], expected: 50 },
      { name: 'a slow first analysis sets the delay', base: 50, durations: [300], expected: 300 },
      { name: 'slow analyses grow it to their running average', base: 50, durations: [300, 400], expected: 330 },
      { name: 'it shrinks back as analyses get fast', base: 50, durations: [300, 10, 10, 10, 10, 10, 10, 10, 10, 10], expected: 50 },
      { name: 'capped at one second', base: 50, durations: [5000], expected: 1000 },
      { name: 'a base above the cap is kept', base: 3000, durations: [5000], expected: 3000 },
      { name: 'nonsense durations are ignored', base: 50, durations: [Number.NaN, -1, Number.POSITIVE_INFINITY], expected: 50 },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const delay = new AdaptiveDelay();
        for (const d of c.durations) delay.record(d);
        assert.equal(delay.next(c.base), c.expected);
      });
    }
  });

  it('reads syncplan.analysisDelay leniently', () => {
    assert.equal(readSettings({ analysisDelay: 120 }).analysisDelay, 120);
    assert.equal(readSettings({ analysisDelay: 0 }).analysisDelay, 0);
    assert.equal(readSettings({ analysisDelay: 99_999 }).analysisDelay, 10_000);
    for (const bad of [-5, '100', null, Number.NaN]) assert.equal(readSettings({ analysisDelay: bad }).analysisDelay, undefined, String(bad));
  });

  describe('the setting over LSP', () => {
    let workspace: Workspace;
    let client: TestClient | undefined;
    afterEach(async () => {
      await client?.dispose();
      workspace.remove();
    });

    it('replaces the server default delay', async () => {
      workspace = makeWorkspace({ 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
      // The server default would never fire within the test; only the setting can bring the diagnostics of the
      // open. (It follows the initial analysis well within the default, so it is no edit after a quiet spell.)
      client = await startInProcess({ folders: [workspace.root], settings: { analysisDelay: 0 }, server: { debounceMs: 600_000 } });
      const started = client;
      await client.waitFor('initial analysis', () => (started.plansChanged.length > 0 ? true : undefined));
      const uri = client.open(workspace.path('app/broken.yaml'), 'a: [\n');
      const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
      assert.equal(diagnostics[0].code, 'parse/yaml-error');
    });
  });
});

describe('lsp: analysis delay of a folder', () => {
  const busyWait = (ms: number): void => {
    const end = performance.now() + ms;
    while (performance.now() < end) {
      // A slow analysis.
    }
  };
  const overlay = { get: () => undefined, paths: () => [] };

  it('ignores the cold first analysis and grows only when the analyses of edits are slow', () => {
    const root = mkdtempSync(join(tmpdir(), 'syncplan-delay-'));
    try {
      const durations = [400, 5, 5, 800];
      let call = 0;
      const analyze: AnalyzeFunction = () => {
        busyWait(durations[call++]);
        return { root, apps: [], findings: [], files: [] };
      };
      const folder = new AnalyzedFolder(pathToFileURL(root).toString(), root, overlay, analyze, () => undefined);
      const delays: number[] = [];
      for (let i = 0; i < durations.length; i++) {
        folder.markStale();
        folder.current();
        delays.push(folder.delay.next(50));
      }
      assert.deepEqual(delays.slice(0, 3), [50, 50, 50], 'the slow first analysis and fast edits keep the base');
      assert.ok(delays[3] > 50, `a slow analysis of an edit grows the delay: ${delays.join(', ')}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
