import { DOCS } from './docs';
import { SYNC_OPTIONS } from './syncOptions';
import type { CatalogueEntry, CatalogueValue } from './types';

/**
 * Section 2.1: annotations that control syncing and hooks. They work on any
 * resource kind, including child Application CRs in an app-of-apps.
 */

const HOOK_VALUES: CatalogueValue[] = [
  {
    value: 'PreSync',
    hookKind: 'sync',
    since: 'v0.6.0',
    summary: 'Runs before anything in the Sync phase is applied, e.g. a database migration Job.',
  },
  {
    value: 'Sync',
    hookKind: 'sync',
    since: 'v0.6.0',
    summary: 'Runs in the Sync phase next to the ordinary resources of the same wave.',
  },
  {
    value: 'PostSync',
    hookKind: 'sync',
    since: 'v0.6.0',
    summary: 'Runs once every PreSync and Sync task has succeeded; never runs after a failed sync.',
  },
  {
    value: 'SyncFail',
    hookKind: 'sync',
    since: 'v1.2.0',
    summary: 'Runs only when the sync operation fails; all pending SyncFail hooks start at the same time.',
  },
  {
    value: 'Skip',
    hookKind: 'sync',
    since: 'v0.6.0',
    summary: 'Never apply this object; it stays listed as managed but is left out of sync status and health.',
  },
  {
    value: 'PreDelete',
    hookKind: 'delete',
    since: 'v3.3.0',
    summary: 'Runs when the Application is deleted, before any of its resources are removed.',
    docsUrl: `${DOCS.syncWaves}#predelete-and-postdelete-hooks`,
  },
  {
    value: 'PostDelete',
    hookKind: 'delete',
    since: 'v2.10.0',
    summary: 'Runs when the Application is deleted, after all of its resources are gone.',
    docsUrl: `${DOCS.syncWaves}#predelete-and-postdelete-hooks`,
  },
];

const HOOK_DELETE_POLICY_VALUES: CatalogueValue[] = [
  {
    value: 'BeforeHookCreation',
    since: 'v1.3.0',
    summary: 'Delete an existing hook object with the same name before creating the new one (the default).',
  },
  {
    value: 'HookSucceeded',
    since: 'v0.11.0',
    summary: 'Delete the hook object once the whole sync operation has succeeded.',
  },
  {
    value: 'HookFailed',
    since: 'v0.11.0',
    summary: 'Delete the hook object when the sync operation fails, whether or not this hook was the one that failed.',
  },
];

const COMPARE_OPTION_VALUES: CatalogueValue[] = [
  {
    value: 'IgnoreExtraneous',
    placement: 'resource',
    since: 'v1.1.0',
    summary: 'A resource that exists only in the cluster no longer makes the app OutOfSync; its health still counts.',
    docsUrl: `${DOCS.compareOptions}#ignoring-resources-that-are-extraneous`,
  },
  {
    value: 'ServerSideDiff=true',
    placement: 'application',
    since: 'v2.10.0',
    summary: 'Compute this Application\'s diff with a server-side apply dry-run.',
    docsUrl: `${DOCS.diffStrategies}#server-side-diff`,
  },
  {
    value: 'ServerSideDiff=false',
    placement: 'application',
    since: 'v2.10.0',
    summary: 'Use the regular diff for this Application even if server-side diff is enabled controller-wide.',
    docsUrl: `${DOCS.diffStrategies}#server-side-diff`,
  },
  {
    value: 'IncludeMutationWebhook=true',
    placement: 'application',
    since: 'v2.10.0',
    summary: 'Let changes made by mutating admission webhooks show up in the server-side diff.',
    docsUrl: `${DOCS.diffStrategies}#mutation-webhooks`,
  },
];

/** Resource-level sync options, offered as values of the sync-options annotation. */
const RESOURCE_SYNC_OPTION_VALUES: CatalogueValue[] = SYNC_OPTIONS.filter((o) => o.resource).map((o) => ({
  value: o.option,
  summary: o.summary,
  since: o.resourceSince ?? o.since,
  placement: 'resource',
  ...(o.docsUrl ? { docsUrl: o.docsUrl } : {}),
}));

