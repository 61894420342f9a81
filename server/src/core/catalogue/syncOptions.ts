import { DOCS } from './docs';
import type { SyncOptionInfo } from './types';

const SYNC_OPTIONS_DOCS = DOCS.syncOptions;

/** [option, on a resource, on an Application, docs anchor] for the default value of each boolean option. */
const EXPLICIT_DEFAULTS: readonly (readonly [string, boolean, boolean, string])[] = [
  ['CreateNamespace=false', false, true, 'create-namespace'],
  ['PruneLast=false', true, true, 'prune-last'],
  ['Validate=true', true, true, 'disable-kubectl-validation'],
  ['SkipDryRunOnMissingResource=false', true, true, 'skip-dry-run-for-new-custom-resources-types'],
  ['RespectIgnoreDifferences=false', false, true, 'respect-ignore-differences-configs'],
  ['FailOnSharedResource=false', false, true, 'fail-the-sync-if-a-shared-resource-is-found'],
  ['Force=false', true, true, 'force-sync'],
  ['Delete=true', true, true, 'no-resource-deletion'],
];

/**
 * Every string Argo CD recognises in `argocd.argoproj.io/sync-options` (on a resource)
 * or in `spec.syncPolicy.syncOptions` (on an Application). Matching is exact and
 * case-sensitive; only `Prune=` and `Delete=` are read as key=value pairs.
 */
