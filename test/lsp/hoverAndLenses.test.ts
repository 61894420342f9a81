// Hover text and code lenses over JSON-RPC, on an Application with hooks in several phases and waves.

import assert from 'node:assert/strict';
import type { CodeLens, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startInProcess, type TestClient } from './lspHarness';
import { cursorIn, makeWorkspace, type Workspace } from './workspaceFixture';

const APPLICATION = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: shortlink-prod
spec:
  destination:
    namespace: shortlink
  source:
    path: deploy
  syncPolicy:
    syncOptions:
      - CreateNamespace=true
`;

const MANIFESTS = `apiVersion: batch/v1
kind: Job
metadata:
  name: flyway-admin
  annotations:
    argocd.argoproj.io/hook: PreSync
    argocd.argoproj.io/sync-wave: "-1"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    argocd.argoproj.io/sync-wave: "1"
---
apiVersion: batch/v1
kind: Job
metadata:
  name: smoke-test
  annotations:
    argocd.argoproj.io/hook: PostSync
    argocd.argoproj.io/sync-options: Prune=false,Replace=true
---
apiVersion: v1
kind: Pod
metadata:
  name: typo
  annotations:
    argocd.argoproj.io/hook: PreSnyc
`;

describe('lsp: hover and code lenses', () => {
  let workspace: Workspace;
  let client: TestClient;
  const manifests = (): string => workspace.path('deploy/all.yaml');

  before(async () => {
    workspace = makeWorkspace({ 'apps/shortlink.yaml': APPLICATION, 'deploy/all.yaml': MANIFESTS });
    client = await startInProcess({ folders: [workspace.root] });
    // Hovers answer from the latest analysis without waiting: the plan lines need the first one finished.
    await client.waitFor('the first analysis', () => (client.plansChanged.length > 0 ? true : undefined));
  });
  after(async () => {
    await client.dispose();
    workspace.remove();
  });

  async function hover(path: string, textWithCursor: string): Promise<string> {
    const { text, position } = cursorIn(textWithCursor);
    const uri = client.open(path, text);
    const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    client.close(uri);
    return (result?.contents as MarkupContent | undefined)?.value ?? '';
  }

  it('explains a hook key and tells where the hook runs in the plan', async () => {
    const text = await hover(manifests(), MANIFESTS.replace('    argocd.argoproj.io/hook: PostSync', '    argocd.argoproj.io/ho$0ok: PostSync'));
    assert.match(text, /PostSync, wave 0: runs after Deployment web, before nothing; step 4 of 4 of app shortlink-prod/);
    assert.match(text, /Makes this object a hook/);
    assert.match(text, /\[Documentation\]\(https:\/\/argo-cd\.readthedocs\.io/);
  });

  it('explains a hook value', async () => {
    const text = await hover(manifests(), MANIFESTS.replace('hook: PreSync', 'hook: Pre$0Sync'));
    assert.match(text, /\*\*PreSync\*\* \(argocd\.argoproj\.io\/hook\)/);
    assert.match(text, /database migration/);
    assert.match(text, /PreSync, wave -1: runs after Namespace shortlink, before ConfigMap settings; step 1 of 4/);
  });

  it('explains the sync option under the cursor in a comma-separated list', async () => {
    const text = await hover(manifests(), MANIFESTS.replace('Prune=false,Replace=true', 'Prune=false,Repl$0ace=true'));
    assert.match(text, /\*\*Replace=true\*\* \(resource sync option\)/);
  });

  it('explains Application-level sync options', async () => {
    const text = await hover(workspace.path('apps/shortlink.yaml'), APPLICATION.replace('CreateNamespace=true', 'Create$0Namespace=true'));
    assert.match(text, /\*\*CreateNamespace=true\*\* \(Application sync option\)/);
  });

  it('explains catalogue labels', async () => {
    const text = await hover(manifests(), MANIFESTS.replace('  name: settings\n', '  name: settings\n  labels:\n    argocd.argoproj.io/ins$0tance: shop\n'));
    assert.match(text, /\*\*argocd\.argoproj\.io\/instance\*\*/);
  });

  it('adds the explanation of a finding under the cursor, after the catalogue text', async () => {
    const text = await hover(manifests(), MANIFESTS.replace('hook: PreSnyc', 'hook: Pre$0Snyc'));
    const sections = text.split('\n\n---\n\n');
    const findingSection = sections[sections.length - 1];
    assert.match(sections.slice(0, -1).join('\n'), /\*\*argocd\.argoproj\.io\/hook\*\*/);
    assert.match(findingSection, /^\*\*SyncPlan: `hook\/unknown-type`\*\* - Argo CD drops Pod typo from the sync without any error: `PreSnyc` is not a hook type; did you mean `PreSync`\?/);
  });

  it('shows no finding section where no finding is', async () => {
    const text = await hover(manifests(), MANIFESTS.replace('hook: PreSync', 'hook: Pre$0Sync'));
    assert.doesNotMatch(text, /SyncPlan: `/);
  });

  it('returns nothing away from annotations', async () => {
    assert.equal(await hover(manifests(), MANIFESTS.replace('name: web', 'name: w$0eb')), '');
  });

  it('puts a lens above each resource with phase, wave and step, and says when one is dropped', async () => {
    const uri = client.open(manifests(), MANIFESTS);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    client.close(uri);
    const byLine = new Map(lenses.map((l) => [l.range.start.line, l.command?.title]));
    assert.equal(byLine.get(0), 'PreSync · wave -1 · 1/4');
    assert.equal(byLine.get(8), 'Sync · wave 0 · 2/4');
    assert.equal(byLine.get(13), 'Sync · wave 1 · 3/4');
    assert.equal(byLine.get(20), 'PostSync · wave 0 · 4/4');
    assert.equal(byLine.get(28), 'Dropped: invalid hook');
    for (const lens of lenses) assert.ok((lens.command?.title.length ?? 0) <= 30, `short lens: ${lens.command?.title}`);
    const lens = lenses.find((l) => l.range.start.line === 13);
    assert.equal(lens?.command?.command, 'syncplan.revealInSyncOrder');
    assert.deepEqual(lens?.command?.arguments, [uri, { line: 13, character: 0 }]);
  });
});

