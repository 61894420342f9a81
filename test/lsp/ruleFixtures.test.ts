// Every rule fixture through the language server: one workspace folder per case, the published
// diagnostics of the fixture's rule must match the `^^^` markers, and the preferred quick fix must
// produce the text the case names.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { renderKustomization } from '../../server/src/core/kustomize';
import { loadRuleFixtures, type ExpectedFinding } from '../helpers/ruleFixtures';
import { memoryHost } from '../helpers/memoryHost';
import { startInProcess, uriOf, type TestClient } from './lspHarness';

const SEVERITY_NAMES = ['', 'error', 'warning', 'info', 'hint'];
const placeholderRenderer = renderKustomization(memoryHost({}), '/none').incompleteReasons.some((r) => r.includes('not available'));
const CAPABILITIES: Record<string, boolean> = { 'kustomize-renderer': !placeholderRenderer };

describe('lsp: rule fixtures through the language server', () => {
  const fixtures = loadRuleFixtures();
  const root = mkdtempSync(join(tmpdir(), 'syncplan-rules-lsp-'));
  const folderOf = (f: number, c: number): string => join(root, `f${f}-c${c}`);
  let client: TestClient;

  before(async function () {
    this.timeout(180_000);
    const folders: string[] = [];
    fixtures.forEach((fixture, f) =>
      fixture.cases.forEach((testCase, c) => {
        folders.push(folderOf(f, c));
        for (const [path, text] of Object.entries(testCase.files)) {
          const target = join(folderOf(f, c), path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, text);
        }
      }),
    );
    client = await startInProcess({ folders });
    // Each folder announces its plans right after publishing its first diagnostics.
    const pending = new Set(folders.map(uriOf));
    await client.waitFor('every folder analysed', () => {
      for (const uri of client.plansChanged) pending.delete(uri);
      return pending.size === 0 ? true : undefined;
    }, 120_000);
  });
  after(async () => {
    await client?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  fixtures.forEach((fixture, f) => {
    describe(fixture.rule, () => {
      fixture.cases.forEach((testCase, c) => {
        it(testCase.name, async function () {
          if ((testCase.requires ?? []).some((r) => !CAPABILITIES[r])) this.skip();
          const actual = Object.keys(testCase.files).flatMap((path) => {
            const diagnostics = client.diagnostics.get(uriOf(join(folderOf(f, c), path)))?.diagnostics ?? [];
            return diagnostics.filter((d) => d.code === fixture.rule).map((d) => show(path, d, testCase.files[path]));
          });
          const expected = testCase.expected.filter((e) => e.code === fixture.rule).map(showExpected);
          assert.deepEqual(actual.sort(), expected.sort());
          if (testCase.fix !== undefined) await checkQuickFix(join(folderOf(f, c), testCase.expected[0].file), testCase.fix, fixture.rule);
        });
      });
    });
  });

  /** Opens the file, asks for the quick fixes of the rule's first diagnostic and applies the preferred one. */
  async function checkQuickFix(path: string, fixText: string, code: string): Promise<void> {
    const uri = uriOf(path);
    const diagnostic = client.diagnostics.get(uri)?.diagnostics.find((d) => d.code === code) as Diagnostic;
    client.open(path, readFileSync(path, 'utf8'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    client.close(uri);
    const preferred = actions.find((a) => a.isPreferred && a.diagnostics?.some((d) => d.code === code));
    assert.ok(preferred, `a preferred quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    const edited = Object.entries(preferred.edit?.changes ?? {}).map(([target, edits]) =>
      TextDocument.applyEdits(TextDocument.create(target, 'yaml', 1, readFileSync(fileURLToPath(target), 'utf8')), edits),
    );
    assert.ok(edited.some((t) => t.includes(fixText)), `after "${preferred.title}" expected ${JSON.stringify(fixText)} in:\n${edited.join('\n---\n')}`);
  }
});

function show(file: string, d: Diagnostic, text: string): string {
  const lineLength = (text.split(/\r?\n/)[d.range.start.line] ?? '').length;
  const end = d.range.end.line === d.range.start.line ? d.range.end.character : lineLength;
  return `${file}:${d.range.start.line + 1}:${d.range.start.character}-${end} ${SEVERITY_NAMES[d.severity ?? 0]}`;
}

function showExpected(e: ExpectedFinding): string {
  return `${e.file}:${e.line + 1}:${e.startCharacter}-${e.endCharacter} ${e.severity}`;
}
