/** The Sprig and Helm functions implemented so far (Helm's pkg/engine/funcs.go over Sprig v3). */
import { createHash } from 'node:crypto';
import { stringify as stringifyYaml } from 'yaml';
import { builtinFuncs } from './builtins';
import { formatValue } from './fmt';
import { decodeGoYaml, jsonTypeError } from './goYaml';
import { CallContext, fn, FuncError, FuncMap } from './funcTypes';
import { GoInt, isMap, toFloat, toInt, typeName } from './values';
import { toPlain } from './toPlain';
import { helmTomlFuncs } from './helmToml';
import { sprigCaseFuncs } from './sprigCase';
import { sprigCryptoFuncs } from './sprigCrypto';
import { sprigTimeFuncs } from './sprigTime';
import { sprigUrlFuncs } from './sprigUrl';
import { sprigDateFuncs } from './sprigDates';
import { sprigDictFuncs } from './sprigDicts';
import { empty, strval } from './sprigShared';
import { sprigListFuncs } from './sprigLists';
import { sprigMathFuncs } from './sprigMath';
import { sprigMiscFuncs } from './sprigMisc';
import { sprigRegexFuncs } from './sprigRegex';
import { sprigSemverFuncs } from './sprigSemver';
import { sprigStringFuncs } from './sprigStrings';

