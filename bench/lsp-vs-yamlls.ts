// Benchmark (issue 10): SyncPlan's language server side by side with yaml-language-server, both as child
// processes over stdio in the same run. Workspace A is a folder of manifests (default: the corpus); workspace
// B is one generated 116k-line file. Per server: initial analysis, open of an unchanged file, 30 keystrokes
// each timed to the diagnostics of that buffer version, hover and completion sent right after a keystroke, RSS.
// Keystrokes go into a sync-wave value, so every keystroke changes the diagnostics and both servers publish.
// Run: npm run build && npx tsx bench/lsp-vs-yamlls.ts [CORPUS_DIR] [FILE_IN_A_KUSTOMIZE_APP]
// Environment: KEYSTROKES (default 30); WORKSPACES=corpus or WORKSPACES=single to run one part only;
// SYNCPLAN_NODE_ARGS: extra node flags for SyncPlan's server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it;
// VERBOSE=1 prints every keystroke's time.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../test/lsp/lspHarness';
import { prepareWaveEdit } from './waveEditTarget';
import { SERVER_NODE_ARGS } from '../server/src/lsp/serverNodeArgs';
import { generateManifest } from './generateManifest';

const CORPUS = resolve(process.argv[2] ?? '/work/shared/corpus');
const EDITED = process.argv[3] ?? join(CORPUS, 'argoproj__argocd-example-apps/kustomize-guestbook/guestbook-ui-deployment.yaml');
const KEYSTROKES = Number(process.env.KEYSTROKES ?? 30);
const WORKSPACES = process.env.WORKSPACES ?? 'corpus,single';
const SERVERS: Record<string, string> = {
  SyncPlan: resolve(__dirname, '../dist/server.js'),
  'yaml-language-server': require.resolve('yaml-language-server/bin/yaml-language-server'),
};

interface Figures {
  initialMs?: number;
  openMs: number;
  keystroke: number[];
  hover: number[];
  completion: number[];
  rssMb: number;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))];
};

