// Strategic merge patch with Kustomize (kyaml) semantics for the common cases:
// maps merge, null deletes a key, `$patch: delete|replace` directives, lists of objects merge by their merge key.

import { asRecord } from './ids';
import { copyOwn, getOwn, setOwn, lookupTable } from '../ownKeys';

type Json = unknown;

/** Merge keys Kustomize falls back on when no schema says otherwise (kyaml `AssociativeSequenceKeys`). */
const ASSOCIATIVE_KEYS = ['mountPath', 'devicePath', 'ip', 'type', 'topologyKey', 'name', 'containerPort'];

/** Merge keys from the Kubernetes schema for list fields where the generic rule would pick the wrong key. */
const FIELD_MERGE_KEYS: Readonly<Record<string, string>> = lookupTable({
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  imagePullSecrets: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  hostAliases: 'ip',
});

/** Lists the Kubernetes schema marks atomic even though items carry a name-like key. */
const ATOMIC_FIELDS = new Set(['args', 'command', 'finalizers', 'tolerations']);

/**
 * Where a merged list puts its items. Kustomize (kyaml merge2): the patch's items first, in the patch's order,
 * then the target's other items (checked with kubectl kustomize 5.5). Kubernetes' strategicpatch, which Argo CD
 * uses for an ApplicationSet's templatePatch: the target's items in place, new ones appended.
 */
export type ListOrder = 'patch-first' | 'target-first';

/** Applies `patch` to `target`; returns undefined when the patch deletes the whole object. */
export function applyStrategicMerge(target: Record<string, unknown>, patch: Record<string, unknown>, order: ListOrder = 'target-first'): Record<string, unknown> | undefined {
  if (patch.$patch === 'delete') return undefined;
  return mergeMap(target, patch, order);
}

function mergeMap(target: Record<string, unknown> | undefined, patch: Record<string, unknown>, order: ListOrder): Record<string, unknown> {
  if (patch.$patch === 'replace') return stripDirectives(patch) as Record<string, unknown>;
  const out: Record<string, unknown> = target ? copyOwn(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (key.startsWith('$setElementOrder/') || key.startsWith('$deleteFromPrimitiveList/')) continue;
    if (value === null) {
      delete out[key];
      continue;
    }
    setOwn(out, key, mergeValue(key, getOwn(out, key), value, order));
  }
  return out;
}

function mergeValue(field: string, current: Json, patch: Json, order: ListOrder): Json {
  const patchMap = asRecord(patch);
  if (patchMap) {
    if (patchMap.$patch === 'delete') return undefined;
    return mergeMap(asRecord(current), patchMap, order);
  }
  if (Array.isArray(patch) && Array.isArray(current)) return mergeList(field, current, patch, order);
  return stripDirectives(patch);
}

function mergeList(field: string, current: Json[], patch: Json[], order: ListOrder): Json[] {
  if (patch.some((item) => asRecord(item)?.$patch === 'replace')) {
    return patch.filter((item) => asRecord(item)?.$patch !== 'replace').map(stripDirectives);
  }
  const key = ATOMIC_FIELDS.has(field) ? undefined : mergeKeyFor(field, current, patch);
  if (!key) return patch.filter((item) => asRecord(item)?.$patch !== 'delete').map(stripDirectives);
  if (order === 'patch-first') return mergeListPatchFirst(key, current, patch);
  const out = current.map((item) => structuredClone(item));
  for (const item of patch) {
    const patchItem = asRecord(item);
    if (!patchItem) continue;
    const index = out.findIndex((existing) => asRecord(existing)?.[key] === patchItem[key]);
    if (patchItem.$patch === 'delete') {
      if (index >= 0) out.splice(index, 1);
      continue;
    }
    if (index >= 0) out[index] = mergeMap(asRecord(out[index]), patchItem, 'target-first');
    else out.push(stripDirectives(patchItem));
  }
  return out;
}

/** kyaml's order: each patch item (merged with the target's item of its key), then the target's items left over. */
function mergeListPatchFirst(key: string, current: Json[], patch: Json[]): Json[] {
  const byKey = new Map<unknown, Record<string, unknown>>();
  for (const item of current) {
    const record = asRecord(item);
    if (record && !byKey.has(record[key])) byKey.set(record[key], record);
  }
  const used = new Set<unknown>();
  const out: Json[] = [];
  for (const item of patch) {
    const patchItem = asRecord(item);
    if (!patchItem || used.has(patchItem[key])) continue;
    used.add(patchItem[key]);
    if (patchItem.$patch === 'delete') continue;
    const existing = byKey.get(patchItem[key]);
    out.push(existing ? mergeMap(existing, patchItem, 'patch-first') : stripDirectives(patchItem));
  }
  for (const item of current) {
    const record = asRecord(item);
    if (!record || !used.has(record[key])) out.push(structuredClone(item));
  }
  return out;
}

function mergeKeyFor(field: string, current: Json[], patch: Json[]): string | undefined {
  const items = [...current, ...patch];
  if (items.length === 0 || !items.every((item) => asRecord(item))) return undefined;
  const known = FIELD_MERGE_KEYS[field];
  if (known && items.every((item) => asRecord(item)?.[known] !== undefined)) return known;
  if (field === 'ports') {
    for (const key of ['containerPort', 'port']) if (items.every((item) => asRecord(item)?.[key] !== undefined)) return key;
  }
  return ASSOCIATIVE_KEYS.find((key) => items.every((item) => asRecord(item)?.[key] !== undefined));
}

function stripDirectives(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripDirectives);
  const map = asRecord(value);
  if (!map) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(map)) {
    if (key.startsWith('$')) continue;
    if (entry === null) continue;
    setOwn(out, key, stripDirectives(entry));
  }
  return out;
}
