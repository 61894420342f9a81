// Benchmark (issue 10, memory): the built language server over the corpus workspace, 1,000 incremental edits,
// each followed by waiting for the diagnostics of that buffer version (as bench/lsp-vs-yamlls.ts does). Prints
// RSS and V8 heap at checkpoints so growth per edit shows. The edits go into a sync-wave value: nine keystrokes
// make it `1xxxxxxxxx` (an invalid wave, new diagnostics each time), the tenth deletes them (valid again), so
// the buffer does not grow. The last line adds the live heap (what survives a full GC forced by the probe).
// Run: npm run build && npx tsx bench/memory.ts [CORPUS_DIR] [FILE_IN_A_KUSTOMIZE_APP]
// Environment: EDITS (default 1000); CHECKPOINTS (default "0,100,250,500,1000"); IDLE_MS (default 4000): the
// pause after the last edit before the "without edits" line; SYNCPLAN_NODE_ARGS: extra
// node flags for the server (e.g. "--trace-gc" or "--heap-prof --heap-prof-dir=/tmp/prof"); HEAP_SNAPSHOT=FILE
// writes a heap snapshot of the server after the last edit (and the forced GC) to FILE; SERVER_JS: another build.

import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../test/lsp/lspHarness';
import { prepareWaveEdit } from './waveEditTarget';
import { SERVER_NODE_ARGS } from '../server/src/lsp/serverNodeArgs';

const CORPUS = resolve(process.argv[2] ?? '/work/shared/corpus');
const EDITED = process.argv[3] ?? join(CORPUS, 'argoproj__argocd-example-apps/kustomize-guestbook/guestbook-ui-deployment.yaml');
const EDITS = Number(process.env.EDITS ?? 1000);
const CHECKPOINTS = new Set((process.env.CHECKPOINTS ?? '0,100,250,500,1000').split(',').map(Number));
const IDLE_MS = Number(process.env.IDLE_MS ?? 4000);
const SERVER = resolve(process.env.SERVER_JS ?? resolve(__dirname, '../dist/server.js'));
const PROBE = resolve(__dirname, 'memoryProbe.cjs');

interface Usage {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  liveHeapMb?: number;
  rssAfterGcMb?: number;
  gcMs?: number;
  /** Main-thread GC pauses since the server started. */
  scavengeMs: number;
  majorMs: number;
  majorCount: number;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Asks the server's probe for its memory use and waits for the answer file to be rewritten. */
async function usageOf(pid: number, file: string): Promise<Usage> {
  const before = existsSync(file) ? statSync(file).mtimeMs : 0;
  writeFileSync(file, '');
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 12_000; i++) {
    await sleep(10);
    const text = readFileSync(file, 'utf8');
    if (text && statSync(file).mtimeMs >= before) return JSON.parse(text) as Usage;
  }
  throw new Error('the memory probe did not answer');
}

async function main(): Promise<void> {
  if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run npm run build first');
  const work = mkdtempSync(join(tmpdir(), 'syncplan-memory-'));
  const probeFile = join(work, 'usage.json');
  try {
    const copy = join(work, 'corpus');
    await new Promise<void>((done, fail) => spawn('cp', ['-r', CORPUS, copy]).on('exit', (code) => (code === 0 ? done() : fail(new Error(`cp ${code}`)))));
    const edited = join(copy, EDITED.slice(CORPUS.length));
    const { line, column } = prepareWaveEdit(edited);

    const flags = [...SERVER_NODE_ARGS, ...(process.env.SYNCPLAN_NODE_ARGS ?? '').split(' ').filter(Boolean)];
    const child = spawn(process.execPath, ['--require', PROBE, ...flags, SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, SYNCPLAN_MEMORY_PROBE: probeFile },
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const kill = (): void => {
      const timer = setTimeout(() => child.kill(), 5000);
      child.once('exit', () => clearTimeout(timer));
    };
    const client = new TestClient(connection, kill, {});
    const started = performance.now();
    await client.initialize([copy]);
    await client.waitFor('initial analysis', () => (client.plansChanged.length > 0 ? true : undefined), 600_000);
    console.log(`initial analysis ${(performance.now() - started).toFixed(0)} ms`);

    const uri = `file://${edited}`;
    client.open(edited, readFileSync(edited, 'utf8'));
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });

    console.log(`${'edits'.padStart(6)} ${'RSS MB'.padStart(8)} ${'heap used'.padStart(10)} ${'heap total'.padStart(11)} ${'external'.padStart(9)} ${'ms/edit'.padStart(8)} ${'GC ms/edit'.padStart(11)} ${'full GCs'.padStart(9)}`);
    // GC columns: main-thread pauses (scavenges and full collections) per edit since the previous line, and the
    // number of full collections in that stretch.
    let previous: Usage = await usageOf(child.pid!, probeFile);
    const row = (edits: number, u: Usage, msPerEdit: number, count: number): void => {
      const gcPerEdit = count === 0 ? 0 : (u.scavengeMs + u.majorMs - previous.scavengeMs - previous.majorMs) / count;
      console.log(
        `${String(edits).padStart(6)} ${u.rssMb.toFixed(0).padStart(8)} ${u.heapUsedMb.toFixed(0).padStart(10)} ${u.heapTotalMb.toFixed(0).padStart(11)} ${u.externalMb.toFixed(0).padStart(9)} ${msPerEdit.toFixed(0).padStart(8)} ${gcPerEdit.toFixed(1).padStart(11)} ${String(u.majorCount - previous.majorCount).padStart(9)}`,
      );
      previous = u;
    };
    row(0, previous, 0, 0);

    let version = 1;
    let typed = 0;
    let since = performance.now();
    let sinceEdits = 0;
    for (let edit = 1; edit <= EDITS; edit++) {
      version++;
      // Nine keystrokes after the `1`, then one edit deleting them.
      const change =
        typed < 9
          ? { range: { start: { line, character: column + typed }, end: { line, character: column + typed } }, text: 'x' }
          : { range: { start: { line, character: column }, end: { line, character: column + typed } }, text: '' };
      typed = typed < 9 ? typed + 1 : 0;
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const wanted = version;
      await client.waitFor(`diagnostics of version ${wanted}`, () => (client.diagnostics.get(uri)?.version === wanted ? true : undefined), 60_000);
      if (CHECKPOINTS.has(edit)) {
        const ms = (performance.now() - since) / (edit - sinceEdits);
        row(edit, await usageOf(child.pid!, probeFile), ms, edit - sinceEdits);
        since = performance.now();
        sinceEdits = edit;
      }
    }
    // The server collects garbage once it has been quiet for a while (lsp/idleCollector.ts): the same after a pause.
    await sleep(IDLE_MS);
    const idle = await usageOf(child.pid!, probeFile);
    console.log(`after ${IDLE_MS / 1000} s without edits: RSS ${idle.rssMb.toFixed(0)} MB, heap used ${idle.heapUsedMb.toFixed(0)} MB, heap total ${idle.heapTotalMb.toFixed(0)} MB`);
    writeFileSync(`${probeFile}.gc`, '');
    if (process.env.HEAP_SNAPSHOT) writeFileSync(`${probeFile}.snapshot`, '');
    const last = await usageOf(child.pid!, probeFile);
    if (process.env.HEAP_SNAPSHOT) copyFileSync(`${probeFile}.heapsnapshot`, process.env.HEAP_SNAPSHOT);
    console.log(`after ${EDITS} edits and a forced full GC: live heap ${last.liveHeapMb} MB, RSS ${last.rssAfterGcMb} MB (the collection took ${last.gcMs} ms)`);
    await client.dispose(true);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
