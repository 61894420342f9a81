// Benchmark (issue 10): the language server's initial analysis of a workspace (default: the corpus), from the end
// of `initialize` to the first plans, in a fresh server process; each run is one process.
// Run: npm run build && npx tsx bench/lsp-initial.ts [RUNS] [FOLDER] [SERVER_JS]
// Profile the server: SYNCPLAN_PROFILE=/tmp/prof npx tsx bench/lsp-initial.ts 1 (the server exits cleanly, so
// node writes its .cpuprofile there).

import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../test/lsp/lspHarness';
import { SERVER_NODE_ARGS } from '../server/src/lsp/serverNodeArgs';

const RUNS = Number(process.argv[2] ?? 3);
const FOLDER = resolve(process.argv[3] ?? '/work/shared/corpus');
const SERVER = resolve(process.argv[4] ?? resolve(__dirname, '../dist/server.js'));
const PROFILE = process.env.SYNCPLAN_PROFILE;

async function run(): Promise<number> {
  const args = [...SERVER_NODE_ARGS, ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : []), SERVER, '--stdio'];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  // A profiled server must exit by itself (on `exit`) for node to write the profile.
  const client = new TestClient(connection, () => (PROFILE ? undefined : child.kill()), {});
  await client.initialize([FOLDER]);
  const started = performance.now();
  await client.waitFor('initial analysis', () => (client.plansChanged.length > 0 ? true : undefined), 600_000);
  const ms = performance.now() - started;
  await client.dispose(true);
  await exited;
  return ms;
}

void (async () => {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await run());
  console.log(`${SERVER}: initial analysis of ${FOLDER}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
})();
