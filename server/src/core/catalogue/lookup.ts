import { ANNOTATION_CATALOGUE } from './annotations';
import { SYNC_OPTIONS } from './syncOptions';
import type { CatalogueEntry, ObjectScope, SyncOptionInfo } from './types';
import { lookupTable } from '../ownKeys';

/** Pure helpers over the catalogue. Every constant here is derived from the tables. */

export const ARGOCD_PREFIX = 'argocd.argoproj.io/';

export const HOOK_ANNOTATION = `${ARGOCD_PREFIX}hook`;
export const HOOK_DELETE_POLICY_ANNOTATION = `${ARGOCD_PREFIX}hook-delete-policy`;
export const HELM_HOOK_ANNOTATION = 'helm.sh/hook';
export const HELM_HOOK_DELETE_POLICY_ANNOTATION = 'helm.sh/hook-delete-policy';

const byKey = new Map<string, CatalogueEntry>();
const prefixEntries: CatalogueEntry[] = [];
for (const entry of ANNOTATION_CATALOGUE) {
  if (entry.keyIsPrefix) {
    prefixEntries.push(entry);
  } else if (!byKey.has(entry.key) || entry.kind === 'annotation') {
    // Annotations win if a key were ever both a label and an annotation.
    byKey.set(entry.key, entry);
  }
}

const syncOptionsByName = new Map<string, SyncOptionInfo>(SYNC_OPTIONS.map((o) => [o.option, o]));

function requireEntry(key: string): CatalogueEntry {
  const entry = byKey.get(key);
  if (!entry) throw new Error(`catalogue: missing entry ${key}`);
  return entry;
}

function valuesOf(key: string): string[] {
  return (requireEntry(key).values ?? []).map((v) => v.value);
}

/**
 * The catalogue entry for `key`. Exact, case-sensitive match first; otherwise an entry
 * whose key is a prefix (e.g. `link.argocd.argoproj.io/`) and that `key` extends.
 */
export function findCatalogueEntry(key: string): CatalogueEntry | undefined {
  const exact = byKey.get(key);
  if (exact) return exact;
  return prefixEntries.find((e) => key.length > e.key.length && key.startsWith(e.key));
}

/** Same as findCatalogueEntry, restricted to one kind of key. */
export function findCatalogueEntryOfKind(key: string, kind: 'annotation' | 'label'): CatalogueEntry | undefined {
  const exact = ANNOTATION_CATALOGUE.find((e) => !e.keyIsPrefix && e.key === key && e.kind === kind);
  if (exact) return exact;
  return prefixEntries.find((e) => e.kind === kind && key.length > e.key.length && key.startsWith(e.key));
}

function scopeMatches(scope: ObjectScope, group: string, kind: string): boolean {
  switch (scope) {
    case 'any':
    case 'application-child':
    case 'untracked':
      return true;
    case 'application':
      return group === 'argoproj.io' && kind === 'Application';
    case 'applicationset':
      return group === 'argoproj.io' && kind === 'ApplicationSet';
    case 'cluster-secret':
    case 'argocd-secret':
      // A cluster or repository Secret cannot be told apart by kind alone.
      return group === '' && kind === 'Secret';
    case 'namespace':
      return group === '' && kind === 'Namespace';
    case 'pod':
      return group === '' && kind === 'Pod';
  }
}

/**
 * Whether `entry` can have an effect on an object of this API group and kind.
 * `group` is '' for the core group (apiVersion "v1").
 */
export function appliesToObject(entry: CatalogueEntry, group: string, kind: string): boolean {
  if (scopeMatches(entry.scope, group, kind)) return true;
  return (entry.extraScopes ?? []).some((s) => scopeMatches(s, group, kind));
}

/** Annotation entries (labels excluded) that apply to an object of this group and kind. */
export function entriesForObject(group: string, kind: string): CatalogueEntry[] {
  return ANNOTATION_CATALOGUE.filter((e) => e.kind === 'annotation' && appliesToObject(e, group, kind));
}

