// Hook and delete-policy vocabulary, derived from the annotation catalogue so it is written down once.

import { findCatalogueEntry } from '../catalogue';
import { HELM_HOOK, HELM_HOOK_DELETE_POLICY, HOOK, HOOK_DELETE_POLICY } from '../catalogue/keys';

export type SyncPhase = 'PreSync' | 'Sync' | 'PostSync' | 'SyncFail';
export type DeletePhase = 'PreDelete' | 'PostDelete';

/** Phase order of gitops-engine `syncPhaseOrder`. */
export const PHASE_RANK: Readonly<Record<SyncPhase, number>> = { PreSync: -1, Sync: 0, PostSync: 1, SyncFail: 2 };
export const SYNC_PHASES: readonly SyncPhase[] = ['PreSync', 'Sync', 'PostSync', 'SyncFail'];
/** The types the sync engine itself understands (`NewHookType`); delete types are handled by the controller. */
export const ENGINE_HOOK_TYPES: ReadonlySet<string> = new Set([...SYNC_PHASES, 'Skip']);
export const DELETE_PHASES: readonly DeletePhase[] = ['PreDelete', 'PostDelete'];

function catalogueValues(key: string): string[] {
  return findCatalogueEntry(key)?.values?.map((v) => v.value) ?? [];
}

/** Every value the `argocd.argoproj.io/hook` annotation accepts. */
export const ARGO_HOOK_TYPES: ReadonlySet<string> = new Set(catalogueValues(HOOK));

/** `helm.sh/hook` value -> Argo CD hook type (only values Argo CD maps). */
export const HELM_HOOK_MAP: ReadonlyMap<string, string> = new Map(
  (findCatalogueEntry(HELM_HOOK)?.values ?? []).filter((v) => v.helmMapsTo).map((v) => [v.value, v.helmMapsTo as string]),
);

export const ARGO_DELETE_POLICIES: ReadonlySet<string> = new Set(catalogueValues(HOOK_DELETE_POLICY));

/** `helm.sh/hook-delete-policy` value -> Argo CD policy. */
export const HELM_DELETE_POLICY_MAP: ReadonlyMap<string, string> = new Map(
  (findCatalogueEntry(HELM_HOOK_DELETE_POLICY)?.values ?? []).filter((v) => v.helmMapsTo).map((v) => [v.value, v.helmMapsTo as string]),
);

export function isSyncPhase(value: string): value is SyncPhase {
  return (SYNC_PHASES as readonly string[]).includes(value);
}

export function isDeletePhase(value: string): value is DeletePhase {
  return (DELETE_PHASES as readonly string[]).includes(value);
}
