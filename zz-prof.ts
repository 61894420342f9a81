import { analyzeWorkspace } from './server/src/core/analyzeWorkspace';
import { AnalysisMemo } from './server/src/core/incremental/analysisMemo';
import { IncrementalParseCache } from './server/src/lsp/incrementalParseCache';
import { CachedDiskHost } from './server/src/lsp/cachedDiskHost';
import { Session } from 'node:inspector';
import { writeFileSync, readFileSync } from 'node:fs';
const file = '/work/shared/corpus/argoproj__argocd-example-apps/kustomize-guestbook/guestbook-ui-svc.yaml';
let text = readFileSync(file, 'utf8'); let version = 1;
const overlay = { get: (p: string) => (p === file ? { text, version } : undefined), paths: () => [file] };
const host = new CachedDiskHost(overlay as any);
const cache = new IncrementalParseCache(); const memo = new AnalysisMemo();
const run = () => analyzeWorkspace(host, '/work/shared/corpus', { cache, memo });
let t = performance.now(); run(); console.log('first', (performance.now() - t).toFixed(0));
t = performance.now(); run(); console.log('again', (performance.now() - t).toFixed(0), memo.stats);
const s = new Session(); s.connect();
s.post('Profiler.enable', () => s.post('Profiler.start', () => {
  for (let i = 0; i < 5; i++) { text = text.replace('port: 80', `port: 8${i}`); version++; const t = performance.now(); run(); console.log('edit', (performance.now() - t).toFixed(0), memo.stats); }
  s.post('Profiler.stop', (_e: any, r: any) => { writeFileSync('/tmp/incr/edit.cpuprofile', JSON.stringify(r.profile)); });
}));
