import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeWorkspace } from '../server/src/core/analyzeWorkspace';
import { AnalysisMemo } from '../server/src/core/incremental/analysisMemo';
import { CachedDiskHost } from '../server/src/lsp/cachedDiskHost';
import { IncrementalParseCache } from '../server/src/lsp/incrementalParseCache';
const corpus = '/work/shared/corpus';
const buffers = new Map<string, { text: string; version: number }>();
const overlay = { get: (path: string) => buffers.get(path), paths: () => buffers.keys() };
const host = new CachedDiskHost(overlay);
const cache = new IncrementalParseCache();
const memo = new AnalysisMemo({ reportsPathChanges: true, reportsFileChanges: true });
const analyze = () => analyzeWorkspace(host, corpus, { cache, memo });
analyze(); analyze();
const path = join(corpus, process.env.FILE ?? 'argoproj__argocd-example-apps/kustomize-guestbook/guestbook-ui-deployment.yaml');
let text = host.readFile(path)!;
let at = text.indexOf(process.env.AT ?? 'gb-frontend:v5') + (process.env.AT ?? 'gb-frontend:v5').length;
const N = Number(process.env.N ?? 200);
const edit = () => { text = text.slice(0, at) + 'x' + text.slice(at); at++; buffers.set(path, { text, version: (buffers.get(path)?.version ?? 0) + 1 }); memo.filesChanged([path]); };
for (let i = 0; i < 30; i++) { edit(); analyze(); }
const session = new Session(); session.connect();
session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 100 }, () => session.post('Profiler.start', () => {
  const t = performance.now(); const stages: Record<string, number> = {};
  for (let i = 0; i < N; i++) { edit(); analyze(); for (const [k, v] of Object.entries(memo.stats.ms)) stages[k] = (stages[k] ?? 0) + v; }
  console.log('per keystroke ms', ((performance.now() - t) / N).toFixed(1), Object.entries(stages).map(([k, v]) => `${k}=${(v / N).toFixed(1)}`).join(' '));
  session.post('Profiler.stop', (err, { profile }) => { writeFileSync('/tmp/kp/keys.cpuprofile', JSON.stringify(profile)); });
})));
