// Completion under metadata.annotations offers Argo CD's keys and the values of argocd.argoproj.io/hook.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, openFixture, revertActiveEditor, waitFor } from './e2eHelpers';

/** Inserts `text` as a new line after the Deployment's sync-wave annotation; returns the end of that line. */
async function insertAnnotationLine(editor: vscode.TextEditor, text: string): Promise<vscode.Position> {
  const line = editor.document.getText().split('\n').findIndex((l) => l.includes('argocd.argoproj.io/sync-wave'));
  assert.ok(line >= 0);
  const indent = /^\s*/.exec(editor.document.lineAt(line).text)![0];
  await editor.edit((edit) => edit.insert(new vscode.Position(line + 1, 0), `${indent}${text}\n`));
  return new vscode.Position(line + 1, indent.length + text.length);
}

async function labelsAt(editor: vscode.TextEditor, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe('completion', () => {
  before(async () => {
    await activeApi();
  });
  afterEach(revertActiveEditor);

  it('offers the hook types as values of argocd.argoproj.io/hook', async () => {
    const editor = await openFixture('web/deployment.yaml');
    const position = await insertAnnotationLine(editor, 'argocd.argoproj.io/hook: ');
    const labels = await waitFor('hook values', async () => {
      const found = await labelsAt(editor, position);
      return found.includes('PreSync') && found;
    });
    for (const value of ['PreSync', 'Sync', 'PostSync', 'SyncFail', 'Skip']) assert.ok(labels.includes(value), `${value} in ${labels.join(', ')}`);
  });

  it('offers argocd.argoproj.io/hook as a key', async () => {
    const editor = await openFixture('web/deployment.yaml');
    const position = await insertAnnotationLine(editor, 'argocd.argoproj.io/h');
    const labels = await waitFor('annotation keys', async () => {
      const found = await labelsAt(editor, position);
      return found.includes('argocd.argoproj.io/hook') && found;
    });
    assert.ok(labels.includes('argocd.argoproj.io/hook-delete-policy'));
  });
});
