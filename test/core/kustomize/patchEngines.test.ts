import assert from 'node:assert/strict';
import { applyJsonPatch } from '../../../server/src/core/kustomize/jsonPatch';
import { applyStrategicMerge } from '../../../server/src/core/kustomize/strategicMerge';

describe('strategic merge patch', () => {
  const deployment = {
    metadata: { name: 'web', annotations: { a: '1', b: '2' } },
    spec: {
      template: {
        spec: {
          containers: [
            { name: 'web', image: 'nginx', env: [{ name: 'A', value: '1' }] },
            { name: 'sidecar', image: 'envoy' },
          ],
          volumes: [{ name: 'data', emptyDir: {} }],
          tolerations: [{ key: 'x', operator: 'Exists' }],
        },
      },
    },
  };

  it('merges maps, deletes keys set to null, merges containers and env by name', () => {
    const result = applyStrategicMerge(structuredClone(deployment), {
      metadata: { annotations: { a: null, c: '3' } },
      spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:2', env: [{ name: 'B', value: '2' }] }], tolerations: [{ key: 'y' }] } } },
    }) as any;
    assert.deepEqual(result.metadata.annotations, { b: '2', c: '3' });
    assert.deepEqual(result.spec.template.spec.containers.map((c: any) => `${c.name}:${c.image}`), ['web:nginx:2', 'sidecar:envoy']);
    assert.deepEqual(result.spec.template.spec.containers[0].env.map((e: any) => e.name), ['A', 'B']);
    assert.deepEqual(result.spec.template.spec.tolerations, [{ key: 'y' }]);
  });

  it('supports $patch: delete on list items and whole objects, and $patch: replace on maps', () => {
    const result = applyStrategicMerge(structuredClone(deployment), {
      metadata: { annotations: { $patch: 'replace', only: 'me' } },
      spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } },
    }) as any;
    assert.deepEqual(result.metadata.annotations, { only: 'me' });
    assert.deepEqual(result.spec.template.spec.containers.map((c: any) => c.name), ['web']);
    assert.equal(applyStrategicMerge(structuredClone(deployment), { $patch: 'delete' }), undefined);
  });
});

describe('JSON6902 patch', () => {
  it('applies add, replace, remove, move, copy and test with ~1 escaping', () => {
    const result = applyJsonPatch({ metadata: { name: 'x', annotations: { 'a/b': '1' } }, list: [1, 2] }, [
      { op: 'test', path: '/metadata/annotations/a~1b', value: '1' },
      { op: 'add', path: '/metadata/annotations/argocd.argoproj.io~1sync-wave', value: '5' },
      { op: 'replace', path: '/metadata/name', value: 'y' },
      { op: 'copy', from: '/metadata/name', path: '/metadata/labels' },
      { op: 'move', from: '/list/0', path: '/list/-' },
      { op: 'remove', path: '/metadata/annotations/a~1b' },
    ]);
    assert.deepEqual(result, { metadata: { name: 'y', annotations: { 'argocd.argoproj.io/sync-wave': '5' }, labels: 'y' }, list: [2, 1] });
  });

  it('throws a descriptive error (turned into a finding by the renderer) when a path does not exist', () => {
    assert.throws(() => applyJsonPatch({}, [{ op: 'remove', path: '/nope' }]), /does not exist/);
    assert.throws(() => applyJsonPatch({}, [{ op: 'add', path: '/__proto__/polluted', value: 'yes' }]), /does not exist/);
    assert.throws(() => applyJsonPatch({ metadata: {} }, [{ op: 'add', path: '/metadata/__proto__/namespace', value: 'x' }]), /does not exist/);
    assert.throws(() => applyJsonPatch({}, [{ op: 'replace', path: '/constructor/prototype/polluted', value: 1 }]), /does not exist/);
    const ownKey = applyJsonPatch({ metadata: {} }, [{ op: 'add', path: '/metadata/__proto__', value: { polluted: 'yes' } }]) as any;
    assert.equal(Object.getPrototypeOf(ownKey.metadata), Object.prototype);
    assert.deepEqual(Object.keys(ownKey.metadata), ['__proto__']);
    assert.equal(({} as any).polluted, undefined);
    assert.throws(() => applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }]), /test failed/);
  });
});
