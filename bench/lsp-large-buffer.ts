// Benchmark: memory and latency when a buffer far over `syncplan.maxFileSize` is opened and edited.
// The server must not parse it (issue 7 item 10): one diagnostic, no multi-GB parse.
// Run: npx tsx bench/lsp-large-buffer.ts [MEGABYTES] [MAX_FILE_SIZE_BYTES]
// Client and server share this process, so RSS includes the client's copies of the text too.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startInProcess } from '../test/lsp/lspHarness';
import { generateManifest } from './generateManifest';

const MEGABYTES = Number(process.argv[2] ?? 40);
const MAX_FILE_SIZE = process.argv[3] === undefined ? undefined : Number(process.argv[3]);

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'syncplan-bench-'));
  const unit = generateManifest(2000);
  const text = unit.repeat(Math.ceil((MEGABYTES * 1024 * 1024) / unit.length));
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const settings = MAX_FILE_SIZE === undefined ? {} : { maxFileSize: MAX_FILE_SIZE };
  const client = await startInProcess({ folders: [root], settings, server: {} });
  try {
    await client.waitFor('the first analysis', () => (client.plansChanged.length > 0 ? true : undefined), 60_000);
    const before = process.memoryUsage().rss;
    let started = performance.now();
    const uri = client.open(join(root, 'huge.yaml'), text);
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.length > 0, undefined);
    const openMs = performance.now() - started;
    started = performance.now();
    const position = { line: 5, character: 4 };
    await client.request('textDocument/hover', { textDocument: { uri }, position });
    await client.request('textDocument/completion', { textDocument: { uri }, position });
    await client.request('textDocument/codeLens', { textDocument: { uri } });
    const requestsMs = performance.now() - started;
    const keystrokes: number[] = [];
    for (let i = 0; i < 5; i++) {
      started = performance.now();
      const version = client.type(uri, { line: 8, character: 17 + i }, 'x');
      await client.diagnosticsFor(uri, () => true, version);
      keystrokes.push(performance.now() - started);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`SyncPlan language server, one ${mb(Buffer.byteLength(text))} buffer (${text.split('\n').length} lines), maxFileSize ${MAX_FILE_SIZE ?? 'default (10 MB)'}`);
    console.log(`diagnostics: ${diagnostics.map((d) => d.code).join(', ')}`);
    console.log(`open -> diagnostics                    ${openMs.toFixed(0).padStart(7)} ms`);
    console.log(`hover + completion + code lens         ${requestsMs.toFixed(0).padStart(7)} ms`);
    console.log(`keystroke -> diagnostics (5, median)   ${keystrokes.sort((a, b) => a - b)[2].toFixed(0).padStart(7)} ms`);
    console.log(`RSS before open ${mb(before)}, peak ${mb(peak)}, after ${mb(process.memoryUsage().rss)}`);
  } finally {
    clearInterval(sampler);
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
