import { DOCS } from './docs';
import type { CatalogueEntry } from './types';

/**
 * Sections 2.4 and 2.5: keys that only mean something on an Application
 * (group argoproj.io) or an ApplicationSet, plus the UI notice/preference keys.
 */

const REFRESH_VALUES = [
  { value: 'normal', summary: 'Re-compare using cached manifests when nothing changed in the source.' },
  { value: 'hard', summary: 'Drop the manifest cache and regenerate everything before comparing.' },
];

const APP = `${DOCS.annotations}#annotations`;

export const APPLICATION_ANNOTATIONS: readonly CatalogueEntry[] = [
  {
    key: 'argocd.argoproj.io/refresh',
    kind: 'annotation',
    family: 'argocd',
    scope: 'application',
    grammar: 'enum',
    values: REFRESH_VALUES,
    since: 'v0.11.0',
    transient: true,
    summary: 'Asks the controller to refresh this Application once; the controller removes the annotation afterwards.',
    details:
      'Any value other than "hard" is treated as a normal refresh. Kargo sets "hard" after a promotion changes ' +
      'the sources. Do not commit it to Git: a parent app would keep putting it back, refreshing again and again.',
    docsUrl: APP,
  },
  {
    key: 'argocd.argoproj.io/refresh-timestamp',
    kind: 'annotation',
    family: 'argocd',
    scope: 'application',
    grammar: 'rfc3339',
    syntax: 'RFC3339 timestamp with nanoseconds',
    since: 'v3.6.0',
    unreleased: true,
    writtenByArgoCD: true,
    transient: true,
    summary: 'Tags one refresh request so a newer request arriving mid-refresh is not lost. Set alongside refresh; not for hand editing.',
    docsUrl: APP,
  },
  {
    key: 'argocd.argoproj.io/hydrate',
    kind: 'annotation',
    family: 'argocd',
    scope: 'application',
    scopeNote: 'Only used by Applications that have spec.sourceHydrator.',
    grammar: 'enum',
    values: [
      { value: 'normal', summary: 'Hydrate only if the dry source revision changed.' },
      { value: 'hard', summary: 'Hydrate again even when the dry source is unchanged.' },
    ],
    since: 'v2.14.0',
    transient: true,
    summary: 'Asks the source hydrator to (re)hydrate this Application; removed once handled.',
    details: 'Any value other than "hard" counts as a normal request.',
    docsUrl: APP,
  },
  {
    key: 'argocd.argoproj.io/hydrate-timestamp',
    kind: 'annotation',
    family: 'argocd',
    scope: 'application',
    grammar: 'rfc3339',
    syntax: 'RFC3339 timestamp with nanoseconds',
    since: 'v3.6.0',
    unreleased: true,
    writtenByArgoCD: true,
    transient: true,
    summary: 'Tags one hydrate request, paired with the hydrate annotation. Not meant to be set by hand.',
    docsUrl: APP,
  },
  {
    key: 'argocd.argoproj.io/manifest-generate-paths',
    kind: 'annotation',
    family: 'argocd',
    scope: 'application',
    grammar: 'paths',
    separator: ';',
    syntax: 'path[;path...]; "." is the source path, a leading "/" is relative to the repo root, globs allowed',
    since: 'v1.8.0',
    summary: 'Only commits that touch these paths trigger a refresh or manifest regeneration for this Application.',
    details:
      'Paths are separated by semicolons and trimmed. Relative paths start at spec.source.path. Without the ' +
      'annotation every commit to the repo counts. Since v2.11 it also works without webhooks.',
    docsUrl: DOCS.manifestPaths,
  },
  {
    key: 'argocd.argoproj.io/skip-reconcile',
    kind: 'annotation',
    family: 'argocd',
    scope: 'application',
    extraScopes: ['cluster-secret'],
    scopeNote: 'On an Application it pauses that app; on a cluster Secret it pauses every app that targets the cluster.',
    grammar: 'bool',
    since: 'v2.7.0',
    summary: 'When true, the application controller stops reconciling the object.',
    details:
      'Parsed like a Go boolean (true/false, 1/0, t/f, TRUE...). An invalid value is logged and ignored. ' +
      'Quote the value: an unquoted true is not a string and breaks manifest generation.',
    docsUrl: APP,
  },
  {
    key: 'argocd.argoproj.io/deletion-approved',
    kind: 'annotation',
    family: 'argocd',
    scope: 'application',
    scopeNote: 'Goes on the Application, not on the resource that carries Prune=confirm or Delete=confirm.',
    grammar: 'rfc3339',
    since: 'v2.14.0',
    summary: 'Approves pending Prune=confirm and Delete=confirm actions that started at or before the given time.',
    details:
      'Normally written by `argocd app confirm-deletion` or the UI button. For pruning the time must be at or ' +
      'after the sync started; for deletion, at or after the Application\'s deletion timestamp.',
    docsUrl: `${DOCS.syncOptions}#resource-pruning-with-confirmation`,
  },
  {
    key: 'argocd.argoproj.io/managed-by-url',
    kind: 'annotation',
    family: 'argocd',
    scope: 'application',
    grammar: 'url',
    since: 'v3.3.0',
    summary: 'Points the UI at the Argo CD instance that actually manages this Application (http or https URL).',
    docsUrl: APP,
  },
  {
    key: 'argocd.argoproj.io/client-side-apply-migration-manager',
    kind: 'annotation',
    family: 'argocd',
    scope: 'application',
    grammar: 'text',
    syntax: 'field manager name',
    defaultValue: 'kubectl-client-side-apply',
    since: 'v3.1.0',
    summary: 'Names the client-side field manager whose fields are handed over when switching to server-side apply.',
    docsUrl: `${DOCS.syncOptions}#client-side-apply-migration`,
  },
  {
    key: 'argocd.argoproj.io/application-set-refresh',
    kind: 'annotation',
    family: 'argocd',
    scope: 'applicationset',
    grammar: 'presence',
    since: 'v2.4.0',
    writtenByArgoCD: true,
    transient: true,
    summary: 'Requests one reconcile of the ApplicationSet; only its presence matters and the controller removes it.',
    details: 'The webhook handler writes it with the value "true".',
    docsUrl: APP,
  },
];

