import assert from 'node:assert/strict';
import { renderKustomization } from '../../../server/src/core/kustomize';
import { memoryHost } from './hosts';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n';

function spanText(files: Record<string, string>, finding: { file: string; span: { start: number; end: number } }): string {
  return files[finding.file].slice(finding.span.start, finding.span.end);
}

describe('renderKustomization: problems become findings, never exceptions', () => {
  it('refuses a resource file outside the kustomization folder (load restrictor), like kustomize', () => {
    const files = {
      '/r/app/kustomization.yaml': 'resources:\n  - ../shared/cm.yaml\n',
      '/r/shared/cm.yaml': CM,
    };
    const result = renderKustomization(memoryHost(files), '/r/app');
    assert.deepEqual(result.objects, []);
    assert.equal(result.complete, false);
    assert.deepEqual(result.findings.map((f) => [f.code, f.severity, spanText(files, f)]), [['kustomize/outside-root', 'error', '../shared/cm.yaml']]);
  });

  it('allows a folder with its own kustomization anywhere', () => {
    const files = {
      '/r/app/kustomization.yaml': 'resources:\n  - ../lib\n',
      '/r/lib/kustomization.yaml': 'resources: [cm.yaml]\n',
      '/r/lib/cm.yaml': CM,
    };
    const result = renderKustomization(memoryHost(files), '/r/app');
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.objects.map((o) => o.name), ['shared']);
    assert.deepEqual(result.referencedKustomizations, ['/r/lib']);
  });

  it('refuses a patch file outside the folder', () => {
    const files = {
      '/r/app/kustomization.yaml': 'resources: [cm.yaml]\npatches:\n  - path: ../p.yaml\n',
      '/r/app/cm.yaml': CM,
      '/r/p.yaml': CM,
    };
    const result = renderKustomization(memoryHost(files), '/r/app');
    assert.deepEqual(result.findings.map((f) => [f.code, spanText(files, f)]), [['kustomize/outside-root', '../p.yaml']]);
  });

  it('reports a missing resource at its list item', () => {
    const files = { '/r/app/kustomization.yaml': 'resources:\n  - cm.yaml\n  - gone.yaml\n', '/r/app/cm.yaml': CM };
    const result = renderKustomization(memoryHost(files), '/r/app');
    assert.deepEqual(result.findings.map((f) => [f.code, f.severity, spanText(files, f)]), [['kustomize/missing-resource', 'error', 'gone.yaml']]);
    assert.deepEqual(result.objects.map((o) => o.name), ['shared']);
    assert.ok(result.filesRead.includes('/r/app/gone.yaml'));
  });

  it('marks remote resources as not resolvable offline', () => {
    const files = {
      '/r/app/kustomization.yaml': 'resources:\n  - https://github.com/argoproj/argo-cd//manifests/cluster-install?ref=v2.9.0\n  - github.com/org/repo/base?ref=main\n',
    };
    const result = renderKustomization(memoryHost(files), '/r/app');
    assert.equal(result.complete, false);
    assert.deepEqual(result.findings.map((f) => [f.code, f.severity]), [['kustomize/remote-resource', 'warning'], ['kustomize/remote-resource', 'warning']]);
    assert.match(result.findings[0].message, /cannot fetch it offline/);
    assert.match(result.findings[0].detail ?? '', /argo-cd\/\/manifests\/cluster-install\?ref=v2\.9\.0" is a remote reference/);
  });

  it('stops on cycles between kustomizations', () => {
    const files = {
      '/r/a/kustomization.yaml': 'resources: [../b, cm.yaml]\n',
      '/r/a/cm.yaml': CM,
      '/r/b/kustomization.yaml': 'resources: [../a]\n',
    };
    const result = renderKustomization(memoryHost(files), '/r/a');
    assert.equal(result.complete, false);
    assert.ok(result.findings.some((f) => f.code === 'kustomize/cycle'));
  });

  it('records unsupported fields as incomplete instead of failing', () => {
    const files = {
      '/r/app/kustomization.yaml': 'resources: [cm.yaml]\nhelmCharts:\n  - name: x\nvars:\n  - name: X\n',
      '/r/app/cm.yaml': CM,
    };
    const result = renderKustomization(memoryHost(files), '/r/app');
    assert.equal(result.complete, false);
    assert.equal(result.incompleteReasons.length, 2);
    assert.deepEqual(result.objects.map((o) => o.name), ['shared']);
  });

  it('survives malformed kustomizations and patches', () => {
    const inputs = [
      'resources: cm.yaml\n',
      'resources: [[1], {a: b}, null, cm.yaml]\npatches: [1, {patch: "- op: nope"}, {patch: ": : :", target: {kind: ConfigMap}}]\n',
      'namespace: [x]\ncommonAnnotations: 5\nconfigMapGenerator: [{}, {name: x, envs: [missing.env]}]\n',
      '{{ broken',
      'patches:\n  - target: {kind: ConfigMap}\n    patch: |-\n      - op: remove\n        path: /nope\n',
    ];
    for (const text of inputs) {
      const files = { '/r/app/kustomization.yaml': text, '/r/app/cm.yaml': CM };
      assert.doesNotThrow(() => renderKustomization(memoryHost(files), '/r/app'), text);
    }
    assert.equal(renderKustomization(memoryHost({}), '/nowhere').complete, false);
  });

  it('reports unquoted numbers in commonAnnotations, which kustomize rejects', () => {
    const files = { '/r/app/kustomization.yaml': 'resources: [cm.yaml]\ncommonAnnotations:\n  argocd.argoproj.io/sync-wave: 1\n', '/r/app/cm.yaml': CM };
    const result = renderKustomization(memoryHost(files), '/r/app');
    assert.deepEqual(result.findings.map((f) => f.code), ['kustomize/non-string-value']);
  });
});