function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function start(server: string, folder: string): Promise<{ client: TestClient; child: ChildProcess }> {
  const flags = server === 'SyncPlan' ? [...SERVER_NODE_ARGS, ...(process.env.SYNCPLAN_NODE_ARGS ?? '').split(' ').filter(Boolean)] : [];
  const child = spawn(process.execPath, [...flags, SERVERS[server], '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  // yaml-language-server reads the `yaml` section; every section is answered with the same object.
  // The server exits on `exit` (writing a profile if asked to); killed only if it does not within 5 s.
  const kill = (): void => {
    const timer = setTimeout(() => child.kill(), 5000);
    child.once('exit', () => clearTimeout(timer));
  };
  const client = new TestClient(connection, kill, server === 'SyncPlan' ? {} : { validate: true, hover: true, completion: true });
  await client.initialize([folder]);
  return { client, child };
}

/** Publishes seen for `uri` so far; yaml-language-server sends no version, so a new publish is the signal. */
const publishes = (client: TestClient, uri: string): number => client.publishCount.get(uri) ?? 0;

async function measure(server: string, folder: string, file: string, line: number, column: number): Promise<Figures> {
  const { client, child } = await start(server, folder);
  try {
    let started = performance.now();
    let initialMs: number | undefined;
    if (server === 'SyncPlan') {
      await client.waitFor('initial analysis', () => (client.plansChanged.length > 0 ? true : undefined), 600_000);
      initialMs = performance.now() - started;
    }
    const text = readFileSync(file, 'utf8');
    const uri = `file://${file}`;
    // Open: until the server has answered a request sent right after the open (it handled the open first).
    started = performance.now();
    client.open(file, text);
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const openMs = performance.now() - started;
    if (server !== 'SyncPlan') await client.waitFor('first diagnostics', () => (publishes(client, uri) > 0 ? true : undefined), 60_000);

    const keystroke: number[] = [];
    const hover: number[] = [];
    const completion: number[] = [];
    const position = { line, character: column };
    for (let i = 0; i < KEYSTROKES; i++) {
      const before = publishes(client, uri);
      started = performance.now();
      const version = client.type(uri, { line, character: column + i }, 'x');
      // Hover and completion right after the keystroke, before its analysis.
      const hoverStarted = performance.now();
      const hoverDone = client.request('textDocument/hover', { textDocument: { uri }, position }).then(() => hover.push(performance.now() - hoverStarted));
      const completionStarted = performance.now();
      const completionDone = client
        .request('textDocument/completion', { textDocument: { uri }, position: { line, character: 4 } })
        .then(() => completion.push(performance.now() - completionStarted));
      await client.waitFor(
        `diagnostics of version ${version}`,
        () => (server === 'SyncPlan' ? (client.diagnostics.get(uri)?.version === version ? true : undefined) : publishes(client, uri) > before ? true : undefined),
        60_000,
      );
      keystroke.push(performance.now() - started);
      if (process.env.VERBOSE) console.log(`${server} keystroke ${i}: ${keystroke[i].toFixed(0)} ms`);
      await Promise.all([hoverDone, completionDone]);
    }
    return { initialMs, openMs, keystroke, hover, completion, rssMb: rssMb(child) };
  } finally {
    await client.dispose(true);
  }
}

function report(title: string, results: Record<string, Figures>): void {
  const [ours, theirs] = [results.SyncPlan, results['yaml-language-server']];
  const row = (label: string, a: number, b: number, unit = 'ms'): string =>
    `${label.padEnd(40)} ${a.toFixed(0).padStart(8)} ${unit}   ${b.toFixed(0).padStart(8)} ${unit}   ${(a / b).toFixed(2).padStart(6)}x`;
  console.log(`\n${title}`);
  console.log(`${''.padEnd(40)} ${'SyncPlan'.padStart(11)}   ${'yaml-ls'.padStart(11)}   ratio`);
  if (ours.initialMs !== undefined) console.log(`${'initial analysis'.padEnd(40)} ${ours.initialMs.toFixed(0).padStart(8)} ms`);
  console.log(row('open of an unchanged file', ours.openMs, theirs.openMs));
  console.log(row('keystroke -> diagnostics, median', percentile(ours.keystroke, 50), percentile(theirs.keystroke, 50)));
  console.log(row('keystroke -> diagnostics, p95', percentile(ours.keystroke, 95), percentile(theirs.keystroke, 95)));
  console.log(row('hover right after a keystroke, p95', percentile(ours.hover, 95), percentile(theirs.hover, 95)));
  console.log(row('completion right after a keystroke, p95', percentile(ours.completion, 95), percentile(theirs.completion, 95)));
  console.log(row('RSS after the keystrokes', ours.rssMb, theirs.rssMb, 'MB'));
}

async function main(): Promise<void> {
  if (!existsSync(SERVERS.SyncPlan)) throw new Error('dist/server.js is missing: run npm run build first');
  // Workspace A: a copy of the corpus, so the edited file can carry the wave annotation on disk too.
  const work = mkdtempSync(join(tmpdir(), 'syncplan-bench-'));
  try {
    const copy = join(work, 'corpus');
    await new Promise<void>((done, fail) => spawn('cp', ['-r', CORPUS, copy]).on('exit', (code) => (code === 0 ? done() : fail(new Error(`cp ${code}`)))));
    const edited = join(copy, EDITED.slice(CORPUS.length));
    const at = prepareWaveEdit(edited);
    const corpus: Record<string, Figures> = {};
    if (WORKSPACES.includes('corpus')) for (const server of Object.keys(SERVERS)) corpus[server] = await measure(server, copy, edited, at.line, at.column);
    if (WORKSPACES.includes('corpus')) report(`Workspace: ${CORPUS} (edited: ${EDITED.slice(CORPUS.length + 1)}), ${KEYSTROKES} keystrokes`, corpus);

    if (!WORKSPACES.includes('single')) return;
    // Workspace B: one 116,623-line file; keystrokes go into a wave value in its middle.
    const single = join(work, 'single');
    mkdirSync(single);
    const big = join(single, 'all.yaml');
    const text = generateManifest(116_623);
    writeFileSync(big, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => i > lines.length / 2 && l.includes('argocd.argoproj.io/sync-wave: "'));
    const column = lines[line].lastIndexOf('"');
    const results: Record<string, Figures> = {};
    for (const server of Object.keys(SERVERS)) results[server] = await measure(server, single, big, line, column);
    report(`Workspace: one generated file of ${lines.length} lines, ${KEYSTROKES} keystrokes`, results);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
