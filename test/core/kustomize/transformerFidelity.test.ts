// Kustomize transformers compared with `kubectl kustomize` (Kustomize 5.5) on whole objects: images and
// replicas, commonLabels in pod (anti-)affinity, topology spread and NetworkPolicy peers, and the item order of
// lists a strategic merge patch merges. Each expectation is kubectl's output for the same files.

import assert from 'node:assert/strict';
import { renderKustomization } from '../../../server/src/core/kustomize';
import { splitImage } from '../../../server/src/core/kustomize/imagesAndReplicas';
import { memoryHost } from './hosts';

function render(files: Record<string, string>): { bodies: Record<string, any>; findings: string[] } {
  const result = renderKustomization(memoryHost(files), '/r');
  return { bodies: Object.fromEntries(result.objects.map((o) => [`${o.kind}/${o.name}`, o.body])), findings: result.findings.map((f) => f.code) };
}

const WORKLOADS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  template:
    spec:
      initContainers: [{name: init, image: "busybox@sha256:abc"}]
      containers:
        - {name: a, image: nginx}
        - {name: b, image: "nginx:1.25"}
        - {name: c, image: "docker.io/library/nginx:1.25"}
        - {name: d, image: "registry.example.com:5000/team/app:2.0"}
        - {name: e, image: "nginxy:1"}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{name: x, image: "nginx:1.0"}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    spec:
      containers: [{name: db, image: postgres}]
