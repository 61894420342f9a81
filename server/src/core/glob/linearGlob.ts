// Every glob that comes from workspace input (Application directory include/exclude, `.syncplan.yaml` and
// `syncplan.exclude`, health-customisation keys, ApplicationSet git generator paths, Helm value-file globs,
// `.Files.Glob` and `.helmignore`) is compiled here to an RE2 pattern and run with re2js, which
// matches in time linear in the name. Backtracking matchers take exponential or high-polynomial time on
// patterns like `*a*a*a*a*a*a*a*a*a*a*b` or `{,}{,}{,}{,}...`.

import { RE2JS } from 're2js';

export type GlobDialect =
  /** gobwas/glob without separators, as Argo CD's `util/glob.Match`: `*` and `?` also match `/`. */
  | 'argocd'
  /** SyncPlan's own exclude patterns, picomatch-style with dot files: `*` and `?` stay inside one folder,
   * `**` as a whole segment spans folders, and `a/**` also matches `a`. */
  | 'paths'
  /** Go's `path.Match` / `filepath.Match`: `*` and `?` stay inside one folder, `[^...]` negates, no braces, no `**`. */
  | 'gopath'
  /** gobwas/glob with `/` as separator (Helm's `.Files.Glob`): `*` stays inside one folder, `**` anywhere crosses folders. */
  | 'gobwas'
  /** git pathspec wildcards (fnmatch without FNM_PATHNAME): `*` and `?` also match `/`, no braces. */
  | 'pathspec';

interface DialectRules {
  /** What `*` and `?` may match. */
  any: string;
  /** `**` as a whole path segment spans folders (picomatch); `anywhere`: any `**` does (gobwas). */
  globstar: 'segment' | 'anywhere' | 'none';
  braces: boolean;
  /** Characters that negate a class when they follow `[`. */
  negations: string;
  /** A `]` right after `[` is a literal (POSIX) instead of closing the class. */
  literalFirstBracket: boolean;
  /** A negated class never matches `/`. */
  negatedClassSkipsSlash: boolean;
}

const DIALECTS: Record<GlobDialect, DialectRules> = {
  argocd: { any: '.', globstar: 'none', braces: true, negations: '!', literalFirstBracket: false, negatedClassSkipsSlash: false },
  paths: { any: '[^/]', globstar: 'segment', braces: true, negations: '!^', literalFirstBracket: true, negatedClassSkipsSlash: true },
  gopath: { any: '[^/]', globstar: 'none', braces: false, negations: '^', literalFirstBracket: false, negatedClassSkipsSlash: false },
  gobwas: { any: '[^/]', globstar: 'anywhere', braces: true, negations: '!', literalFirstBracket: false, negatedClassSkipsSlash: false },
  pathspec: { any: '.', globstar: 'none', braces: false, negations: '!^', literalFirstBracket: true, negatedClassSkipsSlash: false },
};

export interface GlobMatcher {
  test(name: string): boolean;
}

/** Patterns longer than this, or with braces nested deeper, are refused (they match nothing). */
export const MAX_GLOB_LENGTH = 1000;
const MAX_BRACE_DEPTH = 10;

export class GlobError extends Error {}

const NEVER: GlobMatcher = { test: () => false };

/** Compiles one glob; an invalid or refused pattern matches nothing, like a gobwas compile error in Argo CD. */
export function compileGlob(pattern: string, dialect: GlobDialect): GlobMatcher {
  const result = tryCompileGlob(pattern, dialect);
  return result instanceof GlobError ? NEVER : result;
}

/** Compiles one glob, or says why it is refused. */
export function tryCompileGlob(pattern: string, dialect: GlobDialect): GlobMatcher | GlobError {
  if (pattern.length > MAX_GLOB_LENGTH) return new GlobError(`longer than ${MAX_GLOB_LENGTH} characters`);
  const key = `${dialect}\u0000${pattern}`;
  let result = compiledGlobs.get(key);
  if (result) return result;
  try {
    const compiled = RE2JS.compile(`^(?:${translate(pattern, dialect)})$`, RE2JS.DOTALL);
    // A git generator matches its pattern against every folder of the repository: names without the pattern's
    // literal start cannot match and are refused before running the regex.
    const prefix = literalPrefix(pattern);
    result = prefix ? { test: (name) => name.startsWith(prefix) && compiled.matches(name) } : { test: (name) => compiled.matches(name) };
  } catch (error) {
    result = error instanceof GlobError ? error : new GlobError('not a valid pattern');
  }
  if (compiledGlobs.size >= MAX_COMPILED_GLOBS) compiledGlobs.clear();
  compiledGlobs.set(key, result);
  return result;
}