/** Label entries that apply to an object of this group and kind. */
export function labelEntriesForObject(group: string, kind: string): CatalogueEntry[] {
  return ANNOTATION_CATALOGUE.filter((e) => e.kind === 'label' && appliesToObject(e, group, kind));
}

/** Exact, case-sensitive lookup of one sync option string such as "Prune=false". */
export function syncOptionInfo(option: string): SyncOptionInfo | undefined {
  return syncOptionsByName.get(option);
}

/** Options honoured in the argocd.argoproj.io/sync-options annotation. */
export function resourceSyncOptions(): SyncOptionInfo[] {
  return SYNC_OPTIONS.filter((o) => o.resource);
}

/** Options honoured in an Application's spec.syncPolicy.syncOptions. */
export function applicationSyncOptions(): SyncOptionInfo[] {
  return SYNC_OPTIONS.filter((o) => o.application);
}

/** Documentation URL for a key, if the key is in the catalogue. */
export function docsUrlFor(key: string): string | undefined {
  return findCatalogueEntry(key)?.docsUrl;
}

/** Every value of argocd.argoproj.io/hook (sync-phase and delete hooks). */
export const HOOK_TYPES: readonly string[] = Object.freeze(valuesOf(HOOK_ANNOTATION));

/** The hook types the sync engine knows: PreSync, Sync, PostSync, SyncFail, Skip. */
export const SYNC_HOOK_TYPES: readonly string[] = Object.freeze(
  (requireEntry(HOOK_ANNOTATION).values ?? []).filter((v) => v.hookKind === 'sync').map((v) => v.value),
);

/** Hook types run only on Application deletion: PreDelete, PostDelete. */
export const DELETE_HOOK_TYPES: readonly string[] = Object.freeze(
  (requireEntry(HOOK_ANNOTATION).values ?? []).filter((v) => v.hookKind === 'delete').map((v) => v.value),
);

/** Values of argocd.argoproj.io/hook-delete-policy. */
export const HOOK_DELETE_POLICIES: readonly string[] = Object.freeze(valuesOf(HOOK_DELETE_POLICY_ANNOTATION));

function helmMap(key: string): Readonly<Record<string, string>> {
  const map: Record<string, string> = {};
  for (const v of requireEntry(key).values ?? []) {
    if (v.helmMapsTo !== undefined) map[v.value] = v.helmMapsTo;
  }
  // Looked up with workspace values: no prototype, so `constructor` finds nothing.
  return lookupTable(map);
}

/** helm.sh/hook value -> Argo CD hook type, for the values Argo CD translates. */
export const HELM_HOOK_TYPE_MAP: Readonly<Record<string, string>> = helmMap(HELM_HOOK_ANNOTATION);

/** helm.sh/hook-delete-policy value -> Argo CD delete policy. */
export const HELM_DELETE_POLICY_MAP: Readonly<Record<string, string>> = helmMap(HELM_HOOK_DELETE_POLICY_ANNOTATION);

/** helm.sh/hook values Argo CD does not support (objects carrying only these are dropped). */
export const UNSUPPORTED_HELM_HOOKS: readonly string[] = Object.freeze(
  (requireEntry(HELM_HOOK_ANNOTATION).values ?? []).filter((v) => v.unsupported).map((v) => v.value),
);

/**
 * Optimal-string-alignment Damerau–Levenshtein distance (insert, delete,
 * substitute, swap of two adjacent characters).
 */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prevPrev: number[] = new Array<number>(m + 1).fill(0);
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prevPrev[j - 2]! + 1);
      }
      cur[j] = d;
    }
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[m]!;
}

/**
 * The candidate nearest to `input` for "did you mean" hints, comparing case-insensitively.
 * A case-insensitive exact match always wins (an exact-case one first). Otherwise the
 * closest candidate is returned only if its distance is at most max(2, floor(len / 3)),
 * where len is the input length; ties go to the earlier candidate.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.includes(input)) return input;
  const needle = input.toLowerCase();
  const folded = candidates.find((c) => c.toLowerCase() === needle);
  if (folded !== undefined) return folded;
  const limit = Math.max(2, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