`;

describe('renderKustomization: whole objects as kubectl kustomize 5.5 builds them', () => {
  it('images: name matched with an optional tag or digest, new name, tag and digest; replicas set or created', () => {
    const { bodies, findings } = render({
      '/r/res.yaml': WORKLOADS,
      '/r/kustomization.yaml': [
        'resources: [res.yaml]',
        'images:',
        '  - {name: nginx, newTag: "1.27"}',
        '  - {name: busybox, newName: my/busybox, newTag: stable}',
        '  - {name: "registry.example.com:5000/team/app", digest: "sha256:def"}',
        '  - {name: postgres, newName: pg}',
        'replicas:',
        '  - {name: web, count: 3}',
        '  - {name: db, count: 2}',
        '',
      ].join('\n'),
    });
    assert.deepEqual(findings, []);
    const web = bodies['Deployment/web'].spec;
    assert.equal(web.replicas, 3);
    assert.deepEqual(web.template.spec.containers.map((c: any) => c.image), ['nginx:1.27', 'nginx:1.27', 'docker.io/library/nginx:1.25', 'registry.example.com:5000/team/app@sha256:def', 'nginxy:1']);
    assert.equal(web.template.spec.initContainers[0].image, 'my/busybox:stable');
    assert.equal(bodies['CronJob/nightly'].spec.jobTemplate.spec.template.spec.containers[0].image, 'nginx:1.27');
    assert.equal(bodies['StatefulSet/db'].spec.replicas, 2);
    assert.equal(bodies['StatefulSet/db'].spec.template.spec.containers[0].image, 'pg');
  });

  it('secretGenerator wraps base64 at 70 characters as Kustomize does, which the name hash covers too', () => {
    const { bodies } = render({ '/r/long.txt': 'x'.repeat(200), '/r/kustomization.yaml': 'secretGenerator:\n  - name: s\n    files: [long.txt]\n  - name: short\n    literals: [a=b]\n' });
    const wrapped = Buffer.from('x'.repeat(200)).toString('base64').match(/.{1,70}/g)!.map((line) => `${line}\n`).join('');
    assert.deepEqual(bodies['Secret/s-67tbt9fm64'].data, { 'long.txt': wrapped });
    assert.deepEqual(bodies['Secret/short-k695gkmbtk'].data, { a: 'Yg==' });
  });

  it('reads resources as Kustomize (YAML 1.2) does: yes, on and Off stay strings, in values, lists and keys', () => {
    const { bodies } = render({
      '/r/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations: {}\ndata:\n  o: Off\n  q: yes\n  t: true\n  on: "x"\nlist: [on, off, "yes", True]\n',
      '/r/kustomization.yaml': 'resources: [cm.yaml]\n',
    });
    assert.deepEqual(bodies['ConfigMap/x'].data, { o: 'Off', q: 'yes', t: true, on: 'x' });
    assert.deepEqual(bodies['ConfigMap/x'].list, ['on', 'off', 'yes', true]);
    // An empty annotations map is cleared, as kubectl kustomize writes none.
    assert.deepEqual(bodies['ConfigMap/x'].metadata, { name: 'x' });
  });

  it('two annotations blocks of one object merge, the earlier block winning, as Kustomize merges them', () => {
    const { bodies, findings } = render({
      '/r/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    a: "1"\n    b: first\n    b: second\n  labels: {l: "1"}\n  annotations:\n    a: "2"\n    c: "3"\n',
      '/r/kustomization.yaml': 'resources: [cm.yaml]\n',
    });
    assert.deepEqual(findings, []);
    assert.deepEqual(bodies['ConfigMap/x'].metadata.annotations, { a: '1', b: 'second', c: '3' });
  });

  it('plain timestamps become RFC 3339 times, as go-yaml v3 and Kustomize write them; other text stays', () => {
    const { bodies } = render({
      '/r/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: 2024-01-01\n  b: 2024-1-2\n  c: 2001-12-14t21:59:43.10-05:00\n  d: 2001-12-14 21:59:43.10\n  f: 2001-12-14T21:59:43+00:00\n  g: "2024-01-01"\n  h: 2024-13-01\n  i: 2001-12-14 21:59:43.10 -5\n  j: 1:30\nlist: [2024-01-01]\n',
      '/r/kustomization.yaml': 'resources: [cm.yaml]\n',
    });
    assert.deepEqual(bodies['ConfigMap/x'].data, {
      a: '2024-01-01T00:00:00Z',
      b: '2024-01-02T00:00:00Z',
      c: '2001-12-14T21:59:43.1-05:00',
      d: '2001-12-14T21:59:43.1Z',
      f: '2001-12-14T21:59:43Z',
      g: '2024-01-01',
      h: '2024-13-01',
      i: '2001-12-14 21:59:43.10 -5',
      j: '1:30',
    });
    assert.deepEqual(bodies['ConfigMap/x'].list, ['2024-01-01T00:00:00Z']);
  });

  it('namespace: reaches binding subjects named "default" and subjects naming a ServiceAccount of the build', () => {
    const { bodies } = render({
      '/r/rbac.yaml': [
        'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: loader}',
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb, namespace: orig}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects:\n  - {kind: ServiceAccount, name: loader}\n  - {kind: ServiceAccount, name: sa1}\n  - {kind: ServiceAccount, name: sa4, namespace: default}\n  - {kind: ServiceAccount, name: default, namespace: other}\n  - {kind: User, name: default}',
      ].join('\n---\n'),
      '/r/kustomization.yaml': 'resources: [rbac.yaml]\nnamespace: target\n',
    });
    assert.deepEqual(bodies['RoleBinding/rb'].subjects, [
      { kind: 'ServiceAccount', name: 'loader', namespace: 'target' },
      { kind: 'ServiceAccount', name: 'sa1' },
      { kind: 'ServiceAccount', name: 'sa4', namespace: 'default' },
      { kind: 'ServiceAccount', name: 'default', namespace: 'target' },
      { kind: 'User', name: 'default', namespace: 'target' },
    ]);
  });

  it('a block scalar that ends a file or an inline patch without a line break keeps none', () => {
    const { bodies } = render({
      '/r/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  a: |\n    first\n  b: |\n    last',
      '/r/kustomization.yaml': 'resources: [cm.yaml]\npatches:\n  - patch: |-\n      apiVersion: v1\n      kind: ConfigMap\n      metadata: {name: x}\n      data:\n        c: |\n          patched\n',
    });
    assert.deepEqual(bodies['ConfigMap/x'].data, { a: 'first\n', b: 'last', c: 'patched' });
  });

  it('splits images as image.Split does (a registry port is part of the name)', () => {
    assert.deepEqual(splitImage('registry:5000/app:1.0@sha256:x'), { name: 'registry:5000/app', tag: '1.0', digest: 'sha256:x' });
    assert.deepEqual(splitImage('app@sha256:x'), { name: 'app', tag: '', digest: 'sha256:x' });
    assert.deepEqual(splitImage('app'), { name: 'app', tag: '', digest: '' });
  });

  it('commonLabels reach pod (anti-)affinity and topology spread of Deployments and StatefulSets, and NetworkPolicy peers', () => {
    const term = { labelSelector: { matchLabels: { app: 'x' } }, topologyKey: 'k' };
    const spec = {
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term], preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: term }] } },
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'k', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'x' } } }],
      containers: [{ name: 'c', image: 'i' }],
    };
    const docs = [
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: { matchLabels: { app: 'x' } }, template: { spec } } },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { selector: { matchLabels: { app: 'x' } }, template: { spec } } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np' }, spec: { podSelector: {}, egress: [{ to: [{ podSelector: { matchLabels: { app: 'x' } } }, { namespaceSelector: { matchLabels: { n: 'x' } } }] }] } },
    ];
    const { bodies } = render({ '/r/res.yaml': docs.map((d) => JSON.stringify(d)).join('\n---\n'), '/r/kustomization.yaml': 'resources: [res.yaml]\ncommonLabels: {team: web}\n' });
    const labelled = { app: 'x', team: 'web' };
    const d = bodies['Deployment/d'].spec.template.spec;
    assert.deepEqual(d.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels, labelled);
    assert.deepEqual(d.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector.matchLabels, labelled);
    assert.deepEqual(d.topologySpreadConstraints[0].labelSelector.matchLabels, labelled);
    // kubectl leaves a DaemonSet's affinity and an empty podSelector alone; namespace selectors too.
    assert.deepEqual(bodies['DaemonSet/ds'].spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchLabels, { app: 'x' });
    const np = bodies['NetworkPolicy/np'].spec;
    assert.deepEqual(np.egress[0].to, [{ podSelector: { matchLabels: labelled } }, { namespaceSelector: { matchLabels: { n: 'x' } } }]);
  });

  it('a strategic merge patch puts its own list items first, then the others, in containers and env alike', () => {
    const { bodies } = render({
      '/r/d.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - {name: b, image: b}\n        - {name: a, image: a, env: [{name: ONE, value: "1"}, {name: TWO, value: "2"}]}\n      volumes: [{name: v1, emptyDir: {}}]\n',
      '/r/kustomization.yaml': [
        'resources: [d.yaml]',
        'patches:',
        '  - patch: |-',
        '      apiVersion: apps/v1',
        '      kind: Deployment',
        '      metadata: {name: web}',
        '      spec:',
        '        template:',
        '          spec:',
        '            containers:',
        '              - {name: c, image: c}',
        '              - {name: a, image: a2, env: [{name: TWO, value: "3"}, {name: FOUR, value: "4"}]}',
        '            volumes: [{name: v0, emptyDir: {}}]',
        '',
      ].join('\n'),
    });
    const spec = bodies['Deployment/web'].spec.template.spec;
    assert.deepEqual(spec.containers.map((c: any) => c.name), ['c', 'a', 'b']);
    assert.deepEqual(spec.containers[1].env, [{ name: 'TWO', value: '3' }, { name: 'FOUR', value: '4' }, { name: 'ONE', value: '1' }]);
    assert.deepEqual(spec.volumes.map((v: any) => v.name), ['v0', 'v1']);
  });
});