const NOTICE_SINCE = 'v3.5.0';

export const UI_ANNOTATIONS: readonly CatalogueEntry[] = [
  {
    key: 'notice.argocd.argoproj.io/content',
    kind: 'annotation', family: 'notice', scope: 'application', grammar: 'text', since: NOTICE_SINCE,
    summary: 'Text of a notice banner shown for this Application in the UI (cut at 500 characters).',
    docsUrl: APP,
  },
  {
    key: 'notice.argocd.argoproj.io/severity',
    kind: 'annotation', family: 'notice', scope: 'application', grammar: 'enum', since: NOTICE_SINCE,
    defaultValue: 'info',
    values: [
      { value: 'info', summary: 'Informational styling.' },
      { value: 'warning', summary: 'Warning styling.' },
      { value: 'critical', summary: 'Critical styling.' },
    ],
    summary: 'Styling of the notice banner and icon.',
    docsUrl: APP,
  },
  {
    key: 'notice.argocd.argoproj.io/url',
    kind: 'annotation', family: 'notice', scope: 'application', grammar: 'url', since: NOTICE_SINCE,
    summary: 'Makes the notice text and icon link to this http(s) URL.',
    docsUrl: APP,
  },
  {
    key: 'notice.argocd.argoproj.io/permanent',
    kind: 'annotation', family: 'notice', scope: 'application', grammar: 'exact-true', since: NOTICE_SINCE,
    defaultValue: 'false',
    summary: 'When "true", users cannot dismiss the notice banner.',
    docsUrl: APP,
  },
  {
    key: 'notice.argocd.argoproj.io/icon',
    kind: 'annotation', family: 'notice', scope: 'application', grammar: 'text', since: NOTICE_SINCE,
    syntax: 'allow-listed FontAwesome class, e.g. fa-bell',
    summary: 'Replaces the icon chosen from the severity; unknown classes fall back to that default.',
    docsUrl: APP,
  },
  {
    key: 'notice.argocd.argoproj.io/scope',
    kind: 'annotation', family: 'notice', scope: 'application', grammar: 'enum', since: NOTICE_SINCE,
    defaultValue: 'both',
    values: [
      { value: 'banner', summary: 'Only the banner on the details page.' },
      { value: 'icon', summary: 'Only the icon in the application list and tiles.' },
      { value: 'both', summary: 'Banner and icon.' },
    ],
    summary: 'Where the notice is displayed.',
    docsUrl: APP,
  },
  {
    key: 'pref.argocd.argoproj.io/default-view',
    kind: 'annotation', family: 'pref', scope: 'application', grammar: 'text', since: 'v2.7.0',
    summary: 'View the UI opens this Application in by default, such as tree or list.',
    docsUrl: APP,
  },
  {
    key: 'pref.argocd.argoproj.io/default-pod-sort',
    kind: 'annotation', family: 'pref', scope: 'application', grammar: 'text', since: 'v2.7.0',
    summary: 'Default grouping of pods in this Application\'s pod view.',
    docsUrl: APP,
  },
];
