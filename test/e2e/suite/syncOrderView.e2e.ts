// The "Sync Order" side panel shows the same plan as `syncplan plan --format json`, and its commands work.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlanReport } from '../../../server/src/protocol/syncPlanProtocol';
import { walkNodes, type PlanNode } from '../../../client/src/tree/planTreeNodes';
import { activeApi, fixtureUri, runCli, waitFor, workspaceRoot } from './e2eHelpers';

type Summary = Record<string, string[]>;

/** `app -> ["Sync 1: Service web, Deployment web", ...]` from the CLI's JSON. */
function cliSummary(report: PlanReport): Summary {
  return Object.fromEntries(report.apps.map((app) => [app.name,
    app.steps.map((s) => `${s.phase} ${s.wave}: ${s.resources.map((r) => `${r.kind} ${r.name}`).join(', ')}`)]));
}

/** The same summary from the tree's nodes: app nodes -> step nodes -> resources (also inside parallel groups and as child apps). */
function treeSummary(roots: readonly PlanNode[]): Summary {
  const summary: Summary = {};
  const resourcesOf = (node: PlanNode): PlanNode[] =>
    node.children.flatMap((c) => (c.resource ? [c] : c.type === 'parallel' ? resourcesOf(c) : []));
  for (const node of walkNodes(roots)) {
    if (node.type !== 'app' || !node.app || summary[node.app.name]) continue;
    const names = (step: PlanNode): string => resourcesOf(step).map((r) => `${r.resource!.kind} ${r.resource!.name}`).join(', ');
    // An app with one step shows that step's resources right under itself.
    const only = node.app.steps.length === 1 ? node.app.steps[0] : undefined;
    summary[node.app.name] = only ? [`${only.phase} ${only.wave}: ${names(node)}`]
      : node.children.filter((c) => c.type === 'step').map((step) => `${step.step!.report.phase} ${step.step!.report.wave}: ${names(step)}`);
  }
  return summary;
}

describe('Sync Order view', () => {
  it('shows the plan of `syncplan plan --format json`', async () => {
    const api = await activeApi();
    const expected = cliSummary(runCli<PlanReport>('plan', workspaceRoot(), '--format', 'json'));
    assert.ok(Object.keys(expected).length >= 3, 'the fixture has several applications');
    await vscode.commands.executeCommand('syncplan.syncOrder.focus');
    const actual = await waitFor('the tree to show every application', async () => {
      const summary = treeSummary(await api.refreshTree());
      return Object.keys(summary).length === Object.keys(expected).length && summary;
    });
    assert.deepEqual(actual, expected);
  });

  it('nests the child application under the step that syncs its Application', async () => {
    const api = await activeApi();
    const roots = await api.refreshTree();
    const web = [...walkNodes(roots)].find((n) => n.type === 'app' && n.app?.name === 'web');
    assert.ok(web?.resource, 'the web app appears as its Application resource');
    assert.equal(web.resource.kind, 'Application');
    assert.ok(!roots.some((r) => r.app?.name === 'web'), 'not also at the top level');
    const dropped = [...walkNodes(web.children)].find((n) => n.type === 'group' && n.label === 'Dropped (not synced)');
    // Earlier suites edit web/ files (completion adds an empty hook to the Deployment), so other entries may join it.
    assert.ok(dropped?.children.some((c) => c.label === 'Job db-migrate'), JSON.stringify(dropped?.children.map((c) => c.label)));
  });

  it('counts findings per resource from the editor\'s diagnostics', async () => {
    const api = await activeApi();
    // web/migrate-job.yaml: hook/unknown-type on db-migrate, hook/named-not-recreated on smoke-test.
    const described = async (label: string): Promise<string | undefined> =>
      [...walkNodes(await api.refreshTree())].find((n) => n.type === 'resource' && n.label === label)?.description;
    await waitFor('per-resource counts', async () => /^(✕|⚠) 1\b/.test((await described('Job smoke-test')) ?? ''));
    assert.match((await described('Job db-migrate')) ?? '', /^(✕|⚠) 1\b/);
  });

  it('reveals the resource at a position (the code lens command)', async () => {
    await activeApi();
    const uri = fixtureUri('web/deployment.yaml');
    const found = await vscode.commands.executeCommand<boolean>('syncplan.revealInSyncOrder', uri.toString(), { line: 27, character: 0 });
    assert.equal(found, true);
    const editor = await vscode.window.showTextDocument(uri);
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    assert.equal(await vscode.commands.executeCommand<boolean>('syncplan.revealInSyncOrder'), true);
  });

  it('filters by application and copies the plan as Markdown', async () => {
    const api = await activeApi();
    await vscode.commands.executeCommand('syncplan.filterApplications', 'web');
    // The shared "Notes · all apps" node stays: its caveats apply to the filtered app too.
    assert.deepEqual(api.treeRoots().map((n) => n.label).filter((label) => label !== 'Notes'), ['web']);
    const markdown = await vscode.commands.executeCommand<string>('syncplan.copyPlanAsMarkdown');
    assert.match(markdown, /^### web\n/);
    assert.match(markdown, /\| 1\/2 \| Sync \| 1 \| Service web \|/);
    await vscode.commands.executeCommand('syncplan.filterApplications', '');
    assert.ok(api.treeRoots().length > 1);
  });
});
