// Benchmark (issue 10): how long the core takes to re-analyse the corpus workspace after a one-character edit,
// with the caches the language server keeps (disk cache, per-document parse cache, analysis memo).
// Analyses the corpus once, then types N characters one at a time into a value and into a comment of a file in
// a Kustomize app, a plain folder app and a Helm template, and prints median/p95 re-analysis times and what ran.
// CPU time (process.cpuUsage, all threads) is printed beside wall time: on a loaded machine it is the figure to read.
// Run: npx tsx bench/incremental-core.ts [N] [CORPUS_DIR]
// Profile: node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/incremental-core.ts

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeWorkspace } from '../server/src/core/analyzeWorkspace';
import { AnalysisMemo } from '../server/src/core/incremental/analysisMemo';
import { CachedDiskHost } from '../server/src/lsp/cachedDiskHost';
import { IncrementalParseCache } from '../server/src/lsp/incrementalParseCache';

const N = Number(process.argv[2] ?? 20);
const corpus = resolve(process.argv[3] ?? [join(__dirname, '..', '..', 'shared', 'corpus'), '/work/shared/corpus'].find(existsSync) ?? '.');

const buffers = new Map<string, { text: string; version: number }>();
const overlay = { get: (path: string) => buffers.get(path), paths: () => buffers.keys() };
const host = new CachedDiskHost(overlay);
const cache = new IncrementalParseCache();
const memo = new AnalysisMemo({ reportsPathChanges: true, reportsFileChanges: true });
// As the language server does after each analysis: trees of unchanged template and object-less files are dropped.
const analyze = () => {
  const result = analyzeWorkspace(host, corpus, { cache, memo });
  cache.coolUnchanged();
  return result;
};

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

let start = performance.now();
const first = analyze();
const initialMs = performance.now() - start;
start = performance.now();
analyze();
const unchangedMs = performance.now() - start;
console.log(`corpus: ${corpus}: ${first.files.length} files, ${first.apps.length} apps, ${first.findings.length} findings`);
console.log(`initial analysis ${initialMs.toFixed(0)} ms; again with nothing changed ${unchangedMs.toFixed(0)} ms`);
console.log(`  stages: ${describeStats()}`);

const TARGETS: { label: string; file: string; value: RegExp }[] = [
  { label: 'kustomize app', file: 'argoproj__argocd-example-apps/kustomize-guestbook/guestbook-ui-deployment.yaml', value: /gb-frontend:v5/ },
  { label: 'folder app', file: 'argoproj__argocd-example-apps/sync-waves/manifests.yaml', value: /name: upgrade-sql-schema/ },
  { label: 'helm template', file: 'argoproj__argocd-example-apps/apps/templates/applications.yaml', value: /name: helm-hooks/ },
];

for (const target of TARGETS) {
  const path = join(corpus, target.file);
  const original = host.readFile(path);
  if (original === undefined) {
    console.log(`${target.label}: ${target.file} missing, skipped`);
    continue;
  }
  for (const kind of ['value', 'comment'] as const) {
    let text = kind === 'comment' ? `${original.replace(/\n?$/, '\n')}# ` : original;
    const match = target.value.exec(original);
    let at = match ? match.index + match[0].length : 0;
    if (kind === 'comment') at = text.length;
    const times: number[] = [];
    const cpu: number[] = [];
    let lastStats = '';
    for (let i = 0; i < N; i++) {
      text = text.slice(0, at) + 'x' + text.slice(at);
      at++;
      buffers.set(path, { text, version: (buffers.get(path)?.version ?? 0) + 1 });
      memo.filesChanged([path]);
      const began = performance.now();
      const cpuBefore = process.cpuUsage();
      analyze();
      times.push(performance.now() - began);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
      lastStats = describeStats();
    }
    console.log(
      `${target.label}, ${kind} edit (${target.file}): wall median ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms; ` +
        `cpu median ${quantile(cpu, 0.5).toFixed(1)} ms, p95 ${quantile(cpu, 0.95).toFixed(1)} ms over ${N} keystrokes`,
    );
    console.log(`  last keystroke: ${lastStats}`);
  }
  buffers.delete(path);
  memo.filesChanged([path]);
  analyze();
}

function describeStats(): string {
  return Object.entries({ ...memo.stats, coldTrees: cache.coldStats })
    .map(([key, value]) => `${key}=${typeof value === 'number' ? (Number.isInteger(value) ? value : value.toFixed(1)) : JSON.stringify(value)}`)
    .join(' ');
}
