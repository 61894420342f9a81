// Whether a kustomization is a Component decides whether its folder is an app of its own: turning one into the
// other gives the same apps with the memo as a fresh analysis.

import assert from 'node:assert/strict';
import type { WorkspaceAnalysis } from '../../../server/src/core/discover/appTypes';
import { analysedAroundEdit, type AroundEdit } from '../../helpers/analysedAroundEdit';

const ROOT = '/ws';
const FILE = `${ROOT}/extras/kustomization.yaml`;
const KUSTOMIZATION = 'resources: [cm.yaml]\n';
const COMPONENT = 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [cm.yaml]\n';

function aroundEdit(before: string, after: string): AroundEdit {
  const files = new Map([
    [`${ROOT}/web/kustomization.yaml`, 'resources: [cm.yaml]\n'],
    [`${ROOT}/web/cm.yaml`, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n'],
    [FILE, before],
    [`${ROOT}/extras/cm.yaml`, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extras}\n'],
  ]);
  return analysedAroundEdit(ROOT, files, (f) => f.set(FILE, after));
}

const names = (workspace: WorkspaceAnalysis): string[] => workspace.apps.map((a) => a.name).sort();

describe('core: a kustomization turned into a Component and back, with the memo', () => {
  it('a Kustomization that becomes a Component is no longer an app', () => {
    const { before: first, after: second, fresh } = aroundEdit(KUSTOMIZATION, COMPONENT);
    assert.deepEqual(names(first), ['extras', 'web']);
    assert.deepEqual(names(second), ['web']);
    assert.deepEqual(names(second), names(fresh));
  });
  it('a Component that becomes a Kustomization is an app again', () => {
    const { before: first, after: second, fresh } = aroundEdit(COMPONENT, KUSTOMIZATION);
    assert.deepEqual(names(first), ['web']);
    assert.deepEqual(names(second), ['extras', 'web']);
    assert.deepEqual(names(second), names(fresh));
  });
});
