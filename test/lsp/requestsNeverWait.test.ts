// Requests sent right after an edit answer from the latest analysis, over JSON-RPC, without running the
// analysis the edit scheduled: findings are carried over to the buffer's text (or dropped where the edit touched
// them), code actions write into the buffer as it is now, and a cancelled request answers RequestCancelled.

import assert from 'node:assert/strict';
import { CancellationTokenSource, type CodeAction, type CompletionItem, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeWorkspace, analyzeWorkspaceInSteps } from '../../server/src/core/analyzeWorkspace';
import type { AnalyzeFunction } from '../../server/src/lsp/analyzedFolder';
import { startInProcess, uriOf, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: typo
  annotations:
    argocd.argoproj.io/hook: PreSnyc
    argocd.argoproj.io/sync-wave: "1"
spec:
  containers:
    - name: c
      image: busybox
`;
const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    argocd.argoproj.io/sync-wave: "-1"
`;
/** Long enough that the edit's own analysis never starts during a test. */
const NEVER_MS = 60_000;
/** What one analysis costs here once `slow` is set: a request running one would take this long. */
const SLOW_MS = 300;

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // An analysis of a big workspace, as far as the event loop can tell.
  }
}

describe('lsp: requests never wait for the analysis of an edit', () => {
  let workspace: Workspace;
  let client: TestClient;
  let analyses = 0;
  let slow = false;
  let uri: string;

  beforeEach(async () => {
    workspace = makeWorkspace({ 'app/pod.yaml': POD, 'app/job.yaml': JOB });
    analyses = 0;
    slow = false;
    const analyze: AnalyzeFunction = (host, root, options) => {
      analyses++;
      if (slow) busyWait(SLOW_MS);
      return analyzeWorkspace(host, root, options);
    };
    client = await startInProcess({ folders: [workspace.root], settings: { analysisDelay: NEVER_MS }, server: { analyze } });
    uri = uriOf(workspace.path('app/pod.yaml'));
    // The first analysis runs at once (no debounce); the open that follows shows the disk text and changes nothing.
    await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'hook/unknown-type'));
    client.open(workspace.path('app/pod.yaml'), POD);
    slow = true;
  });
  afterEach(async () => {
    await client.dispose();
    workspace.remove();
  });

  const hoverText = async (line: number, character: number): Promise<string> => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    return (hover?.contents as MarkupContent | undefined)?.value ?? '';
  };
  const quickFixes = (line: number): Promise<CodeAction[]> =>
    client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character: 30 }, end: { line, character: 30 } },
      context: { diagnostics: [], only: ['quickfix'] },
    });

  it('hover, completion, code lens and code actions answer without an analysis; findings follow the buffer', async () => {
    const before = analyses;
    const text = `# two lines\n# added above\n${POD}`;
    client.change(uri, text);
    const hookLine = text.split('\n').findIndex((l) => l.includes('hook: PreSnyc'));
    const waveLine = hookLine + 1;
    const [hover, completion, lenses, actions] = await Promise.all([
      hoverText(hookLine, 32),
      client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: waveLine, character: 35 } }),
      client.request<unknown[]>('textDocument/codeLens', { textDocument: { uri } }),
      quickFixes(hookLine),
    ]);
    assert.equal(analyses, before, 'no request ran an analysis');

    // The finding's explanation is found at its place in the buffer, two lines below where the analysis saw it.
    assert.match(hover, /SyncPlan: `hook\/unknown-type`/);
    // Completion of the wave value knows the other objects of the app from the latest analysis.
    assert.ok(completion.some((item) => item.label === '-1' && /Job migrate/.test(item.detail ?? '')), JSON.stringify(completion.map((i) => i.detail)));
    assert.ok(lenses.length > 0, 'the code lenses of the buffer');
    // The suppression comment goes right above the finding's line in the buffer as it is now.
    const ignore = actions.find((a) => a.title === 'Ignore hook/unknown-type for this line');
    assert.ok(ignore, actions.map((a) => a.title).join(' | '));
    const edited = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 2, text), ignore.edit?.changes?.[uri] ?? []);
    assert.ok(edited.includes('  annotations:\n    # syncplan-disable-next-line hook/unknown-type\n    argocd.argoproj.io/hook: PreSnyc\n'), edited);
  });

  it('drops a finding the edit touched until the next analysis', async () => {
    const before = analyses;
    const text = POD.replace('PreSnyc', 'PreSnycc');
    client.change(uri, text);
    const hookLine = text.split('\n').findIndex((l) => l.includes('hook: PreSnycc'));
    const hover = await hoverText(hookLine, 32);
    assert.match(hover, /\*\*argocd\.argoproj\.io\/hook\*\*/, 'the catalogue hover of the buffer');
    assert.doesNotMatch(hover, /SyncPlan: `hook\/unknown-type`/);
    assert.deepEqual((await quickFixes(hookLine)).filter((a) => a.title.includes('hook/unknown-type')), []);
    assert.equal(analyses, before);
  });

  it('answers RequestCancelled to a cancelled plans request, without analysing for it', async () => {
    client.change(uri, POD.replace('"1"', '"2"'));
    const before = analyses;
    const source = new CancellationTokenSource();
    const plans = client.connection.sendRequest('syncplan/plans', {}, source.token);
    source.cancel();
    await assert.rejects(plans, (error: { code?: number }) => error.code === -32800);
    assert.equal(analyses, before);
    // Not cancelled, the same request analyses the edited buffer.
    const answer = await client.request<{ folders: { report: { apps: unknown[] } }[] }>('syncplan/plans', {});
    assert.equal(analyses, before + 1);
    assert.ok(answer.folders[0].report.apps.length > 0);
  });
});

