// .helmignore as Helm reads it (pkg/ignore): one glob a line, `#` comments, `!` negates, a trailing `/` matches
// folders only, a pattern with a `/` matches the chart-relative path, one without matches a base name.

import { compileGlob } from '../glob/linearGlob';

interface Rule {
  negate: boolean;
  dirOnly: boolean;
  matches: (subject: string) => boolean;
  byPath: boolean;
}

/** Helm always ignores dotfiles directly in templates/ (ignore.AddDefaults). */
const DEFAULT_RULES = ['templates/.?*'];

/** Returns a predicate on chart-relative file paths: true when Helm leaves the file out of the chart. */
export function helmIgnoreMatcher(text: string | undefined): (rel: string) => boolean {
  const rules = [...DEFAULT_RULES, ...(text ?? '').split(/\r?\n/)].map(toRule).filter((r): r is Rule => r !== undefined);
  return (rel) => {
    const parts = rel.split('/');
    // Helm walks folders and skips an ignored folder whole, so every ancestor folder is tested first.
    for (let i = 1; i <= parts.length; i++) {
      const isDir = i < parts.length;
      if (ignores(rules, parts.slice(0, i).join('/'), parts[i - 1], isDir)) return true;
    }
    return false;
  };
}

function ignores(rules: Rule[], path: string, base: string, isDir: boolean): boolean {
  let ignored = false;
  for (const rule of rules) {
    if (rule.dirOnly && !isDir) continue;
    if (rule.matches(rule.byPath ? path : base)) ignored = !rule.negate;
  }
  return ignored;
}

function toRule(line: string): Rule | undefined {
  let pattern = line.trim();
  if (pattern === '' || pattern.startsWith('#')) return undefined;
  const negate = pattern.startsWith('!');
  if (negate) pattern = pattern.slice(1);
  const dirOnly = pattern.endsWith('/');
  if (dirOnly) pattern = pattern.slice(0, -1);
  pattern = pattern.replace(/^\//, '');
  if (pattern === '') return undefined;
  return { negate, dirOnly, byPath: pattern.includes('/'), matches: globTest(pattern) };
}

/** Helm matches each rule with Go's filepath.Match. */
function globTest(pattern: string): (subject: string) => boolean {
  const matcher = compileGlob(pattern, 'gopath');
  return (subject) => matcher.test(subject);
}
