// The "Promotion Pipelines" tree built from a PipelinesResult: projects, Stages in the server's order with where
// their Freight comes from, Applications with their authorization, locations to open and parents for reveal.

import assert from 'node:assert/strict';
import { PipelineTreeModel, type PipelineNode } from '../../client/src/tree/pipelineTreeModel';
import type { PipelineApplication, PipelineStage, PipelinesResult } from '../../server/src/protocol/syncPlanProtocol';

const FOLDER = 'file:///ws';

function outline(nodes: readonly PipelineNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.type} ${n.label}${n.description ? ` [${n.description}]` : ''} ${n.icon?.id ?? ''}`.trimEnd(), ...outline(n.children, depth + 1)]);
}

function application(name: string, authorized: boolean | null, appId: string | null): PipelineApplication {
  return { name, namespace: 'argocd', authorized, appId, location: appId ? { file: '/ws/argocd/apps.yaml', line: 2 } : null };
}

function stage(name: string, line: number, extra: Partial<PipelineStage>): PipelineStage {
  return { name, file: '/ws/kargo/stages.yaml', line, upstream: [], warehouses: [], controlFlow: false, autoPromotion: null, applications: [], ...extra };
}

function pipelines(): PipelinesResult {
  return {
    folders: [{
      folderUri: FOLDER,
      projects: [{
        project: 'shop',
        location: { file: '/ws/kargo/project.yaml', line: 1 },
        stages: [
          stage('dev', 3, { warehouses: ['images'], autoPromotion: true, applications: [application('shop-dev', true, 'app:dev')] }),
          stage('gate', 20, { upstream: ['dev'], controlFlow: true }),
          stage('prod', 30, { upstream: ['gate'], applications: [application('shop-prod', false, 'app:prod'), application('elsewhere', null, null)] }),
        ],
      }],
    }],
  };
}

describe('PipelineTreeModel', () => {
  it('shows each project with its Stages in order, where their Freight comes from, and their Applications', () => {
    const model = new PipelineTreeModel(pipelines());
    assert.deepEqual(outline(model.roots), [
      'project shop [3 stages] rocket',
      '  stage dev [← warehouse images · auto-promotion] debug-step-over',
      '    application shop-dev [argocd · authorized] pass',
      '  stage gate [← dev · control flow] git-merge',
      '  stage prod [← gate] debug-step-over',
      '    application shop-prod [argocd · not authorized] error',
      '    application elsewhere [argocd · not in this workspace] question',
    ]);
  });

  it('opens the Stage and the Application where they are written, and keeps the app id for Sync Order', () => {
    const model = new PipelineTreeModel(pipelines());
    const [project] = model.roots;
    const prod = project.children[2];
    assert.deepEqual(prod.location, { file: '/ws/kargo/stages.yaml', line: 30 });
    assert.deepEqual(prod.children.map((c) => [c.application?.appId, c.location?.file]), [['app:prod', '/ws/argocd/apps.yaml'], [null, undefined]]);
    assert.equal(model.parentOf(prod.children[0]), prod);
    assert.equal(model.nodeById(prod.children[0].id), prod.children[0]);
    assert.match(prod.children[0].tooltip ?? '', /does not list `shop:prod`/);
  });

  it('is empty without projects, and groups by folder in a multi-root workspace', () => {
    assert.equal(new PipelineTreeModel({ folders: [{ folderUri: FOLDER, projects: [] }] }).isEmpty, true);
    const two = pipelines();
    two.folders.push({ folderUri: 'file:///other', projects: [] });
    const model = new PipelineTreeModel(two);
    assert.deepEqual(model.roots.map((n) => `${n.type} ${n.label}`), ['folder ws']);
    assert.equal(new Set([...model.roots[0].children[0].children].map((n) => n.id)).size, 3, 'unique ids');
  });
});