export const SYNC_ANNOTATIONS: readonly CatalogueEntry[] = [
  {
    key: 'argocd.argoproj.io/hook',
    kind: 'annotation',
    family: 'argocd',
    scope: 'any',
    grammar: 'csv-enum',
    separator: ',',
    values: HOOK_VALUES,
    since: 'v0.6.0',
    summary: 'Makes this object a hook that runs in the listed phase(s) instead of being synced as a normal resource.',
    details:
      'Values are comma-separated and case-sensitive. If none of them is a known type, the object is silently ' +
      'dropped from the sync. Skip on its own means "never apply"; combined with another type it is ignored. ' +
      'A valid Argo CD type overrides helm.sh/hook on the same object.',
    docsUrl: `${DOCS.syncWaves}#how-do-i-configure-phases`,
  },
  {
    key: 'argocd.argoproj.io/hook-delete-policy',
    kind: 'annotation',
    family: 'argocd',
    scope: 'any',
    scopeNote: 'Only read on hooks; it does nothing on ordinary resources.',
    grammar: 'csv-enum',
    separator: ',',
    values: HOOK_DELETE_POLICY_VALUES,
    defaultValue: 'BeforeHookCreation',
    since: 'v0.11.0',
    summary: 'Decides when Argo CD deletes the hook object it created.',
    details:
      'Combined with any helm.sh/hook-delete-policy on the same object. With no valid policy, BeforeHookCreation ' +
      'applies, which never matches a generateName hook, so such hooks pile up. HookSucceeded and HookFailed act ' +
      'at the end of the whole operation, not when this hook finishes.',
    docsUrl: `${DOCS.syncWaves}#hook-lifecycle-and-cleanup`,
  },
  {
    key: 'argocd.argoproj.io/sync-wave',
    kind: 'annotation',
    family: 'argocd',
    scope: 'any',
    grammar: 'integer',
    syntax: 'signed base-10 integer as a quoted string, e.g. "-1"',
    defaultValue: '0',
    since: 'v1.1.0',
    summary: 'Orders resources and hooks inside a phase: lower waves are applied (and must become healthy) first.',
    details:
      'The value must be a quoted integer string without spaces or decimals. An unparsable value is silently ' +
      'replaced by helm.sh/hook-weight, or 0. On Application deletion the wave is read from live objects and ' +
      'the highest wave is deleted first.',
    docsUrl: `${DOCS.syncWaves}#how-do-i-configure-waves`,
  },
  {
    key: 'argocd.argoproj.io/sync-options',
    kind: 'annotation',
    family: 'argocd',
    scope: 'any',
    scopeNote: 'Only the resource-level subset of sync options has an effect here; app-only options are ignored.',
    grammar: 'csv-enum',
    separator: ',',
    values: RESOURCE_SYNC_OPTION_VALUES,
    since: 'v1.1.0',
    summary: 'Per-resource switches for how this object is applied, pruned and deleted.',
    details:
      'Items are comma-separated and matched exactly; spaces inside an item (Prune = false) break it. ' +
      'Prune=, PruneLast and Delete= are read from the object in the cluster, not from Git.',
    docsUrl: DOCS.syncOptions,
  },
  {
    key: 'argocd.argoproj.io/compare-options',
    kind: 'annotation',
    family: 'argocd',
    scope: 'any',
    scopeNote: 'IgnoreExtraneous goes on the resource (it is read from the live object); the diff options go on the Application.',
    grammar: 'csv-enum',
    separator: ',',
    values: COMPARE_OPTION_VALUES,
    since: 'v1.1.0',
    summary: 'Tunes how the desired and live state are compared for sync status.',
    details:
      'On a resource, IgnoreExtraneous keeps a cluster-only copy from marking the app OutOfSync. On an ' +
      'Application, ServerSideDiff and IncludeMutationWebhook select the diff strategy.',
    docsUrl: DOCS.compareOptions,
  },
];