/**
 * The analysis in steps, each step preceded by `slices()` pauses of `sliceMs` of busy work (a big workspace, as far
 * as the event loop can tell); `on` counts analyses started and finished.
 */
function slowedAnalysis(slices: () => number, sliceMs: number, on: { started(): void; finished(): void; sliced?(): void }): AnalyzeFunction {
  return (host, root, options) => {
    on.started();
    return (function* steps() {
      const inner = analyzeWorkspaceInSteps(host, root, options);
      for (;;) {
        for (let i = 0; i < slices(); i++) {
          busyWait(sliceMs);
          on.sliced?.();
          yield;
        }
        const step = inner.next();
        if (step.done) {
          on.finished();
          return step.value;
        }
        yield;
      }
    })();
  };
}

/** Polls `check` (the in-process server changes state without sending anything). */
async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('lsp: an analysis under way pauses for requests and is dropped by an edit', () => {
  /**
   * Each step of the analysis is made this many smaller steps of SLICE_MS each, as in a big workspace: a request
   * takes a few turns of the event loop from this in-process client to the server and back.
   */
  const SLICES = 10;
  const SLICE_MS = 10;
  let workspace: Workspace;
  let client: TestClient;
  let slow = false;
  let started = 0;
  let finished = 0;
  let slices = 0;
  let uri: string;

  beforeEach(async () => {
    workspace = makeWorkspace({ 'app/pod.yaml': POD, 'app/job.yaml': JOB });
    slow = false;
    started = 0;
    finished = 0;
    const analyze = slowedAnalysis(() => (slow ? SLICES : 0), SLICE_MS, {
      started: () => started++,
      finished: () => finished++,
      sliced: () => slices++,
    });
    client = await startInProcess({ folders: [workspace.root], settings: { analysisDelay: 0 }, server: { analyze } });
    await client.waitFor('initial analysis', () => (finished > 0 ? true : undefined));
    uri = client.open(workspace.path('app/pod.yaml'), POD);
  });
  afterEach(async () => {
    await client.dispose();
    workspace.remove();
  });

  it('answers a hover sent during the analysis before the analysis ends', async () => {
    slow = true;
    const before = finished;
    client.change(uri, POD.replace('PreSnyc', 'PreSync'));
    await until(() => started > before && finished === before);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 30 } });
    assert.equal(finished, before, 'the hover was answered while the analysis was still under way');
    assert.ok(hover, 'the hover answered from the latest analysis');
    await client.waitFor('the analysis to finish', () => (finished > before ? true : undefined));
  });

  it('writes the reply to a request before the analysis takes its next step', async () => {
    slow = true;
    const before = finished;
    client.change(uri, POD.replace('PreSnyc', 'PreSync'));
    await until(() => started > before && slices > 0 && finished === before);
    const sent = slices;
    await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 30 } });
    // One step may be under way when the request arrives, another while the in-process client reads the reply.
    assert.ok(slices - sent <= 2, `${slices - sent} steps of ${SLICE_MS} ms ran between the request and its reply`);
    await client.waitFor('the analysis to finish', () => (finished > before ? true : undefined));
  });

  it('drops the analysis an edit made stale and publishes the newest text only', async () => {
    slow = true;
    const before = finished;
    const startedBefore = started;
    client.change(uri, POD.replace('PreSnyc', 'PreSync'));
    await until(() => started > startedBefore);
    assert.equal(finished, before, 'the second edit comes while the first analysis is under way');
    const last = client.change(uri, POD.replace('PreSnyc', 'PostSnyc'));
    const diagnostics = await client.waitFor('diagnostics of the last edit', () => (client.diagnostics.get(uri)?.version === last ? client.diagnostics.get(uri) : undefined));
    assert.equal(finished - before, 1, 'only the analysis of the last edit finished');
    assert.ok(started - startedBefore >= 2, 'the first edit started an analysis of its own');
    assert.ok(diagnostics?.diagnostics.some((d) => JSON.stringify(d.message).includes('PostSnyc')), JSON.stringify(diagnostics?.diagnostics));
  });
});

describe('lsp: requests during the first analysis', () => {
  it('answer from the buffer alone while the first analysis is under way', async () => {
    const workspace = makeWorkspace({ 'app/pod.yaml': POD, 'app/job.yaml': JOB });
    let started = 0;
    let finished = 0;
    // A first analysis of seconds, in small steps.
    const analyze = slowedAnalysis(() => 40, 10, { started: () => started++, finished: () => finished++ });
    const client = await startInProcess({ folders: [workspace.root], server: { analyze } });
    try {
      await until(() => started > 0);
      const uri = client.open(workspace.path('app/pod.yaml'), POD);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 5 } });
      assert.equal(finished, 0, 'the hover did not wait for the first analysis');
      assert.match(JSON.stringify(hover), /PreSync|hook/i, 'the annotation is explained from the buffer');
      assert.match(JSON.stringify(hover), /sync order: not known yet/, 'the missing plan place is explained');
      await client.waitFor('the first analysis', () => client.plansChangedParams[0]);
      assert.equal(finished, 1);
    } finally {
      await client.dispose();
      workspace.remove();
    }
  });
});
