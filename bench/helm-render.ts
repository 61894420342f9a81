// Benchmark: how long the native Helm render takes per corpus chart (issue 9: a chart renders in < 1 s).
// Prints the median of 5 warm runs per chart, after one cold run. Run: npx tsx bench/helm-render.ts [CORPUS_DIR]

import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderHelmApp } from '../server/src/core/helm';
import { ParseCache } from '../server/src/core/workspaceFiles';
import { nodeFileHost } from '../server/src/workspace/nodeFileHost';
import { withMountedFolder } from '../test/helpers/profileHost';

const corpus = resolve(process.argv[2] ?? [join(__dirname, '..', '..', 'shared', 'corpus'), '/work/shared/corpus'].find(existsSync) ?? '.');
const list = JSON.parse(readFileSync(join(__dirname, '..', 'test', 'golden', 'helm', 'charts.json'), 'utf8')) as { charts: { id: string; path: string; valueFiles?: string[]; profile?: string }[] };
const RUNS = 5;

const nodeHost = nodeFileHost();
const cache = new ParseCache();
const seen = new Set<string>();
for (const chart of list.charts) {
  // One render per chart with its own values, plus the charts rendered with a value profile (open-edge).
  const key = chart.profile ? chart.id : chart.path;
  if (seen.has(key)) continue;
  seen.add(key);
  const root = join(corpus, chart.path.split('/')[0]);
  const chartDir = join(corpus, chart.path);
  let host = nodeHost;
  let valueFiles: string[] = [];
  if (chart.profile) {
    const mount = join(root, 'syncplan-test-profile');
    host = withMountedFolder(nodeHost, mount, join(__dirname, '..', chart.profile));
    valueFiles = (chart.valueFiles ?? []).map((f) => join(relative(chartDir, mount), f));
  }
  const render = (): { objects: number; complete: boolean } => {
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
  let start = performance.now();
  const first = render();
  const cold = performance.now() - start;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    start = performance.now();
    render();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const status = first.complete ? `${first.objects} objects` : 'incomplete';
  console.log(`${chart.id.padEnd(28)} cold ${cold.toFixed(0).padStart(5)} ms  warm median ${times[2].toFixed(0).padStart(5)} ms  ${status}`);
}
