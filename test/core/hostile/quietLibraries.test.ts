// Nothing the workspace contains makes a library print to stderr (issue 7 item 7): the yaml library's warnings
// (unresolved tags, collection keys) are turned off at every parse, in manifests, charts, values and configs.

import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import { memoryHost } from '../../helpers/memoryHost';

const FILES: Record<string, string> = {
  '/ws/chart/Chart.yaml': 'apiVersion: v2\n!dependencies:\nname: c\nversion: 0.1.0\n',
  '/ws/chart/values.yaml': '!odd x: 1\n? [a]\n: 1\n',
  '/ws/chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: {{ .Values | toYaml | quote }}\n',
  '/ws/k/kustomization.yaml': 'resources: [cm.yaml]\npatches:\n- patch: |-\n    !tag apiVersion: v1\n    ? [a]\n    : 1\n',
  '/ws/k/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: k\n  !odd labels: {}\n',
  '/ws/.syncplan.yaml': '!weird rules: {}\n? [a]\n: 1\n',
  '/ws/set.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata: {name: s}\nspec:\n  generators:\n  - list:\n      elementsYaml: "!t a: 1\\n? [b]\\n: 2"\n  template: {metadata: {name: x}, spec: {project: default, source: {repoURL: r, path: k}, destination: {server: s}}}\n',
};

describe('library warnings', () => {
  it('no process warning while analysing odd tags and collection keys', () => {
    const warnings: string[] = [];
    const original = process.emitWarning;
    process.emitWarning = ((warning: string | Error) => {
      warnings.push(String(warning));
    }) as typeof process.emitWarning;
    try {
      analyzeWorkspace(memoryHost(FILES), '/ws');
    } finally {
      process.emitWarning = original;
    }
    assert.deepEqual(warnings, []);
  });
});
