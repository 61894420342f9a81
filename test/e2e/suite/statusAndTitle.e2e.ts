// The status bar item, the view's title-bar buttons and its welcome view, as a user sees them.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, EXTENSION_ID, waitFor } from './e2eHelpers';

interface Contributions {
  menus: { 'view/title': { command: string; when: string }[] };
  viewsWelcome: { view: string; when: string; contents: string }[];
}

const contributions = (): Contributions => (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: Contributions }).contributes;

describe('status bar, title bar and welcome view', () => {
  it('the status bar counts the applications (never "0 apps") and opens the view', async () => {
    const api = await activeApi();
    await api.refreshTree();
    const apps = api.lastPlans()!.folders.reduce((n, f) => n + f.report.apps.length, 0);
    assert.ok(apps > 0);
    const shown = await waitFor('the app count', () => api.statusBar().text.includes(' apps') && api.statusBar());
    assert.equal(shown.text, `$(list-ordered) SyncPlan: ${apps} apps`);
    assert.ok(shown.visible);
    assert.match(shown.tooltip, /Click to show the sync order/);
    assert.doesNotMatch(shown.text, /\b0 apps\b/);
  });

  it('title-bar buttons follow the plans and the filter', async () => {
    const api = await activeApi();
    await api.refreshTree();
    assert.equal(api.contextKeys()['syncplan.hasPlans'], true);
    const title = contributions().menus['view/title'];
    for (const command of ['syncplan.refresh', 'syncplan.copyPlanAsMarkdown', 'syncplan.filterApplications']) {
      assert.match(title.find((m) => m.command === command)!.when, /syncplan\.hasPlans/, command);
    }
    await vscode.commands.executeCommand('syncplan.filterApplications', 'web');
    assert.equal(api.contextKeys()['syncplan.filtered'], true);
    await vscode.commands.executeCommand('syncplan.filterApplications', '');
    assert.equal(api.contextKeys()['syncplan.filtered'], false);
  });

  it('the welcome view offers Open Folder, Show Documentation and Show Output, and each works', async () => {
    const welcome = contributions().viewsWelcome.find((w) => w.view === 'syncplan.syncOrder')!;
    assert.equal(welcome.when, '!syncplan.hasPlans');
    const buttons = [...welcome.contents.matchAll(/^\[([^\]]+)\]\(([^)]+)\)$/gm)].map((m) => [m[1], m[2]]);
    assert.deepEqual(buttons.map(([label]) => label), ['Open Folder', 'Show Documentation', 'Show Output']);
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const [, target] of buttons) {
      if (target.startsWith('command:')) assert.ok(commands.has(target.slice('command:'.length)), target);
      else assert.match(target, /^https:\/\//);
    }
    await vscode.commands.executeCommand('syncplan.showOutput');
  });
});
