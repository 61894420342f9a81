// Kustomize reads resources with go-yaml v3, where only true/false (any case as True, TRUE) are booleans; the
// YAML 1.1 booleans that Argo CD's own decoder and SyncPlan's parse accept (yes, no, on, off, y, n ...) are
// strings there, in values and in map keys. A `mode: Off` of a VerticalPodAutoscaler, or `args: [on]`, stays the
// string Kustomize writes, and plain timestamps become RFC 3339 times. Walks the object's YAML nodes beside its
// body, without recursion.

import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { asRecord } from './ids';
import { setOwn } from '../ownKeys';

const YAML12_BOOLEANS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** Whether a scalar node holds a boolean only YAML 1.1 reads as one; its text, then. */
function yaml11Boolean(node: unknown): string | undefined {
  if (!isScalar(node) || typeof node.value !== 'boolean' || typeof node.source !== 'string') return undefined;
  return YAML12_BOOLEANS.has(node.source) ? undefined : node.source;
}

/**
 * go-yaml v3 decodes a plain timestamp into a time.Time, which Kustomize writes back as RFC 3339 (`2024-01-01`
 * becomes `2024-01-01T00:00:00Z`); its formats: `2006-1-2`, `2006-1-2 15:4:5.999999999` and
 * `2006-1-2T15:4:5.999999999Z07:00` (a `t` too). Anything else stays as written.
 */
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2}))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?))?$/;

function goTimestamp(node: unknown): string | undefined {
  if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'string') return undefined;
  const m = TIMESTAMP.exec(node.value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hour = Number(m[4] ?? m[9] ?? 0);
  const minute = Number(m[5] ?? m[10] ?? 0);
  const second = Number(m[6] ?? m[11] ?? 0);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const fraction = (m[7] ?? m[12] ?? '').slice(1, 10).replace(/0+$/, '');
  const zone = m[8] === undefined || m[8] === 'Z' || m[8] === '+00:00' || m[8] === '-00:00' ? 'Z' : m[8];
  return `${m[1]}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction ? `.${fraction}` : ''}${zone}`;
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
          setOwn(record, keyText, record[key]);
          delete record[key];
          key = keyText;
        }
        if (!Object.hasOwn(record, key)) continue;
        const text = yaml11Boolean(pair.value);
        const time = goTimestamp(pair.value);
        if (text !== undefined && typeof record[key] === 'boolean') record[key] = text;
        else if (time !== undefined && typeof record[key] === 'string') record[key] = time;
        else pending.push([record[key], pair.value]);
      }
    } else if (isSeq(yamlNode) && Array.isArray(value)) {
      yamlNode.items.forEach((item, index) => {
        const text = yaml11Boolean(item);
        const time = goTimestamp(item);
        if (text !== undefined && typeof value[index] === 'boolean') value[index] = text;
        else if (time !== undefined && typeof value[index] === 'string') value[index] = time;
        else pending.push([value[index], item]);
      });
    }
  }
}
