/** Sprig's string functions (strings.go) beyond the first set in helmFuncs.ts. Byte offsets as Go (ASCII-safe). */
import { BudgetError, MAX_OUTPUT_CHARS, OVER_OUTPUT } from './budget';
import { fn, FuncError, FuncMap } from './funcTypes';
import { sprint } from './fmt';
import { strslice, strval } from './sprigShared';
import { GoInt, goInt } from './values';

const indexed = (parts: string[]): Record<string, string> => Object.fromEntries(parts.map((p, i) => [`_${i}`, p]));

/** Go's strings.SplitN: n < 0 all parts, n == 0 none, else at most n parts. */
function splitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  const all = sep === '' ? [...s] : s.split(sep);
  if (n < 0 || all.length <= n) return all;
  return [...all.slice(0, n - 1), all.slice(n - 1).join(sep)];
}

/** Go's strings.Trim with a cutset of characters. */
function trimCutset(s: string, cutset: string): string {
  const cut = new Set([...cutset]);
  const chars = [...s];
  let a = 0;
  let b = chars.length;
  while (a < b && cut.has(chars[a])) a++;
  while (b > a && cut.has(chars[b - 1])) b--;
  return chars.slice(a, b).join('');
}

function substr(start: GoInt, end: GoInt, s: string): string {
  const [a, b] = [Number(start.value), Number(end.value)];
  if (a < 0) {
    if (b < 0 || b > s.length) throw new FuncError(`runtime error: slice bounds out of range [:${b}] with length ${s.length}`);
    return s.slice(0, b);
  }
  if (b < 0 || b > s.length) {
    if (a > s.length) throw new FuncError(`runtime error: slice bounds out of range [${a}:${s.length}]`);
    return s.slice(a);
  }
  if (a > b) throw new FuncError(`runtime error: slice bounds out of range [${a}:${b}]`);
  return s.slice(a, b);
}

/** commons-lang's abbreviateFull (goutils), as Sprig's abbrev/abbrevboth call it. */
function abbreviate(str: string, offset: number, maxWidth: number): string {
  if (str === '') return '';
  if (maxWidth < 4) return '';
  if (str.length <= maxWidth) return str;
  let off = Math.min(offset, str.length);
  if (str.length - off < maxWidth - 3) off = str.length - (maxWidth - 3);
  if (off <= 4) return str.slice(0, maxWidth - 3) + '...';
  if (maxWidth < 7) return '';
  if (off + maxWidth - 3 < str.length) return '...' + abbreviate(str.slice(off), 0, maxWidth - 3);
  return '...' + str.slice(str.length - (maxWidth - 3));
}

const isSpace = (c: string): boolean => /\s/u.test(c) || c === '\u0085';

/** goutils.Initials: the first letter of each whitespace-separated word. */
function initials(s: string): string {
  let out = '';
  let atStart = true;
  for (const c of s) {
    if (isSpace(c)) atStart = true;
    else if (atStart) {
      out += c;
      atStart = false;
    }
  }
  return out;
}

/** goutils.Uncapitalize per word (Sprig's untitle): lower-case each word's first letter. */
function untitle(s: string): string {
  let out = '';
  let atStart = true;
  for (const c of s) {
    out += atStart && !isSpace(c) ? c.toLowerCase() : c;
    atStart = isSpace(c);
  }
  return out;
}

export const sprigStringFuncs: FuncMap = {
  hello: fn([], () => 'Hello!'),
  split: fn(['string', 'string'], (sep: string, s: string) => indexed(splitN(s, sep, -1))),
  splitList: fn(['string', 'string'], (sep: string, s: string) => splitN(s, sep, -1)),
  splitn: fn(['string', 'int', 'string'], (sep: string, n: GoInt, s: string) => indexed(splitN(s, sep, Number(n.value)))),
  join: fn(['string', 'any'], (sep: string, v: unknown) => strslice(v).join(sep)),
  sortAlpha: fn(['any'], (v: unknown) => strslice(v).sort()),
  toStrings: fn(['any'], (v: unknown) => strslice(Array.isArray(v) ? v.map((x) => (x === null ? '<nil>' : x)) : v)),
  trimAll: fn(['string', 'string'], (cutset: string, s: string) => trimCutset(s, cutset)),
  trimall: fn(['string', 'string'], (cutset: string, s: string) => trimCutset(s, cutset)),
  substr: fn(['int', 'int', 'string'], substr),
  repeat: fn(['int', 'string'], (n: GoInt, s: string) => {
    if (n.value < 0n) throw new FuncError('strings: negative Repeat count');
    if (n.value * BigInt(s.length) > BigInt(MAX_OUTPUT_CHARS)) throw new BudgetError(OVER_OUTPUT);
    return s.repeat(Number(n.value));
  }),
  nospace: fn(['string'], (s: string) => [...s].filter((c) => !isSpace(c)).join('')),
  cat: fn(['any'], (...v: unknown[]) => v.filter((x) => x !== null && x !== undefined).map((x) => sprint([x])).join(' '), true),
  plural: fn(['string', 'string', 'int'], (one: string, many: string, n: GoInt) => (n.value === 1n ? one : many)),
  initials: fn(['string'], initials),
  untitle: fn(['string'], untitle),
  abbrev: fn(['int', 'string'], (w: GoInt, s: string) => (w.value < 4n ? s : abbreviate(s, 0, Number(w.value)))),
  abbrevboth: fn(['int', 'int', 'string'], (l: GoInt, r: GoInt, s: string) => (r.value < 4n || (l.value > 0n && r.value < 7n) ? s : abbreviate(s, Number(l.value), Number(r.value)))),
  swapcase: fn(['string'], (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('')),
  atoi: fn(['string'], (s: string) => (/^[-+]?\d+$/.test(s) ? goInt(BigInt(s)) : goInt(0))),
  toString: fn(['any'], strval),
};
