/**
 * Types for the annotation catalogue: the single table that completion, hover
 * and lint rules read. Nothing else in SyncPlan may hard-code annotation facts.
 *
 * Version strings (`since`, `resourceSince`, ...) are `vMAJOR.MINOR.PATCH` Argo CD
 * releases. An empty string means "not tied to an Argo CD release" (a third-party
 * key, a naming convention, or a key Argo CD core never reads) or "unknown".
 */

/** How the value of an annotation or label is parsed. */
export type ValueGrammar =
  | 'csv-enum'      // comma-separated list, items trimmed, matched exactly (hook, hook-delete-policy, sync-options, compare-options, helm.sh/hook, helm.sh/hook-delete-policy)
  | 'enum'          // a single value from `values`
  | 'integer'       // Go strconv.Atoi string (sync-wave, helm.sh/hook-weight)
  | 'bool'          // Go ParseBool
  | 'exact-true'    // only the exact string "true" counts
  | 'rfc3339' | 'url' | 'text' | 'presence' | 'paths' | 'tracking-id';

/** Where a key has an effect. */
export type ObjectScope =
  | 'any'
  | 'application'        // argoproj.io/Application
  | 'applicationset'     // argoproj.io/ApplicationSet
  | 'cluster-secret'     // Secret labelled argocd.argoproj.io/secret-type=cluster
  | 'argocd-secret'      // any declarative Argo CD Secret (cluster, repository, ...)
  | 'namespace'          // core Namespace
  | 'pod'                // core Pod
  | 'application-child'  // any resource directly owned by an Application
  | 'untracked';         // resources Argo CD sees but does not track (ReplicaSets, Pods, ...)

/** Where an enumerated value belongs when the same key is used on several object types. */
export type ValuePlacement = 'resource' | 'application';

export interface CatalogueValue {
  value: string;            // exact string Argo CD matches
  summary: string;          // own words
  since?: string;           // first Argo CD version, e.g. "v2.10.0"
  /**
   * For `helm.sh/hook` values: the Argo CD hook type it maps to, if any.
   * For `helm.sh/hook-delete-policy` values: the Argo CD delete policy it maps to.
   */
  helmMapsTo?: string;
  unsupported?: boolean;    // helm values Argo CD ignores (drops the resource)
  /** Where this value takes effect (compare-options: IgnoreExtraneous on resources, ServerSideDiff on the Application). */
  placement?: ValuePlacement;
  /** For `argocd.argoproj.io/hook` values: run during a sync operation, or on Application deletion. */
  hookKind?: 'sync' | 'delete';
  /** Page (with anchor) documenting this specific value, when it differs from the entry's page. */
  docsUrl?: string;
}

export interface SyncOptionInfo {
  option: string;           // e.g. "Prune=false" (key=value options listed per value); "PrunePropagationPolicy=foreground" etc.
  resource: boolean;        // honoured as the argocd.argoproj.io/sync-options annotation
  application: boolean;     // honoured in Application spec.syncPolicy.syncOptions
  readFrom?: 'target' | 'live' | 'target-or-live';
  noEffect?: boolean;       // constant exists but never read (Replace=false, ApplyOutOfSyncOnly=false)
  summary: string; since: string; resourceSince?: string; applicationSince?: string;
  /** Longer hover text (own words). */
  details?: string;
  /** Docs page + anchor for this option. */
  docsUrl?: string;
}

export interface CatalogueEntry {
  key: string;
  kind: 'annotation' | 'label';
  scope: ObjectScope;              // where it has an effect
  /** Further places the key has an effect (e.g. skip-reconcile also works on cluster Secrets). */
  extraScopes?: readonly ObjectScope[];
  scopeNote?: string;              // own words, e.g. "hooks only; ignored on other resources"
  grammar: ValueGrammar;
  separator?: ',' | ';';
  values?: CatalogueValue[];       // enumerated values (enum / csv-enum)
  /** Human-readable shape of the value for hover and snippets, e.g. "<project>:<stage>". */
  syntax?: string;
  defaultValue?: string;
  since: string;
  /** The key only exists on Argo CD's development branch, not in a release yet. */
  unreleased?: boolean;
  summary: string;
  details?: string;
  docsUrl: string;                 // https://argo-cd.readthedocs.io/en/stable/... page + anchor where one exists
  writtenByArgoCD?: boolean;       // set by Argo CD itself, users should not write it (tracking-id, installation-id, refresh-timestamp...)
  /** A one-shot request: Argo CD removes the key once it has acted on it, so committing it to Git re-triggers it forever. */
  transient?: boolean;
  /** No code in Argo CD core reads this key (e.g. argocd-operator labels). */
  notReadByArgoCD?: boolean;
  /** Argo CD recognises the key's existence but explicitly does not support it. */
  unsupported?: boolean;
  /** `key` is a prefix (ending in '/'); any key starting with it belongs to this entry. */
  keyIsPrefix?: boolean;
  family?: 'argocd' | 'helm' | 'kargo' | 'notice' | 'pref' | 'link';
}
