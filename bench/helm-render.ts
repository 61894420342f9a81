// Benchmark for issue 9's speed targets. Prints:
//   1. the open-edge applications chart (with the test value profile) rendered first in this process, so the
//      figure includes the cold start (target < 1 s), then its warm median;
//   2. every corpus chart of test/golden/helm/charts.json: one cold run, then the median of 5 warm runs;
//   3. with --plan: whole-process `syncplan plan CORPUS` (packages/cli/dist/cli.js, so `npm run build` first),
//      3 runs, median wall and CPU seconds; with --base OLD_CLI_JS the same for an older build, run in turn,
//      and the ratio (target <= 1.5 against the build before Helm rendering).
// Run: npx tsx bench/helm-render.ts [CORPUS_DIR] [--plan] [--base /path/to/old/cli.js]

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderHelmApp } from '../server/src/core/helm';
import { ParseCache } from '../server/src/core/workspaceFiles';
import { nodeFileHost } from '../server/src/workspace/nodeFileHost';
import { withMountedFolder } from '../test/helpers/profileHost';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--base');
const corpus = resolve(positional[0] ?? [join(__dirname, '..', '..', 'shared', 'corpus'), '/work/shared/corpus'].find(existsSync) ?? '.');
interface Chart { id: string; path: string; valueFiles?: string[]; profile?: string }
const list = JSON.parse(readFileSync(join(__dirname, '..', 'test', 'golden', 'helm', 'charts.json'), 'utf8')) as { charts: Chart[] };
const RUNS = 5;

const nodeHost = nodeFileHost();
const cache = new ParseCache();
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A render function for one chart entry: its own values, or its value profile mounted inside its repository. */
function renderer(chart: Chart): () => { objects: number; complete: boolean } {
  const root = join(corpus, chart.path.split('/')[0]);
  const chartDir = join(corpus, chart.path);
  let host = nodeHost;
  let valueFiles: string[] = [];
  if (chart.profile) {
    const mount = join(root, 'syncplan-test-profile');
    host = withMountedFolder(nodeHost, mount, join(__dirname, '..', chart.profile));
    valueFiles = (chart.valueFiles ?? []).map((f) => join(relative(chartDir, mount), f));
  }
  return () => {
    const r = renderHelmApp({
      host,
      files: [],
      root,
      chartDir,
      helm: { valueFiles },
      refs: new Map(),
      workspaceApiVersions: [],
      renderKey: chart.id,
      crdObjects: (file) => {
        const text = host.readFile(file);
        return text === undefined ? [] : cache.objects(file, text);
      },
    });
    return { objects: r.objects.length, complete: r.complete };
  };
}

function time(render: () => { objects: number; complete: boolean }): { ms: number; cpuMs: number; objects: number; complete: boolean } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const r = render();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, ...r };
}

// 1. open-edge first, while nothing is compiled or cached yet.
const openEdge = list.charts.find((c) => c.profile && c.path.includes('open-edge'));
if (openEdge) {
  const render = renderer(openEdge);
  const first = time(render);
  const warm = Array.from({ length: RUNS }, () => time(render).ms);
  console.log(`open-edge applications chart (${openEdge.id}, value profile): first render ${first.ms.toFixed(0)} ms wall, ${first.cpuMs.toFixed(0)} ms CPU; warm median ${median(warm).toFixed(0)} ms; ${first.objects} objects${first.complete ? '' : ' (incomplete)'}; target < 1000 ms`);
}

// 2. every chart.
const seen = new Set<string>();
for (const chart of list.charts) {
  const key = chart.profile ? chart.id : chart.path;
  if (seen.has(key)) continue;
  seen.add(key);
  const render = renderer(chart);
  const first = time(render);
  const warm = Array.from({ length: RUNS }, () => time(render).ms);
  const status = first.complete ? `${first.objects} objects` : 'incomplete';
  console.log(`${chart.id.padEnd(28)} cold ${first.ms.toFixed(0).padStart(5)} ms  warm median ${median(warm).toFixed(0).padStart(5)} ms  ${status}`);
}

// 3. whole-process plan over the corpus.
function planRun(cli: string): { wall: number; cpu: number } {
  const start = performance.now();
  const timed = existsSync('/usr/bin/time');
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, cli, 'plan', corpus], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
    : spawnSync(process.execPath, [cli, 'plan', corpus], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wall = (performance.now() - start) / 1000;
  const last = timed ? r.stderr.trim().split('\n').pop() ?? '' : '';
  const [user, sys] = last.split(' ').map(Number);
  return { wall, cpu: timed ? user + sys : NaN };
}

if (args.includes('--plan') || flag('--base')) {
  const cli = join(__dirname, '..', 'packages', 'cli', 'dist', 'cli.js');
  const base = flag('--base');
  if (!existsSync(cli)) {
    console.log(`syncplan plan: ${cli} is missing; run npm run build first`);
  } else {
    const current: { wall: number; cpu: number }[] = [];
    const before: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 3; i++) {
      if (base) before.push(planRun(base));
      current.push(planRun(cli));
    }
    const show = (runs: { wall: number; cpu: number }[]): string => `median ${median(runs.map((r) => r.wall)).toFixed(2)} s wall, ${median(runs.map((r) => r.cpu)).toFixed(2)} s CPU`;
    console.log(`syncplan plan over the corpus, this build: ${show(current)}`);
    if (base) {
      console.log(`syncplan plan over the corpus, ${base}: ${show(before)}`);
      const ratio = median(current.map((r) => r.cpu)) / median(before.map((r) => r.cpu));
      console.log(`CPU ratio this build / base: ${ratio.toFixed(2)}x (target <= 1.5x)`);
    }
  }
}