export const SYNC_OPTIONS: readonly SyncOptionInfo[] = [
  {
    option: 'Prune=false',
    resource: true,
    application: true,
    readFrom: 'live',
    summary: 'Never prune this resource; when it disappears from Git it is left running and the app stays OutOfSync.',
    details:
      'The value is taken from the object in the cluster, so it must already be on the live resource before the commit that removes it from Git. ' +
      'A resource-level Prune= value always beats the Application-level one.',
    since: 'v1.1.0',
    resourceSince: 'v1.1.0',
    applicationSince: 'v3.4.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#no-prune-resources`,
  },
  {
    option: 'Prune=confirm',
    resource: true,
    application: true,
    readFrom: 'live',
    summary: 'Hold the prune step until someone approves it by setting argocd.argoproj.io/deletion-approved on the Application.',
    details:
      'The sync stays Running while it waits. The approval timestamp must not be older than the start of the operation. ' +
      'Read from the live object; the Application-level value is only a fallback.',
    since: 'v2.14.0',
    resourceSince: 'v2.14.0',
    applicationSince: 'v3.4.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#resource-pruning-with-confirmation`,
  },
  {
    option: 'Prune=true',
    resource: true,
    application: true,
    readFrom: 'live',
    summary: 'Prune normally. On a resource it cancels an Application-wide Prune=false or Prune=confirm.',
    since: 'v3.4.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#no-prune-resources`,
  },
  {
    option: 'Delete=false',
    resource: true,
    application: true,
    readFrom: 'live',
    summary: 'Keep this resource in the cluster when its Application is deleted with cascade.',
    details: 'helm.sh/resource-policy: keep has the same effect. It does not stop pruning during a sync.',
    since: 'v2.7.0',
    resourceSince: 'v2.7.0',
    applicationSince: 'v3.4.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#no-resource-deletion`,
  },
  {
    option: 'Delete=confirm',
    resource: true,
    application: true,
    readFrom: 'target-or-live',
    summary: 'Pause cascading deletion of the Application until deletion-approved carries a time at or after its deletion started.',
    since: 'v2.14.0',
    resourceSince: 'v2.14.0',
    applicationSince: 'v3.4.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#resource-deletion-with-confirmation`,
  },
  {
    option: 'Validate=false',
    resource: true,
    application: true,
    readFrom: 'target',
    summary: 'Apply without kubectl schema validation (like kubectl apply --validate=false).',
    since: 'v1.2.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#disable-kubectl-validation`,
  },
  {
    option: 'SkipDryRunOnMissingResource=true',
    resource: true,
    application: true,
    readFrom: 'target',
    summary: 'If the cluster does not know this kind yet, skip its dry-run instead of failing the whole sync.',
    details:
      'Argo CD already does this on its own when the matching CRD is part of the same sync. ' +
      'You need the option when the CRD is installed some other way, for example by an operator.',
    since: 'v1.6.0',
    resourceSince: 'v1.6.0',
    applicationSince: 'v3.1.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#skip-dry-run-for-new-custom-resources-types`,
  },
  {
    option: 'Replace=true',
    resource: true,
    application: true,
    readFrom: 'target-or-live',
    summary: 'Use kubectl replace (or create when missing) instead of apply.',
    details:
      'CRDs and Namespaces are updated in place rather than replaced. Replace wins over server-side apply. ' +
      'Combined with Force=true it deletes and recreates the object.',
    since: 'v2.0.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#replace-resource-instead-of-applying-changes`,
  },
  {
    option: 'Replace=false',
    resource: false,
    application: false,
    noEffect: true,
    summary: 'Has no effect: Argo CD defines this string but never reads it, so it cannot turn off an Application-level Replace=true.',
    since: '',
    docsUrl: `${SYNC_OPTIONS_DOCS}#replace-resource-instead-of-applying-changes`,
  },
  {
    option: 'Force=true',
    resource: true,
    application: false,
    readFrom: 'target-or-live',
    summary: 'Apply this resource with --force; together with Replace=true the object is deleted and recreated.',
    details:
      'Only honoured as a resource annotation. In Application syncOptions it is ignored; a forced sync of the whole app ' +
      'comes from the sync strategy (CLI --force) instead.',
    since: 'v2.12.0',
    resourceSince: 'v2.12.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#force-sync`,
  },
  {
    option: 'ServerSideApply=true',
    resource: true,
    application: true,
    readFrom: 'target',
    summary: 'Use server-side apply (field manager argocd-controller, conflicts forced) instead of client-side apply.',
    details: 'The dry-run still uses client-side apply. Enabled on the Application, it also switches diffing to structured-merge.',
    since: 'v2.5.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#server-side-apply`,
  },
  {
    option: 'ServerSideApply=false',
    resource: true,
    application: false,
    readFrom: 'target',
    summary: 'Opt this one resource out of server-side apply when the Application turns it on.',
    details: 'In Application syncOptions it means nothing: client-side apply is already the default.',
    since: 'v2.14.0',
    resourceSince: 'v2.14.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#server-side-apply`,
  },
  {
    option: 'ClientSideApplyMigration=false',
    resource: false,
    application: true,
    summary: 'Stop moving field ownership from the client-side-apply manager to the server-side-apply manager.',
    details:
      'The migration runs by default whenever server-side apply is used. The source manager name comes from the ' +
      'argocd.argoproj.io/client-side-apply-migration-manager Application annotation.',
    since: 'v3.1.0',
    applicationSince: 'v3.1.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#client-side-apply-migration`,
  },
  {
    option: 'ClientSideApplyMigration=true',
    resource: false,
    application: true,
    summary: 'Keep the default managed-fields migration to server-side apply switched on.',
    since: 'v3.1.0',
    applicationSince: 'v3.1.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#client-side-apply-migration`,
  },
  {
    option: 'CreateNamespace=true',
    resource: false,
    application: true,
    summary: 'Create the destination namespace if it is missing, in the PreSync phase at wave 0.',
    details: 'Also applies spec.syncPolicy.managedNamespaceMetadata to that namespace. Has no effect as a resource annotation.',
    since: 'v1.7.0',
    applicationSince: 'v1.7.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#create-namespace`,
  },
  ...(['foreground', 'background', 'orphan'] as const).map(
    (policy): SyncOptionInfo => ({
      option: `PrunePropagationPolicy=${policy}`,
      resource: false,
      application: true,
      summary:
        policy === 'foreground'
          ? 'Prune with foreground cascading deletion (the default; unknown values also fall back to it).'
          : policy === 'background'
            ? 'Prune with background cascading deletion: the owner goes first, dependents are cleaned up afterwards.'
            : 'Prune only the object itself and leave its dependents orphaned in the cluster.',
      details: 'Argo CD also appears to use this policy when it deletes hook objects.',
      since: 'v2.0.0',
      applicationSince: 'v2.0.0',
      docsUrl: `${SYNC_OPTIONS_DOCS}#resources-prune-deletion-propagation-policy`,
    }),
  ),
  {
    option: 'PruneLast=true',
    resource: true,
    application: true,
    readFrom: 'live',
    summary: 'Prune in an extra wave after all other Sync-phase waves, still before PostSync hooks.',
    details: 'As a resource annotation it is read from the live object, so it must reach the cluster before the resource is removed from Git.',
    since: 'v2.0.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#prune-last`,
  },
  {
    option: 'ApplyOutOfSyncOnly=true',
    resource: false,
    application: true,
    summary: 'Only apply resources that are out of sync; unchanged ones are skipped (hooks still run).',
    details: 'Skipped resources do not hold back their wave. Has no effect as a resource annotation.',
    since: 'v2.0.0',
    applicationSince: 'v2.0.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#apply-resources-outofsync-only`,
  },
  {
    option: 'ApplyOutOfSyncOnly=false',
    resource: false,
    application: false,
    noEffect: true,
    summary: 'Has no effect: it matches the default and Argo CD never reads this string.',
    since: '',
    docsUrl: `${SYNC_OPTIONS_DOCS}#apply-resources-outofsync-only`,
  },
  {
    option: 'RespectIgnoreDifferences=true',
    resource: false,
    application: true,
    summary: 'When applying, keep the live values at the ignoreDifferences paths instead of overwriting them from Git.',
    details: 'Only matters for resources that already exist in the cluster.',
    since: 'v2.3.0',
    applicationSince: 'v2.3.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#respect-ignore-differences-configs`,
  },
  {
    option: 'FailOnSharedResource=true',
    resource: false,
    application: true,
    summary: 'Fail the sync when any resource is already tracked by a different Application.',
    since: 'v2.2.0',
    applicationSince: 'v2.2.0',
    docsUrl: `${SYNC_OPTIONS_DOCS}#fail-the-sync-if-a-shared-resource-is-found`,
  },
  // Explicit defaults: Argo CD only tests for the non-default string, so these match nothing and change nothing.
  // They are valid to write (UIs and generators emit them) and must not be reported as unknown.
  ...EXPLICIT_DEFAULTS.map(
    ([option, resource, application, anchor]): SyncOptionInfo => ({
      option,
      resource,
      application,
      noEffect: true,
      summary: 'Spells out the default: Argo CD behaves exactly as if the option were absent.',
      since: '',
      docsUrl: `${SYNC_OPTIONS_DOCS}#${anchor}`,
    }),
  ),
];
