// ApplicationSets a chart renders are expanded after the chart's render: edits to the chart's values, to a
// folder their git generator lists, or to a generated app's files give the same result with the memo as a
// fresh analysis.

import assert from 'node:assert/strict';
import type { WorkspaceAnalysis } from '../../../server/src/core/discover/appTypes';
import { analysedAroundEdit, workspaceFiles, type AroundEdit } from '../../helpers/analysedAroundEdit';

const ROOT = '/ws';

const WORKSPACE: Record<string, string> = {
  'root.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: platform, namespace: argocd}\nspec:\n  destination: {namespace: argocd}\n  source: {path: platform}\n',
  'platform/Chart.yaml': 'apiVersion: v2\nname: platform\nversion: 1.0.0\n',
  'platform/values.yaml': 'teams: [a, b]\n',
  'platform/templates/teams.yaml': [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: ApplicationSet',
    'metadata: {name: teams, namespace: argocd}',
    'spec:',
    '  goTemplate: true',
    '  generators:',
    '    - list:',
    '        elements:',
    '{{- range .Values.teams }}',
    '          - team: {{ . | quote }}',
    '{{- end }}',
    '  template:',
    "    metadata: {name: 'team-{{`{{ .team }}`}}'}",
    '    spec:',
    '      project: default',
    "      source: {repoURL: https://github.com/example/platform.git, path: 'teams/{{`{{ .team }}`}}'}",
    '      destination: {server: https://kubernetes.default.svc, namespace: team}',
    '---',
    'apiVersion: argoproj.io/v1alpha1',
    'kind: ApplicationSet',
    'metadata: {name: services, namespace: argocd}',
    'spec:',
    '  generators:',
    '    - git:',
    '        repoURL: https://github.com/example/platform.git',
    '        revision: HEAD',
    '        directories: [{path: services/*}]',
    '  template:',
    "    metadata: {name: 'svc-{{`{{path.basename}}`}}'}",
    '    spec:',
    '      project: default',
    "      source: {repoURL: https://github.com/example/platform.git, path: '{{`{{path}}`}}'}",
    '      destination: {server: https://kubernetes.default.svc, namespace: services}',
    '',
  ].join('\n'),
  '.syncplan.yaml': 'repositories: [https://github.com/example/platform.git]\n',
  'teams/a/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n',
  'teams/b/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n',
  'teams/c/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n',
  'services/web/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n',
};

function observable(workspace: WorkspaceAnalysis): unknown {
  return {
    apps: workspace.apps.map((a) => ({ id: a.id, notDeployed: a.notDeployed, children: a.children, objects: a.objects.map((o) => [o.id, o.body]) })),
    appsets: (workspace.applicationSets ?? []).map((e) => [e.appset.name, e.apps.map((a) => a.name)]),
    findings: workspace.findings.map((f) => JSON.stringify([f.file, f.span, f.code, f.message, f.detail])).sort(),
  };
}

const names = (workspace: WorkspaceAnalysis): string[] => workspace.apps.map((a) => a.name).sort();

/** The workspace analysed with a memo, then again after `edit`, and fresh after it. */
function aroundEdit(workspace: Record<string, string>, edit: (files: Map<string, string>) => void): AroundEdit {
  return analysedAroundEdit(ROOT, workspaceFiles(ROOT, workspace), edit);
}

describe('core: ApplicationSets a chart renders, with the memo', () => {
  const edits: [string, (files: Map<string, string>) => void, string[]][] = [
    ['a values edit changes the list generator', (f) => f.set(`${ROOT}/platform/values.yaml`, 'teams: [a, c]\n'), ['team-c']],
    ['a folder the git generator lists is created', (f) => f.set(`${ROOT}/services/api/cm.yaml`, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: api}\n'), ['svc-api']],
    ['a generated app\'s file is edited', (f) => f.set(`${ROOT}/teams/a/cm.yaml`, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a2}\n'), []],
  ];
  for (const [label, edit, added] of edits) {
    it(`${label}: the memoised analysis equals a fresh one`, () => {
      const { before, after, fresh } = aroundEdit(WORKSPACE, edit);
      assert.ok(names(before).includes('team-a') && names(before).includes('svc-web'), names(before).join(', '));
      assert.deepEqual(observable(after), observable(fresh));
      for (const name of added) assert.ok(names(after).includes(name), `${name} in ${names(after).join(', ')}`);
      assert.notDeepEqual(observable(after), observable(before));
    });
  }
});

const BUILT: Record<string, string> = {
  '.syncplan.yaml': 'repositories: [https://example.com/r.git]\n',
  'base/kustomization.yaml': 'resources: [appset.yaml]\n',
  'base/appset.yaml': [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: ApplicationSet',
    'metadata: {name: apps, namespace: argocd}',
    'spec:',
    '  generators:',
    '    - list:',
    '        elements: [{name: a}]',
    '  template:',
    "    metadata: {name: '{{name}}'}",
    '    spec:',
    '      project: default',
    "      source: {repoURL: https://example.com/r.git, path: 'apps/{{name}}'}",
    "      destination: {server: https://kubernetes.default.svc, namespace: '{{name}}'}",
    '',
  ].join('\n'),
  'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - target: {kind: ApplicationSet}\n    patch: |\n      - op: add\n        path: /spec/generators/0/list/elements/-\n        value: {name: b}\n',
  'root.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: root, namespace: argocd}\nspec:\n  destination: {namespace: argocd}\n  source: {repoURL: https://example.com/r.git, path: overlay}\n',
  'apps/a/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n',
  'apps/b/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n',
  'apps/c/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n',
};

describe('core: ApplicationSets a Kustomize build changes, with the memo', () => {
  const overlay = `${ROOT}/overlay/kustomization.yaml`;
  const edits: [string, (files: Map<string, string>) => void, string[], string[]][] = [
    ['the patch adds another value', (f) => f.set(overlay, (f.get(overlay) ?? '').replace('{name: b}', '{name: c}')), ['a', 'c'], ['b']],
    ['the patch is removed, so the ApplicationSet is as written', (f) => f.set(overlay, 'resources: [../base]\n'), ['a'], ['b']],
    ['the base is edited', (f) => f.set(`${ROOT}/base/appset.yaml`, (f.get(`${ROOT}/base/appset.yaml`) ?? '').replace('[{name: a}]', '[{name: c}]')), ['b', 'c'], ['a']],
  ];
  for (const [label, edit, present, absent] of edits) {
    it(`${label}: the memoised analysis equals a fresh one`, () => {
      const { before, after, fresh } = aroundEdit(BUILT, edit);
      const generated = (workspace: WorkspaceAnalysis): string[] => workspace.apps.filter((a) => a.generatedBy).map((a) => a.name).sort();
      assert.deepEqual(generated(before), ['a', 'b']);
      assert.deepEqual(observable(after), observable(fresh));
      for (const name of present) assert.ok(generated(after).includes(name), `${name} in ${generated(after).join(', ')}`);
      for (const name of absent) assert.ok(!generated(after).includes(name), `${name} not in ${generated(after).join(', ')}`);
    });
  }
});
