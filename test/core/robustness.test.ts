// Parsing and analysis never throw: broken, templated or hostile input gives a partial result and findings.

import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../server/src/core/analyzeWorkspace';
import { readObjects } from '../../server/src/core/model/readObjects';
import { parseYamlFile } from '../../server/src/core/parse/parseYamlFile';
import { buildSyncPlan } from '../../server/src/core/plan/buildSyncPlan';
import { memoryHost } from '../helpers/memoryHost';

const NASTY = [
  '',
  '---\n---\n---\n',
  '\u0000\u0001\u0002binary\uFFFD',
  '{{ if .Values.x }}\nkind: Job\n{{ end }}',
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [a, b\n',
  'kind: List\nitems: 5\n',
  'apiVersion: v1\nkind: List\nitems:\n  - 1\n  - kind: Secret\n',
  'apiVersion: v1\nkind: Pod\nmetadata: 7\n',
  'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations: [1, 2]\n  labels: "x"\n',
  'a: &x [*x]\n',
  'a: *undefinedAlias\n',
  `${'['.repeat(2000)}`,
  `${'a:\n '.repeat(500)}b`,
  'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: 5\n  annotations:\n    argocd.argoproj.io/hook: 5\n    argocd.argoproj.io/sync-wave: [1]\n',
  'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: x}\nspec: {group: 1, names: "no"}\n',
  '%YAML 1.2\n%TAG ! tag:x\n--- !<tag:x> foo\n',
];

function randomText(seed: number, length: number): string {
  const alphabet = 'ab: -\n\t"\'{}[],&*!|>%@`#?~{{}}0123456789';
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

describe('robustness: the core never throws', () => {
  it('parses, models and plans hostile inputs', () => {
    for (const text of NASTY) {
      const parsed = parseYamlFile('/x.yaml', text);
      const objects = readObjects(parsed);
      assert.doesNotThrow(() => buildSyncPlan(objects, { destinationNamespace: 'ns', syncOptions: ['CreateNamespace=true'] }), text);
    }
  });

  it('survives 300 random documents through the whole workspace analysis', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`/ws/f${i}.yaml`] = `apiVersion: v1\nkind: ConfigMap\n${randomText(i + 1, 200)}`;
    files['/ws/kustomization.yaml'] = randomText(7, 300);
    const workspace = analyzeWorkspace(memoryHost(files), '/ws');
    assert.ok(workspace.findings.length > 0, 'random text produces findings');
  });

  it('reports a YAML error as a finding with a span inside the file', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\ndata: [\n';
    const parsed = parseYamlFile('/x.yaml', text);
    const error = parsed.problems.find((p) => p.code === 'parse/yaml-error');
    assert.ok(error);
    assert.ok(error.span.start >= 0 && error.span.end <= text.length + 1);
  });

  it('marks templated files once instead of a wall of YAML errors', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n{{- range .Values.items }}\n  - {{ . }}\n{{- end }}\ndata:\n{{ toYaml .Values.data | indent 2 }}\n';
    const parsed = parseYamlFile('/t.yaml', text);
    assert.equal(parsed.templated, true);
    assert.ok(parsed.problems.every((p) => p.code === 'parse/templated'));
    const [object] = readObjects(parsed);
    assert.equal(object.name, '{{ .Values.name }}', 'templated names are shown as written');
  });
});
