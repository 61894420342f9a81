// Patches Kustomize cannot read or apply are reported in plain words, never as an empty app with no problems
// and never with a JavaScript message (issue 7 item 7).

import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import { memoryHost } from '../../helpers/memoryHost';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';

function findingsFor(patches: string): { code: string; message: string }[] {
  const files = { '/ws/k/kustomization.yaml': `resources: [cm.yaml]\npatches:\n${patches}`, '/ws/k/cm.yaml': CM };
  return analyzeWorkspace(memoryHost(files), '/ws').findings.map((f) => ({ code: f.code, message: f.message }));
}

describe('patch failures', () => {
  it('an inline patch with an undefined alias is kustomize/invalid-patch', () => {
    const findings = findingsFor('- patch: |-\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: a\n    data: *nope\n');
    assert.deepEqual(findings.map((f) => f.code), ['kustomize/invalid-patch']);
    assert.match(findings[0].message, /alias/i);
  });

  for (const [what, op, expected] of [
    ['without path', '{"op": "add", "value": 1}', /the "add" operation has no "path" field/],
    ['with a non-string path', '{"op": "remove", "path": 5}', /"path" is not a string/],
    ['move without from', '{"op": "move", "path": "/data"}', /the "move" operation has no "from" field/],
    ['with an object as op', '{"op": {"x": 1}, "path": "/data"}', /unknown operation \{"x":1\}/],
  ] as const) {
    it(`a JSON patch operation ${what} fails in plain words`, () => {
      const findings = findingsFor(`- target: {kind: ConfigMap}\n  patch: '[${op}]'\n`);
      assert.deepEqual(findings.map((f) => f.code), ['kustomize/patch-failed']);
      assert.match(findings[0].message, expected);
      assert.doesNotMatch(findings[0].message, /Cannot read|undefined|\[object Object\]/);
    });
  }
});
