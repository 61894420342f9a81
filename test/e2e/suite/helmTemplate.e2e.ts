// A Helm chart in the workspace is rendered: the Sync Order view lists its rendered objects and the template
// shows a code lens with the rendered wave on the line that produced the object.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { walkNodes } from '../../../client/src/tree/planTreeNodes';
import { activeApi, fixtureUri, waitFor } from './e2eHelpers';

describe('Helm templates', () => {
  it('shows the rendered object in the Sync Order view and a code lens on its template line', async () => {
    const api = await activeApi();
    await vscode.commands.executeCommand('syncplan.syncOrder.focus');
    const service = await waitFor('the rendered Service in the tree', async () => {
      const roots = await api.refreshTree();
      return [...walkNodes(roots)].find((n) => n.resource?.kind === 'Service' && n.resource.name === 'chart-svc');
    });
    assert.ok(service, 'Service chart-svc (release name = chart name) is in the tree');
    const uri = fixtureUri('chart/templates/service.yaml');
    await vscode.window.showTextDocument(uri);
    const lenses = await waitFor('a lens on the template', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return (found ?? []).length > 0 && found;
    });
    const lens = lenses.find((l) => l.command?.title.startsWith('Sync · wave 2'));
    assert.ok(lens, `a "Sync · wave 2" lens, got ${lenses.map((l) => l.command?.title).join(', ')}`);
    assert.equal(lens.range.start.line, 3, 'on the line of metadata.name');
  });
});
