import assert from 'node:assert/strict';
import { renderKustomization } from '../../../server/src/core/kustomize';
import { memoryHost } from './hosts';

// Expected names and data were produced by `kubectl kustomize` (Kustomize v5.5.0) on the same input.
const BASE = {
  '/g/base/kustomization.yaml': [
    'configMapGenerator:',
    '- name: cfg',
    '  literals: [A=1, "B=x<y&z"]',
    '- name: cfg2',
    '  files: [f.txt]',
    'secretGenerator:',
    '- name: sec',
    '  literals: [P=secret]',
    '- name: envsec',
    '  envs: [a.env]',
    'generatorOptions:',
    '  labels:',
    '    team: core',
    '',
  ].join('\n'),
  '/g/base/f.txt': 'hello\n',
  '/g/base/a.env': '# c\nX=1\n\nY="q"\n',
};

describe('renderKustomization: configMapGenerator and secretGenerator', () => {
  it('appends the same content hash as kubectl', () => {
    const result = renderKustomization(memoryHost(BASE), '/g/base');
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.objects.map((o) => `${o.kind}/${o.name}`), [
      'ConfigMap/cfg-mgk8mb4fgh',
      'ConfigMap/cfg2-dhdgtdmfh9',
      'Secret/envsec-gcktgthgmh',
      'Secret/sec-d9m2bd67d2',
    ]);
    const envsec = result.objects.find((o) => o.name.startsWith('envsec'))!;
    assert.deepEqual(envsec.body.data, { X: 'MQ==', Y: 'InEi' });
    const team = envsec.labels.get('team');
    assert.equal(team?.addedBy, 'generatorOptions');
    assert.equal(team?.keyLocation.file, '/g/base/kustomization.yaml');
  });

  it('merges into a base generator (behavior: merge) and honours disableNameSuffixHash', () => {
    const files = {
      ...BASE,
      '/g/ov/kustomization.yaml': [
        'resources: [../base]',
        'configMapGenerator:',
        '- name: cfg',
        '  behavior: merge',
        '  literals: [C=3]',
        '- name: plain',
        `  literals: ['Q="quoted"']`,
        '  options:',
        '    disableNameSuffixHash: true',
        '',
      ].join('\n'),
    };
    const result = renderKustomization(memoryHost(files), '/g/ov');
    assert.deepEqual(result.findings, []);
    const names = result.objects.map((o) => o.name);
    assert.ok(names.includes('cfg-khf929hdmd'), names.join());
    const plain = result.objects.find((o) => o.name === 'plain');
    assert.deepEqual(plain?.body.data, { Q: 'quoted' });
  });

  it('reports a generator file outside the folder and a missing env file', () => {
    const files = {
      '/g/app/kustomization.yaml': 'configMapGenerator:\n- name: x\n  files: [../secret.txt]\n  envs: [nope.env]\n',
      '/g/secret.txt': 'x',
    };
    const result = renderKustomization(memoryHost(files), '/g/app');
    assert.deepEqual(result.findings.map((f) => f.code).sort(), ['kustomize/missing-resource', 'kustomize/outside-root']);
    assert.equal(result.complete, false);
  });
});
