// The extension activates in a workspace with kustomizations, starts its server and registers its commands.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, EXTENSION_ID, waitFor } from './e2eHelpers';

describe('activation', () => {
  it('activates on the fixture workspace without opening a file', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension under development is loaded');
    // workspaceContains:**/kustomization.{yaml,yml} activates it at startup.
    await waitFor('activation by workspaceContains', () => extension.isActive);
    const api = await activeApi();
    await waitFor('a status other than starting', () => api.serverState() !== 'starting' && api.serverState());
    assert.notEqual(api.serverState(), 'error');
  });

  it('registers every command it contributes', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of ['syncplan.refresh', 'syncplan.restartServer', 'syncplan.filterApplications', 'syncplan.clearFilter',
      'syncplan.copyPlanAsMarkdown', 'syncplan.revealInSyncOrder']) {
      assert.ok(commands.has(id), `command ${id}`);
    }
  });

  it('restarts the language server on command and keeps answering', async () => {
    const api = await activeApi();
    await vscode.commands.executeCommand('syncplan.restartServer');
    const roots = await waitFor('plans after the restart', async () => (await api.refreshTree()).length > 0 && api.treeRoots());
    assert.ok(roots.length > 0);
    assert.notEqual(api.serverState(), 'error');
  });
});
