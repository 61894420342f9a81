// inTemplatedFile scans each file's text once per rule run, however many objects the file holds.

import assert from 'node:assert/strict';
import type { K8sObject } from '../../../server/src/core/model/k8sObject';
import type { RuleContext } from '../../../server/src/core/rules/ruleTypes';
import { inTemplatedFile } from '../../../server/src/core/rules/support/objectFacts';

function objectIn(file: string, templated?: boolean): K8sObject {
  const span = { start: 0, end: 1 };
  return {
    id: file, apiVersion: 'v1', group: '', kind: 'ConfigMap', name: 'a', annotations: new Map(), labels: new Map(), body: {},
    source: { file, docIndex: 0, span, anchor: span, ...(templated !== undefined ? { templated } : {}) },
  };
}

function contextOf(texts: Record<string, string>, reads: string[]): RuleContext {
  return {
    workspace: { root: '/w', apps: [], findings: [], files: Object.keys(texts) },
    root: '/w',
    textOf: (file) => {
      reads.push(file);
      return texts[file];
    },
    parsedFile: () => undefined,
  };
}

describe('rules: inTemplatedFile', () => {
  it('answers per file from one read of its text per run', () => {
    const reads: string[] = [];
    const context = contextOf({ '/w/chart.yaml': 'kind: {{ .Values.kind }}\n', '/w/plain.yaml': 'kind: ConfigMap\n' }, reads);
    const answers = [];
    for (let i = 0; i < 1000; i++) answers.push(inTemplatedFile(objectIn('/w/chart.yaml'), context), inTemplatedFile(objectIn('/w/plain.yaml'), context));
    assert.deepEqual(new Set(answers.filter((_, i) => i % 2 === 0)), new Set([true]));
    assert.deepEqual(new Set(answers.filter((_, i) => i % 2 === 1)), new Set([false]));
    assert.deepEqual(reads, ['/w/chart.yaml', '/w/plain.yaml']);
  });

  it('falls back to the object flag when the text is unknown, and a new run reads again', () => {
    const reads: string[] = [];
    const first = contextOf({}, reads);
    assert.equal(inTemplatedFile(objectIn('/w/gone.yaml', true), first), true);
    assert.equal(inTemplatedFile(objectIn('/w/gone.yaml'), first), false);
    const second = contextOf({ '/w/gone.yaml': '{{ x }}' }, reads);
    assert.equal(inTemplatedFile(objectIn('/w/gone.yaml'), second), true);
    assert.deepEqual(reads, ['/w/gone.yaml', '/w/gone.yaml']);
  });
});
