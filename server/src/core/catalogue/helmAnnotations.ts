import { DOCS } from './docs';
import type { CatalogueEntry, CatalogueValue } from './types';

/**
 * Section 3.4: Helm hook annotations as Argo CD interprets them. Argo CD does not
 * run Helm's release lifecycle; it translates what it can into its own hooks.
 */

const unsupportedHelmHook = (value: string, what: string): CatalogueValue => ({
  value,
  unsupported: true,
  summary: `${what} Argo CD has no matching phase, so the object is silently left out of the app entirely.`,
});

const HELM_HOOK_VALUES: CatalogueValue[] = [
  {
    value: 'pre-install',
    helmMapsTo: 'PreSync',
    since: 'v1.3.0',
    summary: 'Becomes a PreSync hook. Argo CD cannot tell installs from upgrades, so it runs on every sync.',
  },
  {
    value: 'pre-upgrade',
    helmMapsTo: 'PreSync',
    since: 'v1.3.0',
    summary: 'Becomes a PreSync hook and runs on every sync, the first one included.',
  },
  {
    value: 'post-install',
    helmMapsTo: 'PostSync',
    since: 'v1.3.0',
    summary: 'Becomes a PostSync hook that runs after every successful sync.',
  },
  {
    value: 'post-upgrade',
    helmMapsTo: 'PostSync',
    since: 'v1.3.0',
    summary: 'Becomes a PostSync hook that runs after every successful sync, the first one included.',
  },
  {
    value: 'crd-install',
    since: 'v0.11.0',
    summary: 'Used alone, the object is not a hook and syncs as a normal resource. Listed next to other types it is simply ignored.',
  },
  {
    value: 'pre-delete',
    helmMapsTo: 'PreDelete',
    since: 'v3.3.0',
    summary: 'Becomes a PreDelete hook run on Application deletion. Before v3.3.0 such objects were silently dropped.',
  },
  {
    value: 'post-delete',
    helmMapsTo: 'PostDelete',
    since: 'v2.10.0',
    summary: 'Becomes a PostDelete hook run on Application deletion. Before v2.10.0 such objects were silently dropped.',
  },
  unsupportedHelmHook('test', 'A `helm test` hook.'),
  unsupportedHelmHook('test-success', 'Old name of the Helm test hook.'),
  unsupportedHelmHook('test-failure', 'Helm 2 test-failure hook.'),
  unsupportedHelmHook('pre-rollback', 'Rollback hook.'),
  unsupportedHelmHook('post-rollback', 'Rollback hook.'),
];

const HELM_DELETE_POLICY_VALUES: CatalogueValue[] = [
  {
    value: 'before-hook-creation',
    helmMapsTo: 'BeforeHookCreation',
    since: 'v1.3.0',
    summary: 'Treated as BeforeHookCreation: an old hook object with the same name is deleted before the new one is created.',
  },
  {
    value: 'hook-succeeded',
    helmMapsTo: 'HookSucceeded',
    since: 'v1.3.0',
    summary: 'Treated as HookSucceeded: deleted when the whole sync operation succeeds, not right after this hook.',
  },
  {
    value: 'hook-failed',
    helmMapsTo: 'HookFailed',
    since: 'v1.3.0',
    summary: 'Treated as HookFailed: deleted when the sync operation fails.',
  },
];

export const HELM_ANNOTATIONS: readonly CatalogueEntry[] = [
  {
    key: 'helm.sh/hook',
    kind: 'annotation',
    family: 'helm',
    scope: 'any',
    grammar: 'csv-enum',
    separator: ',',
    values: HELM_HOOK_VALUES,
    since: 'v1.3.0',
    summary: 'Helm hook type, translated by Argo CD into one of its own hook phases where a match exists.',
    details:
      'A valid argocd.argoproj.io/hook on the same object takes precedence. Values with no Argo CD equivalent ' +
      '(tests, rollbacks) make the object disappear from the app without any error. Since v0.9.0 Helm hooks ' +
      'are no longer deployed as plain resources; the mapping to Argo CD phases arrived in v1.3.0.',
    docsUrl: DOCS.helmHooks,
  },
  {
    key: 'helm.sh/hook-weight',
    kind: 'annotation',
    family: 'helm',
    scope: 'any',
    grammar: 'integer',
    syntax: 'signed base-10 integer as a quoted string',
    defaultValue: '0',
    since: 'v1.3.0',
    summary: 'Used as the sync wave when argocd.argoproj.io/sync-wave is missing or cannot be parsed.',
    details: 'Argo CD applies it to any object that carries it, hook or not.',
    docsUrl: DOCS.helmHooks,
  },
  {
    key: 'helm.sh/hook-delete-policy',
    kind: 'annotation',
    family: 'helm',
    scope: 'any',
    scopeNote: 'Only read on hooks.',
    grammar: 'csv-enum',
    separator: ',',
    values: HELM_DELETE_POLICY_VALUES,
    since: 'v1.3.0',
    summary: 'Helm hook deletion policy, merged with any argocd.argoproj.io/hook-delete-policy on the object.',
    details: 'Timing follows the Argo CD sync operation rather than Helm\'s per-hook events.',
    docsUrl: DOCS.helmHooks,
  },
  {
    key: 'helm.sh/hook-delete-timeout',
    kind: 'annotation',
    family: 'helm',
    scope: 'any',
    grammar: 'text',
    since: '',
    unsupported: true,
    summary: 'Not supported by Argo CD; the value is ignored.',
    docsUrl: DOCS.helmHooks,
  },
  {
    key: 'helm.sh/resource-policy',
    kind: 'annotation',
    family: 'helm',
    scope: 'any',
    grammar: 'enum',
    values: [
      {
        value: 'keep',
        summary: 'Leave the object in the cluster when the Application is deleted with cascade (same as Delete=false).',
      },
    ],
    since: '',
    summary: 'With "keep", cascading Application deletion leaves this object behind.',
    details: 'It seems not to stop pruning during a sync; use Prune=false for that.',
    docsUrl: DOCS.helmHooks,
  },
];

/** Section 6: Kargo's authorisation annotation on Argo CD Applications. */
export const KARGO_ANNOTATIONS: readonly CatalogueEntry[] = [
  {
    key: 'kargo.akuity.io/authorized-stage',
    kind: 'annotation',
    family: 'kargo',
    scope: 'application',
    grammar: 'text',
    separator: ',',
    syntax: '<project>:<stage>[,<project>:<stage>...] (lists need Kargo v1.11+)',
    since: '',
    summary: 'Permits the named Kargo Stage to modify this Application during its argocd-update promotion step.',
    details:
      'The project is the Stage\'s namespace. Without a matching entry the promotion step fails. Each entry needs ' +
      'both sides of the colon; glob patterns with * are rejected.',
    docsUrl: DOCS.kargoAnnotations,
  },
];
