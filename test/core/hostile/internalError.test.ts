// A rule that throws becomes a syncplan/internal-error finding naming the rule in plain words (issue 7 item 7).

import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import { runRules } from '../../../server/src/core/rules';
import type { Rule } from '../../../server/src/core/rules/ruleTypes';
import { memoryHost } from '../../helpers/memoryHost';

const BROKEN: Rule = {
  code: 'test/broken',
  severity: 'warning',
  title: 'A rule that always fails.',
  checkObject() {
    throw new TypeError("Cannot read properties of undefined (reading 'spec')");
  },
};

describe('internal errors in rules', () => {
  it('become one finding per place, in plain words, with nothing on stderr', () => {
    const host = memoryHost({ '/ws/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
    const workspace = analyzeWorkspace(host, '/ws');
    const original = console.error;
    let printed = 0;
    console.error = () => void printed++;
    let findings;
    try {
      findings = runRules(workspace, [BROKEN], host);
    } finally {
      console.error = original;
    }
    assert.equal(printed, 0);
    assert.deepEqual(findings.map((f) => [f.code, f.file]), [['syncplan/internal-error', '/ws/cm.yaml']]);
    assert.match(findings[0].message, /"test\/broken" \(A rule that always fails\.\)/);
    assert.doesNotMatch(findings[0].message, /Cannot read properties/);
  });
});

describe('internal errors in analysis stages', () => {
  it('a Kustomize build that throws becomes one finding naming the stage; other apps are analysed', () => {
    const files = memoryHost({
      '/ws/k/kustomization.yaml': 'resources: [cm.yaml]\npatches:\n- path: patch.patch\n',
      '/ws/k/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: k\n',
      '/ws/k/patch.patch': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: k\n',
      '/ws/plain/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n',
    });
    // A host that fails on one file the build reads, the way a bug deep in a renderer would surface.
    const host = { ...files, readFile: (path: string) => {
      if (path === '/ws/k/patch.patch') throw new TypeError("Cannot read properties of undefined (reading 'spec')");
      return files.readFile(path);
    } };
    const original = console.error;
    let printed = 0;
    console.error = () => void printed++;
    let analysis;
    try {
      analysis = analyzeWorkspace(host, '/ws');
    } finally {
      console.error = original;
    }
    assert.equal(printed, 0);
    const internal = analysis.findings.filter((f) => f.code === 'syncplan/internal-error');
    assert.ok(internal.length >= 1, analysis.findings.map((f) => f.code).join(', '));
    assert.ok(internal.some((f) => /building this Kustomize folder/.test(f.message)), internal.map((f) => f.message).join('\n'));
    assert.ok(internal.every((f) => !/Cannot read properties/.test(f.message)));
    assert.deepEqual(analysis.apps.find((a) => a.path === '/ws/plain')?.objects.map((o) => o.name), ['plain']);
    assert.equal(analysis.apps.find((a) => a.path === '/ws/k')?.complete, false);
  });
});
