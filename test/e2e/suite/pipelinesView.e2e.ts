// The "Promotion Pipelines" view lists the fixture's Kargo Stages in promotion order with their Applications,
// as `syncplan plan --format json` reports them; its items open the Stage, reveal the app in Sync Order, and
// follow an unsaved edit of the pipeline.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PipelineNode } from '../../../client/src/tree/pipelineTreeModel';
import type { PlanReport } from '../../../server/src/protocol/syncPlanProtocol';
import { activeApi, fixtureUri, openFixture, revertActiveEditor, runCli, waitFor, workspaceRoot } from './e2eHelpers';

/** `project: ["stage <- upstreams [warehouses] -> apps"]`, the same outline from the CLI and the tree. */
type Outline = Record<string, string[]>;

function cliOutline(report: PlanReport): Outline {
  return Object.fromEntries((report.kargo ?? []).map((p) => [p.project, p.stages.map((s) =>
    `${s.name} <- ${s.upstream.join(',')} [${s.warehouses.join(',')}] -> ${s.applications.map((a) => `${a.name}${a.authorized ? '' : '!'}`).join(',')}`)]));
}

function treeOutline(roots: readonly PipelineNode[]): Outline {
  return Object.fromEntries(roots.filter((n) => n.type === 'project').map((p) => [p.label, p.children.map((s) =>
    `${s.label} <- ${s.stage!.upstream.join(',')} [${s.stage!.warehouses.join(',')}] -> ${s.children.map((a) => `${a.label}${a.application!.authorized ? '' : '!'}`).join(',')}`)]));
}

function node(roots: readonly PipelineNode[], ...labels: string[]): PipelineNode {
  let nodes = roots;
  let found: PipelineNode | undefined;
  for (const label of labels) {
    found = nodes.find((n) => n.label === label);
    assert.ok(found, `no ${label} among ${nodes.map((n) => n.label).join(', ')}`);
    nodes = found.children;
  }
  return found!;
}

describe('Promotion Pipelines view', () => {
  it('lists the Stages in promotion order with their Applications, as `syncplan plan --format json` does', async () => {
    const api = await activeApi();
    await vscode.commands.executeCommand('syncplan.pipelines.focus');
    const expected = cliOutline(runCli<PlanReport>('plan', workspaceRoot(), '--format', 'json'));
    assert.deepEqual(expected, { guestbook: ['test <-  [images] -> guestbook-test', 'prod <- test [] -> guestbook-prod'] });
    const roots = await waitFor('the pipeline', async () => {
      const nodes = await api.refreshPipelines();
      return nodes.length > 0 && nodes;
    });
    assert.deepEqual(treeOutline(roots), expected);
    const prod = node(roots, 'guestbook', 'prod');
    assert.equal(prod.description, '← test');
    assert.equal(node(roots, 'guestbook', 'test').description, '← warehouse images');
    assert.match(node(roots, 'guestbook', 'prod', 'guestbook-prod').description ?? '', /authorized/);
  });

  it('opens the Stage where it is written', async () => {
    const api = await activeApi();
    const prod = node(await api.refreshPipelines(), 'guestbook', 'prod');
    const item = api.pipelineTreeItem(prod);
    assert.equal(item.contextValue, 'syncplan.pipeline.stage');
    assert.ok(item.command, 'a Stage opens on click');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = await waitFor('the Stage editor', () => vscode.window.activeTextEditor?.document.uri.fsPath === fixtureUri('kargo/pipeline.yaml').fsPath && vscode.window.activeTextEditor);
    const text = editor.document.getText();
    // The Stage's document starts at the selected line.
    const after = text.split('\n').slice(editor.selection.active.line).join('\n');
    assert.match(after, /^(---\n)?apiVersion: kargo\.akuity\.io\/v1alpha1\nkind: Stage\nmetadata:\n  name: prod\n/);
  });

  it('shows an Application in the Sync Order view', async () => {
    const api = await activeApi();
    const app = node(await api.refreshPipelines(), 'guestbook', 'test', 'guestbook-test');
    assert.equal(api.pipelineTreeItem(app).contextValue, 'syncplan.pipeline.application.planned');
    assert.equal(await vscode.commands.executeCommand<boolean>('syncplan.showAppInSyncOrder', app), true);
    const selected = await waitFor('the Sync Order selection', () => api.selectedPlanNodes().length > 0 && api.selectedPlanNodes());
    assert.deepEqual(selected.map((n) => [n.type, n.app?.name, n.app?.id]), [['app', 'guestbook-test', app.application!.appId]]);
  });

  it('follows an unsaved edit of the pipeline', async () => {
    const api = await activeApi();
    await vscode.commands.executeCommand('syncplan.pipelines.focus');
    const editor = await openFixture('kargo/pipeline.yaml');
    const text = editor.document.getText();
    const offset = text.indexOf('stages: [test]');
    assert.ok(offset > 0);
    // prod also takes Freight straight from the Warehouse: no plan changes, only the pipeline.
    await editor.edit((edit) => edit.insert(editor.document.positionAt(offset + 'stages: [test]'.length), '\n      direct: true'));
    try {
      // No refresh from the test: the server's plansChanged notification brings the view up to date.
      const roots = await waitFor('prod to take Freight from the Warehouse too', () => {
        const prod = api.pipelineRoots()[0]?.children.find((s) => s.label === 'prod');
        return prod?.description === '← test · ← warehouse images' && api.pipelineRoots();
      });
      assert.deepEqual(roots[0].children.map((s) => s.label), ['test', 'prod']);
    } finally {
      await revertActiveEditor();
    }
    await waitFor('the pipeline as saved', () => api.pipelineRoots()[0]?.children.find((s) => s.label === 'prod')?.description === '← test');
  });
});
