// A mapping key that is itself a mapping or a list: Argo CD decodes manifests with sigs.k8s.io/yaml, whose
// YAML-to-JSON step fails with "unsupported map key" on such keys. We drop the pair and report it, which also
// keeps the `yaml` library from turning deeply nested keys into strings (slow on hostile input).

import { isCollection, isMap, isPair, isSeq, type Document, type Pair } from 'yaml';
import type { Finding } from '../types';

export function dropCollectionKeys(path: string, doc: Document.Parsed, report: boolean): Finding[] {
  const findings: Finding[] = [];
  // An explicit stack rather than recursion: hostile documents nest thousands of levels deep.
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isMap(node) && !isSeq(node)) continue;
    if (isMap(node)) {
      const kept = (node.items as Pair[]).filter((pair) => {
        if (!isCollection(pair.key)) return true;
        const range = pair.key.range;
        if (report && range) {
          findings.push({
            code: 'parse/yaml-error',
            severity: 'error',
            message: 'A mapping key is itself a map or a list. Argo CD cannot decode such a key ("unsupported map key"), so the application fails to sync.',
            file: path,
            span: { start: range[0], end: Math.max(range[1], range[0] + 1) },
          });
        }
        return false;
      });
      if (kept.length !== node.items.length) node.items = kept as typeof node.items;
    }
    for (const item of node.items as unknown[]) {
      if (isPair(item)) pending.push(item.value);
      else pending.push(item);
    }
  }
  return findings;
}
