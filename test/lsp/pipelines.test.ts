// `syncplan/pipelines` answers the Promotion Pipelines view: Stages in promotion order with absolute
// locations and the planned app of each linked Application; an edit that changes only the pipeline (no plan)
// is still announced by `syncplan/plansChanged`.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeWorkspace } from '../../server/src/core/analyzeWorkspace';
import { pipelineProjects } from '../../server/src/lsp/pipelinesRequest';
import { PIPELINES_ID } from '../../server/src/lsp/planFingerprints';
import type { PipelinesResult, PlansResult } from '../../server/src/protocol/syncPlanProtocol';
import { startInProcess, uriOf, type TestClient } from './lspHarness';
import { makeWorkspace, type Workspace } from './workspaceFixture';
import { filesUnder, memoryHost } from '../helpers/memoryHost';
import { corpusRoot } from '../helpers/runCli';

// The end-to-end fixture's pipeline, so both suites describe the same workspace.
const FIXTURE = join(__dirname, '..', 'e2e', 'fixtures', 'workspace');
const FILES = ['kargo/pipeline.yaml', 'argocd/guestbook.yaml', 'guestbook/test/configmap.yaml', 'guestbook/prod/configmap.yaml'];
const PIPELINE = readFileSync(join(FIXTURE, 'kargo/pipeline.yaml'), 'utf8');

function lineOf(text: string, needle: string): number {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  return text.slice(0, offset).split('\n').length;
}

describe('lsp: syncplan/pipelines', () => {
  let workspace: Workspace;
  let client: TestClient | undefined;

  beforeEach(async () => {
    workspace = makeWorkspace(Object.fromEntries(FILES.map((f) => [f, readFileSync(join(FIXTURE, f), 'utf8')])));
    client = await startInProcess({ folders: [workspace.root] });
    await client.waitFor('initial plans', () => client!.plansChangedParams[0]);
  });
  afterEach(async () => {
    await client?.dispose();
    client = undefined;
    workspace.remove();
  });

  it('lists the Stages in promotion order, linked to the planned apps of their Applications', async () => {
    const result = await client!.request<PipelinesResult>('syncplan/pipelines', {});
    const plans = await client!.request<PlansResult>('syncplan/plans', {});
    const idOf = (name: string): string => plans.folders[0].report.apps.find((a) => a.name === name)?.id ?? assert.fail(name);
    assert.equal(result.folders.length, 1);
    assert.equal(result.folders[0].folderUri, uriOf(workspace.root));
    const [project] = result.folders[0].projects;
    assert.equal(project.project, 'guestbook');
    assert.deepEqual(project.location, { file: workspace.path('kargo/pipeline.yaml'), line: lineOf(PIPELINE, 'kind: Project') - 1 });
    assert.deepEqual(project.stages.map((s) => [s.name, s.upstream, s.warehouses, s.controlFlow]), [
      ['test', [], ['images'], false],
      ['prod', ['test'], [], false],
    ]);
    const apps = readFileSync(join(FIXTURE, 'argocd/guestbook.yaml'), 'utf8');
    const [test, prod] = project.stages;
    assert.equal(test.file, workspace.path('kargo/pipeline.yaml'));
    assert.equal(test.line, lineOf(PIPELINE, 'kind: Stage\nmetadata:\n  name: test') - 1);
    assert.deepEqual(test.applications, [{
      name: 'guestbook-test', namespace: 'argocd', authorized: true, appId: idOf('guestbook-test'),
      location: { file: workspace.path('argocd/guestbook.yaml'), line: lineOf(apps, 'apiVersion: argoproj.io/v1alpha1') },
    }]);
    assert.equal(prod.applications[0].appId, idOf('guestbook-prod'));
  });

  it('announces an edit that changes only the pipeline', async () => {
    const before = client!.plansChangedParams.length;
    const uri = client!.open(workspace.path('kargo/pipeline.yaml'), PIPELINE);
    client!.change(uri, PIPELINE.replace('stages: [test]', 'direct: true'));
    const notified = await client!.waitFor('plans changed', () => client!.plansChangedParams[before]);
    assert.deepEqual(notified.appIds, [PIPELINES_ID]);
    const result = await client!.request<PipelinesResult>('syncplan/pipelines', {});
    assert.deepEqual(result.folders[0].projects[0].stages.map((s) => [s.name, s.upstream, s.warehouses]), [
      ['prod', [], ['images']],
      ['test', [], ['images']],
    ]);
  });

  it('answers an empty list for a folder without Kargo objects', async () => {
    const other = makeWorkspace({ 'web/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
    const plain = await startInProcess({ folders: [other.root] });
    try {
      const result = await plain.request<PipelinesResult>('syncplan/pipelines', {});
      assert.deepEqual(result, { folders: [{ folderUri: uriOf(other.root), projects: [] }] });
    } finally {
      await plain.dispose();
      other.remove();
    }
  });
});

describe('pipelines of the corpus kargo-advanced example', () => {
  it('links each Stage but the control-flow prod to the planned app its ApplicationSet generates, at the template', function () {
    const corpus = corpusRoot();
    const folder = corpus && join(corpus, 'akuity__kargo-advanced');
    if (!folder || !existsSync(folder)) return this.skip();
    const files = Object.fromEntries(Object.entries(filesUnder(folder)).map(([path, text]) => [`/ws/${path}`, text]));
    const workspace = analyzeWorkspace(memoryHost(files), '/ws');
    const [project] = pipelineProjects(workspace, (file) => files[file]);
    const appIds = new Map(workspace.apps.map((app) => [app.id, app.name]));
    const template = lineOf(files['/ws/argocd/appset.yaml'], '  template:\n    metadata:') + 1;
    assert.deepEqual(project.stages.map((s) => [s.name, s.controlFlow, s.applications.map((a) => [a.name, a.authorized, appIds.get(a.appId ?? ''), a.location?.file, a.location?.line])]),
      ['dev', 'staging', 'ab-test-a', 'ab-test-b', 'prod', 'prod-central', 'prod-east', 'prod-west'].map((name) => [name, name === 'prod',
        name === 'prod' ? [] : [[`guestbook-${name}`, true, `guestbook-${name}`, '/ws/argocd/appset.yaml', template]]]));
  });
});
