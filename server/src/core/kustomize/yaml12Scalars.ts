// Kustomize reads resources with go-yaml v3, where only true/false (any case as True, TRUE) are booleans; the
// YAML 1.1 booleans that Argo CD's own decoder and SyncPlan's parse accept (yes, no, on, off, y, n ...) are
// strings there, in values and in map keys. A `mode: Off` of a VerticalPodAutoscaler, or `args: [on]`, stays the
// string Kustomize writes. Walks the object's YAML nodes beside its body, without recursion.

import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { asRecord } from './ids';

const YAML12_BOOLEANS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** Whether a scalar node holds a boolean only YAML 1.1 reads as one; its text, then. */
function yaml11Boolean(node: unknown): string | undefined {
  if (!isScalar(node) || typeof node.value !== 'boolean' || typeof node.source !== 'string') return undefined;
  return YAML12_BOOLEANS.has(node.source) ? undefined : node.source;
}

export function restoreYaml12Strings(body: Record<string, unknown>, node: unknown): void {
  const pending: [unknown, unknown][] = [[body, node]];
  while (pending.length > 0) {
    const [value, yamlNode] = pending.pop()!;
    if (isMap(yamlNode)) {
      const record = asRecord(value);
      if (!record) continue;
      for (const pair of yamlNode.items as Pair[]) {
        if (!isScalar(pair.key)) continue;
        let key = String(pair.key.value);
        const keyText = yaml11Boolean(pair.key);
        if (keyText !== undefined && Object.hasOwn(record, key) && !Object.hasOwn(record, keyText)) {
          Object.defineProperty(record, keyText, { value: record[key], enumerable: true, writable: true, configurable: true });
          delete record[key];
          key = keyText;
        }
        if (!Object.hasOwn(record, key)) continue;
        const text = yaml11Boolean(pair.value);
        if (text !== undefined && typeof record[key] === 'boolean') record[key] = text;
        else pending.push([record[key], pair.value]);
      }
    } else if (isSeq(yamlNode) && Array.isArray(value)) {
      yamlNode.items.forEach((item, index) => {
        const text = yaml11Boolean(item);
        if (text !== undefined && typeof value[index] === 'boolean') value[index] = text;
        else pending.push([value[index], item]);
      });
    }
  }
}