/** Globs compiled once (per dialect): the same generator and value-file patterns are matched on every render. */
const compiledGlobs = new Map<string, GlobMatcher | GlobError>();
const MAX_COMPILED_GLOBS = 1000;

/** A matcher for a list of globs: a name matches when any of them does. */
export function compileGlobs(patterns: readonly string[], dialect: GlobDialect): GlobMatcher {
  const matchers = patterns.map((p) => compileGlob(p, dialect));
  return { test: (name) => matchers.some((m) => m.test(name)) };
}

/**
 * The characters every name a glob matches starts with: the pattern up to its first special character, less a
 * final `/` (which a trailing `**` makes optional: `a/**` matches `a`).
 */
function literalPrefix(pattern: string): string {
  const special = pattern.search(/[\\*?[{},]/);
  const literal = special < 0 ? pattern : pattern.slice(0, special);
  return literal.endsWith('/') ? literal.slice(0, -1) : literal;
}

function translate(pattern: string, dialect: GlobDialect): string {
  const rules = DIALECTS[dialect];
  let out = '';
  let depth = 0;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '\\') {
      if (i + 1 >= pattern.length) throw new GlobError('ends with an unfinished escape');
      out += RE2JS.quote(pattern[i + 1]);
      i += 2;
    } else if (ch === '*') {
      let end = i;
      while (pattern[end] === '*') end++;
      const globstar = end - i >= 2;
      if (rules.globstar === 'segment' && globstar && (i === 0 || pattern[i - 1] === '/') && (end === pattern.length || pattern[end] === '/')) {
        // `**` as a whole segment: any number of folders, including none (`a/**/b` matches `a/b`).
        if (end === pattern.length) out = i === 0 ? `${out}.*` : `${out.replace(/\/$/, '')}(?:/.*)?`;
        else {
          out += '(?:.*/)?';
          end++;
        }
      } else if (rules.globstar === 'anywhere' && globstar) out += '.*';
      else out += `${rules.any}*`;
      i = end;
    } else if (ch === '?') {
      out += rules.any;
      i++;
    } else if (ch === '[') {
      const [cls, next] = characterClass(pattern, i, rules);
      out += cls;
      i = next;
    } else if (ch === '{' && rules.braces) {
      if (++depth > MAX_BRACE_DEPTH) throw new GlobError(`braces nested deeper than ${MAX_BRACE_DEPTH}`);
      out += '(?:';
      i++;
    } else if (ch === ',' && depth > 0) {
      out += '|';
      i++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      out += ')';
      i++;
    } else {
      out += RE2JS.quote(ch);
      i++;
    }
  }
  if (depth > 0) throw new GlobError('has an unclosed `{`');
  return out;
}

/** `[abc]`, `[a-z]`, `[!abc]` or `[^abc]` (as the dialect allows) to an RE2 class. */
function characterClass(pattern: string, start: number, rules: DialectRules): [string, number] {
  let i = start + 1;
  let negated = false;
  if (i < pattern.length && rules.negations.includes(pattern[i])) {
    negated = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < pattern.length && (pattern[i] !== ']' || (first && rules.literalFirstBracket))) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      body += `\\x{${pattern.codePointAt(i + 1)?.toString(16)}}`;
      i += 2;
    } else if (ch === '-' && body !== '' && pattern[i + 1] !== ']') {
      body += '-';
      i++;
    } else {
      const code = pattern.codePointAt(i) ?? 0;
      body += `\\x{${code.toString(16)}}`;
      i += code > 0xffff ? 2 : 1;
    }
    first = false;
  }
  if (i >= pattern.length) throw new GlobError('has an unclosed `[`');
  if (body === '') throw new GlobError('has an empty `[]`');
  const exclusions = negated && rules.negatedClassSkipsSlash ? '/' : '';
  return [`[${negated ? '^' : ''}${body}${exclusions}]`, i + 1];
}
