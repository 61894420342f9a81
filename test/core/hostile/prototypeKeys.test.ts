// Keys named __proto__, constructor or prototype are plain data (issue 7 item 4): in YAML, in strategic-merge
// patches, in labels and annotations, in generator data and in label selectors. Object.prototype stays as it
// was, and one application's input never shows up in another's objects.

import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import { memoryHost } from '../../helpers/memoryHost';

const CM = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;

const FILES: Record<string, string> = {
  '/ws/a/kustomization.yaml': [
    'resources: [cm.yaml]',
    'commonAnnotations:',
    '  __proto__: annotated',
    '  constructor: x',
    'configMapGenerator:',
    '- name: gen',
    '  literals: [__proto__=polluted, constructor=1]',
    'patches:',
    '- patch: |-',
    '    apiVersion: v1',
    '    kind: ConfigMap',
    '    metadata:',
    '      name: a-cm',
    '      __proto__:',
    '        namespace: hacked',
    '        polluted: yes',
    '      labels:',
    '        __proto__: {polluted: yes}',
    '- target: {labelSelector: constructor}',
    '  patch: \'[{"op": "add", "path": "/metadata/labels/selected", "value": "yes"}]\'',
    '- patch: \'[{"op": "add", "path": "/metadata/__proto__/namespace", "value": "hacked"}]\'',
    '  target: {kind: ConfigMap}',
    '',
  ].join('\n'),
  '/ws/a/cm.yaml': CM('a-cm', '  labels:\n    prototype: p\n  annotations:\n    __proto__: "{polluted: yes}"\ndata:\n  __proto__: {polluted: yes}\n  constructor: c\n'),
  '/ws/b/cm.yaml': CM('b-cm'),
};

describe('prototype keys from the workspace', () => {
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
  const analysis = analyzeWorkspace(memoryHost(FILES), '/ws');
  const objects = analysis.apps.flatMap((app) => app.objects);
  const byName = (name: string) => objects.find((o) => o.name === name || o.name.startsWith(`${name}-`));

  it('leave Object.prototype untouched', () => {
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeNames);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf({}), Object.prototype);
  });

  it('stay own data in a strategic-merge patch, so the namespace is not changed through a prototype', () => {
    const cm = byName('a-cm');
    assert.ok(cm, 'the patched ConfigMap is rendered');
    assert.equal(cm.namespace, undefined);
    const meta = cm.body.metadata as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(meta), Object.prototype);
    assert.ok(Object.hasOwn(meta, '__proto__'), 'the __proto__ field is kept as a field, as Kustomize does');
    assert.equal((meta as { polluted?: unknown }).polluted, undefined);
  });

  it('a JSON patch through /metadata/__proto__ fails as a missing path', () => {
    assert.ok(analysis.findings.some((f) => f.code === 'kustomize/patch-failed' && /__proto__/.test(f.message)), analysis.findings.map((f) => f.code).join(', '));
  });

  it('a label selector "constructor" selects only objects with that label, not every object', () => {
    const cm = byName('a-cm');
    assert.ok(cm && !cm.labels.has('selected'));
  });

  it('annotations and generator data keep such keys as their own entries', () => {
    const cm = byName('a-cm');
    assert.equal(cm?.annotations.get('__proto__')?.text, 'annotated');
    const generated = byName('gen');
    assert.ok(generated, 'the generated ConfigMap is rendered');
    const data = generated.body.data as Record<string, unknown>;
    assert.ok(Object.hasOwn(data, '__proto__') && data.__proto__ === 'polluted');
    assert.equal(Object.getPrototypeOf(data), Object.prototype);
  });

  it('another application is unaffected', () => {
    const other = byName('b-cm');
    assert.ok(other);
    assert.equal(other.namespace, undefined);
    assert.deepEqual([...other.annotations.keys()], []);
    assert.deepEqual(other.body, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b-cm' } });
  });

  it('values named like Object.prototype members look up nothing in SyncPlan\'s own tables', () => {
    const files: Record<string, string> = {
      '/ws/hooks/job.yaml': [
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata:',
        '  name: migrate',
        '  annotations:',
        '    helm.sh/hook: pre-install',
        '    helm.sh/hook-delete-policy: constructor,toString',
        'spec: {}',
        '',
      ].join('\n'),
      '/ws/odd/kind.yaml': 'apiVersion: v1\nkind: constructor\nmetadata:\n  name: odd\nspec: {}\n',
      '/ws/k/kustomization.yaml': 'constructor: [x]\nresources: [cm.yaml]\npatches:\n- patch: |-\n    apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: k-cm}\n    constructor: [{a: 1}]\n',
      '/ws/k/cm.yaml': CM('k-cm'),
      '/ws/set/appset.yaml': [
        'apiVersion: argoproj.io/v1alpha1',
        'kind: ApplicationSet',
        'metadata:',
        '  name: odd',
        'spec:',
        '  generators:',
        '  - constructor: {}',
        '  template:',
        '    metadata: {name: x}',
        '    spec: {project: default, source: {repoURL: r, path: p}, destination: {server: s}}',
        '',
      ].join('\n'),
    };
    const result = analyzeWorkspace(memoryHost(files), '/ws');
    const messages = result.findings.map((f) => `${f.code}: ${f.message}`);
    assert.ok(!messages.some((m) => /\[object Object\]|function |\[native code\]|syncplan\/internal-error/.test(m)), messages.join('\n'));
  });
});