const CHART = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
  'chart/values.yaml': 'jobs: [migrate, seed]\nwave: 2\n',
  'chart/templates/jobs.yaml': `{{- range .Values.jobs }}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ . }}
  annotations:
    argocd.argoproj.io/hook: PreSync
{{- end }}
`,
  'chart/templates/svc.yaml': `apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    argocd.argoproj.io/sync-wave: "{{ .Values.wave }}"
`,
};

describe('lsp: code lenses on Helm templates', () => {
  let workspace: Workspace;
  let client: TestClient;
  before(async () => {
    workspace = makeWorkspace(CHART);
    client = await startInProcess({ folders: [workspace.root] });
  });
  after(async () => {
    await client.dispose();
    workspace.remove();
  });

  async function lenses(path: string): Promise<Map<number, string[]>> {
    const text = CHART[path as keyof typeof CHART];
    const uri = client.open(workspace.path(path), text);
    const result = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    client.close(uri);
    const byLine = new Map<number, string[]>();
    for (const l of result) byLine.set(l.range.start.line, [...(byLine.get(l.range.start.line) ?? []), l.command?.title ?? '']);
    return byLine;
  }

  it('shows the rendered wave on the template line', async () => {
    assert.deepEqual([...(await lenses('chart/templates/svc.yaml'))], [[3, ['Sync · wave 2 · 2/2']]]);
  });

  it('hovers a wave in a template with the rendered objects\' places in the plan', async () => {
    const text = CHART['chart/templates/svc.yaml'];
    const uri = client.open(workspace.path('chart/templates/svc.yaml'), text);
    const position = { line: 5, character: 8 };
    const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    client.close(uri);
    const markdown = (result?.contents as MarkupContent | undefined)?.value ?? '';
    assert.match(markdown, /Sync, wave 2/);
  });

  it('lists each object a loop renders on the line that names it', async () => {
    const byLine = await lenses('chart/templates/jobs.yaml');
    assert.deepEqual([...byLine], [[5, ['PreSync · wave 0 · 1/2 · migrate', 'PreSync · wave 0 · 1/2 · seed']]]);
  });
});
