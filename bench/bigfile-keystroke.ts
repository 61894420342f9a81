// Benchmark (issue 10): the language server in process on one generated 116,623-line file: keystrokes into a
// wave value in its middle, each timed to the diagnostics of that version, with a hover and a completion sent right
// after each (as bench/lsp-vs-yamlls.ts does, in one process, so it can be profiled and run against another checkout).
// Prints median/p95 and, with PROFILE=FILE, writes a CPU profile of the keystrokes alone (not the initial analysis).
// Run: npx tsx bench/bigfile-keystroke.ts [KEYSTROKES] [LINES]   (PAUSE_MS=N waits between keystrokes)

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startInProcess } from '../test/lsp/lspHarness';
import { generateManifest } from './generateManifest';

const KEYSTROKES = Number(process.argv[2] ?? 20);
const LINES = Number(process.argv[3] ?? 116_623);
/** Milliseconds between a keystroke's diagnostics and the next keystroke (default none, as lsp-vs-yamlls.ts types). */
const PAUSE_MS = Number(process.env.PAUSE_MS ?? 0);

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))];
};

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'syncplan-bigfile-'));
  const text = generateManifest(LINES);
  const file = join(root, 'all.yaml');
  writeFileSync(file, text);
  const lines = text.split('\n');
  const line = lines.findIndex((l, i) => i > lines.length / 2 && l.includes('argocd.argoproj.io/sync-wave: "'));
  const column = lines[line].lastIndexOf('"');
  const client = await startInProcess({ folders: [root], server: { debounceMs: undefined } });
  try {
    let started = performance.now();
    await client.waitFor('initial analysis', () => (client.plansChanged.length > 0 ? true : undefined), 600_000);
    console.log(`initial analysis ${(performance.now() - started).toFixed(0)} ms`);
    const uri = client.open(file, text);
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const session = new Session();
    if (process.env.PROFILE) {
      session.connect();
      await post(session, 'Profiler.enable');
      await post(session, 'Profiler.start');
    }
    const keystroke: number[] = [];
    const hover: number[] = [];
    const completion: number[] = [];
    for (let i = 0; i < KEYSTROKES; i++) {
      started = performance.now();
      const version = client.type(uri, { line, character: column + i }, 'x');
      const hoverStarted = performance.now();
      const hoverDone = client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: column } }).then(() => hover.push(performance.now() - hoverStarted));
      const completionStarted = performance.now();
      const completionDone = client
        .request('textDocument/completion', { textDocument: { uri }, position: { line, character: 4 } })
        .then(() => completion.push(performance.now() - completionStarted));
      await client.waitFor(`diagnostics of version ${version}`, () => (client.diagnostics.get(uri)?.version === version ? true : undefined), 60_000);
      keystroke.push(performance.now() - started);
      await Promise.all([hoverDone, completionDone]);
      if (PAUSE_MS > 0) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    if (process.env.PROFILE) {
      const { profile } = await post<{ profile: object }>(session, 'Profiler.stop');
      writeFileSync(process.env.PROFILE, JSON.stringify(profile));
      session.disconnect();
    }
    if (process.env.VERBOSE) console.log(keystroke.map((t) => t.toFixed(0)).join(" "));
    console.log(`keystroke -> diagnostics: median ${percentile(keystroke, 50).toFixed(0)} ms, p95 ${percentile(keystroke, 95).toFixed(0)} ms`);
    console.log(`hover right after a keystroke: median ${percentile(hover, 50).toFixed(0)} ms, p95 ${percentile(hover, 95).toFixed(0)} ms`);
    console.log(`completion right after a keystroke: median ${percentile(completion, 50).toFixed(0)} ms, p95 ${percentile(completion, 95).toFixed(0)} ms`);
  } finally {
    await client.dispose(true);
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
