// Code lenses above resources are short, and `syncplan.codeLens.enabled` turns them off.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, fixtureUri, waitFor } from './e2eHelpers';

async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
  return (lenses ?? []).map((l) => l.command?.title ?? '').filter((t) => t.length > 0);
}

describe('code lenses', () => {
  it('are short and follow syncplan.codeLens.enabled', async () => {
    await activeApi();
    const uri = fixtureUri('web/deployment.yaml');
    await vscode.window.showTextDocument(uri);
    const titles = await waitFor('lenses', async () => { const t = await lensTitles(uri); return t.length > 0 && t; });
    for (const title of titles) assert.ok(title.length <= 30, `short lens: ${title}`);
    const config = vscode.workspace.getConfiguration('syncplan');
    await config.update('codeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      assert.deepEqual(await lensTitles(uri), []);
    } finally {
      await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('lenses again', async () => (await lensTitles(uri)).length > 0);
  });
});
