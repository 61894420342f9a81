// Prints how long ApplicationSet expansion takes: a goTemplate matrix of 100 x 99 list elements (9900
// generated Applications, just under the 10000 cap) and a fasttemplate git-directories generator over 2000
// folders. Run: npx tsx bench/appset-expansion.ts

import { performance } from 'node:perf_hooks';
import { analyzeWorkspace } from '../server/src/core/analyzeWorkspace';
import { memoryHost } from '../test/helpers/memoryHost';

function matrixAppSet(a: number, b: number): string {
  const list = (key: string, n: number): string => `[${Array.from({ length: n }, (_, i) => `{${key}: "${i}"}`).join(', ')}]`;
  return `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: big
  namespace: argocd
spec:
  goTemplate: true
  generators:
  - matrix:
      generators:
      - list:
          elementsYaml: '${list('a', a)}'
      - list:
          elementsYaml: '${list('b', b)}'
  template:
    metadata:
      name: 'app-{{ .a }}-{{ .b }}'
      labels: {team: '{{ .a | printf "t%s" }}'}
    spec:
      project: default
      source: {repoURL: https://example.com/r.git, path: 'apps/{{ .a }}'}
      destination: {server: https://kubernetes.default.svc, namespace: 'ns-{{ .b }}'}
`;
}

function gitWorkspace(folders: number): Record<string, string> {
  const files: Record<string, string> = {
    '/ws/appset.yaml': `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: dirs
spec:
  generators:
  - git:
      repoURL: https://example.com/r.git
      revision: HEAD
      directories:
      - path: apps/*
      - path: apps/skip-*
        exclude: true
  template:
    metadata:
      name: '{{path.basename}}'
    spec:
      project: default
      source: {repoURL: https://example.com/r.git, path: '{{path}}'}
      destination: {server: https://kubernetes.default.svc}
`,
  };
  for (let i = 0; i < folders; i++) files[`/ws/apps/app-${i}/cm.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n`;
  return files;
}

function time<T>(label: string, run: () => T, describe: (result: T) => string): void {
  const start = performance.now();
  const result = run();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms (${describe(result)})`);
}

const matrixFiles = { '/ws/appset.yaml': matrixAppSet(100, 99) };
const host = memoryHost(matrixFiles);
time('matrix 100 x 99, goTemplate, whole analysis', () => analyzeWorkspace(host, '/ws'), (ws) => `${ws.applicationSets?.[0]?.apps.length ?? 0} Applications`);
const git = gitWorkspace(2000);
time('git directories over 2000 folders, whole analysis', () => analyzeWorkspace(memoryHost(git), '/ws'), (ws) => `${ws.applicationSets?.[0]?.apps.length ?? 0} Applications`);
