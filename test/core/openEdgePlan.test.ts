// Issue 9's app-of-apps case: the open-edge applications chart (corpus), rendered through an Application with
// the synthesised value profile, plans one task per Application in the wave helm gives it, and no task keeps a
// `{{` in its name. The expected Applications and waves are read from helm 3.17.3's output for the same values
// (test/golden/helm/24-open-edge.yaml). Rendered with its own values.yaml the chart fails in helm, so the app is
// incomplete with helm's error.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { analyzeWorkspace } from '../../server/src/core/analyzeWorkspace';
import { nodeFileHost } from '../../server/src/workspace/nodeFileHost';
import { withMountedFolder } from '../helpers/profileHost';

const corpus = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const root = join(corpus, 'open-edge-platform__edge-manageability-framework');
const chartDir = join(root, 'argocd', 'applications');
const fixtures = join(__dirname, '..', 'fixtures', 'helm');

interface HelmApplication { metadata: { name: string; annotations: Record<string, string> } }

/** Application name -> sync wave, from helm's own render of the chart with the profile. */
function helmWaves(): Map<string, number> {
  const text = readFileSync(join(__dirname, '..', 'golden', 'helm', '24-open-edge.yaml'), 'utf8');
  const apps = parseAllDocuments(text)
    .map((d) => d.toJSON() as { kind?: string } | null)
    .filter((o): o is HelmApplication & { kind: string } => o?.kind === 'Application');
  return new Map(apps.map((a) => [a.metadata.name, Number(a.metadata.annotations['argocd.argoproj.io/sync-wave'])]));
}

describe('open-edge applications chart: an app-of-apps rendered by Helm', function () {
  if (!existsSync(chartDir)) {
    it('needs the corpus at ../shared/corpus', function () {
      this.skip();
    });
    return;
  }
  const host = withMountedFolder(
    withMountedFolder(nodeFileHost(), join(root, 'syncplan-test-profile'), join(fixtures, 'open-edge-profile')),
    join(root, 'syncplan-test-app'),
    join(fixtures, 'open-edge-app'),
  );
  const workspace = analyzeWorkspace(host, root);

  it('plans the profile\'s Applications in their waves, none named with {{', () => {
    const app = workspace.apps.find((a) => a.name === 'root-app');
    assert.ok(app, `root-app not among ${workspace.apps.map((a) => a.name).join(', ')}`);
    assert.deepEqual(app.incompleteReasons, [], 'the render is complete');
    const expected = helmWaves();
    // The figures for this chart: 85 Applications over 26 waves.
    assert.equal(expected.size, 85);
    assert.equal(new Set(expected.values()).size, 26);
    const tasks = app.plan.steps.flatMap((s) => s.tasks.map((t) => ({ phase: s.phase, wave: s.wave, kind: t.object.kind, name: t.object.name })));
    assert.ok(tasks.every((t) => t.kind === 'Application' && t.phase === 'Sync'), 'only Sync-phase Application tasks');
    assert.deepEqual(tasks.filter((t) => t.name.includes('{{')), [], 'no task name contains {{');
    assert.deepEqual(new Map(tasks.map((t) => [t.name, t.wave])), expected);
    const waves = app.plan.steps.map((s) => s.wave);
    assert.deepEqual(waves, [...new Set(expected.values())].sort((a, b) => a - b), 'one step per wave, in ascending order');
  });

  it('with its own values.yaml the chart fails in helm, so the chart is incomplete with helm\'s error', () => {
    // Without the test Application no Application points at the chart (the corpus root-app fails to render).
    const own = analyzeWorkspace(nodeFileHost(), root);
    const app = own.apps.find((a) => a.path === chartDir);
    assert.ok(app, `the chart's own app not among ${own.apps.map((a) => a.name).join(', ')}`);
    assert.equal(app.complete, false);
    // What `helm template release argocd/applications` (3.17.3) prints after `Error: `.
    const helmError = 'template: argocd-applications/templates/web-ui-root.yaml:9:8: executing "argocd-applications/templates/web-ui-root.yaml" at <index .Values.argo.enabled $appName>: error calling index: index of untyped nil';
    assert.ok(
      app.incompleteReasons.some((r) => r.includes(helmError)),
      `helm's error among: ${app.incompleteReasons.join(' | ')}`,
    );
  });
});
