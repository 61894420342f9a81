// An open buffer over `syncplan.maxFileSize` is not analysed or parsed: it gets one diagnostic saying so,
// and per-document requests answer with nothing instead of parsing it (issue 7 item 10).

import assert from 'node:assert/strict';
import type { CodeLens, CompletionItem, Hover } from 'vscode-languageserver';
import { generateManifest } from '../../bench/generateManifest';
import { startInProcess, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';

const CAP = 4000;

describe('lsp: buffers over the size cap', () => {
  let workspace: Workspace;
  let client: TestClient;
  beforeEach(async () => {
    workspace = makeWorkspace({ 'app/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
    client = await startInProcess({ folders: [workspace.root], settings: { maxFileSize: CAP }, server: { debounceMs: 0 } });
    // The first analysis runs once the settings are read; buffers opened after it are judged by the cap.
    await client.waitFor('the first analysis', () => (client.plansChanged.length > 0 ? true : undefined));
  });
  afterEach(async () => {
    await client.dispose();
    workspace.remove();
  });

  it('gives one file-too-large diagnostic and no hover or code lenses, then analyses the buffer once it is small again', async () => {
    const big = `${generateManifest(400)}\nbroken: [\n`;
    assert.ok(Buffer.byteLength(big) > CAP);
    const uri = client.open(workspace.path('app/big.yaml'), big);
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['workspace/file-too-large']);
    assert.match(String(diagnostics[0].message), /over the 4000-byte limit/);
    // Line 5 is the first annotation key: a small buffer offers annotation keys there.
    const atAnnotation = { textDocument: { uri }, position: { line: 5, character: 4 } };
    assert.deepEqual(await client.request<CompletionItem[]>('textDocument/completion', atAnnotation), []);
    assert.equal(await client.request<Hover | null>('textDocument/hover', atAnnotation), null);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses, []);

    const version = client.change(uri, 'broken: [\n');
    const small = await client.diagnosticsFor(uri, (d) => d.length > 0, version);
    assert.deepEqual(small.map((d) => d.code), ['parse/yaml-error']);
    client.change(uri, generateManifest(20));
    const offered = await client.request<CompletionItem[]>('textDocument/completion', atAnnotation);
    assert.ok(offered.length > 0, 'the same position in a small buffer offers annotation keys');
  });

  it('counts UTF-8 bytes, not characters', async () => {
    // 1,500 three-byte characters: 1,500 characters but 4,500 bytes.
    const uri = client.open(workspace.path('app/wide.yaml'), `# ${'€'.repeat(1500)}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\n`);
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['workspace/file-too-large']);
  });
});
