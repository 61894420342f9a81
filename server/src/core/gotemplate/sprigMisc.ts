/**
 * Sprig's encoding, JSON, path, type and random functions. Random ones (randAlphaNum, uuidv4, shuffle ...)
 * render deterministically here and record a caveat: Argo CD renders new values on every sync, which keeps
 * such an app OutOfSync.
 */
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { decodeGoYaml, jsonTypeError } from './goYaml';
import { fn, FuncError, FuncMap, CallContext } from './funcTypes';
import { deepEqual, kindOrInvalid } from './sprigShared';
import { GoInt, goInt, isMap, typeName } from './values';
import { toPlain } from './toPlain';

/** Go's json.Marshal escaping of <, > and & (and U+2028/9), which Helm's toJson keeps and toRawJson drops. */
const htmlEscape = (s: string): string => s.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const json = (v: unknown, indent = 0): string => JSON.stringify(toPlain(v), null, indent) ?? 'null';

/** encoding/json's wording for the common syntax errors (JavaScript's messages differ). */
export function goJsonError(text: string, e: unknown): string {
  const message = (e as Error).message;
  const at = /position (\d+)/.exec(message);
  const token = /Unexpected token '(.)'/.exec(message);
  const pos = at ? Number(at[1]) : token ? text.indexOf(token[1]) : text.length;
  if (pos >= text.trimEnd().length) return 'unexpected end of JSON input';
  return `invalid character ${goQuoteRune(text[pos])} looking for beginning of value`;
}

const goQuoteRune = (c: string): string => (c === "'" ? "'\\''" : `'${c}'`);

function fromJson(text: string): unknown {
  try {
    const v = JSON.parse(text) as unknown;
    return isMap(v) ? v : { Error: `json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v === 'number' ? 'number' : 'bool'} into Go value of type map[string]interface {}` };
  } catch (e) {
    return { Error: goJsonError(text, e) };
  }
}

function fromJsonArray(text: string): unknown[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? v : [`json: cannot unmarshal ${isMap(v) ? 'object' : typeof v === 'string' ? 'string' : 'number'} into Go value of type []interface {}`];
  } catch (e) {
    return [goJsonError(text, e)];
  }
}

/** Helm's fromYamlArray: a list, `[]` for an empty document, or a list of the error's text. */
function fromYamlArray(text: string): unknown[] {
  const decoded = decodeGoYaml(text);
  if ('error' in decoded) return [decoded.error];
  const v = decoded.value;
  return Array.isArray(v) ? v : v === null || v === undefined ? [] : [jsonTypeError(v, '[]interface {}')];
}

/** RFC 4648 base32 with padding (Go's base32.StdEncoding). */
function b32enc(s: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = Buffer.from(s, 'utf8');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

function b32dec(s: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = s.replace(/=+$/, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of clean) {
    const i = alphabet.indexOf(c);
    if (i < 0) return `illegal base32 data at input byte ${s.indexOf(c)}`;
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out).toString('utf8');
}

function adler32(s: string): string {
  let a = 1;
  let b = 0;
  for (const byte of Buffer.from(s, 'utf8')) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return String(((b << 16) | a) >>> 0);
}

/** Deterministic stand-ins for random output, recorded as a caveat at the call. */
function fixedRandom(name: string, alphabet: string) {
  return function (this: CallContext, n: GoInt): string {
    this.caveat(name);
    const count = Number(n.value);
    if (count < 0) throw new FuncError('runtime error: makeslice: len out of range');
    let out = '';
    for (let i = 0; i < count; i++) out += alphabet[(i * 7 + 3) % alphabet.length];
    return out;
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/** Go's path.Ext: the suffix from the last dot in the last element. */
const ext = (p: string): string => {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
};
const goBase = (p: string): string => (p === '' ? '.' : /^\/+$/.test(p) ? '/' : posix.basename(p.replace(/\/+$/, '')));
const goDir = (p: string): string => posix.normalize(posix.dirname(p) || '.').replace(/(.)\/$/, '$1');
const goClean = (p: string): string => (p === '' ? '.' : posix.normalize(p).replace(/(.)\/$/, '$1'));

export const sprigMiscFuncs: FuncMap = {
  toJson: fn(['any'], (v: unknown) => htmlEscape(json(v))),
  mustToJson: fn(['any'], (v: unknown) => htmlEscape(json(v))),
  toRawJson: fn(['any'], (v: unknown) => json(v)),
  mustToRawJson: fn(['any'], (v: unknown) => json(v)),
  toPrettyJson: fn(['any'], (v: unknown) => htmlEscape(json(v, 2))),
  mustToPrettyJson: fn(['any'], (v: unknown) => htmlEscape(json(v, 2))),
  fromJson: fn(['string'], fromJson),
  fromJsonArray: fn(['string'], fromJsonArray),
  mustFromJson: fn(['string'], (s: string) => {
    try {
      return JSON.parse(s) as unknown;
    } catch (e) {
      throw new FuncError(goJsonError(s, e));
    }
  }),
  fromYamlArray: fn(['string'], fromYamlArray),
  sha512sum: fn(['string'], (s: string) => createHash('sha512').update(s, 'utf8').digest('hex')),
  adler32sum: fn(['string'], adler32),
  b32enc: fn(['string'], b32enc),
  b32dec: fn(['string'], b32dec),
  base: fn(['string'], goBase), osBase: fn(['string'], goBase),
  dir: fn(['string'], goDir), osDir: fn(['string'], goDir),
  clean: fn(['string'], goClean), osClean: fn(['string'], goClean),
  ext: fn(['string'], ext), osExt: fn(['string'], ext),
  isAbs: fn(['string'], (p: string) => p.startsWith('/')), osIsAbs: fn(['string'], (p: string) => p.startsWith('/')),
  kindOf: fn(['any'], kindOrInvalid),
  kindIs: fn(['string', 'any'], (k: string, v: unknown) => kindOrInvalid(v) === k),
  typeIs: fn(['string', 'any'], (t: string, v: unknown) => typeName(v) === t),
  typeIsLike: fn(['string', 'any'], (t: string, v: unknown) => typeName(v) === t || '*' + typeName(v) === t),
  deepEqual: fn(['any', 'any'], deepEqual),
  all: fn(['any'], (...v: unknown[]) => v.every((x) => !isEmptyish(x)), true),
  any: fn(['any'], (...v: unknown[]) => v.some((x) => !isEmptyish(x)), true),
  randAlphaNum: fn(['int'], fixedRandom('randAlphaNum', LETTERS + DIGITS)),
  randAlpha: fn(['int'], fixedRandom('randAlpha', LETTERS)),
  randNumeric: fn(['int'], fixedRandom('randNumeric', DIGITS)),
  randAscii: fn(['int'], fixedRandom('randAscii', LETTERS + DIGITS + '!#%+-.:=?@^_~')),
  randInt: fn(['any', 'any'], function (this: CallContext, min: unknown) { this.caveat('randInt'); return min instanceof GoInt ? min : goInt(0); }),
  uuidv4: fn([], function (this: CallContext) { this.caveat('uuidv4'); return '00000000-0000-4000-8000-000000000000'; }),
  shuffle: fn(['string'], function (this: CallContext, s: string) { this.caveat('shuffle'); return s; }),
};

function isEmptyish(v: unknown): boolean {
  return v === null || v === undefined || v === false || v === '' || v === 0 || (v instanceof GoInt && v.value === 0n) || (Array.isArray(v) && v.length === 0) || (isMap(v) && Object.keys(v).length === 0);
}
