// The "Sync Order" tree built from a PlansResult: nesting, steps, parallel groups, special groups, ids, reveal.

import assert from 'node:assert/strict';
import { appKey, folderName, normalizePath, PlanTreeModel } from '../../client/src/tree/planTreeModel';
import { walkNodes, type PlanNode } from '../../client/src/tree/planTreeNodes';
import { fakePlans, ROOT } from './fakePlans';

function outline(nodes: readonly PlanNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.label}${n.description ? ` [${n.description}]` : ''}`, ...outline(n.children, depth + 1)]);
}

function child(node: PlanNode, label: string): PlanNode {
  const found = node.children.find((c) => c.label === label);
  assert.ok(found, `${node.label} has no child ${label}: ${node.children.map((c) => c.label).join(', ')}`);
  return found;
}

describe('PlanTreeModel', () => {
  it('nests child applications where their Application object is synced', () => {
    const model = new PlanTreeModel(fakePlans());
    assert.deepEqual(model.roots.map((n) => n.label), ['root']);
    const parallel = child(child(model.roots[0], 'Sync · wave 0'), '2 × Application');
    assert.equal(parallel.description, '∥ 2 in parallel');
    const backend = child(parallel, 'Application backend');
    assert.equal(backend.type, 'app');
    assert.equal(backend.app?.id, 'backend');
    assert.deepEqual(backend.location, { file: `${ROOT}/apps/backend.yaml`, line: 1 });
    assert.equal(backend.expanded, true, 'a few child apps open with their parent');
  });

  it('shows steps in order with index, parallel kind groups and markers', () => {
    const model = new PlanTreeModel(fakePlans());
    const backend = [...walkNodes(model.roots)].find((n) => n.type === 'app' && n.app?.id === 'backend')!;
    assert.deepEqual(outline(backend.children), [
      'PreSync · wave -1 [1/3 · 1 resource]',
      '  Job db-migrate [⚓ hook · BeforeHookCreation]',
      'Sync · wave 0 [2/3 · 4 resources]',
      '  3 × ConfigMap [∥ 3 in parallel]',
      '    ConfigMap a',
      '    ConfigMap b',
      '    ConfigMap c',
      '  Deployment api',
      'PostSync · wave 0 [3/3 · 1 resource]',
      '  Job smoke [⚓ hook · HookSucceeded]',
      'On failure (SyncFail) [1]',
      '  Job notify [⚓ hook]',
      'Dropped (not synced) [1]',
      '  Job typo [hook type "presync" is unknown · ⚠ 2 in file]',
      'Skipped [1]',
      '  ConfigMap skipped',
      'Delete hooks [1]',
      '  Job cleanup [⚓ PostDelete hook · HookSucceeded]',
      'Notes [1]',
      '  Helm lookup calls are not evaluated.',
    ]);
    const job = child(child(backend, 'PreSync · wave -1'), 'Job db-migrate');
    assert.equal(job.icon?.id, 'play');
    assert.equal(job.icon?.color, 'charts.purple');
    assert.match(job.tooltip ?? '', /Delete policies: BeforeHookCreation/);
  });

  it('marks incomplete applications with a warning and the reasons in the tooltip', () => {
    const model = new PlanTreeModel(fakePlans());
    const frontend = [...walkNodes(model.roots)].find((n) => n.app?.id === 'frontend' && n.type === 'app')!;
    assert.equal(frontend.icon?.id, 'warning');
    assert.match(frontend.tooltip ?? '', /Chart dependency "redis" is not vendored/);
  });

  it('gives every node a unique id that survives a rebuild', () => {
    const first = [...walkNodes(new PlanTreeModel(fakePlans()).roots)].map((n) => n.id);
    const second = [...walkNodes(new PlanTreeModel(fakePlans()).roots)].map((n) => n.id);
    assert.equal(new Set(first).size, first.length);
    assert.deepEqual(second, first);
  });

  it('knows every node\'s parent', () => {
    const model = new PlanTreeModel(fakePlans());
    for (const root of model.roots) assert.equal(model.parentOf(root), undefined);
    for (const node of walkNodes(model.roots)) for (const c of node.children) assert.equal(model.parentOf(c), node);
  });

  it('finds the resource whose document starts at or above a line', () => {
    const model = new PlanTreeModel(fakePlans());
    assert.equal(model.findNodeAt(`${ROOT}/backend/config.yaml`, 10)?.label, 'ConfigMap b');
    assert.equal(model.findNodeAt(`${ROOT}/backend/config.yaml`, 15)?.label, 'ConfigMap c');
    assert.equal(model.findNodeAt(`${ROOT}/backend/smoke.yaml`, 2), undefined);
    assert.equal(model.findNodeAt(`${ROOT}/apps/frontend.yaml`, 4)?.type, 'app');
    assert.equal(model.findNodeAt(`${ROOT}/nowhere.yaml`, 1), undefined);
  });

  it('groups applications per folder in multi-root workspaces', () => {
    const plans = fakePlans();
    plans.folders.push({ folderUri: 'file:///ws/other%20repo', report: { version: 1, apps: [] }, findingsByFile: {} });
    const model = new PlanTreeModel(plans);
    assert.deepEqual(model.roots.map((n) => [n.type, n.label, n.description]), [['folder', 'shop', '3 apps'], ['folder', 'other repo', '0 apps']]);
  });

  it('shows only the filtered applications as roots', () => {
    const model = new PlanTreeModel(fakePlans(), { appFilter: new Set([appKey('file:///ws/shop', 'frontend')]) });
    assert.deepEqual(model.roots.map((n) => n.label), ['frontend']);
    assert.equal(model.roots[0].expanded, true);
  });

  it('survives a cycle of applications', () => {
    const plans = fakePlans();
    const apps = plans.folders[0].report.apps;
    apps[1].children = ['root'];
    apps[0].definedBy = { file: 'backend/root.yaml', line: 1 };
    apps[1].steps[0].resources.push({ ...apps[1].steps[0].resources[0], kind: 'Application', name: 'root', file: 'backend/root.yaml', line: 1 });
    const model = new PlanTreeModel(plans);
    assert.ok(model.roots.length >= 1);
    assert.ok([...walkNodes(model.roots)].length < 100);
  });

  it('is empty without folders', () => {
    assert.equal(new PlanTreeModel({ folders: [] }).isEmpty, true);
  });

  it('normalizes paths and names folders', () => {
    assert.equal(normalizePath('C:\\ws\\a.yaml'), 'c:/ws/a.yaml');
    assert.equal(folderName('file:///home/me/my%20repo/'), 'my repo');
  });
});
