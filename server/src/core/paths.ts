// POSIX path helpers for the core. The core only ever sees absolute POSIX paths.
import * as posix from 'node:path/posix';

export const joinPath = posix.join;
export const dirnameOf = posix.dirname;
export const basenameOf = posix.basename;
export const normalizePath = posix.normalize;
export const resolvePath = (base: string, rel: string): string => posix.resolve(base, rel);

/** Path of `target` relative to `from`, POSIX, "." when equal. */
export function relativePath(from: string, target: string): string {
  const rel = posix.relative(from, target);
  return rel === '' ? '.' : rel;
}

/** True when `path` is `dir` itself or lies below it. */
export function isInside(dir: string, path: string): boolean {
  const rel = posix.relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !posix.isAbsolute(rel));
}

export function isYamlFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}
