// sigs.k8s.io/yaml's Unmarshal as Helm's fromYaml/fromYamlArray use it: YAML 1.1 scalars, the last value of a
// duplicate key (go-yaml v2 keeps it; no "mapping key already defined"), then a JSON decode into the Go type.

import { parseYamlValue } from '../parse/yamlValueMemo';
import { isMap } from './values';
import { goYamlTags } from '../parse/goYamlTags';

const OPTIONS = { version: '1.1', customTags: goYamlTags, logLevel: 'error', uniqueKeys: false, maxAliasCount: 1000 } as const;

/** The decoded value, or the parse error's message. Identical texts are parsed once (see yamlValueMemo). */
export function decodeGoYaml(text: string): { value: unknown } | { error: string } {
  try {
    return { value: parseYamlValue(text, 'go-yaml', OPTIONS) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** encoding/json's UnmarshalTypeError for a value decoded into `goType`. */
export function jsonTypeError(v: unknown, goType: string): string {
  const kind = isMap(v) ? 'object' : Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'number';
  return `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type ${goType}`;
}
