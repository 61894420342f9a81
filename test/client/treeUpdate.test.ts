// The view refreshes single nodes when only their text changed, and the whole tree only when its shape did.

import assert from 'node:assert/strict';
import { PlanTreeModel } from '../../client/src/tree/planTreeModel';
import { treeUpdate } from '../../client/src/tree/treeUpdate';
import { fakePlans, ROOT } from './fakePlans';

describe('Sync Order tree updates', () => {
  it('the same plans give no change at all', () => {
    assert.deepEqual(treeUpdate(new PlanTreeModel(fakePlans()).roots, new PlanTreeModel(fakePlans()).roots), { kind: 'nodes', ids: [] });
  });

  it('new finding counts change only the counted resources', () => {
    const before = new PlanTreeModel(fakePlans());
    const after = new PlanTreeModel(fakePlans(), { findingLines: (file) => (file === `${ROOT}/backend/migrate.yaml` ? [{ line: 1, severity: 'error' }] : undefined) });
    const update = treeUpdate(before.roots, after.roots);
    assert.equal(update.kind, 'nodes');
    const labels = update.kind === 'nodes' ? update.ids.map((id) => after.nodeById(id)?.label) : [];
    assert.deepEqual(labels, ['Job db-migrate']);
  });

  it('an added or removed resource changes the structure', () => {
    const plans = fakePlans();
    const shorter = fakePlans();
    const backend = shorter.folders[0].report.apps.find((a) => a.id === 'backend')!;
    backend.steps = backend.steps.slice(0, 1);
    assert.deepEqual(treeUpdate(new PlanTreeModel(plans).roots, new PlanTreeModel(shorter).roots), { kind: 'structure' });
    assert.deepEqual(treeUpdate(new PlanTreeModel(shorter).roots, new PlanTreeModel(plans).roots), { kind: 'structure' });
  });

  it('nodeById finds every node of the model', () => {
    const model = new PlanTreeModel(fakePlans());
    const stack = [...model.roots];
    while (stack.length) {
      const node = stack.pop()!;
      assert.equal(model.nodeById(node.id), node);
      stack.push(...node.children);
    }
  });
});
