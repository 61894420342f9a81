// A hand-written PlansResult in the server's shape: an app-of-apps whose child has hooks, parallel
// groups, dropped/skipped/SyncFail/delete-hook resources and caveats.

import type { AppReport, PlansResult, ResourceReport, StepReport } from '../../server/src/protocol/syncPlanProtocol';

export const ROOT = '/ws/shop';

export function res(kind: string, name: string, file: string, line: number, extra: Partial<ResourceReport> = {}): ResourceReport {
  return {
    group: kind === 'Application' ? 'argoproj.io' : kind === 'Deployment' || kind === 'Job' ? 'apps' : '',
    kind, namespace: 'shop', name, hook: false, file, line, absoluteFile: `${ROOT}/${file}`, wave: 0, ...extra,
  };
}

function step(phase: string, wave: number, resources: ResourceReport[], parallelGroups?: number[][]): StepReport {
  return { phase, wave, resources, parallelGroups: parallelGroups ?? resources.map((_, i) => [i]) };
}

export function app(id: string, name: string, extra: Partial<AppReport>): AppReport {
  return {
    id, name, path: name, source: 'directory', definedBy: null, generatedBy: null, destinationNamespace: 'shop', complete: true,
    incompleteReasons: [], steps: [], syncFail: [], skipped: [], dropped: [], deleteHooks: [], children: [], caveats: [], ...extra,
  };
}

export const rootApp = app('root', 'root', {
  path: 'apps',
  steps: [step('Sync', 0, [res('Application', 'backend', 'apps/backend.yaml', 1), res('Application', 'frontend', 'apps/frontend.yaml', 1)], [[0, 1]])],
  children: ['backend', 'frontend'],
});

export const backendApp = app('backend', 'backend', {
  path: 'backend',
  source: 'kustomize',
  definedBy: { file: 'apps/backend.yaml', line: 1 },
  steps: [
    step('PreSync', -1, [res('Job', 'db-migrate', 'backend/migrate.yaml', 1, { hook: true, wave: -1, deletePolicies: ['BeforeHookCreation'] })]),
    step('Sync', 0, [
      res('ConfigMap', 'a', 'backend/config.yaml', 1),
      res('ConfigMap', 'b', 'backend/config.yaml', 8),
      res('ConfigMap', 'c', 'backend/config.yaml', 15),
      res('Deployment', 'api', 'backend/deploy.yaml', 1, { declaredWave: 0 }),
    ], [[0, 1, 2], [3]]),
    step('PostSync', 0, [res('Job', 'smoke', 'backend/smoke.yaml', 3, { hook: true, deletePolicies: ['HookSucceeded'] })]),
  ],
  syncFail: [res('Job', 'notify', 'backend/notify.yaml', 1, { hook: true })],
  dropped: [res('Job', 'typo', 'backend/typo.yaml', 1, { reason: 'hook type "presync" is unknown' })],
  skipped: [res('ConfigMap', 'skipped', 'backend/skip.yaml', 1)],
  deleteHooks: [res('Job', 'cleanup', 'backend/cleanup.yaml', 1, { hook: true, phase: 'PostDelete', deletePolicies: ['HookSucceeded'] })],
  caveats: ['Helm lookup calls are not evaluated.'],
});

export const frontendApp = app('frontend', 'frontend', {
  path: 'frontend',
  definedBy: { file: 'apps/frontend.yaml', line: 1 },
  complete: false,
  incompleteReasons: ['Chart dependency "redis" is not vendored.'],
  steps: [step('Sync', 0, [res('Service', 'web', 'frontend/web.yaml', 1)])],
});

export function fakePlans(): PlansResult {
  return {
    folders: [{
      folderUri: 'file:///ws/shop',
      // Copies, so a test that edits its plans cannot change another test's.
      report: { version: 1, apps: structuredClone([rootApp, backendApp, frontendApp]) },
      findingsByFile: { [`${ROOT}/backend/typo.yaml`]: 2 },
    }],
  };
}
