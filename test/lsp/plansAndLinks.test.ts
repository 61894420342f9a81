// The custom plans request and notification, multi-root folders, and document links.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentLink } from 'vscode-languageserver-protocol';
import type { PlansResult } from '../../server/src/protocol/syncPlanProtocol';
import { startInProcess, uriOf, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';

const APPLICATION = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: shop
spec:
  source:
    path: overlays/prod
`;

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  annotations:
    argocd.argoproj.io/hook: PreSync
`;

const KUSTOMIZATION = `resources:
  - ../../base
  - extra.yaml
  - https://github.com/example/repo//deploy?ref=v1
  - missing.yaml
patches:
  - path: patch.yaml
`;

describe('lsp: plans request and document links', () => {
  const workspaces: Workspace[] = [];
  let client: TestClient | undefined;

  afterEach(async () => {
    await client?.dispose();
    client = undefined;
    for (const w of workspaces.splice(0)) w.remove();
  });

  it('returns each folder plan with absolute files and findings counts, and announces changes', async () => {
    const shop = makeWorkspace({ 'jobs/migrate.yaml': JOB, 'jobs/broken.yaml': 'a: [' });
    const other = makeWorkspace({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n' });
    workspaces.push(shop, other);
    client = await startInProcess({ folders: [shop.root, other.root] });
    const all = await client.request<PlansResult>('syncplan/plans', {});
    assert.deepEqual(all.folders.map((f) => f.folderUri), [uriOf(shop.root), uriOf(other.root)]);
    const shopPlans = all.folders[0];
    const app = shopPlans.report.apps.find((a) => a.path === 'jobs');
    assert.ok(app, JSON.stringify(shopPlans.report.apps.map((a) => a.path)));
    const migrate = app.steps[0].resources[0];
    assert.equal(app.steps[0].phase, 'PreSync');
    assert.equal(migrate.name, 'migrate');
    assert.equal(migrate.absoluteFile, shop.path('jobs/migrate.yaml'));
    assert.equal(shopPlans.findingsByFile[shop.path('jobs/broken.yaml')], 1);

    const only = await client.request<PlansResult>('syncplan/plans', { folderUri: uriOf(other.root) });
    assert.deepEqual(only.folders.map((f) => f.report.apps[0].steps[0].resources[0].name), ['other']);

    const notified = client.plansChanged.length;
    const uri = client.open(shop.path('jobs/migrate.yaml'), JOB.replace('PreSync', 'PostSync'));
    await client.waitFor('plans changed', () => (client!.plansChanged.slice(notified).includes(uriOf(shop.root)) ? true : undefined));
    const after = await client.request<PlansResult>('syncplan/plans', { folderUri: uriOf(shop.root) });
    assert.equal(after.folders[0].report.apps.find((a) => a.path === 'jobs')?.steps[0].phase, 'PostSync', 'the open buffer wins over disk');
    client.close(uri);
  });

  it('links kustomization paths and an Application source path to their targets', async () => {
    const workspace = makeWorkspace({
      'apps/shop.yaml': APPLICATION,
      'base/kustomization.yaml': 'resources: []\n',
      'overlays/prod/kustomization.yaml': KUSTOMIZATION,
      'overlays/prod/extra.yaml': JOB,
      'overlays/prod/patch.yaml': JOB,
    });
    workspaces.push(workspace);
    client = await startInProcess({ folders: [workspace.root] });
    const links = async (relative: string, text: string): Promise<{ line: number; target: string }[]> => {
      const uri = client!.open(workspace.path(relative), text);
      const result = await client!.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
      client!.close(uri);
      return result.map((l) => ({ line: l.range.start.line, target: l.target ?? '' }));
    };
    assert.deepEqual(await links('overlays/prod/kustomization.yaml', KUSTOMIZATION), [
      { line: 1, target: uriOf(workspace.path('base/kustomization.yaml')) },
      { line: 2, target: uriOf(workspace.path('overlays/prod/extra.yaml')) },
      { line: 6, target: uriOf(workspace.path('overlays/prod/patch.yaml')) },
    ]);
    assert.deepEqual(await links('apps/shop.yaml', APPLICATION), [{ line: 6, target: uriOf(workspace.path('overlays/prod/kustomization.yaml')) }]);
  });

  it('makes no link through a symbolic link that leaves the workspace', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'syncplan-outside-'));
    try {
      mkdirSync(join(outside, 'base'));
      writeFileSync(join(outside, 'base', 'kustomization.yaml'), 'resources: []\n');
      const workspace = makeWorkspace({ 'overlays/prod/kustomization.yaml': 'resources:\n- ../../escape/base\n- ../../inside\n', 'inside/kustomization.yaml': 'resources: []\n' });
      workspaces.push(workspace);
      symlinkSync(outside, workspace.path('escape'));
      client = await startInProcess({ folders: [workspace.root] });
      const uri = client.open(workspace.path('overlays/prod/kustomization.yaml'), 'resources:\n- ../../escape/base\n- ../../inside\n');
      const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
      assert.deepEqual(links.map((l) => l.target), [uriOf(workspace.path('inside/kustomization.yaml'))], 'only the link inside the workspace');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
