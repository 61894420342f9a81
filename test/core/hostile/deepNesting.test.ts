// YAML nested a few thousand levels deep exhausts the `yaml` library's stack. That is SyncPlan's limit, not Argo
// CD's (Go's readers accept 10,000 levels): it is reported as parse/too-deep, never as a syntax error that
// Argo CD would fail on, and the app is incomplete rather than failing to render.

import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import { memoryHost } from '../../helpers/memoryHost';

const DEPTH = 5000;

const cases: [string, string][] = [
  ['flow lists', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`],
  ['block mappings', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\nspec:\n${Array.from({ length: DEPTH }, (_, i) => `${' '.repeat(2 * (i + 1))}k${i}:\n`).join('')}`],
];

describe('deeply nested YAML', () => {
  for (const [label, text] of cases) {
    it(`${label}: parse/too-deep, the app incomplete, no syntax error`, () => {
      const analysis = analyzeWorkspace(memoryHost({ '/ws/deep.yaml': text, '/ws/ok.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n' }), '/ws');
      const codes = analysis.findings.map((f) => f.code);
      assert.ok(codes.includes('parse/too-deep'), codes.join(', '));
      assert.ok(!codes.includes('parse/yaml-error'), codes.join(', '));
      const app = analysis.apps.find((a) => a.path === '/ws');
      assert.ok(app);
      assert.equal(app.complete, false);
      assert.ok(app.incompleteReasons.some((r) => r.includes('/ws/deep.yaml') && r.includes('nested too deeply')), app.incompleteReasons.join(' | '));
      assert.ok(!app.incompleteReasons.some((r) => r.startsWith('Fails to render')), app.incompleteReasons.join(' | '));
      assert.ok(app.objects.some((o) => o.name === 'ok'));
    });
  }
});
