// Benchmark: how long `syncplan plan` takes over the whole corpus, compared with only parsing the same files.
// Run: npx tsx bench/plan-corpus.ts [CORPUS_DIR]

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeWorkspace } from '../server/src/core/analyzeWorkspace';
import { parseYamlFile } from '../server/src/core/parse/parseYamlFile';
import { isYamlFile } from '../server/src/core/paths';
import { buildPlanReport } from '../server/src/core/report/planReport';
import { listWorkspaceFiles } from '../server/src/core/workspaceFiles';
import { nodeFileHost } from '../server/src/workspace/nodeFileHost';

const corpus = resolve(process.argv[2] ?? [join(__dirname, '..', '..', 'shared', 'corpus'), '/work/shared/corpus'].find(existsSync) ?? '.');
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const host = nodeFileHost();
const files = listWorkspaceFiles(host, corpus).filter(isYamlFile);
const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);

const parseTimes: number[] = [];
const planTimes: number[] = [];
let apps = 0;
let tasks = 0;
for (let run = 0; run < RUNS; run++) {
  let start = performance.now();
  for (const file of files) parseYamlFile(file, readFileSync(file, 'utf8'));
  parseTimes.push(performance.now() - start);

  start = performance.now();
  const workspace = analyzeWorkspace(host, corpus);
  const report = buildPlanReport(workspace, corpus, (p) => host.readFile(p));
  planTimes.push(performance.now() - start);
  apps = report.apps.length;
  tasks = report.apps.reduce((n, a) => n + a.steps.reduce((m, s) => m + s.resources.length, 0), 0);
}

const parseMs = median(parseTimes);
const planMs = median(planTimes);
console.log(`corpus: ${corpus}`);
console.log(`files: ${files.length} YAML files, ${(bytes / 1024 / 1024).toFixed(1)} MiB; ${apps} applications, ${tasks} sync tasks`);
console.log(`parse only (read + YAML parse): median ${parseMs.toFixed(0)} ms over ${RUNS} runs`);
console.log(`full plan (discover + render + plan + rules + report): median ${planMs.toFixed(0)} ms over ${RUNS} runs`);
console.log(`full plan / parse only: ${(planMs / parseMs).toFixed(2)}x`);
