// A chart's values.schema.json is an input of its render: editing, creating or deleting it gives the same result
// with the memo as a fresh analysis.

import assert from 'node:assert/strict';
import type { WorkspaceAnalysis } from '../../../server/src/core/discover/appTypes';
import { analysedAroundEdit, workspaceFiles, type AroundEdit } from '../../helpers/analysedAroundEdit';

const ROOT = '/ws';
const SCHEMA = `${ROOT}/chart/values.schema.json`;
const STRICT = '{"properties": {"replicas": {"type": "integer", "maximum": 3}}}';
const LOOSE = '{"properties": {"replicas": {"type": "integer"}}}';

const WORKSPACE: Record<string, string> = {
  'app.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: web}\nspec:\n  destination: {namespace: web}\n  source: {path: chart}\n',
  'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
  'chart/values.yaml': 'replicas: 5\n',
  'chart/values.schema.json': LOOSE,
  'chart/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\ndata: {replicas: "{{ .Values.replicas }}"}\n',
};

function observable(workspace: WorkspaceAnalysis): unknown {
  return {
    apps: workspace.apps.map((a) => ({ id: a.id, complete: a.complete, reasons: a.incompleteReasons, objects: a.objects.map((o) => [o.id, o.body]) })),
    findings: workspace.findings.map((f) => JSON.stringify([f.file, f.span, f.code, f.detail])).sort(),
  };
}

const failsSchema = (workspace: WorkspaceAnalysis): boolean => workspace.findings.some((f) => f.code === 'helm/render-error' && f.file === SCHEMA);

function aroundEdit(schema: string | undefined, edit: (files: Map<string, string>) => void): AroundEdit {
  const files = workspaceFiles(ROOT, WORKSPACE);
  if (schema === undefined) files.delete(SCHEMA);
  else files.set(SCHEMA, schema);
  return analysedAroundEdit(ROOT, files, edit);
}

describe('core: values.schema.json edits, with the memo', () => {
  const cases: [string, string | undefined, (files: Map<string, string>) => void, boolean, boolean][] = [
    ['a tightened schema fails the render', LOOSE, (f) => f.set(SCHEMA, STRICT), false, true],
    ['a deleted schema no longer fails it', STRICT, (f) => f.delete(SCHEMA), true, false],
    ['a created schema fails it', undefined, (f) => f.set(SCHEMA, STRICT), false, true],
  ];
  for (const [label, schema, edit, failedBefore, failsAfter] of cases) {
    it(`${label}: the memoised analysis equals a fresh one`, () => {
      const { before, after, fresh } = aroundEdit(schema, edit);
      assert.equal(failsSchema(before), failedBefore);
      assert.equal(failsSchema(after), failsAfter);
      assert.deepEqual(observable(after), observable(fresh));
    });
  }
});
