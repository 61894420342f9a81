// The content hash Kustomize appends to generated ConfigMap and Secret names (api/hasher/hasher.go).

import { createHash } from 'node:crypto';
import { asRecord } from './ids';

/** Hash suffix of a ConfigMap or Secret body: sha256 of Go's JSON of {kind, name: "", data, ...}, first 10 hex chars remapped. */
export function kustomizeHash(body: Record<string, unknown>): string {
  const kind = body.kind;
  const encoded: Record<string, unknown> = { kind, name: '', data: asRecord(body.data) ?? {} };
  if (kind === 'ConfigMap') {
    const binary = asRecord(body.binaryData);
    if (binary && Object.keys(binary).length > 0) encoded.binaryData = binary;
  } else {
    encoded.type = typeof body.type === 'string' ? body.type : '';
  }
  const hex = createHash('sha256').update(goJson(encoded)).digest('hex');
  return encodeHash(hex);
}

/** Kustomize's `encode`: avoids characters that could spell words or look like digits. */
function encodeHash(hex: string): string {
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((ch) => swap[ch] ?? ch).join('');
}

/** Go's encoding/json: map keys sorted, HTML-sensitive characters and U+2028/9 escaped. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  const map = value as Record<string, unknown>;
  const keys = Object.keys(map).sort();
  return `{${keys.map((key) => `${goString(key)}:${goJson(map[key])}`).join(',')}}`;
}

function goString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || ch === '\u2028' || ch === '\u2029') out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