/** Go's strconv.Quote: JSON-like escapes, but \xNN for other control bytes. */
export function goQuote(s: string): string {
  return JSON.stringify(s)
    .replace(/\\u00([01][0-9a-f])/g, (_m, h: string) => ({ '07': '\\a', '0b': '\\v' }[h] ?? `\\x${h}`))
    .replace(/\u007f/g, '\\x7f')
    .replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** Helm's toYaml: sigs.k8s.io/yaml output (sorted keys, block style), without the final newline. */
export function toYaml(v: unknown): string {
  const text = stringifyTop(toPlain(v), false);
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** Helm's toYamlPretty: go-yaml v3 with indent 2, so lists are indented under their key. */
export function toYamlPretty(v: unknown): string {
  const text = stringifyTop(toPlain(v), true);
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/**
 * go-yaml indents the lines of a top-level block scalar (`|`) by two spaces; the yaml library writes them at
 * column 0, which breaks `key: {{ $multiLine | toYaml }}`. Such a string is written as a map value instead and
 * the key cut off, which gives go-yaml's text.
 */
function stringifyTop(plain: unknown, indentSeq: boolean): string {
  const options = { sortMapEntries: true, indentSeq, lineWidth: 0, version: '1.1', aliasDuplicateObjects: false } as const;
  if (typeof plain === 'string' && plain.includes('\n')) return stringifyYaml({ x: plain }, options).slice('x: '.length);
  return stringifyYaml(plain, options);
}

/** Go's encoding/json output: sorted keys, <, > and & escaped. */
export function toJson(v: unknown): string {
  return JSON.stringify(toPlain(v))?.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) ?? 'null';
}

/** Helm's fromYaml: a map, `{}` for an empty document, or a map whose `Error` key says what failed. */
function fromYaml(text: string): unknown {
  const decoded = decodeGoYaml(text);
  if ('error' in decoded) return { Error: decoded.error };
  const v = decoded.value;
  if (v === null || v === undefined) return {};
  return isMap(v) ? v : { Error: jsonTypeError(v, 'map[string]interface {}') };
}

function trunc(c: GoInt, s: string): string {
  const n = Number(c.value);
  if (n < 0 && s.length + n > 0) return s.slice(s.length + n);
  if (n >= 0 && s.length > n) return s.slice(0, n);
  return s;
}

const indent = (spaces: GoInt, v: string): string => {
  const pad = ' '.repeat(Number(spaces.value));
  return pad + v.replace(/\n/g, '\n' + pad);
};

const helmWarn = (kind: 'required' | 'fail') => (msg: string) => new FuncError(msg, kind);

/** Helm's function map (Sprig minus env/expandenv, plus Helm's own), as far as implemented. */
export const helmFuncs: FuncMap = {
  ...builtinFuncs,
  ...sprigListFuncs,
  ...sprigDictFuncs,
  ...sprigStringFuncs,
  ...sprigMathFuncs,
  ...sprigMiscFuncs,
  ...sprigRegexFuncs,
  ...sprigSemverFuncs,
  ...sprigDateFuncs,
  ...sprigCaseFuncs,
  ...helmTomlFuncs,
  ...sprigCryptoFuncs,
  ...sprigTimeFuncs,
  ...sprigUrlFuncs,
  include: fn(['string', 'any'], function (this: CallContext, name: string, data: unknown) { return this.include(name, data); }),
  tpl: fn(['string', 'any'], function (this: CallContext, text: string, data: unknown) { return this.tpl(text, data); }),
  required: fn(['string', 'any'], (warn: string, v: unknown) => {
    if (v === null || v === undefined || v === '') throw helmWarn('required')(warn);
    return v;
  }),
  fail: fn(['string'], (msg: string) => { throw helmWarn('fail')(msg); }),
  lookup: fn(['string', 'string', 'string', 'string'], () => ({})),
  default: fn(['any', 'any'], (d: unknown, ...given: unknown[]) => (given.length === 0 || empty(given[0]) ? d : given[0]), true),
  empty: fn(['any'], empty),
  coalesce: fn(['any'], (...v: unknown[]) => v.find((x) => !empty(x)) ?? null, true),
  ternary: fn(['any', 'any', 'bool'], (t: unknown, f: unknown, c: boolean) => (c ? t : f)),
  quote: fn(['any'], (...v: unknown[]) => v.filter((x) => x !== null).map((x) => goQuote(strval(x))).join(' '), true),
  squote: fn(['any'], (...v: unknown[]) => v.filter((x) => x !== null).map((x) => `'${strval(x)}'`).join(' '), true),
  toYaml: fn(['any'], toYaml),
  mustToYaml: fn(['any'], toYaml),
  toYamlPretty: fn(['any'], toYamlPretty),
  fromYaml: fn(['string'], fromYaml),
  indent: fn(['int', 'string'], indent),
  nindent: fn(['int', 'string'], (n: GoInt, v: string) => '\n' + indent(n, v)),
  trim: fn(['string'], (s: string) => s.replace(/^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/gu, '')),
  upper: fn(['string'], (s: string) => s.toUpperCase()),
  lower: fn(['string'], (s: string) => s.toLowerCase()),
  title: fn(['string'], (s: string) => s.replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase())),
  replace: fn(['string', 'string', 'string'], (o: string, n: string, s: string) => (o === '' ? s.replace(/(?:)/gu, n) : s.split(o).join(n))),
  contains: fn(['string', 'string'], (sub: string, s: string) => s.includes(sub)),
  hasPrefix: fn(['string', 'string'], (p: string, s: string) => s.startsWith(p)),
  hasSuffix: fn(['string', 'string'], (p: string, s: string) => s.endsWith(p)),
  trimSuffix: fn(['string', 'string'], (a: string, b: string) => (a !== '' && b.endsWith(a) ? b.slice(0, -a.length) : b)),
  trimPrefix: fn(['string', 'string'], (a: string, b: string) => (b.startsWith(a) ? b.slice(a.length) : b)),
  b64enc: fn(['string'], (s: string) => Buffer.from(s, 'utf8').toString('base64')),
  b64dec: fn(['string'], (s: string) => Buffer.from(s, 'base64').toString('utf8')),
  sha256sum: fn(['string'], (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')),
  sha1sum: fn(['string'], (s: string) => createHash('sha1').update(s, 'utf8').digest('hex')),
  int: fn(['any'], (v: unknown) => new GoInt(toInt(v).value)),
  int64: fn(['any'], (v: unknown) => new GoInt(toInt(v).value, 'int64')),
  float64: fn(['any'], toFloat),
  toString: fn(['any'], strval),
  trunc: fn(['int', 'string'], trunc),
  typeOf: fn(['any'], typeName),
};
