// Kustomize replacements (api/filters/replacement), each expectation copied from `kubectl kustomize` (Kustomize
// 5.5) on the same files: scalar targets keep their type, create, delimiter and index, list matches, escaped
// keys, reject, whole-map values and replacements read from a file.

import assert from 'node:assert/strict';
import { renderKustomization } from '../../../server/src/core/kustomize';
import { memoryHost } from './hosts';

const RESOURCES = `apiVersion: v1
kind: ConfigMap
metadata: {name: app-config}
data: {repoURL: "https://example.com/repo.git", wave: "3", host: "api.example.com"}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: copy}
data: {old: "1"}
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: child}
spec: {source: {repoURL: PLACEHOLDER, path: apps}, destination: {namespace: x}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec: {replicas: 1, template: {spec: {containers: [{name: c, image: nginx}]}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules: [{host: "x-old-y"}]
  tls: [{secretName: tls, hosts: ["a-b-c"]}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: other}
spec: {rules: [{host: keep}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: old}}
`;

const INLINE = `resources: [res.yaml]
replacements:
  - source: {kind: ConfigMap, name: app-config, fieldPath: data.repoURL}
    targets:
      - select: {kind: Application}
        fieldPaths: [spec.source.repoURL]
  - source: {kind: ConfigMap, name: app-config, fieldPath: data.wave}
    targets:
      - select: {kind: Deployment}
        fieldPaths: ["metadata.annotations.[argocd.argoproj.io/sync-wave]", spec.replicas]
        options: {create: true}
  - source: {kind: ConfigMap, name: app-config, fieldPath: data.host, options: {delimiter: ".", index: 0}}
    targets:
      - select: {kind: Ingress}
        reject: [{name: other}]
        fieldPaths: [spec.rules.0.host, "spec.tls.[secretName=tls].hosts.0"]
        options: {delimiter: "-", index: 1}
  - source: {kind: Deployment, name: web}
    targets:
      - select: {kind: Service}
        fieldPaths: [spec.selector.app, "metadata.labels.[app.kubernetes.io/name]"]
        options: {create: true}
  - source: {kind: ConfigMap, name: app-config, fieldPath: data}
    targets:
      - select: {kind: ConfigMap, name: copy}
        fieldPaths: [data]
`;

function bodies(files: Record<string, string>): Record<string, unknown> {
  const result = renderKustomization(memoryHost(files), '/r');
  assert.deepEqual(result.findings, []);
  assert.equal(result.complete, true, result.incompleteReasons.join('; '));
  return Object.fromEntries(result.objects.map((o) => [`${o.kind}/${o.name}`, o.body]));
}

describe('renderKustomization: replacements (expectations from kubectl kustomize 5.5)', () => {
  it('copies scalars, keeps target types, creates, splits with delimiters, matches list items and rejects', () => {
    const out = bodies({ '/r/kustomization.yaml': INLINE, '/r/res.yaml': RESOURCES });
    assert.deepEqual((out['Application/child'] as any).spec.source, { repoURL: 'https://example.com/repo.git', path: 'apps' });
    assert.deepEqual((out['Deployment/web'] as any).metadata, { name: 'web', annotations: { 'argocd.argoproj.io/sync-wave': '3' } });
    assert.equal((out['Deployment/web'] as any).spec.replicas, 3);
    assert.deepEqual((out['Ingress/web'] as any).spec, { rules: [{ host: 'x-api-y' }], tls: [{ secretName: 'tls', hosts: ['a-api-c'] }] });
    assert.deepEqual((out['Ingress/other'] as any).spec, { rules: [{ host: 'keep' }] });
    assert.deepEqual((out['Service/web'] as any).spec.selector, { app: 'web' });
    assert.deepEqual((out['Service/web'] as any).metadata.labels, { 'app.kubernetes.io/name': 'web' });
    assert.deepEqual((out['ConfigMap/copy'] as any).data, { repoURL: 'https://example.com/repo.git', wave: '3', host: 'api.example.com' });
  });

  it('reads a list of replacements from a file', () => {
    const out = bodies({
      '/r/kustomization.yaml': 'resources: [res.yaml]\nreplacements:\n  - path: repl.yaml\n',
      '/r/res.yaml': RESOURCES,
      '/r/repl.yaml': [
        '- source: {kind: ConfigMap, name: app-config, fieldPath: data.wave}',
        '  targets: [{select: {kind: Deployment}, fieldPaths: [spec.template.spec.containers.0.image]}]',
        '- source: {kind: ConfigMap, name: app-config, fieldPath: data.repoURL}',
        '  targets: [{select: {kind: Application}, fieldPaths: [spec.source.path]}]',
        '',
      ].join('\n'),
    });
    assert.equal((out['Deployment/web'] as any).spec.template.spec.containers[0].image, '3');
    assert.equal((out['Application/child'] as any).spec.source.path, 'https://example.com/repo.git');
  });

  it('marks an annotation a replacement sets as added by it, at the replacement', () => {
    const result = renderKustomization(memoryHost({ '/r/kustomization.yaml': INLINE, '/r/res.yaml': RESOURCES }), '/r');
    const wave = result.objects.find((o) => o.kind === 'Deployment')?.annotations.get('argocd.argoproj.io/sync-wave');
    assert.equal(wave?.text, '3');
    assert.equal(wave?.addedBy, 'replacements');
    assert.equal(wave?.keyLocation.file, '/r/kustomization.yaml');
  });
});
