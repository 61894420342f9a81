// Duplicate mapping keys: Argo CD's decoder (sigs.k8s.io/yaml, non-strict) and Kustomize keep the last value.
// We do the same by dropping the earlier pairs from the parsed document, and say what was dropped.

import { isMap, isPair, isScalar, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import type { Finding } from '../types';

/** Removes every pair whose key appears again later in the same mapping; returns one warning per removed pair. */
export function dropDuplicateKeys(path: string, doc: Document.Parsed, report: boolean): Finding[] {
  const findings: Finding[] = [];
  // A plain walk over collections with a stack (no visitor callbacks, no recursion): it runs on every document.
  // Children are pushed last first, so mappings are met in document order and so are the findings.
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isMap(node) && !isSeq(node)) continue;
    if (isMap(node)) dropInMap(path, node, report ? findings : undefined);
    const items = node.items as unknown[];
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if (isPair(item)) pending.push(item.value, item.key);
      else pending.push(item);
    }
  }
  return findings;
}

function dropInMap(path: string, map: YAMLMap, findings: Finding[] | undefined): void {
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
    findings?.push(duplicateFinding(path, key, pair as Pair, winner));
  });
  map.items = kept as typeof map.items;
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null && typeof pair.key.value !== 'object' ? String(pair.key.value) : undefined;
}

function duplicateFinding(path: string, key: string, dropped: Pair, winner: Pair): Finding {
  const range = isScalar(dropped.key) ? dropped.key.range : undefined;
  const start = range?.[0] ?? 0;
  const message = `Duplicate key "${key}": Argo CD keeps the later value and ignores this one.`;
  const detail =
    `Duplicate key "${key}": it is written again later in the same mapping. Argo CD and Kustomize keep the last value ` +
    `(${preview(winner.value)}) and drop this one (${preview(dropped.value)}); SyncPlan plans with the last value.`;
  return { code: 'yaml/duplicate-key', severity: 'warning', message, detail, file: path, span: { start, end: range?.[1] ?? start + key.length } };
}

function preview(value: unknown): string {
  if (isScalar(value)) return JSON.stringify(value.value);
  const shown = value && typeof value === 'object' && 'toJSON' in value ? JSON.stringify((value as { toJSON(): unknown }).toJSON()) : 'null';
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}
