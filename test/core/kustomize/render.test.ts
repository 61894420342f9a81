import assert from 'node:assert/strict';
import { renderKustomization } from '../../../server/src/core/kustomize';
import type { K8sObject } from '../../../server/src/core/model/k8sObject';
import { fixtureHost, memoryHost } from './hosts';

function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.name === name);
  assert.ok(found, `${kind} ${name} not rendered; got ${objects.map((o) => `${o.kind}/${o.name}`).join(', ')}`);
  return found;
}

/** The text a location points at. */
function textAt(host: ReturnType<typeof fixtureHost>['host'], location: { file: string; span: { start: number; end: number } }): string {
  return (host.readFile(location.file) ?? '').slice(location.span.start, location.span.end);
}

describe('renderKustomization: base + overlay + component (fixture "shop", expectations from kubectl kustomize)', () => {
  const { host, root } = fixtureHost('shop');
  const result = renderKustomization(host, `${root}/overlay`);

  it('renders the same objects, names, namespaces and order as kubectl', () => {
    assert.deepEqual(result.findings, []);
    assert.equal(result.complete, true);
    assert.deepEqual(
      result.objects.map((o) => `${o.kind} ${o.namespace ?? ''} ${o.name}`),
      [
        'Namespace  shop-prod',
        'ConfigMap shop-prod prod-app-config-tmk75tcf47',
        'ConfigMap shop-prod prod-monitor',
        'Service shop-prod prod-web',
        'Deployment shop-prod prod-web',
        'Job shop-prod prod-migrate',
      ],
    );
  });

  it('adds commonAnnotations everywhere, pointing at the kustomization line', () => {
    for (const object of result.objects) {
      const team = object.annotations.get('team');
      assert.equal(team?.text, 'payments');
      assert.equal(team?.addedBy, 'commonAnnotations');
      assert.equal(team?.keyLocation.file, `${root}/overlay/kustomization.yaml`);
      assert.equal(textAt(host, team!.keyLocation), 'team');
    }
  });

  it('applies a strategic-merge patch that adds a sync-wave', () => {
    const wave = find(result.objects, 'Deployment', 'prod-web').annotations.get('argocd.argoproj.io/sync-wave');
    assert.equal(wave?.text, '2');
    assert.equal(wave?.addedBy, 'patches');
    assert.equal(textAt(host, wave!.keyLocation), 'argocd.argoproj.io/sync-wave');
  });

  it('applies a JSON6902 patch with ~1 escaping that adds a sync-wave', () => {
    const wave = find(result.objects, 'Service', 'prod-web').annotations.get('argocd.argoproj.io/sync-wave');
    assert.equal(wave?.text, '1');
    assert.equal(textAt(host, wave!.keyLocation), 'argocd.argoproj.io~1sync-wave');
  });

  it('applies the component patch from its own file and keeps original entries on their source lines', () => {
    const job = find(result.objects, 'Job', 'prod-migrate');
    const wave = job.annotations.get('argocd.argoproj.io/sync-wave');
    assert.equal(wave?.text, '-1');
    assert.equal(wave?.keyLocation.file, `${root}/component/job-wave.yaml`);
    const hook = job.annotations.get('argocd.argoproj.io/hook');
    assert.equal(hook?.addedBy, undefined);
    assert.equal(hook?.keyLocation.file, `${root}/base/app.yaml`);
    assert.equal(job.source.file, `${root}/base/app.yaml`);
  });

  it('names the generated ConfigMap with kubectl\'s hash and rewrites references to it', () => {
    const job = find(result.objects, 'Job', 'prod-migrate');
    const env = (job.body as any).spec.template.spec.containers[0].env[0];
    assert.equal(env.valueFrom.configMapKeyRef.name, 'prod-app-config-tmk75tcf47');
    const deployment = find(result.objects, 'Deployment', 'prod-web');
    assert.equal((deployment.body as any).spec.template.spec.containers[0].envFrom[0].configMapRef.name, 'prod-app-config-tmk75tcf47');
    const generated = find(result.objects, 'ConfigMap', 'prod-app-config-tmk75tcf47');
    assert.equal(generated.source.file, `${root}/base/kustomization.yaml`);
    assert.ok(generated.source.generatedBy);
  });

  it('reports the files read and the kustomizations it used', () => {
    assert.deepEqual(result.referencedKustomizations, [`${root}/base`, `${root}/component`]);
    for (const file of ['overlay/kustomization.yaml', 'base/app.yaml', 'component/job-wave.yaml', 'component/monitor.yaml']) {
      assert.ok(result.filesRead.includes(`${root}/${file}`), file);
    }
  });
});

describe('renderKustomization: legacy output order', () => {
  it('orders namespace and name as one string joined by |, as kubectl kustomize 5.5 does', () => {
    const pod = (name: string, namespace?: string): string =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}\n`;
    const files = {
      '/r/kustomization.yaml': 'resources: [pods.yaml]\n',
      '/r/pods.yaml': [pod('z', 'a'), pod('a', 'a0'), pod('b', 'a-b'), pod('n0'), pod('yy', 'aa'), pod('b', 'redis'), pod('a', 'redis-instance')].join('---\n'),
    };
    const result = renderKustomization(memoryHost(files), '/r');
    // kubectl kustomize: a-b, a0, aa, a, redis-instance, redis, then the one without a namespace.
    assert.deepEqual(
      result.objects.map((o) => `${o.namespace ?? ''}/${o.name}`),
      ['a-b/b', 'a0/a', 'aa/yy', 'a/z', 'redis-instance/a', 'redis/b', '/n0'],
    );
  });
});
