import assert from 'node:assert/strict';
import {
  ANNOTATION_CATALOGUE,
  ARGOCD_PREFIX,
  DELETE_HOOK_TYPES,
  HELM_DELETE_POLICY_MAP,
  HELM_HOOK_TYPE_MAP,
  HOOK_DELETE_POLICIES,
  HOOK_TYPES,
  SYNC_HOOK_TYPES,
  SYNC_OPTIONS,
  UNSUPPORTED_HELM_HOOKS,
  appliesToObject,
  applicationSyncOptions,
  closestMatch,
  docsUrlFor,
  editDistance,
  entriesForObject,
  findCatalogueEntry,
  resourceSyncOptions,
  syncOptionInfo,
} from '../../server/src/core/catalogue';

const A = ARGOCD_PREFIX;

describe('annotation catalogue', () => {
  describe('coverage of the semantics spec (section 2)', () => {
    const required: Array<[string, 'annotation' | 'label']> = [
      // 2.1
      [`${A}hook`, 'annotation'],
      [`${A}hook-delete-policy`, 'annotation'],
      [`${A}sync-wave`, 'annotation'],
      [`${A}sync-options`, 'annotation'],
      [`${A}compare-options`, 'annotation'],
      // 2.4
      [`${A}refresh`, 'annotation'],
      [`${A}refresh-timestamp`, 'annotation'],
      [`${A}hydrate`, 'annotation'],
      [`${A}hydrate-timestamp`, 'annotation'],
      [`${A}manifest-generate-paths`, 'annotation'],
      [`${A}skip-reconcile`, 'annotation'],
      [`${A}deletion-approved`, 'annotation'],
      [`${A}managed-by-url`, 'annotation'],
      [`${A}client-side-apply-migration-manager`, 'annotation'],
      // 2.5
      [`${A}application-set-refresh`, 'annotation'],
      // 2.6
      [`${A}tracking-id`, 'annotation'],
      [`${A}installation-id`, 'annotation'],
      [`${A}ignore-resource-updates`, 'annotation'],
      [`${A}ignore-healthcheck`, 'annotation'],
      [`${A}ignore-default-links`, 'annotation'],
      [`${A}ignore-restart-policy`, 'annotation'],
      [`${A}instance`, 'label'],
      [`${A}secret-type`, 'label'],
      [`${A}auto-label-cluster-info`, 'label'],
      [`${A}kubernetes-version`, 'label'],
      [`${A}managed-by`, 'label'],
      // Helm (3.4) and Kargo (6)
      ['helm.sh/hook', 'annotation'],
      ['helm.sh/hook-weight', 'annotation'],
      ['helm.sh/hook-delete-policy', 'annotation'],
      ['helm.sh/resource-policy', 'annotation'],
      ['kargo.akuity.io/authorized-stage', 'annotation'],
    ];
    for (const [key, kind] of required) {
      it(`has ${kind} ${key}`, () => {
        const entry = findCatalogueEntry(key);
        assert.ok(entry, `missing ${key}`);
        assert.equal(entry.kind, kind);
      });
    }

    it('skip-reconcile also applies to cluster Secrets', () => {
      const entry = findCatalogueEntry(`${A}skip-reconcile`)!;
      assert.ok(appliesToObject(entry, 'argoproj.io', 'Application'));
      assert.ok(appliesToObject(entry, '', 'Secret'));
      assert.ok(!appliesToObject(entry, 'apps', 'Deployment'));
    });

    it('marks the namespace managed-by label as not read by Argo CD core', () => {
      const entry = findCatalogueEntry(`${A}managed-by`)!;
      assert.equal(entry.scope, 'namespace');
      assert.equal(entry.notReadByArgoCD, true);
    });

    it('flags keys that Argo CD writes itself', () => {
      for (const key of ['tracking-id', 'installation-id', 'refresh-timestamp', 'kubernetes-version']) {
        assert.equal(findCatalogueEntry(A + key)?.writtenByArgoCD, true, key);
      }
      assert.notEqual(findCatalogueEntry(`${A}sync-wave`)?.writtenByArgoCD, true);
    });

    it('kargo entry belongs to the kargo family and Applications', () => {
      const entry = findCatalogueEntry('kargo.akuity.io/authorized-stage')!;
      assert.equal(entry.family, 'kargo');
      assert.equal(entry.scope, 'application');
    });
  });

  describe('table hygiene', () => {
    it('every entry has an https docs URL and a summary', () => {
      for (const e of ANNOTATION_CATALOGUE) {
        assert.match(e.docsUrl, /^https:\/\//, e.key);
        assert.ok(e.summary.trim().length > 0, e.key);
        for (const v of e.values ?? []) assert.ok(v.summary.trim().length > 0, `${e.key}=${v.value}`);
      }
      for (const o of SYNC_OPTIONS) {
        assert.ok(o.summary.trim().length > 0, o.option);
        if (o.docsUrl !== undefined) assert.match(o.docsUrl, /^https:\/\//);
      }
    });

    it('no two entries share key and kind', () => {
      const seen = new Set<string>();
      for (const e of ANNOTATION_CATALOGUE) {
        const id = `${e.kind}:${e.key}`;
        assert.ok(!seen.has(id), `duplicate ${id}`);
        seen.add(id);
      }
    });

    it('versions look like vX.Y.Z or are empty', () => {
      const version = /^(v\d+\.\d+\.\d+)?$/;
      for (const e of ANNOTATION_CATALOGUE) {
        assert.match(e.since, version, e.key);
        for (const v of e.values ?? []) if (v.since !== undefined) assert.match(v.since, version, `${e.key}=${v.value}`);
      }
      for (const o of SYNC_OPTIONS) {
        for (const s of [o.since, o.resourceSince, o.applicationSince]) if (s !== undefined) assert.match(s, version, o.option);
      }
    });

    it('enumerated grammars carry values, and values are unique per key', () => {
      for (const e of ANNOTATION_CATALOGUE) {
        if (e.grammar === 'enum' || e.grammar === 'csv-enum') assert.ok((e.values ?? []).length > 0, e.key);
        const vals = (e.values ?? []).map((v) => v.value);
        assert.equal(new Set(vals).size, vals.length, e.key);
      }
    });

    it('sync option strings are unique', () => {
      const opts = SYNC_OPTIONS.map((o) => o.option);
      assert.equal(new Set(opts).size, opts.length);
    });
  });

  describe('hooks', () => {
    it('has exactly the seven Argo CD hook types', () => {
      assert.deepEqual(
        [...HOOK_TYPES].sort(),
        ['PostDelete', 'PostSync', 'PreDelete', 'PreSync', 'Skip', 'Sync', 'SyncFail'],
      );
    });

    it('splits sync-phase and delete hooks', () => {
      assert.deepEqual([...SYNC_HOOK_TYPES], ['PreSync', 'Sync', 'PostSync', 'SyncFail', 'Skip']);
      assert.deepEqual([...DELETE_HOOK_TYPES].sort(), ['PostDelete', 'PreDelete']);
    });

    it('records when delete hooks arrived', () => {
      const values = findCatalogueEntry(`${A}hook`)!.values!;
      assert.equal(values.find((v) => v.value === 'PreDelete')?.since, 'v3.3.0');
      assert.equal(values.find((v) => v.value === 'PostDelete')?.since, 'v2.10.0');
    });

    it('has the three delete policies, BeforeHookCreation by default', () => {
      assert.deepEqual([...HOOK_DELETE_POLICIES].sort(), ['BeforeHookCreation', 'HookFailed', 'HookSucceeded']);
      assert.equal(findCatalogueEntry(`${A}hook-delete-policy`)?.defaultValue, 'BeforeHookCreation');
    });

    it('maps Helm hooks to Argo CD types', () => {
      assert.equal(HELM_HOOK_TYPE_MAP['pre-install'], 'PreSync');
      assert.equal(HELM_HOOK_TYPE_MAP['pre-upgrade'], 'PreSync');
      assert.equal(HELM_HOOK_TYPE_MAP['post-install'], 'PostSync');
      assert.equal(HELM_HOOK_TYPE_MAP['post-upgrade'], 'PostSync');
      assert.equal(HELM_HOOK_TYPE_MAP['pre-delete'], 'PreDelete');
      assert.equal(HELM_HOOK_TYPE_MAP['post-delete'], 'PostDelete');
      assert.equal(HELM_HOOK_TYPE_MAP['test'], undefined);
      assert.equal(HELM_HOOK_TYPE_MAP['crd-install'], undefined);
      for (const t of Object.values(HELM_HOOK_TYPE_MAP)) assert.ok(HOOK_TYPES.includes(t), t);
    });

    it('marks test and rollback Helm hooks unsupported, but not crd-install', () => {
      assert.deepEqual(
        [...UNSUPPORTED_HELM_HOOKS].sort(),
        ['post-rollback', 'pre-rollback', 'test', 'test-failure', 'test-success'],
      );
      const crd = findCatalogueEntry('helm.sh/hook')!.values!.find((v) => v.value === 'crd-install');
      assert.ok(crd && !crd.unsupported);
    });

    it('maps Helm delete policies', () => {
      assert.deepEqual({ ...HELM_DELETE_POLICY_MAP }, {
        'before-hook-creation': 'BeforeHookCreation',
        'hook-succeeded': 'HookSucceeded',
        'hook-failed': 'HookFailed',
      });
    });
  });

  describe('sync options', () => {
    it('Force=true is resource-only', () => {
      const o = syncOptionInfo('Force=true')!;
      assert.equal(o.resource, true);
      assert.equal(o.application, false);
    });

    it('CreateNamespace=true is application-only', () => {
      const o = syncOptionInfo('CreateNamespace=true')!;
      assert.equal(o.resource, false);
      assert.equal(o.application, true);
    });

    it('Prune=false works in both places and is read from the live object', () => {
      const o = syncOptionInfo('Prune=false')!;
      assert.equal(o.resource, true);
      assert.equal(o.application, true);
      assert.equal(o.readFrom, 'live');
      assert.equal(o.resourceSince, 'v1.1.0');
      assert.equal(o.applicationSince, 'v3.4.0');
    });

    it('app-only options are not resource options', () => {
      for (const opt of [
        'CreateNamespace=true',
        'ApplyOutOfSyncOnly=true',
        'RespectIgnoreDifferences=true',
        'FailOnSharedResource=true',
        'PrunePropagationPolicy=foreground',
        'PrunePropagationPolicy=background',
        'PrunePropagationPolicy=orphan',
        'ClientSideApplyMigration=false',
        'ClientSideApplyMigration=true',
      ]) {
        const o = syncOptionInfo(opt);
        assert.ok(o, opt);
        assert.equal(o.resource, false, opt);
        assert.equal(o.application, true, opt);
      }
    });

    it('Replace=false and ApplyOutOfSyncOnly=false have no effect anywhere', () => {
      for (const opt of ['Replace=false', 'ApplyOutOfSyncOnly=false']) {
        const o = syncOptionInfo(opt)!;
        assert.equal(o.noEffect, true);
        assert.equal(o.resource, false);
        assert.equal(o.application, false);
      }
    });

    it('matching is exact and case-sensitive', () => {
      assert.equal(syncOptionInfo('prune=false'), undefined);
      assert.equal(syncOptionInfo(' Prune=false'), undefined);
    });

    it('resource and application subsets', () => {
      const res = resourceSyncOptions().map((o) => o.option);
      const app = applicationSyncOptions().map((o) => o.option);
      assert.ok(res.includes('Force=true') && !app.includes('Force=true'));
      assert.ok(app.includes('CreateNamespace=true') && !res.includes('CreateNamespace=true'));
      assert.ok(res.includes('ServerSideApply=false'));
      assert.ok(res.includes('PruneLast=true') && app.includes('PruneLast=true'));
    });

    it('the sync-options annotation offers exactly the resource-level options', () => {
      const values = findCatalogueEntry(`${A}sync-options`)!.values!.map((v) => v.value);
      assert.deepEqual(values, resourceSyncOptions().map((o) => o.option));
    });
  });

  describe('compare options', () => {
    it('places IgnoreExtraneous on resources and diff options on the Application', () => {
      const values = findCatalogueEntry(`${A}compare-options`)!.values!;
      const placement = Object.fromEntries(values.map((v) => [v.value, v.placement]));
      assert.deepEqual(placement, {
        IgnoreExtraneous: 'resource',
        'ServerSideDiff=true': 'application',
        'ServerSideDiff=false': 'application',
        'IncludeMutationWebhook=true': 'application',
      });
    });
  });

  describe('object scoping', () => {
    const keys = (group: string, kind: string) => entriesForObject(group, kind).map((e) => e.key);

    it('Application gets app-only keys plus the generic ones', () => {
      const k = keys('argoproj.io', 'Application');
      assert.ok(k.includes(`${A}refresh`));
      assert.ok(k.includes(`${A}sync-wave`));
      assert.ok(k.includes('kargo.akuity.io/authorized-stage'));
      assert.ok(!k.includes(`${A}application-set-refresh`));
    });

    it('ApplicationSet gets application-set-refresh but not refresh', () => {
      const k = keys('argoproj.io', 'ApplicationSet');
      assert.ok(k.includes(`${A}application-set-refresh`));
      assert.ok(!k.includes(`${A}refresh`));
    });

    it('a Deployment gets no Application-only keys and no labels', () => {
      const entries = entriesForObject('apps', 'Deployment');
      assert.ok(entries.every((e) => e.kind === 'annotation'));
      const k = entries.map((e) => e.key);
      assert.ok(k.includes(`${A}hook`));
      assert.ok(!k.includes(`${A}refresh`));
      assert.ok(!k.includes(`${A}skip-reconcile`));
      assert.ok(!k.includes(`${A}ignore-restart-policy`));
    });

    it('a Secret gets secret-scoped annotations, a Pod gets ignore-restart-policy', () => {
      assert.ok(keys('', 'Secret').includes(`${A}skip-reconcile`));
      assert.ok(keys('', 'Pod').includes(`${A}ignore-restart-policy`));
    });

    it('an Application named kind in another group is not an Application', () => {
      assert.ok(!keys('example.com', 'Application').includes(`${A}refresh`));
    });
  });

  describe('lookup helpers', () => {
    it('findCatalogueEntry is exact, with prefix entries as fallback', () => {
      assert.equal(findCatalogueEntry('argocd.argoproj.io/Hook'), undefined);
      assert.equal(findCatalogueEntry('link.argocd.argoproj.io/grafana')?.family, 'link');
    });

    it('docsUrlFor', () => {
      assert.equal(
        docsUrlFor('helm.sh/hook'),
        'https://argo-cd.readthedocs.io/en/stable/user-guide/helm/#helm-hooks',
      );
      assert.equal(docsUrlFor('nope/nope'), undefined);
    });

    it('editDistance counts adjacent swaps as one edit', () => {
      assert.equal(editDistance('abcd', 'abdc'), 1);
      assert.equal(editDistance('', 'abc'), 3);
      assert.equal(editDistance('kitten', 'sitting'), 3);
    });

    it('closestMatch', () => {
      assert.equal(closestMatch('presync', HOOK_TYPES), 'PreSync');
      assert.equal(closestMatch('PreSycn', HOOK_TYPES), 'PreSync');
      assert.equal(closestMatch('Postdelete', HOOK_TYPES), 'PostDelete');
      assert.equal(
        closestMatch('ServerSideAply=true', SYNC_OPTIONS.map((o) => o.option)),
        'ServerSideApply=true',
      );
      assert.equal(closestMatch('prune=False', SYNC_OPTIONS.map((o) => o.option)), 'Prune=false');
      assert.equal(closestMatch('banana', HOOK_TYPES), undefined);
      assert.equal(closestMatch('', HOOK_TYPES), undefined);
    });
  });
});
