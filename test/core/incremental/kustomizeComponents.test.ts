// Whether a kustomization is a Component decides whether its folder is an app of its own: turning one into the
// other gives the same apps with the memo as a fresh analysis.

import assert from 'node:assert/strict';
import { analyzeWorkspace } from '../../../server/src/core/analyzeWorkspace';
import type { WorkspaceAnalysis } from '../../../server/src/core/discover/appTypes';
import { AnalysisMemo } from '../../../server/src/core/incremental/analysisMemo';
import { IncrementalParseCache } from '../../../server/src/lsp/incrementalParseCache';
import { MemoryWorkspace } from '../../helpers/memoryHost';

const ROOT = '/ws';
const FILE = `${ROOT}/extras/kustomization.yaml`;
const KUSTOMIZATION = 'resources: [cm.yaml]\n';
const COMPONENT = 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [cm.yaml]\n';

function analysedAroundEdit(before: string, after: string): { first: WorkspaceAnalysis; second: WorkspaceAnalysis; fresh: WorkspaceAnalysis } {
  const files = new Map([
    [`${ROOT}/web/kustomization.yaml`, 'resources: [cm.yaml]\n'],
    [`${ROOT}/web/cm.yaml`, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n'],
    [FILE, before],
    [`${ROOT}/extras/cm.yaml`, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extras}\n'],
  ]);
  const host = new MemoryWorkspace(files);
  const memo = new AnalysisMemo();
  const cache = new IncrementalParseCache();
  const first = analyzeWorkspace(host, ROOT, { memo, cache });
  files.set(FILE, after);
  const second = analyzeWorkspace(host, ROOT, { memo, cache });
  return { first, second, fresh: analyzeWorkspace(new MemoryWorkspace(new Map(files)), ROOT) };
}

const names = (workspace: WorkspaceAnalysis): string[] => workspace.apps.map((a) => a.name).sort();

describe('core: a kustomization turned into a Component and back, with the memo', () => {
  it('a Kustomization that becomes a Component is no longer an app', () => {
    const { first, second, fresh } = analysedAroundEdit(KUSTOMIZATION, COMPONENT);
    assert.deepEqual(names(first), ['extras', 'web']);
    assert.deepEqual(names(second), ['web']);
    assert.deepEqual(names(second), names(fresh));
  });
  it('a Component that becomes a Kustomization is an app again', () => {
    const { first, second, fresh } = analysedAroundEdit(COMPONENT, KUSTOMIZATION);
    assert.deepEqual(names(first), ['web']);
    assert.deepEqual(names(second), ['extras', 'web']);
    assert.deepEqual(names(second), names(fresh));
  });
});
