// Code actions edit the document: the "Add sync-wave" source action and the quick fix for a wrong hook type.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, diagnosticCode, openFixture, revertActiveEditor, runCli, waitFor, workspaceRoot } from './e2eHelpers';

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);
}

describe('code actions', () => {
  before(async () => {
    await activeApi();
  });
  afterEach(revertActiveEditor);

  it('"Add sync-wave" adds the annotation to the resource under the cursor', async () => {
    const editor = await openFixture('web/migrate-job.yaml');
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('name: smoke-test'));
    const range = new vscode.Range(line, 4, line, 4);
    const action = await waitFor('the Add sync-wave action', async () =>
      (await codeActions(editor.document.uri, range, 'source.syncplan.addSyncWave')).find((a) => a.title.startsWith('Add sync-wave')));
    assert.ok(action.edit, 'the action carries its edit');
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    const smokeTest = editor.document.getText().split('---')[1];
    assert.match(smokeTest, /argocd\.argoproj\.io\/sync-wave: "-?\d+"/);
  });

  it('the quick fix corrects a lower-case hook type', async function () {
    const check = runCli<{ diagnostics: Array<{ code: string }> }>('check', workspaceRoot(), '--format', 'json');
    if (!check.diagnostics.some((d) => d.code === 'hook/unknown-type')) {
      console.log('      (skipped: this build has no hook/unknown-type rule yet)');
      this.skip();
    }
    const editor = await openFixture('web/migrate-job.yaml');
    const uri = editor.document.uri;
    const diagnostic = await waitFor('hook/unknown-type', () => vscode.languages.getDiagnostics(uri).find((d) => diagnosticCode(d) === 'hook/unknown-type'));
    const fix = await waitFor('a quick fix', async () =>
      // vscode.executeCodeActionProvider does not return an action's diagnostics: pick the fix by its title.
      (await codeActions(uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.edit && /PreSync/.test(a.title)));
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(editor.document.lineAt(diagnostic.range.start.line).text, /argocd\.argoproj\.io\/hook: "?PreSync"?/);
    await waitFor('the diagnostic to go away', () => !vscode.languages.getDiagnostics(uri).some((d) => diagnosticCode(d) === 'hook/unknown-type'));
  });
});
