// A memo of YAML texts parsed to plain values (value files, chart values.yaml, `fromYaml` input): identical texts
// (a chart's values.yaml for every Application that renders it, a re-analysis after an edit elsewhere) are
// parsed once. Callers get a fresh copy each time, since Helm's coalescing and Sprig's merge functions change
// the maps they are given.

import { parse as parseYaml, type DocumentOptions, type ParseOptions, type SchemaOptions, type ToJSOptions } from 'yaml';
import { goYamlTags } from './goYamlTags';

type Options = ParseOptions & DocumentOptions & SchemaOptions & ToJSOptions;

/** Parsed values (or the error thrown) by options key, then by text. */
const memo = new Map<string, Map<string, { value: unknown } | { error: unknown }>>();
/** Total text length kept; past this the memo starts over. */
const MEMO_CHARS_LIMIT = 16 * 1024 * 1024;
let memoChars = 0;

/**
 * `yaml.parse(text, options)` through the memo: the same value (a deep copy of maps and lists) or the same
 * error as a fresh parse. `optionsKey` names `options` (one key per distinct options object).
 */
export function parseYamlValue(text: string, optionsKey: string, options: Options): unknown {
  let byText = memo.get(optionsKey);
  if (!byText) memo.set(optionsKey, (byText = new Map()));
  let entry = byText.get(text);
  if (!entry) {
    try {
      entry = { value: parseYaml(text, options) as unknown };
    } catch (error) {
      entry = { error };
    }
    if (memoChars + text.length > MEMO_CHARS_LIMIT) {
      memo.clear();
      memo.set(optionsKey, byText);
      byText.clear();
      memoChars = 0;
    }
    memoChars += text.length;
    byText.set(text, entry);
  }
  if ('error' in entry) throw entry.error;
  return copyPlain(entry.value);
}

/**
 * Copies arrays and plain objects (keeping their prototype, and `__proto__` as an own key); shares the rest.
 * Objects reached twice (YAML aliases, even cyclic ones) are copied once, so the copy has the same shape.
 */
export function copyPlain(value: unknown, copies = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  const done = copies.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    copies.set(value, out);
    for (const v of value) out.push(copyPlain(v, copies));
    return out;
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== Object.prototype && proto !== null) return value;
  const out = Object.create(proto) as Record<string, unknown>;
  copies.set(value, out);
  for (const key of Object.keys(value)) {
    const v = copyPlain((value as Record<string, unknown>)[key], copies);
    if (key === '__proto__') Object.defineProperty(out, key, { value: v, writable: true, enumerable: true, configurable: true });
    else out[key] = v;
  }
  return out;
}

/** How Helm's values, Chart.yaml and requirements.yaml are read: YAML 1.1 scalars, the last of duplicate keys. */
export const HELM_YAML_OPTIONS: Options = { version: '1.1', customTags: goYamlTags, logLevel: 'error', uniqueKeys: false, maxAliasCount: 1000 };

/** A Helm YAML file (values, Chart.yaml) parsed through the memo. Throws as `yaml.parse` does. */
export function parseHelmYaml(text: string): unknown {
  return parseYamlValue(text, 'helm', HELM_YAML_OPTIONS);
}
