// The "Sync Order" tree built from a PlansResult: nesting, steps, parallel groups, special groups, ids, reveal.

import assert from 'node:assert/strict';
import { appKey, folderName, normalizePath, PlanTreeModel } from '../../client/src/tree/planTreeModel';
import { walkNodes, type PlanNode } from '../../client/src/tree/planTreeNodes';
import { app, backendApp, fakePlans, res, ROOT } from './fakePlans';
import type { AppReport } from '../../server/src/protocol/syncPlanProtocol';

function outline(nodes: readonly PlanNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.label}${n.description ? ` [${n.description}]` : ''}`, ...outline(n.children, depth + 1)]);
}

function child(node: PlanNode, label: string): PlanNode {
  const found = node.children.find((c) => c.label === label);
  assert.ok(found, `${node.label} has no child ${label}: ${node.children.map((c) => c.label).join(', ')}`);
  return found;
}

describe('PlanTreeModel', () => {
  it('puts folders no Application deploys in a closed group of their own, after the deployed apps', () => {
    const plans = fakePlans();
    const apps = plans.folders[0].report.apps;
    apps.push({ ...structuredClone(apps[0]), id: 'directory:examples', name: 'examples', path: 'examples', definedBy: null, children: [], notDeployed: true });
    const model = new PlanTreeModel(plans);
    assert.deepEqual(model.roots.map((n) => n.label), ['root', 'Not deployed by any Application']);
    const group = model.roots[1];
    assert.equal(group.type, 'group');
    assert.equal(group.expanded, false);
    assert.equal(group.description, '1 folder');
    assert.deepEqual(group.children.map((n) => `${n.type}:${n.app?.id}`), ['app:directory:examples']);
  });

  it('nests child applications where their Application object is synced', () => {
    const model = new PlanTreeModel(fakePlans());
    assert.deepEqual(model.roots.map((n) => n.label), ['root']);
    // The root app has one step: its resources sit right under it, the step is its description.
    assert.equal(model.roots[0].description, 'Sync · wave 0');
    const parallel = child(model.roots[0], '2 × Application');
    assert.equal(parallel.description, '∥ parallel');
    const backend = child(parallel, 'backend');
    assert.equal(backend.type, 'app');
    assert.equal(backend.app?.id, 'backend');
    assert.deepEqual(backend.location, { file: `${ROOT}/apps/backend.yaml`, line: 1 });
    assert.equal(backend.expanded, true, 'a few child apps open with their parent');
  });

  it('shows steps in order with index, parallel kind groups and markers', () => {
    const model = new PlanTreeModel(fakePlans());
    const backend = [...walkNodes(model.roots)].find((n) => n.type === 'app' && n.app?.id === 'backend')!;
    assert.deepEqual(outline(backend.children), [
      'PreSync · wave -1 [1/3]',
      '  Job db-migrate [⚓ hook · BeforeHookCreation]',
      'Sync · wave 0 [2/3]',
      '  3 × ConfigMap [∥ parallel]',
      '    ConfigMap a',
      '    ConfigMap b',
      '    ConfigMap c',
      '  Deployment api',
      'PostSync · wave 0 [3/3]',
      '  Job smoke [⚓ hook · HookSucceeded]',
      'On failure (SyncFail) [1]',
      '  Job notify [⚓ hook]',
      'Dropped (not synced) [1]',
      '  Job typo [hook type "presync" is unknown]',
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

  it('groups applications per folder in multi-root workspaces, without a wrapper for a folder with one app', () => {
    const plans = fakePlans();
    const single = (id: string, name: string): AppReport => ({ ...structuredClone(backendApp), id, name, path: '.', definedBy: null, caveats: [] });
    plans.folders.push({ folderUri: 'file:///ws/other%20repo', report: { version: 1, apps: [single('.', '.')] }, findingsByFile: {} });
    plans.folders.push({ folderUri: 'file:///ws/two', report: { version: 1, apps: [single('a', 'a'), single('b', 'b')] }, findingsByFile: {} });
    plans.folders.push({ folderUri: 'file:///ws/empty', report: { version: 1, apps: [] }, findingsByFile: {} });
    const model = new PlanTreeModel(plans);
    assert.deepEqual(model.roots.map((n) => [n.type, n.label, n.description]), [
      ['app', 'root', 'Sync · wave 0'], ['app', 'other repo', '3 steps'], ['folder', 'two', '2 apps'],
    ]);
    assert.deepEqual(model.roots[2].children.map((n) => n.label), ['a', 'b']);
  });

  it('reads as short rows in a narrow sidebar', () => {
    const model = new PlanTreeModel(fakePlans());
    assert.deepEqual(outline(model.roots).slice(0, 4), [
      'root [Sync · wave 0]',
      '  2 × Application [∥ parallel]',
      '    backend [3 steps]',
      '      PreSync · wave -1 [1/3]',
    ]);
    for (const node of walkNodes(model.roots)) {
      if (node.type === 'note') continue;
      assert.ok(`${node.label} ${node.description ?? ''}`.length <= 48, `too wide: ${node.label} [${node.description}]`);
      assert.doesNotMatch(node.label, /^Application /);
    }
  });

  it('names the workspace-root app after its folder and a template-named app by its file', () => {
    const plans = fakePlans();
    const [root, backend] = plans.folders[0].report.apps;
    root.name = '.';
    backend.name = '{{ .path.basename }}';
    const model = new PlanTreeModel(plans);
    assert.equal(model.roots[0].label, 'shop');
    const apps = [...walkNodes(model.roots)].filter((n) => n.type === 'app').map((n) => n.label);
    assert.deepEqual(apps, ['shop', 'backend.yaml', 'frontend']);
  });

  it('shortens long reasons in the description and keeps them whole in the tooltip', () => {
    const plans = fakePlans();
    const reason = 'hook type "presync" is unknown to Argo CD, which drops the resource';
    plans.folders[0].report.apps[1].dropped[0].reason = reason;
    const typo = [...walkNodes(new PlanTreeModel(plans).roots)].find((n) => n.label === 'Job typo')!;
    assert.equal(typo.description, 'hook type "presync" is unknown…');
    assert.match(typo.tooltip ?? '', /which drops the resource/);
  });

  it('shows caveats every app shares once for the workspace, and app-specific ones under the app', () => {
    const plans = fakePlans();
    const shared = 'Prune tasks run last, after every wave.';
    for (const app of plans.folders[0].report.apps) app.caveats.push(shared);
    const model = new PlanTreeModel(plans);
    assert.deepEqual(model.sharedCaveats, [shared]);
    assert.deepEqual(outline(model.roots.slice(1)), ['Notes [all apps]', `  ${shared}`]);
    const backend = [...walkNodes(model.roots)].find((n) => n.type === 'app' && n.app?.id === 'backend')!;
    assert.deepEqual(outline([child(backend, 'Notes')]), ['Notes [1]', '  Helm lookup calls are not evaluated.']);
    const frontend = [...walkNodes(model.roots)].find((n) => n.type === 'app' && n.app?.id === 'frontend')!;
    assert.equal(frontend.children.some((n) => n.label === 'Notes'), false);
  });

  it('keeps the caveats of a single app under that app', () => {
    const plans = fakePlans();
    plans.folders[0].report.apps = [plans.folders[0].report.apps[1]];
    const model = new PlanTreeModel(plans);
    assert.deepEqual(model.sharedCaveats, []);
    assert.deepEqual(model.roots.map((n) => n.label), ['backend']);
  });

  it('counts errors and warnings per resource and tints its icon', () => {
    const plans = fakePlans();
    const config = `${ROOT}/backend/config.yaml`;
    const rootStep = plans.folders[0].report.apps[0].steps[0];
    rootStep.resources.push(res('Namespace', 'shop', 'apps/backend.yaml', 1, { synthetic: 'create-namespace' }));
    rootStep.parallelGroups!.push([2]);
    const model = new PlanTreeModel(plans, {
      findingLines: (file) => file === config ? [{ line: 9, severity: 'error' }, { line: 10, severity: 'warning' }, { line: 16, severity: 'warning' }]
        : file === `${ROOT}/apps/backend.yaml` ? [{ line: 2, severity: 'error' }] : undefined,
    });
    const nodes = [...walkNodes(model.roots)];
    const byLabel = (label: string): PlanNode => nodes.find((n) => n.label === label)!;
    assert.equal(byLabel('ConfigMap a').description, '');
    assert.equal(byLabel('ConfigMap a').icon?.color, undefined);
    assert.equal(byLabel('ConfigMap b').description, '✕ 1 ⚠ 1');
    assert.equal(byLabel('ConfigMap b').icon?.color, 'problemsErrorIcon.foreground');
    assert.equal(byLabel('ConfigMap c').description, '⚠ 1');
    assert.equal(byLabel('ConfigMap c').icon?.color, 'problemsWarningIcon.foreground');
    assert.equal(byLabel('Namespace shop').description, 'CreateNamespace');
    assert.match(byLabel('ConfigMap b').tooltip ?? '', /1 error on this resource/);
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

  it('shows an app with child apps in full once when many apps render each other, a leaf app at each place', () => {
    // A chart whose 12 Applications point back at it: each app renders the other 11 (and one leaf app).
    const names = Array.from({ length: 12 }, (_, i) => `a${i}`);
    const resources = [...names, 'leaf'].map((n) => res('Application', n, 'apps/templates/apps.yaml', 1));
    const steps = [{ phase: 'Sync', wave: 0, resources, parallelGroups: [resources.map((_, i) => i)] }];
    const apps: AppReport[] = [
      app('chart', 'apps', { path: 'apps', source: 'helm', steps, children: [...names, 'leaf'] }),
      ...names.map((n) => app(n, n, { path: 'apps', source: 'helm', definedBy: { file: 'apps/templates/apps.yaml', line: 1 }, steps, children: [...names.filter((m) => m !== n), 'leaf'] })),
      app('leaf', 'leaf', { path: 'leaf', definedBy: { file: 'apps/templates/apps.yaml', line: 1 }, steps: [{ phase: 'Sync', wave: 0, resources: [res('ConfigMap', 'c', 'leaf/cm.yaml', 1)], parallelGroups: [[0]] }] }),
    ];
    const model = new PlanTreeModel({ folders: [{ folderUri: 'file:///ws/shop', report: { version: 1, apps }, findingsByFile: {} }] });
    const appNodes = [...walkNodes(model.roots)].filter((n) => n.type === 'app');
    for (const name of names) {
      const places = appNodes.filter((n) => n.app?.id === name);
      assert.equal(places.filter((n) => n.children.length > 0).length, 1, `${name} in full once`);
      assert.ok(places.slice(1).every((n) => n.description?.includes('shown in full elsewhere')));
    }
    // Without this, every path through the 12 apps (about 12! of them) would be a subtree of its own.
    assert.ok(appNodes.length < 13 * 13 + 13, `${appNodes.length} app nodes`);
    assert.ok(appNodes.filter((n) => n.app?.id === 'leaf').every((n) => n.children.length > 0), 'a leaf app is shown at every place');
  });

  it('is empty without folders', () => {
    assert.equal(new PlanTreeModel({ folders: [] }).isEmpty, true);
  });

  it('lists the apps an ApplicationSet generates under the ApplicationSet, with their own plans', () => {
    const generated = (name: string): AppReport => app(name, name, {
      path: '.', definedBy: { file: 'apps/appset.yaml', line: 8 },
      generatedBy: { kind: 'ApplicationSet', name: 'guestbook', file: 'apps/appset.yaml', line: 1 },
      steps: [{ phase: 'Sync', wave: 0, resources: [res('Service', `${name}-svc`, `${name}/svc.yaml`, 1)], parallelGroups: [[0]] }],
    });
    const parent = app('apps', 'apps', {
      path: 'apps', children: ['gb-dev', 'gb-prod'],
      steps: [{ phase: 'Sync', wave: 0, resources: [res('ApplicationSet', 'guestbook', 'apps/appset.yaml', 1, { group: 'argoproj.io' })], parallelGroups: [[0]] }],
    });
    const plans = fakePlans();
    plans.folders[0].report = { version: 1, apps: [parent, generated('gb-dev'), generated('gb-prod')] };
    const model = new PlanTreeModel(plans);
    assert.deepEqual(model.roots.map((n) => n.label), ['apps']);
    const appset = child(model.roots[0], 'ApplicationSet guestbook');
    assert.deepEqual(appset.children.map((n) => n.label), ['gb-dev', 'gb-prod']);
    assert.equal(appset.children[0].type, 'app');
    assert.deepEqual(outline(appset.children[0].children), ['Service gb-dev-svc']);
    assert.match(appset.children[0].tooltip ?? '', /Generated by ApplicationSet guestbook \(`apps\/appset.yaml:1`\)/);
    assert.match(appset.children[0].tooltip ?? '', /Template `apps\/appset.yaml:8`/);
  });

  it('normalizes paths and names folders', () => {
    assert.equal(normalizePath('C:\\ws\\a.yaml'), 'c:/ws/a.yaml');
    assert.equal(folderName('file:///home/me/my%20repo/'), 'my repo');
  });
});
