/** Sprig's regex functions (regex.go) on re2js, a linear-time engine with Go's RE2 syntax. */
import { RE2JS } from 're2js';
import { fn, FuncError, FuncMap } from './funcTypes';
import { GoInt } from './values';

/** Sprig's plain functions use regexp.MustCompile (its panic names the pattern); must* ones return the error. */
function compile(pattern: string, panics = true): RE2JS {
  try {
    let re = compiled.get(pattern);
    if (!re) {
      re = RE2JS.compile(pattern);
      if (compiled.size >= MAX_COMPILED) compiled.clear();
      compiled.set(pattern, re);
    }
    return re;
  } catch (e) {
    const message = (e as Error).message.replace(/^(error parsing regexp: )?/, 'error parsing regexp: ');
    throw new FuncError(panics ? `regexp: Compile(\`${pattern}\`): ${message}` : message);
  }
}

/** Patterns compiled once: a template calling `regexReplaceAll` in a loop or per render compiles the same few. */
const compiled = new Map<string, RE2JS>();
const MAX_COMPILED = 1000;

interface Match { start: number; end: number; groups: (string | null)[] }

/** Go's FindAll loop: successive non-overlapping matches; an empty match right after a match is skipped. */
function findAll(re: RE2JS, s: string, n: number): Match[] {
  const out: Match[] = [];
  const m = re.matcher(s);
  let pos = 0;
  let prevEnd = -1;
  while ((n < 0 || out.length < n) && pos <= s.length) {
    if (!m.find(pos)) break;
    const start = m.start();
    const end = m.end();
    let accept = true;
    if (end === start) {
      if (start === prevEnd) accept = false;
      const cp = s.codePointAt(end);
      pos = end + (cp === undefined ? 1 : cp > 0xffff ? 2 : 1);
    } else pos = end;
    prevEnd = end;
    if (accept) {
      const groups: (string | null)[] = [];
      for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g));
      out.push({ start, end, groups });
    }
  }
  return out;
}

/** Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`; a name takes the longest run of word characters. */
function expand(template: string, re: RE2JS, match: Match): string {
  let out = '';
  let t = template;
  while (t !== '') {
    const i = t.indexOf('$');
    if (i < 0) break;
    out += t.slice(0, i);
    t = t.slice(i);
    if (t.length > 1 && t[1] === '$') {
      out += '$';
      t = t.slice(2);
      continue;
    }
    const ref = /^\$(?:\{(\w+)\}|(\w+))/.exec(t);
    if (!ref) {
      out += '$';
      t = t.slice(1);
      continue;
    }
    t = t.slice(ref[0].length);
    const name = ref[1] ?? ref[2];
    const group = /^\d+$/.test(name) ? Number(name) : re.namedGroups()[name];
    if (group !== undefined && group < match.groups.length) out += match.groups[group] ?? '';
  }
  return out + t;
}

function replaceAll(pattern: string, s: string, repl: string, literal: boolean): string {
  const re = compile(pattern);
  let out = '';
  let last = 0;
  for (const m of findAll(re, s, -1)) {
    out += s.slice(last, m.start) + (literal ? repl : expand(repl, re, m));
    last = m.end;
  }
  return out + s.slice(last);
}

/** Go's Regexp.Split. */
function split(pattern: string, s: string, n: GoInt): string[] {
  const count = Number(n.value);
  if (count === 0) return [];
  const re = compile(pattern);
  if (pattern.length > 0 && s.length === 0) return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of findAll(re, s, count)) {
    if (count > 0 && out.length === count - 1) break;
    end = m.start;
    if (m.end !== 0) out.push(s.slice(beg, end));
    beg = m.end;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

const matchString = (pattern: string, s: string): boolean => findAll(compile(pattern), s, 1).length > 0;
const find = (pattern: string, s: string): string => findAll(compile(pattern), s, 1)[0]?.groups[0] ?? '';
const findAllStrings = (pattern: string, s: string, n: GoInt): string[] => findAll(compile(pattern), s, Number(n.value)).map((m) => m.groups[0] ?? '');

/** The must* variant: the same function, returning the compile error without MustCompile's prefix. */
function returnsError<A extends unknown[], R>(f: (...a: A) => R): (...a: A) => R {
  return (...a: A) => {
    try {
      return f(...a);
    } catch (e) {
      throw new FuncError((e as Error).message.replace(/^regexp: Compile\(`[^]*?`\): /, ''));
    }
  };
}

export const sprigRegexFuncs: FuncMap = {
  // Sprig's regexMatch ignores a bad pattern (false); the others panic with it.
  regexMatch: fn(['string', 'string'], (p: string, s: string) => { try { return matchString(p, s); } catch { return false; } }),
  mustRegexMatch: fn(['string', 'string'], returnsError(matchString)),
  regexFind: fn(['string', 'string'], find),
  mustRegexFind: fn(['string', 'string'], returnsError(find)),
  regexFindAll: fn(['string', 'string', 'int'], findAllStrings),
  mustRegexFindAll: fn(['string', 'string', 'int'], returnsError(findAllStrings)),
  regexReplaceAll: fn(['string', 'string', 'string'], (p: string, s: string, r: string) => replaceAll(p, s, r, false)),
  mustRegexReplaceAll: fn(['string', 'string', 'string'], returnsError((p: string, s: string, r: string) => replaceAll(p, s, r, false))),
  regexReplaceAllLiteral: fn(['string', 'string', 'string'], (p: string, s: string, r: string) => replaceAll(p, s, r, true)),
  mustRegexReplaceAllLiteral: fn(['string', 'string', 'string'], returnsError((p: string, s: string, r: string) => replaceAll(p, s, r, true))),
  regexSplit: fn(['string', 'string', 'int'], split),
  mustRegexSplit: fn(['string', 'string', 'int'], returnsError(split)),
  regexQuoteMeta: fn(['string'], (s: string) => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')),
};
