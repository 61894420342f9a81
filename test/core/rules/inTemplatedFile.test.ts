// inTemplatedFile asks the rule context whether a file is read as a Helm template: answered once per rule run
// however many objects the file holds, and kept rule results depend on that answer, not on the whole text.

import assert from 'node:assert/strict';
import type { WorkspaceAnalysis } from '../../../server/src/core/discover/appTypes';
import type { K8sObject } from '../../../server/src/core/model/k8sObject';
import { createRuleContext } from '../../../server/src/core/rules';
import { createRuleMemo, memoisedResults } from '../../../server/src/core/rules/ruleMemo';
import { inTemplatedFile } from '../../../server/src/core/rules/support/objectFacts';
import type { FileHost } from '../../../server/src/core/types';

function objectIn(file: string, templated?: boolean): K8sObject {
  const span = { start: 0, end: 1 };
  return {
    id: file, apiVersion: 'v1', group: '', kind: 'ConfigMap', name: 'a', annotations: new Map(), labels: new Map(), body: {},
    source: { file, docIndex: 0, span, anchor: span, ...(templated !== undefined ? { templated } : {}) },
  };
}

const workspace: WorkspaceAnalysis = { root: '/w', apps: [], findings: [], files: [] };

function hostOf(texts: Record<string, string>, reads: string[]): FileHost {
  return {
    readFile: (file) => {
      reads.push(file);
      return texts[file];
    },
    readDir: () => undefined,
  };
}

describe('rules: inTemplatedFile', () => {
  it('answers per file from one read of its text per run', () => {
    const reads: string[] = [];
    const context = createRuleContext(workspace, hostOf({ '/w/chart.yaml': 'kind: {{ .Values.kind }}\n', '/w/plain.yaml': 'kind: ConfigMap\n' }, reads));
    const answers = [];
    for (let i = 0; i < 1000; i++) answers.push(inTemplatedFile(objectIn('/w/chart.yaml'), context), inTemplatedFile(objectIn('/w/plain.yaml'), context));
    assert.deepEqual(new Set(answers.filter((_, i) => i % 2 === 0)), new Set([true]));
    assert.deepEqual(new Set(answers.filter((_, i) => i % 2 === 1)), new Set([false]));
    assert.deepEqual(reads, ['/w/chart.yaml', '/w/plain.yaml']);
  });

  it('falls back to the object flag when the text is unknown, and a new run reads again', () => {
    const reads: string[] = [];
    const first = createRuleContext(workspace, hostOf({}, reads));
    assert.equal(inTemplatedFile(objectIn('/w/gone.yaml', true), first), true);
    assert.equal(inTemplatedFile(objectIn('/w/gone.yaml'), first), false);
    const second = createRuleContext(workspace, hostOf({ '/w/gone.yaml': '{{ x }}' }, reads));
    assert.equal(inTemplatedFile(objectIn('/w/gone.yaml'), second), true);
    assert.deepEqual(reads, ['/w/gone.yaml', '/w/gone.yaml']);
  });

  it('kept results survive an edit elsewhere in the file, and not one that adds a template action', () => {
    const memo = createRuleMemo(() => undefined, (_name, _parts, make) => make());
    const object = objectIn('/w/file.yaml');
    let runs = 0;
    const check = (text: string): boolean[] => {
      const context = createRuleContext(workspace, hostOf({ '/w/file.yaml': text }, []));
      const results = memoisedResults(memo.objects, object, 1, context, (_subject, _index, ctx) => {
        runs++;
        return inTemplatedFile(object, ctx) ? [] : [{ code: 'x', severity: 'info', message: 'plain', file: object.source.file, span: object.source.span }];
      }, () => undefined);
      return results.map((r) => r.length > 0);
    };
    assert.deepEqual(check('kind: ConfigMap\n'), [true]);
    assert.deepEqual(check('kind: ConfigMap\n# an edit elsewhere\n'), [true]);
    assert.equal(runs, 1, 'the rule did not run again: whether the file has templates is unchanged');
    // A `{{` in a comment is text: the file is still plain YAML, so the kept results hold.
    assert.deepEqual(check('kind: ConfigMap\n# {{ now }}\n'), [true]);
    assert.equal(runs, 1);
    assert.deepEqual(check('kind: ConfigMap\n{{- if .Values.x }}\nx: 1\n{{- end }}\n'), [false]);
    assert.equal(runs, 2);
  });
});
