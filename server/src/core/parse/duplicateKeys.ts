// Duplicate mapping keys: Argo CD's decoder (sigs.k8s.io/yaml, non-strict) keeps the last value. We do the same
// by dropping the earlier pairs from the parsed document, and say what was dropped. Kustomize is stricter: a
// duplicate key in a resource fails `kustomize build` ("mapping key already defined"), except under
// `metadata.annotations`, whose repeated keys and repeated blocks it accepts (checked with kubectl kustomize 5.5).

import { isMap, isPair, isScalar, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import { setOwn } from '../ownKeys';
import type { Finding } from '../types';

/** The first duplicate key Kustomize refuses in a document: offsets of both keys. */
export interface RefusedDuplicate {
  key: string;
  earlier: number;
  later: number;
}

type Role = 'root' | 'metadata' | 'annotations';

/** What a document loses that Kustomize reads differently. */
export interface Dropped {
  refused?: RefusedDuplicate;
  /**
   * The entries of the `annotations:` blocks of metadata that a later block replaced, as text (later keys of one
   * block win, and an earlier block wins over later ones): Kustomize merges them into the last block.
   */
  earlierAnnotations?: Record<string, string>;
}
/** Where a mapping sits, for what Kustomize does with its duplicates; 'none' when Kustomize does not read it. */
type Place = Role | 'other' | 'none';

/**
 * Removes every pair whose key appears again later in the same mapping; returns one warning per removed pair,
 * and the first duplicate Kustomize would refuse.
 */
export function dropDuplicateKeys(
  path: string,
  doc: Document.Parsed,
  report: boolean,
  /** Whether Kustomize may read the file (not so for Helm's output), so the finding says what it does. */
  kustomizeReads = true,
): Finding[] & Dropped {
  const findings: Finding[] & Dropped = [];
  const roles = new Map<YAMLMap, Role>();
  if (isMap(doc.contents)) roles.set(doc.contents, 'root');
  // A plain walk over collections with a stack (no visitor callbacks, no recursion): it runs on every document.
  // Children are pushed last first, so mappings are met in document order and so are the findings.
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isMap(node) && !isSeq(node)) continue;
    if (isMap(node)) {
      const role = roles.get(node);
      if (role === 'root' || role === 'metadata') markChildren(node, role, roles);
      dropInMap(path, node, report ? findings : undefined, kustomizeReads ? role ?? 'other' : 'none', findings);
    }
    const items = node.items as unknown[];
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if (isPair(item)) pending.push(item.value, item.key);
      else pending.push(item);
    }
  }
  return findings;
}

/** `metadata` of the object, and every `annotations` block of its metadata. */
function markChildren(map: YAMLMap, role: 'root' | 'metadata', roles: Map<YAMLMap, Role>): void {
  const child = role === 'root' ? 'metadata' : 'annotations';
  for (const pair of map.items as Pair[]) {
    if (keyText(pair) === child && isMap(pair.value)) roles.set(pair.value, role === 'root' ? 'metadata' : 'annotations');
  }
}

function dropInMap(path: string, map: YAMLMap, findings: Finding[] | undefined, role: Place, out: Dropped): void {
  if (map.items.length < 2) return;
  const lastIndex = new Map<string, number>();
  map.items.forEach((pair, index) => {
    const key = keyText(pair as Pair);
    if (key !== undefined) lastIndex.set(key, index);
  });
  if (lastIndex.size === map.items.length) return;
  const kept: Pair[] = [];
  map.items.forEach((pair, index) => {
    const key = keyText(pair as Pair);
    if (key === undefined || lastIndex.get(key) === index) {
      kept.push(pair as Pair);
      return;
    }
    const winner = map.items[lastIndex.get(key) as number] as Pair;
    const annotationBlocks = role === 'metadata' && key === 'annotations';
    const kustomize = role === 'none' ? 'none' : annotationBlocks ? 'merges' : role === 'annotations' ? 'same' : 'fails';
    if (kustomize === 'fails' && !out.refused) out.refused = refusal(key, pair as Pair, winner);
    if (kustomize === 'merges') keepEarlierAnnotations(out, (pair as Pair).value);
    findings?.push(duplicateFinding(path, key, pair as Pair, winner, kustomize));
  });
  map.items = kept as typeof map.items;
}

function keepEarlierAnnotations(out: Dropped, block: unknown): void {
  if (!isMap(block)) return;
  const entries: Record<string, string> = {};
  for (const pair of block.items as Pair[]) {
    const key = keyText(pair);
    if (key === undefined || !isScalar(pair.value)) continue;
    const value = pair.value.value === null ? '' : typeof pair.value.source === 'string' ? pair.value.source : String(pair.value.value);
    setOwn(entries, key, value);
  }
  // Blocks are met in document order, so an earlier block's key is already there and stays.
  const merged = (out.earlierAnnotations ??= {});
  for (const [key, value] of Object.entries(entries)) {
    if (!Object.hasOwn(merged, key)) setOwn(merged, key, value);
  }
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null && typeof pair.key.value !== 'object' ? String(pair.key.value) : undefined;
}

function refusal(key: string, dropped: Pair, winner: Pair): RefusedDuplicate {
  const at = (pair: Pair): number => (isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0);
  return { key, earlier: at(dropped), later: at(winner) };
}

const KUSTOMIZE = {
  none: '',
  same: 'Kustomize keeps the last value too.',
  merges: 'Kustomize instead merges the blocks (for a key in both, this earlier block wins).',
  fails: 'As a resource of a kustomization the file fails kustomize build instead (kustomize/invalid-resource).',
};

function duplicateFinding(path: string, key: string, dropped: Pair, winner: Pair, kustomize: keyof typeof KUSTOMIZE): Finding {
  const range = isScalar(dropped.key) ? dropped.key.range : undefined;
  const start = range?.[0] ?? 0;
  const message = `Duplicate key "${key}": Argo CD keeps the later value and ignores this one.`;
  const detail =
    `Duplicate key "${key}": it is written again later in the same mapping. Argo CD keeps the last value ` +
    `(${preview(winner.value)}) and drops this one (${preview(dropped.value)}); SyncPlan plans with the last value.${KUSTOMIZE[kustomize] ? ` ${KUSTOMIZE[kustomize]}` : ''}`;
  return { code: 'yaml/duplicate-key', severity: 'warning', message, detail, file: path, span: { start, end: range?.[1] ?? start + key.length } };
}

function preview(value: unknown): string {
  if (isScalar(value)) return JSON.stringify(value.value);
  const shown = value && typeof value === 'object' && 'toJSON' in value ? JSON.stringify((value as { toJSON(): unknown }).toJSON()) : 'null';
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}
