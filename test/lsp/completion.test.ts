// Completion over JSON-RPC at the cursor positions people actually type at.

import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { startInProcess, uriOf, type TestClient } from './lspHarness';
import { cursorIn, makeWorkspace, type Workspace } from './workspaceFixture';

const MIGRATE_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: db-migrate
  annotations:
    argocd.argoproj.io/hook: PreSync
    argocd.argoproj.io/sync-wave: "-1"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  annotations:
    argocd.argoproj.io/sync-wave: "2"
---
`;

function deployment(annotations: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    argocd.argoproj.io/sync-wave: "1"
${annotations}
spec:
  replicas: 1
`;
}

const APPLICATION = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: shop
spec:
  source:
    path: app
  syncPolicy:
    syncOptions:
      - CreateNamespace=true
      - $0
`;

describe('lsp: completion', () => {
  let workspace: Workspace;
  let client: TestClient;

  before(async () => {
    workspace = makeWorkspace({ 'app/jobs.yaml': MIGRATE_JOB, 'app/web.yaml': deployment('') });
    client = await startInProcess({ folders: [workspace.root] });
    // Completion answers from the latest analysis without waiting: the wave items need the first one finished.
    await client.waitFor('the first analysis', () => (client.plansChanged.length > 0 ? true : undefined));
  });
  after(async () => {
    await client.dispose();
    workspace.remove();
  });

  async function complete(relative: string, textWithCursor: string): Promise<{ items: CompletionItem[]; text: string }> {
    const { text, position } = cursorIn(textWithCursor);
    const uri = client.open(workspace.path(relative), text);
    const result = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
    client.close(uri);
    return { items: Array.isArray(result) ? result : (result?.items ?? []), text };
  }
  const edit = (item: CompletionItem | undefined): TextEdit => item?.textEdit as TextEdit;

  it('offers every applicable catalogue key on a new line under annotations, with docs and a quoted snippet', async () => {
    const { items } = await complete('app/web.yaml', deployment('    $0'));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('argocd.argoproj.io/hook'));
    assert.ok(labels.includes('argocd.argoproj.io/sync-options'));
    assert.ok(labels.includes('helm.sh/hook'));
    assert.ok(!labels.includes('argocd.argoproj.io/sync-wave'), 'the key already present is not offered again');
    assert.ok(!labels.includes('argocd.argoproj.io/refresh'), 'Application-only keys are not offered on a Deployment');
    assert.ok(!labels.includes('argocd.argoproj.io/tracking-id'), 'keys Argo CD writes itself are not offered');
    const hook = items.find((i) => i.label === 'argocd.argoproj.io/hook');
    assert.match(edit(hook).newText, /^argocd\.argoproj\.io\/hook: "\$\{1\|PreSync,Sync,PostSync,SyncFail,Skip,PreDelete,PostDelete\|\}"$/);
    assert.equal(hook?.insertTextFormat, 2);
    assert.match((hook?.documentation as { value: string }).value, /\[Documentation\]\(https:\/\//);
  });

  it('completes annotation keys and hook values inside a Helm template', async () => {
    const template = (line: string): string =>
      `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {{ include "app.fullname" . }}-migrate\n  labels:\n    {{- include "app.labels" . | nindent 4 }}\n  annotations:\n${line}\nspec:\n  backoffLimit: {{ .Values.backoff }}\n`;
    const { items: keys } = await complete('chart/templates/job.yaml', template('    argocd.argoproj.io/ho$0'));
    assert.ok(keys.some((i) => i.label === 'argocd.argoproj.io/hook'), keys.map((i) => i.label).join(', '));
    const { items: values } = await complete('chart/templates/job.yaml', template('    argocd.argoproj.io/hook: $0'));
    assert.deepEqual(values.map((i) => i.label).slice(0, 3), ['PreSync', 'Sync', 'PostSync']);
  });

  it('replaces a partially typed key', async () => {
    const { items } = await complete('app/web.yaml', deployment('    argocd.argoproj.io/ho$0'));
    const hook = items.find((i) => i.label === 'argocd.argoproj.io/hook');
    assert.deepEqual(edit(hook).range, { start: { line: 6, character: 4 }, end: { line: 6, character: 25 } });
  });

  it('offers hook types after `argocd.argoproj.io/hook: `, inserting quoted values', async () => {
    const { items } = await complete('app/web.yaml', deployment('    argocd.argoproj.io/hook: $0'));
    assert.deepEqual(items.map((i) => i.label), ['PreSync', 'Sync', 'PostSync', 'SyncFail', 'Skip', 'PreDelete', 'PostDelete']);
    assert.equal(edit(items[0]).newText, '"PreSync"');
    assert.ok((items[2].documentation as { value: string }).value.includes('succeeded'));
  });

  it('gives each item a short detail that does not repeat its documentation', async () => {
    const doc = (item: CompletionItem | undefined): string => (item?.documentation as { value: string }).value;
    const { items: keys } = await complete('app/web.yaml', deployment('    $0'));
    const hook = keys.find((i) => i.label === 'argocd.argoproj.io/hook');
    assert.equal(hook?.detail, 'since Argo CD v0.6.0');
    const { items: values } = await complete('app/web.yaml', deployment('    argocd.argoproj.io/hook: $0'));
    assert.equal(values[0].detail, 'argocd.argoproj.io/hook');
    const { items: options } = await complete('apps/shop.yaml', APPLICATION);
    assert.match(options.find((i) => i.label === 'PruneLast=true')?.detail ?? '', /^Application sync option · since v\d/);
    for (const item of [...keys, ...values, ...options]) {
      assert.ok(item.detail, `${item.label} has a detail`);
      const firstParagraph = doc(item).split('\n\n')[1];
      assert.ok(!item.detail.includes(firstParagraph) && !firstParagraph.includes(item.detail), `${item.label}: detail "${item.detail}" repeats the documentation`);
    }
    assert.match(doc(hook), /Makes this object a hook/, 'the summary stays in the documentation');
  });

  it('inside quotes, inserts the bare value over what was typed', async () => {
    const { items } = await complete('app/web.yaml', deployment('    argocd.argoproj.io/hook-delete-policy: "Hook$0"'));
    const succeeded = items.find((i) => i.label === 'HookSucceeded');
    assert.equal(edit(succeeded).newText, 'HookSucceeded');
    assert.deepEqual(edit(succeeded).range, { start: { line: 6, character: 44 }, end: { line: 6, character: 48 } });
  });

  it('after a comma in sync-options offers the remaining resource-level options only', async () => {
    const { items } = await complete('app/web.yaml', deployment('    argocd.argoproj.io/sync-options: "Prune=false,$0"'));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('Replace=true'));
    assert.ok(labels.includes('ServerSideApply=true'));
    assert.ok(!labels.includes('Prune=false'), 'an option already in the list is not offered again');
    assert.ok(!labels.includes('CreateNamespace=true'), 'Application-only options are not offered on a resource');
    assert.equal(edit(items[0]).newText, items[0].label);
  });

  it('offers the waves already used in the application, with what sits in each', async () => {
    const { items } = await complete('app/web.yaml', deployment('    argocd.argoproj.io/hook: Sync').replace('sync-wave: "1"', 'sync-wave: "$0"'));
    const details = items.map((i) => i.detail);
    assert.deepEqual(items.map((i) => i.label), ['-1', '2'], 'the object being edited does not count');
    assert.equal(details[0], '-1: Job db-migrate (PreSync)');
    assert.equal(details[1], '2: ConfigMap settings');
    assert.equal(edit(items[0]).newText, '-1', 'inside quotes the bare number goes in');
  });

  it('in a new file no application renders yet, offers the waves of the folder\'s application and says why', async () => {
    const announced = client.plansChanged.length;
    const written = [workspace.write('k/kustomization.yaml', 'resources:\n  - jobs.yaml\n'), workspace.write('k/jobs.yaml', MIGRATE_JOB)];
    // Completion answers from the latest analysis, so the new app must have been analysed (the watcher reports it).
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: written.map((path) => ({ uri: uriOf(path), type: 1 })) });
    await client.waitFor('the new app analysed', () => (client.plansChanged.length > announced ? true : undefined));
    const { items } = await complete('k/new.yaml', deployment('').replace('sync-wave: "1"', 'sync-wave: "$0"'));
    assert.deepEqual(items.map((i) => i.label), ['-1', '2']);
    assert.equal(items[0].detail, '-1: Job db-migrate (PreSync)');
    assert.match((items[0].documentation as { value: string }).value, /new\.yaml is not part of any application yet.*kustomization/s);
  });

  it('offers Application-level sync options in spec.syncPolicy.syncOptions', async () => {
    const { items } = await complete('apps/shop.yaml', APPLICATION);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('ServerSideApply=true'));
    assert.ok(labels.includes('PruneLast=true'));
    assert.ok(!labels.includes('CreateNamespace=true'), 'already listed');
    const { items: onEmptyLine } = await complete('apps/shop.yaml', APPLICATION.replace('      - $0', '      $0'));
    assert.equal(edit(onEmptyLine.find((i) => i.label === 'PruneLast=true')).newText, '- PruneLast=true');
  });

  it('counts UTF-16 code units for ranges after emoji and CJK text', async () => {
    const line = '    argocd.argoproj.io/sync-options: "🚀設定,Prune=false,Rep$0"';
    const { items } = await complete('app/web.yaml', `# 絵文字 🚀\n${deployment(line)}`);
    const replace = items.find((i) => i.label === 'Replace=true');
    const character = line.indexOf('Rep');
    assert.deepEqual(edit(replace).range, { start: { line: 7, character }, end: { line: 7, character: character + 3 } });
  });

  it('offers nothing outside annotations and option lists', async () => {
    const { items } = await complete('app/web.yaml', deployment('').replace('replicas: 1', 'replicas: $0'));
    assert.deepEqual(items, []);
  });
});
