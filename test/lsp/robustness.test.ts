// The server must survive whatever a user types: every request still answers, nothing crashes.

import assert from 'node:assert/strict';
import type { PlansResult } from '../../server/src/protocol/syncPlanProtocol';
import { startInProcess, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';

function binaryish(): string {
  let text = '';
  for (let i = 0; i < 4000; i++) text += String.fromCharCode((i * 7919) % 65536);
  return text;
}

function nestedBlocks(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
}

const GARBAGE: Record<string, string> = {
  empty: '',
  'binary-ish': binaryish(),
  'lone surrogates and NUL': 'metadata:\n  annotations:\n    \ud800\u0000: \udfff\n',
  'deeply nested flow': `${'['.repeat(20000)}${']'.repeat(20000)}`,
  'deeply nested blocks': nestedBlocks(3000),
  '--- storm': '---\n'.repeat(5000),
  'document markers mid-map': 'apiVersion: v1\nkind: ConfigMap\n---\nmetadata:\n  annotations:\n---\n    argocd.argoproj.io/hook: \n...\n',
  'anchors and aliases': 'a: &a [*a, *a]\nb: *missing\nkind: *a\nmetadata: {annotations: *a}\n',
  'half-typed annotations': 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    argocd.argoproj.io/sync-options: "Prune=false,\n    argocd.argoproj.io/hook: [\n',
  'helm template': 'apiVersion: v1\nkind: {{ .Values.kind }}\nmetadata:\n  annotations:\n    {{- toYaml .Values.a | nindent 4 }}\n',
  'tabs and CRLF': 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n\tannotations:\r\n\t\targocd.argoproj.io/hook: PreSync\r\n',
};

describe('lsp: robustness', () => {
  let workspace: Workspace;
  let client: TestClient;

  before(async () => {
    workspace = makeWorkspace({ 'app/ok.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n' });
    client = await startInProcess({ folders: [workspace.root] });
  });
  after(async () => {
    await client.dispose();
    workspace.remove();
  });

  for (const [name, text] of Object.entries(GARBAGE)) {
    it(`answers every request on ${name}`, async () => {
      const uri = client.open(workspace.path(`app/${name.replace(/\W+/g, '-')}.yaml`), text);
      const lines = text.split(/\r?\n/);
      const positions = [
        { line: 0, character: 0 },
        { line: Math.floor(lines.length / 2), character: 3 },
        { line: lines.length - 1, character: lines[lines.length - 1].length },
        { line: lines.length + 5, character: 99 },
      ];
      for (const position of positions) {
        const params = { textDocument: { uri }, position };
        await client.request('textDocument/completion', params);
        await client.request('textDocument/hover', params);
        await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
      }
      await client.request('textDocument/codeLens', { textDocument: { uri } });
      await client.request('textDocument/documentLink', { textDocument: { uri } });
      // Diagnostics come only when there are some, so ask for the analysis instead of waiting for them.
      await client.request<PlansResult>('syncplan/plans', {});
      // Typing into the garbage keeps working too.
      client.type(uri, { line: 0, character: 0 }, 'x');
      const plans = await client.request<PlansResult>('syncplan/plans', {});
      assert.equal(plans.folders.length, 1);
      client.close(uri);
    });
  }

  it('logged no handler failures', () => {
    assert.deepEqual(client.logs.filter((l) => l.includes('failed')), []);
  });
});
