// Benchmark: the language server's keystroke-to-diagnostics and completion latency on a 20,000-line manifest.
// Run: npx tsx bench/lsp-latency.ts [LINES] [EDITS]

import { rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CompletionItem } from 'vscode-languageserver-protocol';
import { startInProcess } from '../test/lsp/lspHarness';
import { generateManifest } from './generateManifest';

const LINES = Number(process.argv[2] ?? 20000);
const EDITS = Number(process.argv[3] ?? 30);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(label: string, values: number[]): string {
  return `${label.padEnd(52)} median ${percentile(values, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(values, 95).toFixed(1).padStart(7)} ms   (n=${values.length})`;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'syncplan-bench-'));
  const text = generateManifest(LINES);
  const file = join(root, 'all.yaml');
  writeFileSync(file, text);
  const lines = text.split('\n');
  const client = await startInProcess({ folders: [root], server: { debounceMs: undefined } });
  try {
    const uri = client.open(file, text);
    let started = performance.now();
    await client.diagnosticsFor(uri, () => true, 1);
    const openMs = performance.now() - started;

    // (a) A keystroke in the middle of the file (inside a ConfigMap value), then its diagnostics for that version.
    const valueLine = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('  LOG_LEVEL: info'));
    const keystroke: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      started = performance.now();
      const version = client.type(uri, { line: valueLine, character: 17 + i }, 'x');
      await client.diagnosticsFor(uri, () => true, version);
      keystroke.push(performance.now() - started);
    }

    // (b) Completion on a new empty line under a ConfigMap's annotations, with the buffer already parsed...
    const annotationsLine = lines.findIndex((l, i) => i > lines.length / 2 && l === '  annotations:' && lines[i - 1].startsWith('  name: settings-'));
    let version = client.type(uri, { line: annotationsLine + 1, character: 0 }, '    \n');
    await client.diagnosticsFor(uri, () => true, version);
    const position = { line: annotationsLine + 1, character: 4 };
    const complete = (): Promise<CompletionItem[]> => client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    const warm: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      started = performance.now();
      const items = await complete();
      warm.push(performance.now() - started);
      if (!items.some((item) => item.label === 'argocd.argoproj.io/hook')) throw new Error('completion did not offer argocd.argoproj.io/hook');
    }
    // ...and right after a keystroke, before the debounced analysis ran (completion parses the new buffer itself).
    const afterKeystroke: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      version = client.type(uri, { line: valueLine, character: 17 }, 'y');
      started = performance.now();
      await complete();
      afterKeystroke.push(performance.now() - started);
      await client.diagnosticsFor(uri, () => true, version);
    }

    console.log(`SyncPlan language server latency: ${lines.length} lines, ${text.split(/^---$/m).length} documents, the server's adaptive debounce (syncplan.analysisDelay default)`);
    console.log(`${'open -> first diagnostics'.padEnd(52)} ${openMs.toFixed(1).padStart(14)} ms`);
    console.log(summary('(a) keystroke -> publishDiagnostics (incl. debounce)', keystroke));
    console.log(summary('(b) completion under annotations (buffer parsed)', warm));
    console.log(summary('    completion right after a keystroke', afterKeystroke));
  } finally {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
