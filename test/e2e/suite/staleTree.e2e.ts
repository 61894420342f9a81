// The Sync Order view follows an unsaved buffer (issue 10): an edit moves a resource to another wave in the
// view without a save and without asking the view to refresh.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { walkNodes } from '../../../client/src/tree/planTreeNodes';
import { activeApi, openFixture, revertActiveEditor, waitFor } from './e2eHelpers';

describe('Sync Order view follows the buffer', () => {
  it('shows an edited, unsaved wave', async () => {
    const api = await activeApi();
    await vscode.commands.executeCommand('syncplan.syncOrder.focus');
    const waveOf = (name: string): number | undefined => {
      for (const node of walkNodes(api.treeRoots())) {
        if (node.type !== 'app' || node.app?.name !== 'shop') continue;
        const step = node.app.steps.find((s) => s.resources.some((r) => r.name === name));
        return step?.wave;
      }
      return undefined;
    };
    await waitFor('the shop app in the view', () => waveOf('feature-flags') === -1);
    const editor = await openFixture('shop/config.yaml');
    try {
      const text = editor.document.getText();
      const at = editor.document.positionAt(text.lastIndexOf('"-1"') + 1);
      await editor.edit((edit) => edit.replace(new vscode.Range(at, at.translate(0, 2)), '7'));
      assert.ok(editor.document.isDirty, 'the edit is not saved');
      // Only the server's plansChanged can bring this: the test never asks the view to refresh.
      await waitFor('the view to show wave 7', () => waveOf('feature-flags') === 7);
      assert.equal(waveOf('app-config'), -1);
    } finally {
      await revertActiveEditor();
    }
    await waitFor('the view to show the saved wave again', () => waveOf('feature-flags') === -1);
  });
});
