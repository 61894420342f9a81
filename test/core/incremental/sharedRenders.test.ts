// Renders shared within one analysis (a Kustomize base used by two overlays, a component's helmCharts chart
// inflated for two kustomizations) count their reads for every render using them: after an edit of a file only
// the shared render read, the memoised analysis equals a fresh one for both users.

import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import type { WorkspaceAnalysis } from '../../../server/src/core/discover/appTypes';
import { AnalysisMemo } from '../../../server/src/core/incremental/analysisMemo';
import { IncrementalParseCache } from '../../../server/src/lsp/incrementalParseCache';
import { MemoryWorkspace } from '../../helpers/memoryHost';

const ROOT = '/ws';

const WORKSPACE: Record<string, string> = {
  'base/kustomization.yaml': 'resources:\n- cm.yaml\n',
  'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: base\ndata:\n  k: one\n',
  'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nhelmCharts:\n- name: c\n',
  'comp/charts/c/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 0.1.0\n',
  'comp/charts/c/files/x.txt': 'one',
  'comp/charts/c/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: chart\ndata:\n  x: {{ .Files.Get "files/x.txt" | quote }}\n',
  'a/kustomization.yaml': 'namePrefix: a-\nresources:\n- ../base\ncomponents:\n- ../comp\n',
  'b/kustomization.yaml': 'namePrefix: b-\nresources:\n- ../base\ncomponents:\n- ../comp\n',
};

/** Each app's objects with their bodies, and the findings. */
function observable(workspace: WorkspaceAnalysis): unknown {
  return {
    apps: workspace.apps.map((a) => ({ id: a.id, files: [...a.files].sort(), objects: a.objects.map((o) => [o.id, o.source.file, o.body]) })),
    findings: workspace.findings.map((f) => JSON.stringify([f.file, f.span, f.code, f.message])).sort(),
  };
}

describe('core: renders shared within an analysis', () => {
  for (const [edited, from, to] of [
    ['comp/charts/c/files/x.txt', 'one', 'two'],
    ['base/cm.yaml', 'k: one', 'k: two'],
  ] as const) {
    it(`redoes both kustomizations after an edit of ${edited}, which only the shared render reads`, () => {
      const files = new Map(Object.entries(WORKSPACE).map(([path, text]) => [`${ROOT}/${path}`, text]));
      const host = new MemoryWorkspace(files);
      const memo = new AnalysisMemo();
      const cache = new IncrementalParseCache();
      const before = analyzeWorkspace(host, ROOT, { memo, cache });
      const path = `${ROOT}/${edited}`;
      files.set(path, (files.get(path) ?? '').replace(from, to));
      const after = analyzeWorkspace(host, ROOT, { memo, cache });
      const fresh = analyzeWorkspace(new MemoryWorkspace(new Map(files)), ROOT);
      assert.deepEqual(observable(after), observable(fresh));
      // The edit shows in both kustomizations, so the comparison above was about a change.
      const shown = (workspace: WorkspaceAnalysis): string => JSON.stringify(workspace.apps.map((a) => a.objects.map((o) => o.body)));
      assert.notEqual(shown(after), shown(before));
      for (const app of ['a', 'b']) assert.ok(JSON.stringify(after.apps.find((a) => a.path === `${ROOT}/${app}`)?.objects.map((o) => o.body)).includes(to.replace('k: ', '')), app);
    });
  }
});
