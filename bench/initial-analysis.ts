// Benchmark (issue 10): the initial (cold) analysis of the corpus workspace in a fresh process, with the caches
// the language server keeps (as bench/incremental-core.ts), and the milliseconds of each stage.
// Run: npx tsx bench/initial-analysis.ts [CORPUS_DIR]  (each run is one process: repeat it for several figures)
// Profile: node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/initial-analysis.ts

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeWorkspace } from '../server/src/core/analyzeWorkspace';
import { AnalysisMemo } from '../server/src/core/incremental/analysisMemo';
import { CachedDiskHost } from '../server/src/lsp/cachedDiskHost';
import { IncrementalParseCache } from '../server/src/lsp/incrementalParseCache';

const corpus = resolve(process.argv[2] ?? [join(__dirname, '..', '..', 'shared', 'corpus'), '/work/shared/corpus'].find(existsSync) ?? '.');
const host = new CachedDiskHost({ get: () => undefined, paths: () => [][Symbol.iterator]() });
const memo = new AnalysisMemo({ reportsPathChanges: true });
/**
 * CPU seconds of the main thread alone (Linux; undefined elsewhere): without the GC helper and compiler threads,
 * and less swayed than wall time by other jobs on a shared machine.
 */
function mainThreadCpuMs(): number | undefined {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

const mainBefore = mainThreadCpuMs();
const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = analyzeWorkspace(host, corpus, { cache: new IncrementalParseCache(), memo });
const wall = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const mainAfter = mainThreadCpuMs();
const main = mainBefore === undefined || mainAfter === undefined ? '' : `, main thread ${(mainAfter - mainBefore).toFixed(0)} ms CPU`;
console.log(`corpus: ${corpus}: ${result.files.length} files, ${result.apps.length} apps, ${result.findings.length} findings`);
console.log(`initial analysis ${wall.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU${main}`);
console.log(`  stages (ms): ${Object.entries(memo.stats.ms).map(([stage, ms]) => `${stage}=${ms}`).join(' ')}`);
